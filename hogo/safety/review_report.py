"""What a review shows, in the active language: the checklist with results, the evidence hogo
gathered when the review opened, the findings with their corrective actions; for the console
page and for the report PDF (in Japanese, WeasyPrint, the print style of the PPC report draft)."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.contrib.auth.models import User
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.functional import Promise
from django.utils.translation import get_language, gettext, gettext_lazy

from hogo.policy.selectors import PolicyNotLoaded, policy_active
from hogo.policy.wording import date_shown
from hogo.safety import labels
from hogo.safety.oversight_models import CorrectiveAction, ItemResult, Review, ReviewItem
from hogo.safety.review import TITLES

RESULTS: dict[str, Promise] = {
    ItemResult.PENDING: gettext_lazy("not assessed yet"),
    ItemResult.OK: gettext_lazy("in place"),
    ItemResult.FINDING: gettext_lazy("finding"),
    ItemResult.NOT_APPLICABLE: gettext_lazy("not applicable"),
}


@dataclass
class ActionRow:
    action: CorrectiveAction
    owner: str
    due: str
    overdue: bool
    done: str  # when and by whom, "" while open


@dataclass
class ItemRow:
    item: ReviewItem
    title: str
    text: str
    result: str
    actions: list[ActionRow] = field(default_factory=list)


@dataclass
class EvidenceBlock:
    title: str
    summary: str
    ok: bool
    rows: list[str]


@dataclass
class ReviewView:
    review: Review
    opened: str
    opened_by: str
    closed: str
    closed_by: str
    items: list[ItemRow]
    evidence: list[EvidenceBlock]


def _user_name(actor: str) -> str:
    kind, _sep, pk = actor.partition(":")
    if kind == "user" and pk.isdigit():
        return User.objects.filter(pk=int(pk)).values_list("username", flat=True).first() or actor
    return gettext("hogo (automatic)") if kind == "system" else actor


def _day(value: str) -> str:
    parsed = parse_date(value)
    return date_shown(parsed) if parsed else value


def _moment(value: str) -> str:
    parsed = parse_datetime(value)
    return labels.local_time(parsed) if parsed else value


def _request_kind(kind: str) -> str:
    try:
        found = policy_active().requests.kinds.get(kind)
    except PolicyNotLoaded:
        found = None
    return found.title.get(get_language() or "ja") if found else kind


RowWords = Callable[[dict[str, str]], str]


def _count_block(title: str, block: dict[str, Any], row: RowWords) -> EvidenceBlock:
    count = int(block.get("count", 0))
    rows = [row(r) for r in block.get("rows", [])]
    summary = gettext("none") if count == 0 else gettext("%(n)d found") % {"n": count}
    return EvidenceBlock(title, summary, count == 0, rows)


def _request_row(r: dict[str, str]) -> str:
    return gettext("%(ref)s (%(kind)s): due %(due)s") % {
        "ref": r["ref"],
        "kind": _request_kind(r["kind"]),
        "due": _moment(r["due_at"]),
    }


def _training_row(r: dict[str, str]) -> str:
    return gettext("%(user)s: %(course)s, due %(due)s") % {
        "user": r["user"],
        "course": r["course"],
        "due": _day(r["due_on"]),
    }


def _contract_row(r: dict[str, str]) -> str:
    return gettext("%(contractor)s (agreement %(agreement)s): due %(due)s") % {
        "contractor": r["contractor"],
        "agreement": r["agreement"],
        "due": _day(r["due_on"]),
    }


def _incident_row(r: dict[str, str]) -> str:
    return gettext("%(ref)s: %(status)s, aware since %(when)s") % {
        "ref": r["ref"],
        "status": labels.STATUSES.get(r["status"], r["status"]),
        "when": _moment(r["discovered_at"]),
    }


def _evidence(review: Review) -> list[EvidenceBlock]:
    found = review.evidence
    audit = found.get("audit", {})
    blocks = [
        EvidenceBlock(
            gettext("Audit log chain (hogo audit verify)"),
            (gettext("intact: %(n)d events") % {"n": audit.get("events", 0)})
            if audit.get("ok")
            else gettext("broken: %(line)s") % {"line": audit.get("line", "")},
            bool(audit.get("ok")),
            [],
        )
    ]
    words: list[tuple[str, str, RowWords]] = [
        (gettext("Requests past their deadline"), "requests_overdue", _request_row),
        (gettext("Overdue trainings"), "trainings_overdue", _training_row),
        (gettext("Contractors whose supervision is overdue"), "supervision_overdue", _contract_row),
        (gettext("Open incidents"), "incidents_open", _incident_row),
    ]
    for title, key, row in words:
        blocks.append(_count_block(title, found.get(key, {}), row))
    return blocks


def _action_row(action: CorrectiveAction, today: date) -> ActionRow:
    done = ""
    if action.done_at is not None:
        done = gettext("%(when)s by %(who)s: %(note)s") % {
            "when": labels.local_time(action.done_at),
            "who": _user_name(action.done_by),
            "note": action.done_note,
        }
    return ActionRow(
        action,
        action.owner.username,
        date_shown(action.due_on),
        action.done_at is None and action.due_on < today,
        done,
    )


def review_view(review: Review, *, now: datetime | None = None) -> ReviewView:
    today = timezone.localdate(now or timezone.now())
    english = (get_language() or "ja").startswith("en")
    items = []
    for item in review.items.prefetch_related("actions__owner"):
        items.append(
            ItemRow(
                item,
                str(TITLES.get(item.key, item.key)),
                item.text_en if english else item.text_ja,
                str(RESULTS[item.result]),
                [_action_row(a, today) for a in item.actions.all()],
            )
        )
    return ReviewView(
        review=review,
        opened=labels.local_time(review.opened_at),
        opened_by=_user_name(review.opened_by),
        closed=labels.local_time(review.closed_at) if review.closed_at else "",
        closed_by=_user_name(review.closed_by) if review.closed_by else "",
        items=items,
        evidence=_evidence(review),
    )


def review_pdf(review: Review) -> bytes:
    import weasyprint  # 2 s to import: only where a PDF is made

    with translation.override("ja"):
        try:
            organization = policy_active().organization.name.ja
        except PolicyNotLoaded:
            organization = ""
        html = render_to_string(
            "safety/review_report.html",
            {
                "v": review_view(review),
                "organization": organization,
                "generated": labels.local_time(timezone.now()),
            },
        )
    pdf: bytes = weasyprint.HTML(string=html).write_pdf()
    return pdf
