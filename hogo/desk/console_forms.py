"""The forms of the desk's console pages (console.py, console_actions.py): what staff pick and
type, checked for what they can fix on the page; the services check everything again."""

from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hogo.desk.export import ExportPurpose
from hogo.desk.intake import AGENT_KINDS, AUTHORITY_DOCUMENTS, IDENTITY_DOCUMENTS
from hogo.desk.labels import EVIDENCE_TITLES
from hogo.desk.models import CaseKind, CaseRefusalReason, CaseStatus, FeeDifference
from hogo.desk.search import CaseFilter
from hogo.policy.wording import DELIVERY_METHODS

SHOW_CHOICES = [
    ("open", pgettext_lazy("console filter", "open")),
    ("closed", pgettext_lazy("console filter", "closed")),
    ("all", pgettext_lazy("console filter", "all")),
    *((v, label) for v, label in CaseStatus.choices if v != CaseStatus.OPEN),
]
ORDER_CHOICES = [
    ("due", _("Deadline, soonest first")),
    ("-due", _("Deadline, latest first")),
    ("received", _("Received, oldest first")),
    ("-received", _("Received, newest first")),
]


class FindForm(forms.Form):
    """A requester's cases by their address: posted, so the address stays out of URLs and logs."""

    email = forms.EmailField(label=_("Requester's e-mail address"), max_length=254)


class FilterForm(forms.Form):
    show = forms.ChoiceField(
        label=pgettext_lazy("console", "Show"), choices=SHOW_CHOICES, required=False
    )
    kind = forms.ChoiceField(
        label=pgettext_lazy("console", "Kind"),
        choices=[("", pgettext_lazy("console filter", "all kinds")), *CaseKind.choices],
        required=False,
    )
    ref = forms.CharField(
        label=_("Request number"), max_length=40, required=False, help_text=_("Or its start.")
    )
    order = forms.ChoiceField(
        label=pgettext_lazy("console", "Sort by"), choices=ORDER_CHOICES, required=False
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
    mine = forms.BooleanField(label=_("My cases only"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def case_filter(self, user: User) -> CaseFilter:
        data = self.cleaned_data if self.is_valid() else {}
        return CaseFilter(
            show=data.get("show") or "open",
            kind=data.get("kind") or "",
            ref=data.get("ref") or "",
            assignee_id=user.pk if data.get("mine") else None,
            overdue=bool(data.get("overdue")),
            order=data.get("order") or "due",
        )


def staff_choices(first: str) -> list[tuple[str, str]]:
    users = User.objects.filter(is_staff=True, is_active=True).order_by("username")
    return [("", first), *((str(u.pk), u.get_full_name() or u.username) for u in users)]


class BulkAssignForm(forms.Form):
    cases = forms.MultipleChoiceField(label=_("Requests"))
    assignee = forms.ChoiceField(label=_("Assign to"), required=False)

    def __init__(self, *args: object, refs: list[str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        cases = self.fields["cases"]
        assert isinstance(cases, forms.MultipleChoiceField)
        cases.choices = [(r, r) for r in refs]
        assignee = self.fields["assignee"]
        assert isinstance(assignee, forms.ChoiceField)
        assignee.choices = staff_choices(str(_("— nobody —")))


class RefuseForm(forms.Form):
    # No ground is preselected: the desk must choose one.
    reason = forms.ChoiceField(
        label=pgettext_lazy("console", "Reason"),
        choices=[("", _("— choose a ground —")), *CaseRefusalReason.choices],
    )
    explanation = forms.CharField(
        label=_("Explanation"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label=pgettext_lazy("console", "Text"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )
    reply = forms.BooleanField(required=False, label=_("E-mail this to the person as a reply"))


class FeeForm(forms.Form):
    amount_jpy = forms.IntegerField(label=_("Amount received (JPY)"), min_value=0)
    received_on = forms.DateField(
        label=_("Date it arrived"), widget=forms.DateInput(attrs={"type": "date"})
    )
    reference = forms.CharField(
        label=_("Payment reference"),
        max_length=40,
        help_text=_("The transfer's or money order's number; never the payer's name."),
    )
    difference = forms.ChoiceField(
        label=_("If the amount is not the fee, why"),
        choices=[("", _("— the amount is the fee —")), *FeeDifference.choices],
        required=False,
    )


class ExportForm(forms.Form):
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To (included)"), widget=forms.DateInput(attrs={"type": "date"}))
    file_format = forms.ChoiceField(
        label=_("File"),
        choices=[("xlsx", _("Excel workbook (xlsx)")), ("csv", _("CSV (UTF-8)"))],
        widget=forms.RadioSelect,
        initial="xlsx",
    )
    purpose = forms.ChoiceField(
        label=_("Add each requester's address and name, because"),
        choices=[("", _("— no personal values —")), *ExportPurpose.choices],
        required=False,
        help_text=_(
            "Privacy officer only. The addresses and names are opened from the vault, and the "
            "export is recorded in the audit log with the reason you choose."
        ),
    )


class RecordForm(forms.Form):
    kind = forms.ChoiceField(label=pgettext_lazy("console", "Kind"), choices=CaseKind.choices)
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        help_text=_("Leave empty to answer by post."),
    )
    subject_id = forms.RegexField(
        label=_("Subject id"),
        regex=r"^sub_[a-z2-7]{16}$",
        required=False,
        help_text=_("The person's subject id (console > Subjects), when known."),
    )
    # Each language named in itself, as the page frame's language switch does.
    language = forms.ChoiceField(
        label=pgettext_lazy("console", "Language"), choices=[("ja", "日本語"), ("en", "English")]
    )
    received_on = forms.DateTimeField(
        label=pgettext_lazy("console", "Received"),
        help_text=_("When the letter or e-mail arrived."),
    )
    document = forms.ChoiceField(
        label=_("Identity document"), choices=[(d, EVIDENCE_TITLES[d]) for d in IDENTITY_DOCUMENTS]
    )
    agent = forms.ChoiceField(
        label=_("Agent"),
        choices=[("", _("— the person themself —"))]
        + [(a, EVIDENCE_TITLES[a]) for a in AGENT_KINDS],
        required=False,
    )
    authority_document = forms.ChoiceField(
        label=_("Document of the agent's authority"),
        choices=[("", "—")] + [(a, EVIDENCE_TITLES[a]) for a in AUTHORITY_DOCUMENTS],
        required=False,
    )
    copy_destroyed = forms.BooleanField(
        label=_("Copies of the documents were destroyed after the check (policy)")
    )
    delivery = forms.ChoiceField(
        label=_("Delivery of the disclosure"),
        choices=[(m, DELIVERY_METHODS[m]) for m in ("postal_mail", "email_attachment")],
        required=False,
        help_text=_("Disclosure only."),
    )
    details = forms.CharField(
        label=_("Details"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=format_lazy(
            "{} {}",
            _("What was asked, as JSON for corrections, suspension and complaints, e.g."),
            '{"changes": [{"category": "phone", "action": "set", "value": "..."}]}',
        ),
    )
