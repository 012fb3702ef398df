"""The forms of the notice pages: whom to notify, the texts per language, the announcement.
Labels go through gettext (Japanese and English)."""

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from hogo.collect.selectors import import_jobs_recent
from hogo.policy.schema import Policy
from hogo.policy.wording import date_shown
from hogo.safety.notice_content import Texts
from hogo.safety.notice_models import SelectionKind
from hogo.safety.notices import Selection, ids_parse

KINDS = (
    (SelectionKind.CHANNEL.value, _("Everyone acquired through a channel between two days")),
    (SelectionKind.IMPORT.value, _("Everyone acquired by a directory import")),
    (SelectionKind.IDS.value, _("A list of subject ids")),
)


class SelectionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Whom to notify"), choices=KINDS, widget=forms.RadioSelect)
    channel = forms.ChoiceField(label=_("Channel"), required=False)
    since = forms.DateField(
        label=_("First day (Japan time)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    until = forms.DateField(
        label=_("Last day (Japan time)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    import_job = forms.TypedChoiceField(
        label=_("Directory import"), required=False, coerce=int, empty_value=None
    )
    ids = forms.CharField(
        label=_("Subject ids (sub_..., one per line)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, policy: Policy, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lang = get_language() or "ja"
        channel = self.fields["channel"]
        assert isinstance(channel, forms.ChoiceField)
        channel.choices = [("", "—")] + [
            (c.id, c.title.get(lang)) for c in policy.channels.values()
        ]
        job = self.fields["import_job"]
        assert isinstance(job, forms.ChoiceField)
        job.choices = [("", "—")] + [
            (
                str(j.job_id),
                _("%(provider)s, received %(day)s (%(n)s people)")
                % {"provider": j.provider, "day": date_shown(j.received_on), "n": j.imported},
            )
            for j in import_jobs_recent()
        ]

    def selection(self) -> Selection:
        """The choice as the services take it (InvalidInput for a malformed id list)."""
        data = self.cleaned_data
        kind = SelectionKind(data["kind"])
        return Selection(
            kind=kind,
            channel=data["channel"] or "",
            since=data["since"],
            until=data["until"],
            import_job=data["import_job"],
            ids=ids_parse(data["ids"] or "") if kind == SelectionKind.IDS else (),
        )


class TextsForm(forms.Form):
    """What the people receive (or the announcement says), in each language."""

    subject_ja = forms.CharField(label=_("Subject (Japanese)"), max_length=200)
    body_ja = forms.CharField(
        label=_("Text (Japanese)"), widget=forms.Textarea(attrs={"rows": 16, "cols": 90})
    )
    subject_en = forms.CharField(label=_("Subject (English)"), max_length=200)
    body_en = forms.CharField(
        label=_("Text (English)"), widget=forms.Textarea(attrs={"rows": 16, "cols": 90})
    )

    def __init__(self, *args: Any, heading: str = "subject", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if heading == "title":
            self.fields["subject_ja"].label = _("Title (Japanese)")
            self.fields["subject_en"].label = _("Title (English)")

    def texts(self) -> Texts:
        data = self.cleaned_data
        return Texts(data["subject_ja"], data["body_ja"], data["subject_en"], data["body_en"])

    @staticmethod
    def initial_from(texts: Texts) -> dict[str, str]:
        return {
            "subject_ja": texts.subject_ja,
            "body_ja": texts.body_ja,
            "subject_en": texts.subject_en,
            "body_en": texts.body_en,
        }
