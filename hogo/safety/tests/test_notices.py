"""Notices to the people affected (APPI Art. 26(2)): whom the officer chooses, the mail each
person receives in their language through a real SMTP server on loopback, the people who
cannot be reached, and that nobody is ever notified twice."""

from datetime import UTC, datetime, timedelta

import pytest

from hogo.audit.models import AuditEvent
from hogo.desk.models import MailKind, MailStatus, OutboundMail
from hogo.errors import InvalidInput
from hogo.policy.schema import Policy
from hogo.safety.models import Incident, StepKind
from hogo.safety.notice_content import Texts, notice_mail, notice_skeleton
from hogo.safety.notice_models import (
    DeliveryState,
    IncidentNotice,
    NoticeDelivery,
    NoticeStatus,
    SelectionKind,
)
from hogo.safety.notices import Selection, ids_parse, notice_queue, selection_count
from hogo.tests.mail import Inbox, body, committed
from hogo.tests.reconsent import speaks
from hogo.tests.safety import OFFICER, reported
from hogo.vault.erasure import subject_erase
from hogo.vault.models import Acquisition
from hogo.vault.records import ItemIn
from hogo.vault.services import subject_ingest

pytestmark = pytest.mark.django_db
JST_DAY = datetime(2026, 11, 2, tzinfo=UTC)  # 09:00 JST on November 2
TEXTS = Texts(
    "【重要】個人情報の漏えいに関するお知らせ",
    "イベント参加者名簿を紛失しました。",
    "Important: a leak of your personal information",
    "We lost the list of event participants.",
)


def guest(email: str, *, lang: str = "ja", channel: str = "event-registration") -> str:
    ref = subject_ingest(
        actor="system:test",
        channel=channel,
        purposes=["campaign-invitations-surveys"]
        if channel != "contract"
        else ["contract-performance"],
        identifiers={"email": email} if email else {"name": "山田 花子"},
        items=[ItemIn("organization", None, "三ツ星電機")],
    ).subject_id
    speaks(ref, lang)
    return ref


def acquired_at(ref: str, moment: datetime) -> None:
    Acquisition.objects.filter(subject__ref=ref).update(acquired_at=moment)


def incident() -> Incident:
    return reported(datetime.now(UTC) - timedelta(days=1))


def ids(*refs: str) -> Selection:
    return Selection(kind=SelectionKind.IDS, ids=refs)


def test_it_selects_everyone_acquired_through_a_channel_between_two_days_in_japan(
    policy: Policy,
) -> None:
    """The days are Japan's: 00:00 JST of the first day to the end of the last one."""
    inside = guest("a@example.com")
    acquired_at(inside, datetime(2026, 11, 1, 15, 0, tzinfo=UTC))  # Nov 2, 00:00 JST
    late = guest("b@example.com")
    acquired_at(late, datetime(2026, 11, 3, 14, 59, tzinfo=UTC))  # Nov 3, 23:59 JST
    before = guest("c@example.com")
    acquired_at(before, datetime(2026, 11, 1, 14, 59, tzinfo=UTC))  # Nov 1, 23:59 JST
    after = guest("d@example.com")
    acquired_at(after, datetime(2026, 11, 3, 15, 0, tzinfo=UTC))  # Nov 4, 00:00 JST
    other = guest("e@example.com", channel="contract")
    acquired_at(other, JST_DAY)
    selection = Selection(
        kind=SelectionKind.CHANNEL,
        channel="event-registration",
        since=datetime(2026, 11, 2).date(),
        until=datetime(2026, 11, 3).date(),
    )

    chosen = selection_count(ref=incident().ref, selection=selection)

    assert (chosen.named, chosen.already, chosen.by_lang) == (2, 0, {"ja": 2, "en": 0})


def test_it_refuses_a_channel_the_policy_lacks_and_days_in_the_wrong_order(policy: Policy) -> None:
    ref = incident().ref
    day = datetime(2026, 11, 2).date()
    with pytest.raises(InvalidInput, match="channel: not a channel of the policy"):
        selection_count(
            ref=ref, selection=Selection(SelectionKind.CHANNEL, "nope", since=day, until=day)
        )
    with pytest.raises(InvalidInput, match="the first day is after the last"):
        selection_count(
            ref=ref,
            selection=Selection(
                SelectionKind.CHANNEL, "survey", since=day, until=day - timedelta(days=1)
            ),
        )


def test_it_delivers_each_notice_in_the_persons_language_through_smtp(
    policy: Policy, inbox: Inbox
) -> None:
    hanako = guest("hanako@example.jp", lang="ja")
    john = guest("john@example.com", lang="en")
    case = incident()

    with committed():
        notice_queue(actor=OFFICER, ref=case.ref, selection=ids(hanako, john), texts=TEXTS)

    ja, en = inbox.last("hanako@example.jp"), inbox.last("john@example.com")
    assert ja["Subject"] == "【重要】個人情報の漏えいに関するお知らせ"
    assert "イベント参加者名簿を紛失しました。" in body(ja)
    assert "CC-Link協会" in body(ja)
    assert "privacy-desk@placeholder.invalid" in body(ja)
    assert "お問合せ窓口" in body(ja)
    assert en["Subject"] == "Important: a leak of your personal information"
    assert "We lost the list of event participants." in body(en)
    assert "CC-Link Partner Association (CLPA)" in body(en)
    assert "Inquiry Desk" in body(en)
    assert len(inbox.messages) == 2
    # Delivered: the outbox forgets the address and the text; the delivery rows keep ids only.
    assert set(OutboundMail.objects.filter(kind=MailKind.NOTICE).values_list("status", "to")) == {
        (MailStatus.SENT, "")
    }
    assert set(NoticeDelivery.objects.values_list("state", flat=True)) == {DeliveryState.QUEUED}
    assert IncidentNotice.objects.get().status == NoticeStatus.DONE
    kinds = list(case.steps.values_list("kind", flat=True))
    assert kinds[-2:] == [StepKind.NOTIFYING, StepKind.NOTIFIED]


def test_it_counts_erased_people_and_people_without_an_address_as_not_reachable(
    policy: Policy, inbox: Inbox
) -> None:
    erased = guest("gone@example.jp")
    subject_erase(actor="system:test", subject_id=erased)
    nameless = guest("", channel="contract")
    reachable = guest("here@example.jp")
    case = incident()

    with committed():
        notice_queue(
            actor=OFFICER, ref=case.ref, selection=ids(erased, nameless, reachable), texts=TEXTS
        )

    states = dict(NoticeDelivery.objects.values_list("subject__ref", "reason"))
    assert states == {erased: "erased", nameless: "no_email", reachable: ""}
    assert [m["To"] for m in inbox.messages] == ["here@example.jp"]
    finished = case.steps.get(kind=StepKind.NOTIFIED)
    assert finished.detail["queued"] == 1
    assert finished.detail["unreachable"] == 2


def test_it_never_notifies_anyone_twice_for_one_incident(policy: Policy, inbox: Inbox) -> None:
    first, second = guest("one@example.jp"), guest("two@example.jp")
    case = incident()
    with committed():
        notice_queue(actor=OFFICER, ref=case.ref, selection=ids(first), texts=TEXTS)

    chosen = selection_count(ref=case.ref, selection=ids(first, second))
    with committed():
        notice_queue(actor=OFFICER, ref=case.ref, selection=ids(first, second), texts=TEXTS)

    assert (chosen.named, chosen.already, chosen.new) == (2, 1, 1)
    assert sorted(m["To"] for m in inbox.messages) == ["one@example.jp", "two@example.jp"]
    with pytest.raises(InvalidInput, match="nobody to notify"):
        notice_queue(actor=OFFICER, ref=case.ref, selection=ids(first, second), texts=TEXTS)


def test_it_refuses_unknown_ids_and_empty_texts_and_writes_nothing(policy: Policy) -> None:
    known = guest("one@example.jp")
    case = incident()
    with pytest.raises(InvalidInput, match="1 of the ids are not known"):
        notice_queue(
            actor=OFFICER, ref=case.ref, selection=ids(known, "sub_unknown123"), texts=TEXTS
        )
    empty = Texts(TEXTS.subject_ja, "", TEXTS.subject_en, TEXTS.body_en)
    with pytest.raises(InvalidInput, match="the ja subject and text are both needed"):
        notice_queue(actor=OFFICER, ref=case.ref, selection=ids(known), texts=empty)
    with pytest.raises(InvalidInput, match="not subject ids"):
        ids_parse("sub_abcdef, hanako@example.jp")
    assert not IncidentNotice.objects.exists()
    assert not NoticeDelivery.objects.exists()


def test_it_audits_counts_and_pseudonymous_ids_only(policy: Policy, inbox: Inbox) -> None:
    person = guest("hanako@example.jp")
    with committed():
        notice_queue(actor=OFFICER, ref=incident().ref, selection=ids(person), texts=TEXTS)

    events = AuditEvent.objects.filter(action__startswith="safety.notice")
    assert list(events.order_by("pk").values_list("action", flat=True)) == [
        "safety.notice.queue",
        "safety.notice.send",
        "safety.notice.finish",
    ]
    text = str(list(events.values_list("detail", flat=True)))
    assert "hanako" not in text
    assert "名簿" not in text


def test_its_skeleton_says_only_what_the_record_and_the_policy_say(policy: Policy) -> None:
    case = incident()
    skeleton = notice_skeleton(case, policy)

    assert case.summary in skeleton.body_ja
    assert case.summary in skeleton.body_en
    assert "CC-Link協会" in skeleton.body_ja
    assert "2026年" in skeleton.body_ja
    assert "Under investigation." in skeleton.body_en  # the cause is not written yet
    assert "調査中" in skeleton.body_ja
    _subject, mail = notice_mail(skeleton, policy, "ja")
    assert "：privacy-desk@placeholder.invalid" in mail
