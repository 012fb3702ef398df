"""`/api/v1/share`: the officer registers and provides, auditors read and export records, the
desk reads one person's records; everyone else is refused. Errors come as
{"error": {"code", "message"}}."""

import io
from collections.abc import Callable

import pyzipper
from django.contrib.auth.models import User
from django.test import Client

from hogo.consent.models import ConsentKind
from hogo.policy.schema import Policy
from hogo.share.models import Provision, Recipient
from hogo.tests.share import CAMPAIGN, assessed, consent, person, recipient

API = "/api/v1/share"
ApiAs = Callable[[User], Client]
KANSAI = {
    "kind": "third_party_with_consent",
    "name": "Kansai Events KK",
    "address": "1-1 Umeda, Kita-ku, Osaka",
    "representative": "Representative Director",
}


def test_it_registers_a_recipient_for_the_officer_only(
    policy: Policy, api_as: ApiAs, officer: User, auditor: User, outsider: User
) -> None:
    created = api_as(officer).post(f"{API}/recipients", KANSAI, content_type="application/json")
    assert created.status_code == 201
    ref = created.json()["ref"]
    assert created.json()["agreements"] == []
    for someone in (auditor, outsider):
        refused = api_as(someone).post(f"{API}/recipients", KANSAI, content_type="application/json")
        assert refused.status_code == 403
        assert refused.json()["error"]["code"] == "forbidden"
    assert api_as(auditor).get(f"{API}/recipients/{ref}").json()["name"] == "Kansai Events KK"
    assert api_as(outsider).get(f"{API}/recipients").status_code == 403
    assert Recipient.objects.count() == 1


def test_it_answers_bad_input_and_unknown_ids(policy: Policy, api_as: ApiAs, officer: User) -> None:
    client = api_as(officer)
    bad = client.post(
        f"{API}/recipients", {**KANSAI, "country": "Japan"}, content_type="application/json"
    )
    assert bad.status_code == 422
    assert bad.json()["error"]["code"] == "invalid"
    missing = client.get(f"{API}/recipients/rcp_aaaaaaaaaaaaaaaa")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"
    joint = client.post(
        f"{API}/recipients",
        {**KANSAI, "kind": "joint_user"},
        content_type="application/json",
    )
    assert joint.status_code == 403
    assert joint.json()["error"]["code"] == "kind_not_in_policy"


def test_it_answers_422_to_a_page_past_a_64_bit_row_or_a_date_out_of_range(
    policy: Policy, api_as: ApiAs, auditor: User
) -> None:
    """Found by the API fuzz test: such an offset or cursor, or an offset past +15:59, was a
    500 from the database; far offsets now work and out-of-range dates are bad input."""
    client = api_as(auditor)
    for url, query in (
        (f"{API}/provisions", {"offset": 2**107}),
        (f"{API}/provisions/prv_aaaaaaaaaaaaaaaa/lines", {"after": 2**64}),
    ):
        response = client.get(url, query)
        assert response.status_code == 422
        assert response.json()["error"]["code"] == "invalid"
    assert client.get(f"{API}/provisions", {"offset": 2**62}).json() == {"items": []}
    far_offsets = client.get(
        f"{API}/records/export",
        {"since": "0337-03-31T02:14:08+18:57", "until": "7425-05-27T04:29:24-13:51"},
    )
    assert far_offsets.status_code == 200
    out_of_range = client.get(f"{API}/records/export", {"since": "0001-01-01T00:00:00+01:00"})
    assert out_of_range.status_code == 422


def test_it_records_an_agreement_and_its_supervision(
    policy: Policy, api_as: ApiAs, officer: User
) -> None:
    client = api_as(officer)
    ref = client.post(
        f"{API}/recipients",
        {**KANSAI, "kind": "outsourcing_contractor", "name": "Nagoya Mailing KK"},
        content_type="application/json",
    ).json()["ref"]
    assessed(Recipient.objects.get(ref=ref))
    agreement = client.post(
        f"{API}/recipients/{ref}/agreements",
        {
            "signed_on": "2026-01-05",
            "starts_on": "2026-01-10",
            "purposes": [CAMPAIGN],
            "categories": ["name", "email"],
            "security_clauses": "Confidentiality, access control, deletion at the end.",
            "subcontracting": "forbidden",
            "review_due": "2026-07-01",
        },
        content_type="application/json",
    )
    assert agreement.status_code == 201
    agreement_ref = agreement.json()["ref"]
    supervised = client.post(
        f"{API}/agreements/{agreement_ref}/supervisions",
        {
            "kind": "questionnaire",
            "performed_on": "2026-06-20",
            "outcome": "satisfactory",
            "next_review": "2027-06-20",
        },
        content_type="application/json",
    )
    assert supervised.status_code == 201
    assert supervised.json()["review_due"] == "2027-06-20"
    detail = client.get(f"{API}/recipients/{ref}").json()
    assert [a["ref"] for a in detail["agreements"]] == [agreement_ref]


def test_it_provides_and_hands_out_the_package_and_its_password_once(
    policy: Policy, api_as: ApiAs, officer: User, auditor: User, desk_operator: User
) -> None:
    events = recipient()
    agreed = person("agreed@example.jp")
    silent = person("silent@example.jp")
    consent(agreed, ConsentKind.RECIPIENT, events.ref)
    client = api_as(officer)
    body = {
        "recipient": events.ref,
        "purpose": CAMPAIGN,
        "subjects": [agreed, silent],
        "categories": ["email"],
    }

    answer = client.post(f"{API}/provisions", body, content_type="application/json")

    assert answer.status_code == 201
    result = answer.json()
    assert result["provided"] == [agreed]
    assert result["refused"] == [{"subject_id": silent, "reason": "no_consent"}]
    download = client.get(result["package_url"])
    assert download.status_code == 200
    assert download["Content-Type"] == "application/zip"
    with pyzipper.AESZipFile(io.BytesIO(download.content)) as archive:
        archive.setpassword(result["package_password"].encode())
        assert "agreed@example.jp" in archive.read("data.csv").decode("utf-8-sig")
    provision = client.get(f"{API}/provisions/{result['provision_id']}").json()
    assert "package_password" not in provision
    assert provision["subjects_provided"] == 1
    lines = api_as(auditor).get(f"{API}/provisions/{result['provision_id']}/lines").json()
    assert [(x["subject_id"], x["outcome"]) for x in lines["items"]] == [
        (agreed, "provided"),
        (silent, "refused"),
    ]
    assert api_as(auditor).get(result["package_url"]).status_code == 403
    records = api_as(desk_operator).get(f"{API}/subjects/{agreed}/records").json()
    assert [r["recipient_name"] for r in records["items"]] == ["Kansai Events KK"]
    assert records["receipts"] == []
    assert (
        api_as(desk_operator).get(f"{API}/subjects/sub_aaaaaaaaaaaaaaaa/records").status_code == 404
    )


def test_it_answers_200_without_a_provision_when_everyone_is_refused(
    policy: Policy, api_as: ApiAs, officer: User
) -> None:
    events = recipient()
    answer = api_as(officer).post(
        f"{API}/provisions",
        {
            "recipient": events.ref,
            "purpose": CAMPAIGN,
            "subjects": [person()],
            "categories": ["email"],
        },
        content_type="application/json",
    )
    assert answer.status_code == 200
    assert answer.json()["provision_id"] is None
    assert answer.json()["package_password"] is None
    assert not Provision.objects.exists()


def test_it_refuses_opt_out_and_people_without_a_role(
    policy: Policy, api_as: ApiAs, officer: User, marketing_user: User
) -> None:
    events = recipient()
    body = {
        "recipient": events.ref,
        "purpose": CAMPAIGN,
        "subjects": [person()],
        "categories": ["email"],
        "basis": "opt_out",
    }
    opt_out = api_as(officer).post(f"{API}/provisions", body, content_type="application/json")
    assert opt_out.status_code == 403
    assert opt_out.json()["error"]["code"] == "opt_out_not_used"
    marketing = api_as(marketing_user).post(
        f"{API}/provisions", {**body, "basis": None}, content_type="application/json"
    )
    assert marketing.status_code == 403


def test_it_exports_records_for_auditors_only(
    policy: Policy, api_as: ApiAs, officer: User, auditor: User, desk_operator: User
) -> None:
    events = recipient()
    subject_id = person()
    consent(subject_id, ConsentKind.RECIPIENT, events.ref)
    api_as(officer).post(
        f"{API}/provisions",
        {
            "recipient": events.ref,
            "purpose": CAMPAIGN,
            "subjects": [subject_id],
            "categories": ["email"],
        },
        content_type="application/json",
    )
    csv = api_as(auditor).get(f"{API}/records/export?format=csv")
    assert csv.status_code == 200
    assert subject_id in csv.content.decode("utf-8-sig")
    xlsx = api_as(auditor).get(f"{API}/records/export?format=xlsx&recipient={events.ref}")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert api_as(desk_operator).get(f"{API}/records/export").status_code == 403
    assert api_as(auditor).get(f"{API}/records/export?format=pdf").status_code == 422


def test_it_records_and_finds_an_art31_confirmation(
    policy: Policy, api_as: ApiAs, officer: User, auditor: User
) -> None:
    ads = recipient(name="Ad Platform KK")
    created = api_as(officer).post(
        f"{API}/referable-confirmations",
        {
            "recipient": ads.ref,
            "items": ["cookie_id"],
            "method": "recipient_declaration",
            "confirmed_on": "2026-11-01",
        },
        content_type="application/json",
    )
    assert created.status_code == 201
    ref = created.json()["ref"]
    found = api_as(auditor).get(
        f"{API}/referable-confirmations/current?recipient={ads.ref}&items=cookie_id"
    )
    assert found.json()["ref"] == ref
    none = api_as(auditor).get(
        f"{API}/referable-confirmations/current?recipient={ads.ref}&items=ip_address"
    )
    assert none.status_code == 404
    provided = api_as(officer).post(
        f"{API}/referable-confirmations/{ref}/provided",
        {"on": "2026-11-02"},
        content_type="application/json",
    )
    assert provided.json()["last_provided_on"] == "2026-11-02"
