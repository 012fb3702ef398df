"""What a person gets back after sending a form: a reference number and how to see, change or
withdraw their data, on the thanks page and (where the channel says `confirmation_mail = true`)
by e-mail in their language.

The reference is the inquiry case's when the submission opened one (what the desk answers
under), else the acquisition record's: public refs, never the subject id. The mail echoes
nothing the person typed but the address it goes to; it names the channel and the reference.
Like the member activation mail it is sent once the submission commits; a failure is logged
with the reference only (SMTP errors quote the address) and the submission stands.
"""

import logging

from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from hogo.policy.schema import Channel, Policy

logger = logging.getLogger(__name__)


def receipt_mail_schedule(
    *, policy: Policy, channel: Channel, values: dict[str, str], ref: str, lang: str, origin: str
) -> bool:
    """Sends the confirmation once the caller's transaction commits, if the channel wants one
    and the person typed an address into its (first filled) e-mail field; True if so."""
    if not channel.confirmation_mail:
        return False
    to = next((values[f.id] for f in channel.fields if f.kind == "email" and values.get(f.id)), "")
    if not to:
        return False
    transaction.on_commit(
        lambda: _send(policy=policy, channel=channel, ref=ref, to=to, lang=lang, origin=origin)
    )
    return True


def _send(*, policy: Policy, channel: Channel, ref: str, to: str, lang: str, origin: str) -> None:
    with translation.override(lang):
        text = render_to_string(
            "collect/mail/receipt.txt",
            {
                "organization": policy.organization.name.get(lang),
                "channel": channel.title.get(lang),
                "ref": ref,
                "center": origin.rstrip("/") + reverse("desk:index"),
                "notice": origin.rstrip("/") + reverse("policy:notice"),
                "desk": policy.organization.contact.email,
            },
        )
    subject, _, body = text.partition("\n")
    try:
        send_mail(subject, body, None, [to])
    except Exception:
        # Not the exception itself: SMTP errors quote the recipient's address.
        logger.error("confirmation e-mail for %s could not be sent", ref)


def _salt(channel: Channel) -> str:
    return f"hogo.collect.done:{channel.id}"


def receipt_token(*, channel: Channel, ref: str, mailed: bool) -> str:
    """What the thanks page's address carries: the reference (empty for an anonymous answer)
    and whether a mail went out, signed so that no one can make the page show another."""
    return signing.dumps([ref, mailed], salt=_salt(channel))


def receipt_from_token(*, channel: Channel, token: str) -> tuple[str, bool] | None:
    """(reference, mailed) from a token made for this channel; None for anything else."""
    try:
        ref, mailed = signing.loads(token, salt=_salt(channel))
    except (signing.BadSignature, TypeError, ValueError):
        return None
    if not isinstance(ref, str) or not isinstance(mailed, bool):
        return None
    return ref, mailed
