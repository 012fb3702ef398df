"""The internal review of the safety measures (policy 1: "continue to implement and improve";
6.1: "necessary corrective actions"): a checklist generated from the active policy, one item
per safety measure and per section, with the evidence hogo gathers when the review opens;
findings get corrective actions with an owner and a due day; the review closes only when every
item is assessed and every action done.

Writes (one transaction and one audit event each): `review_open`, `review_item_assess`,
`action_create`, `action_complete`, `review_close`. The checklist keeps the policy's texts as
they stood when the review opened, so the report shows what was reviewed.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from hogo.audit.services import audit_record
from hogo.errors import Conflict, InvalidInput, NotFound
from hogo.policy.schema import Policy, Text
from hogo.policy.selectors import PolicyNotLoaded, policy_active
from hogo.safety.clocks import JST, months_after, today_jst
from hogo.safety.oversight_models import (
    CorrectiveAction,
    ItemResult,
    Review,
    ReviewItem,
    ReviewStatus,
)
from hogo.safety.review_evidence import evidence_gather

MAX_NOTE = 4000


@dataclass(frozen=True)
class ChecklistEntry:
    section: str  # the policy's clause
    key: str
    title: Promise
    text: Callable[[Policy], Text]


# One entry per section of the policy, then one per safety measure of section 6. The clause
# numbers are those of the published policy's structure, which the policy file follows.
CHECKLIST = (
    ChecklistEntry(
        "1", "basic_policy", gettext_lazy("Basic policy"), lambda p: p.basic_policy.text
    ),
    ChecklistEntry(
        "2", "acquisition", gettext_lazy("Acquisition"), lambda p: p.acquisition.fair_means
    ),
    ChecklistEntry(
        "3", "sources", gettext_lazy("Sources of personal information"), lambda p: p.sources.direct
    ),
    ChecklistEntry("4", "use", gettext_lazy("Use within the purposes"), lambda p: p.use.principle),
    ChecklistEntry(
        "5",
        "provision",
        gettext_lazy("Provision to third parties"),
        lambda p: p.provision.principle,
    ),
    ChecklistEntry("6", "safety", gettext_lazy("Safety measures"), lambda p: p.safety.principle),
    ChecklistEntry(
        "6.1",
        "safety.prevention",
        gettext_lazy("Prevention and corrective actions"),
        lambda p: p.safety.prevention,
    ),
    ChecklistEntry(
        "6",
        "safety.organizational",
        gettext_lazy("Organizational measures"),
        lambda p: p.safety.organizational,
    ),
    ChecklistEntry("6", "safety.human", gettext_lazy("Human measures"), lambda p: p.safety.human),
    ChecklistEntry(
        "6", "safety.physical", gettext_lazy("Physical measures"), lambda p: p.safety.physical
    ),
    ChecklistEntry(
        "6", "safety.technical", gettext_lazy("Technical measures"), lambda p: p.safety.technical
    ),
    ChecklistEntry(
        "6",
        "safety.external_environment",
        gettext_lazy("External environment"),
        lambda p: p.safety.external_environment.statement,
    ),
    ChecklistEntry(
        "6.2", "safety.training", gettext_lazy("Regular education"), lambda p: p.safety.training
    ),
    ChecklistEntry(
        "6.3",
        "safety.outsourcing",
        gettext_lazy("Supervision of contractors"),
        lambda p: p.safety.outsourcing,
    ),
    ChecklistEntry(
        "6.4",
        "website.ip_addresses",
        gettext_lazy("IP addresses"),
        lambda p: p.website.ip_addresses,
    ),
    ChecklistEntry(
        "7.1",
        "requests",
        gettext_lazy("Requests about retained personal data"),
        lambda p: p.requests.how,
    ),
    ChecklistEntry(
        "7.2", "complaints", gettext_lazy("Complaints and inquiries"), lambda p: p.complaints.text
    ),
)
TITLES = {entry.key: entry.title for entry in CHECKLIST}


def _review(ref: str, *, lock: bool = False) -> Review:
    rows = Review.objects.select_for_update() if lock else Review.objects.all()
    found = rows.filter(ref=ref).first()
    if found is None:
        raise NotFound(f"review {ref} does not exist")
    return found


def _open_review(ref: str) -> Review:
    review = _review(ref, lock=True)
    if review.status != ReviewStatus.OPEN:
        raise Conflict(f"review {ref} is closed")
    return review


@transaction.atomic
def review_open(*, actor: str, now: datetime | None = None) -> Review:
    """Opens a review: the checklist from the active policy and the evidence gathered now.
    One review is open at a time."""
    now = now or timezone.now()
    try:
        policy = policy_active()
    except PolicyNotLoaded:
        raise Conflict("no policy is loaded: the checklist is made from it") from None
    if Review.objects.filter(status=ReviewStatus.OPEN).exists():
        raise Conflict("a review is already open: close it first")
    try:
        with transaction.atomic():
            review = Review.objects.create(
                policy_version=policy.version,
                opened_at=now,
                opened_by=actor,
                evidence=evidence_gather(now=now),
            )
    except IntegrityError:
        raise Conflict("a review is already open: close it first") from None
    ReviewItem.objects.bulk_create(
        ReviewItem(
            review=review,
            position=position,
            section=entry.section,
            key=entry.key,
            text_ja=entry.text(policy).ja,
            text_en=entry.text(policy).en,
        )
        for position, entry in enumerate(CHECKLIST, start=1)
    )
    audit_record(
        actor=actor,
        action="safety.review.open",
        detail={"review": review.ref, "policy_version": policy.version, "items": len(CHECKLIST)},
    )
    return review


def _item(review: Review, position: int) -> ReviewItem:
    found = review.items.filter(position=position).first()
    if found is None:
        raise NotFound(f"review {review.ref} has no item {position}")
    return found


@transaction.atomic
def review_item_assess(
    *, actor: str, review_ref: str, position: int, result: str, note: str
) -> ReviewItem:
    """The result of one checklist item (ok, finding, not applicable) and the note; a finding
    needs a note. An item with corrective actions stays a finding."""
    review = _open_review(review_ref)
    item = _item(review, position)
    if result not in (ItemResult.OK, ItemResult.FINDING, ItemResult.NOT_APPLICABLE):
        raise InvalidInput("result: ok, finding or na")
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise InvalidInput(f"note: at most {MAX_NOTE} characters")
    if result == ItemResult.FINDING and not note:
        raise InvalidInput("note: describe the finding")
    if result != ItemResult.FINDING and item.actions.exists():
        raise Conflict(f"item {position} has corrective actions: it stays a finding")
    item.result, item.note = result, note
    item.assessed_at, item.assessed_by = timezone.now(), actor
    item.save()
    audit_record(
        actor=actor,
        action="safety.review.assess",
        detail={"review": review.ref, "item": item.key, "result": result},
    )
    return item


@transaction.atomic
def action_create(
    *, actor: str, review_ref: str, position: int, description: str, owner: User, due_on: date
) -> CorrectiveAction:
    """A corrective action for a finding: what to do, the staff member who owns it, by when."""
    review = _open_review(review_ref)
    item = _item(review, position)
    if item.result != ItemResult.FINDING:
        raise Conflict(f"item {position} is not a finding: record the finding first")
    description = description.strip()
    if not description or len(description) > MAX_NOTE:
        raise InvalidInput(f"description: say what is to be done, at most {MAX_NOTE} characters")
    if not (owner.is_active and owner.is_staff):
        raise InvalidInput("owner: an active staff member")
    if due_on < today_jst(timezone.now()):
        raise InvalidInput("due_on: is in the past")
    action = CorrectiveAction.objects.create(
        item=item,
        description=description,
        owner=owner,
        due_on=due_on,
        created_at=timezone.now(),
        created_by=actor,
    )
    audit_record(
        actor=actor,
        action="safety.action.create",
        detail={
            "review": review.ref,
            "action": action.pk,
            "owner": f"user:{owner.pk}",
            "due_on": due_on.isoformat(),
        },
    )
    return action


@transaction.atomic
def action_complete(*, actor: str, action_id: int, note: str) -> CorrectiveAction:
    """The action is done: what was done (required)."""
    action = CorrectiveAction.objects.select_for_update().filter(pk=action_id).first()
    if action is None:
        raise NotFound(f"corrective action {action_id} does not exist")
    review = _open_review(action.item.review.ref)
    if action.done:
        raise Conflict(f"corrective action {action_id} is already done")
    note = note.strip()
    if not note or len(note) > MAX_NOTE:
        raise InvalidInput(f"note: say what was done, at most {MAX_NOTE} characters")
    action.done_at, action.done_by, action.done_note = timezone.now(), actor, note
    action.save(update_fields=["done_at", "done_by", "done_note"])
    audit_record(
        actor=actor,
        action="safety.action.complete",
        detail={"review": review.ref, "action": action.pk},
    )
    return action


def review_close_blockers(*, review: Review) -> list[str]:
    """Why the review cannot close yet (empty: it can), as codes for the console's words."""
    items = list(review.items.all())
    blockers = []
    if any(i.result == ItemResult.PENDING for i in items):
        blockers.append("pending_items")
    findings = [i for i in items if i.result == ItemResult.FINDING]
    if any(not i.actions.exists() for i in findings):
        blockers.append("findings_without_action")
    if CorrectiveAction.objects.filter(item__review=review, done_at__isnull=True).exists():
        blockers.append("actions_open")
    return blockers


@transaction.atomic
def review_close(*, actor: str, review_ref: str, conclusion: str) -> Review:
    """Closes the review once every item is assessed, every finding has a corrective action and
    every action is done."""
    review = _open_review(review_ref)
    blockers = review_close_blockers(review=review)
    if blockers:
        raise Conflict(f"review {review_ref} cannot close yet: {', '.join(blockers)}")
    if len(conclusion) > MAX_NOTE:
        raise InvalidInput(f"conclusion: at most {MAX_NOTE} characters")
    review.status = ReviewStatus.CLOSED
    review.closed_at, review.closed_by = timezone.now(), actor
    review.conclusion = conclusion.strip()
    review.save()
    findings = review.items.filter(result=ItemResult.FINDING).count()
    audit_record(
        actor=actor,
        action="safety.review.close",
        detail={"review": review.ref, "findings": findings},
    )
    return review


def review_get(*, ref: str) -> Review:
    return _review(ref)


def reviews_all() -> list[Review]:
    return list(Review.objects.order_by("-opened_at", "-pk")[:200])


def review_next_due(*, now: datetime) -> date | None:
    """The day the next review is due: `[internal_review].cadence_months` after the last one
    opened; None when none was ever held (due now)."""
    last = Review.objects.order_by("-opened_at").values_list("opened_at", flat=True).first()
    if last is None:
        return None
    try:
        months = policy_active().internal_review.cadence_months
    except PolicyNotLoaded:
        months = 12
    return months_after(last.astimezone(JST).date(), months)


def actions_overdue(*, now: datetime) -> list[CorrectiveAction]:
    """Corrective actions not done whose due day has passed in Japan."""
    return list(
        CorrectiveAction.objects.filter(done_at__isnull=True, due_on__lt=today_jst(now))
        .select_related("owner", "item__review")
        .order_by("due_on", "pk")
    )
