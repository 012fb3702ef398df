"""The privacy center's pages, in both languages, through a browser-like test client."""

import io
import json
import re
from urllib.parse import urlsplit

import pikepdf
import pytest
from django.test import Client

from hogo.desk.models import Case, CaseStatus, Verification
from hogo.desk.services import case_approve
from hogo.policy.schema import Policy
from hogo.tests.desk import HANAKO, HANDLE, person
from hogo.tests.mail import Inbox, body, committed

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "ja",
            [
                "利用目的の通知",
                "個人情報の開示",
                "無料",
                "ご本人確認の完了から原則として14日以内",
                "ご質問・苦情・ご相談",
            ],
        ),
        ("en", ["Disclosure of personal information", "free", "14 days", "complaints"]),
    ],
)
def test_it_explains_each_request_with_its_fee_and_deadline(
    policy: Policy, lang: str, expected: list[str]
) -> None:
    page = Client().get(f"/{lang}/privacy-center/").content.decode()
    for text in expected:
        assert text in page
    for kind in ("purpose_notification", "disclosure", "correction", "suspension", "complaint"):
        assert f"/{lang}/privacy-center/request/{kind}/" in page


def start(client: Client, kind: str, data: dict[str, object], lang: str = "ja") -> None:
    with committed():
        response = client.post(f"/{lang}/privacy-center/request/{kind}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == f"/{lang}/privacy-center/verify/"


def confirm(client: Client, inbox: Inbox, address: str, lang: str = "ja") -> str:
    with committed():
        response = client.post(f"/{lang}/privacy-center/verify/", {"code": inbox.code(address)})
    assert response.status_code == 302
    match = re.fullmatch(
        rf"/{lang}/privacy-center/status/(req_[a-z2-7]{{16}})/", response["Location"]
    )
    assert match
    return match.group(1)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_it_takes_a_disclosure_from_request_to_an_attachment_opened_with_the_page_password(
    policy: Policy, inbox: Inbox, lang: str
) -> None:
    subject_id = person()
    client = Client()
    start(client, "disclosure", {"email": HANAKO, "delivery": "email_attachment"}, lang)
    ref = confirm(client, inbox, HANAKO, lang)
    with committed():
        case_approve(actor=HANDLE, case_ref=ref)
    page = client.get(f"/{lang}/privacy-center/status/{ref}/").content.decode()
    password = re.search(r'<code id="zip-password" class="secret">([A-Z2-7-]+)</code>', page)
    assert password, page
    mail = inbox.last(HANAKO)
    assert password.group(1) not in str(mail)
    [attachment] = list(mail.iter_attachments())
    assert {"ja": "PDF閲覧ソフト", "en": "any PDF reader"}[lang] in page
    with pikepdf.open(io.BytesIO(attachment.get_content()), password=password.group(1)) as pdf:
        data = json.loads(pdf.attachments["disclosure.json"].get_file().read_bytes())
        assert len(pdf.pages) >= 1
    assert data["subject_id"] == subject_id
    assert {i["value"] for i in data["items"]} == {HANAKO, "山田 花子", "三ツ星電機"}
    assert Case.objects.get(ref=ref).status == CaseStatus.COMPLETED
    assert (
        'data-status="completed"'
        in client.get(f"/{lang}/privacy-center/status/{ref}/").content.decode()
    )


def test_it_answers_an_unknown_address_exactly_like_a_known_one(
    policy: Policy, inbox: Inbox
) -> None:
    """Same redirect, same page, same mail (but for the code): nothing tells them apart."""
    person()
    pages = []
    for address in (HANAKO, "nobody@example.jp"):
        client = Client()
        start(client, "purpose_notification", {"email": address})
        page = client.get("/ja/privacy-center/verify/").content.decode()
        pages.append(re.sub(r'(value|nonce)="[^"]*"', "", page))  # CSRF token, CSP nonce
    assert pages[0] == pages[1]
    known, unknown = inbox.last(HANAKO), inbox.last("nobody@example.jp")
    assert re.sub(r"\d{6}|/v/\S+/|req_\w+", "", body(known)) == re.sub(
        r"\d{6}|/v/\S+/|req_\w+", "", body(unknown)
    )


def test_it_tells_an_unknown_person_after_verification_that_nothing_is_held(
    policy: Policy, inbox: Inbox
) -> None:
    client = Client()
    start(client, "purpose_notification", {"email": "nobody@example.jp"}, "en")
    ref = confirm(client, inbox, "nobody@example.jp", "en")
    with committed():
        case_approve(actor=HANDLE, case_ref=ref)
    nothing = "We do not currently hold any personal information related to this e-mail address"
    assert nothing in body(inbox.last("nobody@example.jp"))
    assert Case.objects.get(ref=ref).status == CaseStatus.COMPLETED


def test_it_refuses_a_wrong_code_three_times_then_asks_to_start_again(
    policy: Policy, inbox: Inbox
) -> None:
    client = Client()
    start(client, "purpose_notification", {"email": HANAKO}, "en")
    right = inbox.code(HANAKO)
    wrong = f"{(int(right) + 1) % 10**6:06d}"
    for _ in range(2):
        page = client.post("/en/privacy-center/verify/", {"code": wrong})
        assert page.status_code == 400
        assert "That code is not correct." in page.content.decode()
    third = client.post("/en/privacy-center/verify/", {"code": wrong}).content.decode()
    assert "Too many wrong codes" in third
    late = client.post("/en/privacy-center/verify/", {"code": right}).content.decode()
    assert "expired or was already used" in late or "Too many wrong codes" in late
    assert Case.objects.get().status == CaseStatus.UNVERIFIED


def test_it_refuses_an_expired_code(policy: Policy, inbox: Inbox) -> None:
    client = Client()
    start(client, "purpose_notification", {"email": HANAKO}, "ja")
    Verification.objects.update(expires_at="2000-01-01T00:00:00Z")
    page = client.post("/ja/privacy-center/verify/", {"code": inbox.code(HANAKO)})
    assert "有効期限が切れたか" in page.content.decode()
    assert Case.objects.get().status == CaseStatus.UNVERIFIED


def test_it_confirms_with_the_single_use_link_but_not_on_a_mere_visit(
    policy: Policy, inbox: Inbox
) -> None:
    start(Client(), "purpose_notification", {"email": HANAKO}, "en")
    link = inbox.link(HANAKO, "/en/privacy-center/v/")
    path = urlsplit(link).path
    browser = Client()
    assert browser.get(path).status_code == 200  # a mail scanner's visit uses nothing up
    assert Case.objects.get().status == CaseStatus.UNVERIFIED
    with committed():
        response = browser.post(path)
    assert response.status_code == 302
    assert Case.objects.get().status == CaseStatus.OPEN
    assert Client().post(path).status_code == 410


def test_it_shows_the_status_page_only_after_confirming_again(policy: Policy, inbox: Inbox) -> None:
    client = Client()
    start(client, "purpose_notification", {"email": HANAKO}, "en")
    ref = confirm(client, inbox, HANAKO, "en")
    other = Client()
    page = other.get(f"/en/privacy-center/status/{ref}/").content.decode()
    assert "Enter the request number" in page
    assert "case-status" not in page
    sent = len(inbox.messages)
    with committed():
        other.post("/en/privacy-center/status/", {"ref": ref, "email": HANAKO})
    assert len(inbox.messages) == sent + 1
    assert confirm(other, inbox, HANAKO, "en") == ref
    assert 'data-status="open"' in other.get(f"/en/privacy-center/status/{ref}/").content.decode()


def test_it_treats_a_wrong_number_and_address_pair_like_a_right_one(
    policy: Policy, inbox: Inbox
) -> None:
    client = Client()
    start(client, "purpose_notification", {"email": HANAKO})
    ref = confirm(client, inbox, HANAKO)
    sent = len(inbox.messages)
    stranger = Client()
    response = stranger.post("/ja/privacy-center/status/", {"ref": ref, "email": "x@example.jp"})
    assert response["Location"] == "/ja/privacy-center/verify/"
    assert len(inbox.messages) == sent  # nothing is sent to anyone
    answers = [
        stranger.post("/ja/privacy-center/verify/", {"code": "123456"}).content.decode()
        for _ in range(3)
    ]
    assert "確認コードが正しくありません。" in answers[0]
    assert "入力回数の上限" in answers[2]


def test_it_limits_codes_per_address(policy: Policy, inbox: Inbox) -> None:
    for _ in range(5):
        start(Client(), "purpose_notification", {"email": HANAKO})
    with committed():
        response = Client().post(
            "/en/privacy-center/request/purpose_notification/", {"email": HANAKO}
        )
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert len(inbox.to(HANAKO)) == 5


def test_it_limits_codes_per_client_network(policy: Policy, inbox: Inbox) -> None:
    for n in range(30):
        Client(REMOTE_ADDR="203.0.113.9").post(
            "/ja/privacy-center/request/purpose_notification/", {"email": f"p{n}@example.jp"}
        )  # the limit counts requests; their mail need not go out here
    response = Client(REMOTE_ADDR="203.0.113.10").post(
        "/ja/privacy-center/request/purpose_notification/", {"email": "q@example.jp"}
    )
    assert response.status_code == 429


def test_it_asks_for_the_suspension_to_be_understood(policy: Policy, inbox: Inbox) -> None:
    response = Client().post(
        "/ja/privacy-center/request/suspension/", {"email": HANAKO, "all_purposes": "on"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "利用停止による影響" in page
    assert "キャンペーン・イベントのご案内およびアンケートの実施" in page
    assert not inbox.messages
    assert not Case.objects.exists()


def test_it_throttles_code_entries_for_a_wrong_pair_like_for_a_right_one(
    policy: Policy, inbox: Inbox
) -> None:
    """Once a network has spent its code entries, a matching and a non-matching (number,
    address) pair both answer 429: the limit is no oracle for which pairs exist."""
    client = Client()
    start(client, "purpose_notification", {"email": HANAKO})
    ref = confirm(client, inbox, HANAKO)
    answers = {}
    for network, email in ((7, HANAKO), (8, "x@example.jp")):
        lookup = Client(REMOTE_ADDR=f"198.51.{network}.7")
        lookup.post("/ja/privacy-center/status/", {"ref": ref, "email": email})
        for _ in range(60):  # the network's code entries for the hour (CHECKS_PER_CLIENT)
            lookup.post("/ja/privacy-center/verify/", {"code": "000000"})
        answers[email] = lookup.post("/ja/privacy-center/verify/", {"code": "000000"}).status_code
    assert answers == {HANAKO: 429, "x@example.jp": 429}


def test_it_says_the_privacy_center_is_unavailable_while_no_policy_is_loaded() -> None:
    """No policy loaded: a 503 that says so (in the policy app's words), not an empty page."""
    response = Client().get("/ja/privacy-center/")
    assert response.status_code == 503
    assert "現在ご覧いただけません" in response.content.decode()
