"""Notices to the people affected by an incident (APPI Art. 26(2)): choosing them, queuing a
round, and handing each person's mail to the desk's outbox batch by batch.

`notice_queue` freezes whom a round concerns: one pending delivery row per person, unique per
incident and person, so choosing someone twice (or in two rounds) notifies them once. Then
`notices_send` works through the pending rows in batches; each batch reads the addresses
through the vault's purpose-bound access (audited), stores the mails in the outbox and marks the
rows in one transaction. A process killed at any moment leaves whole batches done and the rest
pending: running it again (the task, `hogo safety notify`) finishes the round, with nobody
mailed twice and nobody left out. Delivery and its retries are the outbox's.
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, QuerySet
from django.utils import timezone

from hogo.audit.services import audit_record
from hogo.collect.selectors import import_job_subjects, languages_last_used
from hogo.desk.mail import PersonMail, notice_mails_queue
from hogo.desk.selectors import mails_sent_count
from hogo.errors import InvalidInput
from hogo.policy.selectors import policy_active
from hogo.safety.clocks import JST
from hogo.safety.models import Incident, IncidentStep, StepKind
from hogo.safety.notice_content import LANGS, Texts, notice_mail, texts_checked
from hogo.safety.notice_models import (
    DeliveryState,
    IncidentNotice,
    NoticeDelivery,
    NoticeStatus,
    SelectionKind,
)
from hogo.safety.selectors import incident_get
from hogo.vault.access import subjects_access
from hogo.vault.selectors import purposes_held_by_pk, subjects_acquired_through, subjects_named

ACTOR = "system:safety"
BATCH = 1000  # people per transaction (and per audit event)
MAX_IDS = 10_000
NO_EMAIL = "no_email"
EMAIL = "email"  # the vault's identifier kind of e-mail addresses (its public labels)
ACTIVE = "active"  # a subject neither erased nor disposed of
_ID = re.compile(r"sub_[A-Za-z0-9_-]{4,40}")


@dataclass(frozen=True)
class Selection:
    """Whom a round concerns: a channel between two days (inclusive, in Japan), an import job,
    or a list of subject ids."""

    kind: SelectionKind
    channel: str = ""
    since: date | None = None
    until: date | None = None
    import_job: int | None = None
    ids: tuple[str, ...] = ()

    def criteria(self) -> dict[str, object]:
        """What the round records of the choice: ids of channels and jobs, days, a count."""
        if self.kind == SelectionKind.CHANNEL:
            return {"channel": self.channel, "since": str(self.since), "until": str(self.until)}
        if self.kind == SelectionKind.IMPORT:
            return {"import_job": self.import_job}
        return {"ids": len(self.ids)}


def ids_parse(text: str) -> tuple[str, ...]:
    """Subject ids pasted one per line (or separated by commas or spaces), each once."""
    ids = [part for part in re.split(r"[\s,]+", text) if part]
    bad = [part for part in ids if not _ID.fullmatch(part)]
    if bad:
        raise InvalidInput(f"ids: {len(bad)} entries are not subject ids (sub_...)")
    if len(ids) > MAX_IDS:
        raise InvalidInput(f"ids: at most {MAX_IDS} per round")
    return tuple(dict.fromkeys(ids))


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=JST)


def selection_subjects(selection: Selection) -> QuerySet[Any]:
    """The people a selection names; bad input is refused with what to fix."""
    if selection.kind == SelectionKind.CHANNEL:
        if selection.channel not in policy_active().channels:
            raise InvalidInput("channel: not a channel of the policy")
        if selection.since is None or selection.until is None:
            raise InvalidInput("dates: give the first and the last day")
        if selection.since > selection.until:
            raise InvalidInput("dates: the first day is after the last")
        return subjects_acquired_through(
            channel=selection.channel,
            since=_day_start(selection.since),
            until=_day_start(selection.until + timedelta(days=1)),
        )
    if selection.kind == SelectionKind.IMPORT:
        if selection.import_job is None:
            raise InvalidInput("import job: choose one")
        return import_job_subjects(job_id=selection.import_job)
    if not selection.ids:
        raise InvalidInput("ids: give one or more subject ids")
    known = subjects_named(refs=selection.ids)
    missing = len(selection.ids) - known.count()
    if missing:
        raise InvalidInput(f"ids: {missing} of the ids are not known to hogo")
    return known


@dataclass(frozen=True)
class Chosen:
    """What a selection would do now: everyone it names, those already notified of this
    incident (skipped), and the rest by language."""

    named: int
    already: int
    by_lang: dict[str, int]

    @property
    def new(self) -> int:
        return sum(self.by_lang.values())


def _new_people(incident: Incident, selection: Selection) -> tuple[int, list[int]]:
    people = selection_subjects(selection)
    done = NoticeDelivery.objects.filter(incident=incident).values("subject_id")
    new = list(people.exclude(pk__in=done).order_by("pk").values_list("pk", flat=True))
    return people.count(), new


def _languages(pks: list[int]) -> dict[int, str]:
    found = languages_last_used(subject_pks=pks, among=LANGS)
    return {pk: found.get(pk, LANGS[0]) for pk in pks}


def selection_count(*, ref: str, selection: Selection) -> Chosen:
    """The count the officer sees before anything is sent."""
    incident = incident_get(ref=ref)
    named, new = _new_people(incident, selection)
    langs = _languages(new)
    by_lang = {lang: 0 for lang in LANGS}
    for lang in langs.values():
        by_lang[lang] += 1
    return Chosen(named=named, already=named - len(new), by_lang=by_lang)


@transaction.atomic
def notice_queue(*, actor: str, ref: str, selection: Selection, texts: Texts) -> IncidentNotice:
    """Starts a round: one pending delivery per person not yet notified of this incident. The
    mails go out batch by batch once this commits (`notices_send`)."""
    incident = incident_get(ref=ref, lock=True)
    texts_checked(texts)
    _named, new = _new_people(incident, selection)
    if not new:
        raise InvalidInput("selection: nobody to notify (no one, or everyone already notified)")
    langs = _languages(new)
    now = timezone.now()
    notice = IncidentNotice.objects.create(
        incident=incident,
        selection=selection.kind,
        criteria=selection.criteria(),
        subject_ja=texts.subject_ja.strip(),
        body_ja=texts.body_ja.strip(),
        subject_en=texts.subject_en.strip(),
        body_en=texts.body_en.strip(),
        people=len(new),
        queued_at=now,
        queued_by=actor,
    )
    _deliveries_insert(notice, langs)
    detail = {
        "notice": notice.pk,
        "people": len(new),
        "selection": selection.kind.value,
        **{lang: sum(1 for v in langs.values() if v == lang) for lang in LANGS},
    }
    IncidentStep.objects.create(
        incident=incident, at=now, actor=actor, kind=StepKind.NOTIFYING, detail=detail
    )
    audit_record(
        actor=actor,
        action="safety.notice.queue",
        detail={"incident": ref, **detail, **selection.criteria()},
    )
    transaction.on_commit(lambda: _send_later(ref))
    return notice


def _deliveries_insert(notice: IncidentNotice, langs: dict[int, str]) -> None:
    """A pending row per person: one prepared INSERT run for every row (the ORM's bulk_create
    compiles each value of each row, most of a 100,000-person round's time). Columns from the
    model, values bound."""
    meta = NoticeDelivery._meta
    name = connection.ops.quote_name
    fields = ("notice", "incident", "subject", "lang", "state", "reason", "mail_ref")
    column = {f.name: name(str(f.column)) for f in meta.concrete_fields}
    columns = ", ".join(column[f] for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {name(meta.db_table)} ({columns}) VALUES ({marks})"  # noqa: S608
    fixed = (notice.pk, notice.incident_id)
    with connection.cursor() as cursor:
        cursor.executemany(
            sql,
            [(*fixed, pk, lang, DeliveryState.PENDING.value, "", "") for pk, lang in langs.items()],
        )


def _send_later(ref: str) -> None:
    # Imported here: the task module imports this one.
    from hogo.safety.tasks import incident_notices_send

    incident_notices_send.enqueue(ref)


@dataclass
class Sent:
    queued: int = 0
    unreachable: int = 0
    batches: int = 0


def _addresses(rows: Sequence[tuple[int, str, str]]) -> tuple[dict[int, str], dict[int, str]]:
    """Each person's address, read (as re-consent does) for the first purpose, in the policy's
    order, their data is still held for: telling people what happened to the data they gave
    is part of handling it. Returns the addresses, and for everyone else why not (pk -> the
    vault's refusal, the subject's status, or `no_email`)."""
    policy = policy_active()
    email = policy.identifier_categories().get(EMAIL)
    found: dict[int, str] = {}
    refused: dict[int, str] = {pk: status for pk, _ref, status in rows if status != ACTIVE}
    active = {ref: pk for pk, ref, status in rows if status == ACTIVE}
    held = purposes_held_by_pk(subject_pks=list(active.values()), now=timezone.now())
    for purpose in policy.purposes if email is not None else ():
        wanted = [
            ref for ref, pk in active.items() if pk not in found and purpose in held.get(pk, ())
        ]
        if not wanted or email is None:
            continue
        result = subjects_access(
            actor=ACTOR,
            purpose=purpose,
            subject_ids=wanted,
            via="safety.notice",
            categories=[email],
        )
        for view in result.items:
            if address := view.identifiers.get(EMAIL):
                found[active[view.subject_id]] = address
        for refusal in result.refused:
            if refusal.subject_id in active:
                refused.setdefault(active[refusal.subject_id], str(refusal.reason))
    why = {pk: refused.get(pk, NO_EMAIL) for pk, _ref, _status in rows if pk not in found}
    return found, why


@transaction.atomic
def notice_batch_send(*, notice_pk: int, limit: int = BATCH) -> Sent | None:
    """One batch of a round: addresses, outbox mails and delivery rows in one transaction.
    None when nothing is pending."""
    notice = IncidentNotice.objects.select_for_update().select_related("incident").get(pk=notice_pk)
    rows = list(
        NoticeDelivery.objects.filter(notice=notice, state=DeliveryState.PENDING)
        .order_by("pk")
        .values_list("pk", "subject_id", "subject__ref", "subject__status", "lang")[:limit]
    )
    if not rows:
        return None
    found, why = _addresses([(pk, ref, status) for _, pk, ref, status, _ in rows])
    policy = policy_active()
    texts = Texts(notice.subject_ja, notice.body_ja, notice.subject_en, notice.body_en)
    mails = {lang: notice_mail(texts, policy, lang) for lang in LANGS}
    reachable = [(row, found[row[1]]) for row in rows if row[1] in found]
    refs = notice_mails_queue(
        mails=[PersonMail(address, *mails[row[4]]) for row, address in reachable],
    )
    now = timezone.now()
    _queued_mark(
        [(row[0], mail_ref) for (row, _address), mail_ref in zip(reachable, refs, strict=True)],
        now,
    )
    _unreachable_mark([(row[0], why[row[1]]) for row in rows if row[1] not in found], now)
    audit_record(
        actor=ACTOR,
        action="safety.notice.send",
        subjects=[str(row[2]) for row, _address in reachable],
        detail={
            "incident": notice.incident.ref,
            "notice": notice.pk,
            "queued": len(reachable),
            "unreachable": len(rows) - len(reachable),
        },
    )
    return Sent(queued=len(reachable), unreachable=len(rows) - len(reachable), batches=1)


def _queued_mark(rows: list[tuple[int, str]], now: datetime) -> None:
    """Each row gets its own mail's ref: one prepared UPDATE run for every row (an ORM
    bulk_update builds a CASE over the batch, 30 times slower here). Columns from the model."""
    meta = NoticeDelivery._meta
    name = connection.ops.quote_name
    # Names from the model, values bound.
    column = {f.name: name(str(f.column)) for f in meta.concrete_fields}
    sets = ", ".join(f"{column[f]} = %s" for f in ("state", "mail_ref", "done_at"))
    sql = f"UPDATE {name(meta.db_table)} SET {sets} WHERE {column['id']} = %s"  # noqa: S608
    at = connection.ops.adapt_datetimefield_value(now)
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(DeliveryState.QUEUED.value, ref, at, pk) for pk, ref in rows])


def _unreachable_mark(rows: list[tuple[int, str]], now: datetime) -> None:
    by_reason: dict[str, list[int]] = {}
    for pk, reason in rows:
        by_reason.setdefault(reason, []).append(pk)
    for reason, pks in by_reason.items():
        NoticeDelivery.objects.filter(pk__in=pks).update(
            state=DeliveryState.UNREACHABLE, reason=reason, done_at=now
        )


@transaction.atomic
def _notice_finish(notice_pk: int) -> bool:
    notice = IncidentNotice.objects.select_for_update().select_related("incident").get(pk=notice_pk)
    rows = NoticeDelivery.objects.filter(notice=notice)
    if notice.status == NoticeStatus.DONE or rows.filter(state=DeliveryState.PENDING).exists():
        return False
    now = timezone.now()
    notice.status, notice.finished_at = NoticeStatus.DONE, now
    notice.save(update_fields=["status", "finished_at"])
    detail = {
        "notice": notice.pk,
        "queued": rows.filter(state=DeliveryState.QUEUED).count(),
        "unreachable": rows.filter(state=DeliveryState.UNREACHABLE).count(),
    }
    IncidentStep.objects.create(
        incident=notice.incident, at=now, actor=ACTOR, kind=StepKind.NOTIFIED, detail=detail
    )
    audit_record(
        actor=ACTOR,
        action="safety.notice.finish",
        detail={"incident": notice.incident.ref, **detail},
    )
    return True


def notices_send(
    *, ref: str, batch_size: int = BATCH, progress: Callable[[Sent], None] | None = None
) -> Sent:
    """Queues every pending notice of the incident, batch by batch, and closes each finished
    round. Safe to run again at any time, and after a crash."""
    if not 1 <= batch_size <= 5000:
        raise InvalidInput("batch size: 1 to 5,000")
    incident = incident_get(ref=ref)
    total = Sent()
    for notice_pk in incident.notices.order_by("pk").values_list("pk", flat=True):
        while (sent := notice_batch_send(notice_pk=notice_pk, limit=batch_size)) is not None:
            total.queued += sent.queued
            total.unreachable += sent.unreachable
            total.batches += 1
            if progress is not None:
                progress(sent)
        _notice_finish(notice_pk)
    return total


@dataclass(frozen=True)
class Round:
    """A round as the officer follows it: how many people, where each one stands, and how many
    mails the server has taken."""

    notice: IncidentNotice
    pending: int
    queued: int
    unreachable: dict[str, int]  # reason -> people
    delivered: int


def notice_rounds(*, incident: Incident) -> list[Round]:
    rounds = []
    for notice in incident.notices.order_by("pk"):
        rows = NoticeDelivery.objects.filter(notice=notice)
        states = dict(rows.values("state").annotate(n=Count("pk")).values_list("state", "n"))
        reasons = dict(
            rows.filter(state=DeliveryState.UNREACHABLE)
            .values("reason")
            .annotate(n=Count("pk"))
            .values_list("reason", "n")
        )
        refs = list(rows.exclude(mail_ref="").values_list("mail_ref", flat=True))
        rounds.append(
            Round(
                notice=notice,
                pending=states.get(DeliveryState.PENDING, 0),
                queued=states.get(DeliveryState.QUEUED, 0),
                unreachable=reasons,
                delivered=mails_sent_count(refs=refs),
            )
        )
    return rounds
