"""The e-mails the desk sends, composed in the case's language from `templates/desk/mail/`
(one template per mail, rendered under `translation.override`; the Japanese is in the app's
`locale/ja/LC_MESSAGES/django.po`).

Each template's first line is the subject. No mail ever carries a disclosure password or a
value from the vault other than what the person asked to be told (their purposes).
"""

from collections.abc import Sequence
from datetime import datetime

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from hogo.desk.labels import REFUSAL_TEXTS, kind_title
from hogo.desk.models import Case, VerificationPurpose
from hogo.desk.package_text import local_date, local_time
from hogo.desk.system_steps import Held
from hogo.policy.schema import Policy
from hogo.policy.selectors import policy_active, policy_at
from hogo.policy.wording import retention_period
from hogo.vault.records import DisclosedAcquisition


def code(case: Case, code: str, token: str, purpose: str) -> tuple[str, str]:
    return _render(
        case,
        "code",
        {
            "code": code,
            "link": _url(case, "desk:link", token=token),
            "for_status": purpose == VerificationPurpose.STATUS,
        },
    )


def fee_due(case: Case) -> tuple[str, str]:
    """The acknowledgement of a verified request that carries a fee: the amount, how to pay
    (the policy's own words, in the version the request was made under) and that the
    deadline starts when the fee arrives."""
    policy = _version(case.policy_version)
    how = policy.requests.fee_payment
    kind = policy.requests.kinds.get(case.kind)
    return _render(
        case,
        "fee_due",
        {
            "kind": kind_title(kind.title if kind else None, case.kind, case.language),
            "fee": case.fee_jpy,
            "how": how.get(case.language) if how else "",
            "days": policy.requests.deadline_days,
        },
    )


def purposes(
    case: Case, acquisitions: Sequence[DisclosedAcquisition], held: Sequence[Held] = ()
) -> tuple[str, str]:
    """Per acquisition: when, through which channel, under which published version, and the
    purposes stated then (Art. 32(2)); then each other system holding the person's data with
    the purposes it serves."""
    rows = []
    for acquisition in acquisitions:
        policy = _version(acquisition.policy_version)
        channel = policy.channels.get(acquisition.channel)
        rows.append(
            {
                "acquired_on": local_date(acquisition.acquired_at, case.language),
                "channel": channel.title.get(case.language) if channel else acquisition.channel,
                "version": acquisition.policy_version,
                "purposes": [
                    {
                        "title": policy.purposes[p].title.get(case.language),
                        "description": policy.purposes[p].description.get(case.language),
                        "retention": retention_period(
                            policy.purposes[p].retention_days, case.language
                        ),
                    }
                    for p in acquisition.purposes
                    if p in policy.purposes
                ],
            }
        )
    return _render(
        case,
        "purposes",
        {"rows": rows, "notice": _url(case, "policy:notice"), "systems": _systems(case, held)},
    )


def _systems(
    case: Case, held: Sequence[Held], policy: Policy | None = None
) -> list[dict[str, object]]:
    """The systems holding the person's data, by title, with their purposes' titles."""
    if not held:
        return []
    policy = policy or policy_active()
    lang = case.language
    return [
        {
            "title": h.system.title.get(lang),
            "owner": h.system.owner.get(lang),
            "purposes": [
                policy.purposes[p].title.get(lang)
                for p in h.system.purposes
                if p in policy.purposes
            ],
            "by_hand": h.manual,
        }
        for h in held
    ]


def nothing_held(case: Case) -> tuple[str, str]:
    return _render(case, "nothing_held", {})


def disclosure_attached(case: Case, *, pdf: bool = True) -> tuple[str, str]:
    """`pdf`: the package is an encrypted PDF (else an encrypted zip); the mail says how to
    open it."""
    return _render(case, "disclosure_attached", {"pdf": pdf})


def disclosure_link(
    case: Case, token: str, expires_at: datetime, *, pdf: bool = True
) -> tuple[str, str]:
    return _render(
        case,
        "disclosure_link",
        {
            "link": _url(case, "desk:download", token=token),
            "expires": local_time(expires_at, case.language),
            "pdf": pdf,
        },
    )


def result(
    case: Case,
    outcome: dict[str, object],
    held: Sequence[Held] = (),
    *,
    policy: Policy | None = None,
) -> tuple[str, str]:
    """The result of a correction or suspension. The systems listed are those whose steps
    succeeded, which for a SQL system means every field read back as changed: this mail is
    the step after them, so it is never written while one is unverified. `policy`: the active
    one, if the caller has read it."""
    policy = policy or policy_active()
    suspended = outcome.get("purposes")
    purposes = [
        policy.purposes[p].title.get(case.language)
        for p in (suspended if isinstance(suspended, list) else [])
        if isinstance(p, str) and p in policy.purposes
    ]
    return _render(
        case,
        f"{case.kind}_result",
        {"o": outcome, "purposes": purposes, "systems": _systems(case, held, policy)},
        policy=policy,
    )


def refusal(case: Case, explanation: str) -> tuple[str, str]:
    # Lazy: rendered in the case's language by `_render`.
    reason = REFUSAL_TEXTS[case.refusal_reason]
    return _render(case, "refusal", {"reason": reason, "explanation": explanation})


def reply(case: Case, text: str) -> tuple[str, str]:
    return _render(case, "reply", {"text": text})


def reminder(cases: Sequence[Case], *, language: str = "ja") -> tuple[str, str]:
    with translation.override(language):
        text = render_to_string("desk/mail/reminder.txt", {"cases": cases})
    subject, _, body = text.partition("\n")
    return subject.strip(), body.lstrip("\n")


def _render(
    case: Case, name: str, context: dict[str, object], *, policy: Policy | None = None
) -> tuple[str, str]:
    policy = policy or policy_active()  # read once per mail: the caller may have it already
    lang = case.language
    with translation.override(lang):
        text = render_to_string(
            f"desk/mail/{name}.txt",
            {
                **context,
                "case": case,
                "org": policy.organization.name.get(lang),
                "desk": policy.organization.contact,
                "desk_name": policy.organization.contact.name.get(lang),
                "desk_hours": policy.organization.contact.hours.get(lang),
                "status_url": _url(case, "desk:case", ref=case.ref),
            },
        )
    subject, _, body = text.partition("\n")
    return subject.strip(), body.lstrip("\n")


def _url(case: Case, name: str, **kwargs: str) -> str:
    with translation.override(case.language):
        return case.origin.rstrip("/") + reverse(name, kwargs=kwargs or None)


def _version(number: int) -> Policy:
    active = policy_active()
    return active if number == active.version else policy_at(version=number)
