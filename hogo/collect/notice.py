"""The notice block every form shows before its submit button (policy 2.2): the purposes of
use, the contact desk and a link to the full notice. It is rendered once per (policy version,
channel, language), stored, and shown from the store, so that the text an acquisition record's
hash names is exactly the text the person saw."""

import hashlib
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from hogo.collect.labels import NOTICE_CONSENT_ONLY, NOTICE_FULL, NOTICE_RETENTION
from hogo.collect.models import NoticeText
from hogo.collect.supplementary import supplementary_shown
from hogo.policy.schema import Channel, Policy, Purpose
from hogo.policy.wording import retention_period


@dataclass(frozen=True)
class _PurposeShown:
    purpose: Purpose
    terms: str  # sentences after the description: how long it is kept, consent only


def _purpose_shown(purpose: Purpose, lang: str) -> _PurposeShown:
    """In the active language (`notice_render` sets it)."""
    period = retention_period(purpose.retention_days, lang)
    terms = [NOTICE_RETENTION % {"period": period}]
    if purpose.consent_required:
        terms.append(str(NOTICE_CONSENT_ONLY))
    return _PurposeShown(purpose=purpose, terms=("" if lang == "ja" else " ").join(terms))


def notice_render(*, policy: Policy, channel: Channel, lang: str) -> str:
    assert policy.version is not None
    with translation.override(lang):
        return render_to_string(
            "collect/notice_block.html",
            {
                "policy": policy,
                "channel": channel,
                "purposes": [_purpose_shown(policy.purposes[p], lang) for p in channel.purposes],
                "notice_url": reverse("policy:version", kwargs={"number": policy.version}),
                "full_notice": NOTICE_FULL % {"version": policy.version},
                "supplementary": supplementary_shown(policy=policy, channel=channel, lang=lang),
            },
        ).strip()


def notice_sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def notice_shown(*, policy: Policy, channel: Channel, lang: str) -> NoticeText:
    """The stored notice block for this version, channel and language, made on first use."""
    assert policy.version is not None
    # One indexed read: stored blocks are never changed, so no transaction is needed to show one.
    found = NoticeText.objects.filter(
        policy_version=policy.version, channel=channel.id, lang=lang
    ).first()
    if found is not None:
        return found
    text = notice_render(policy=policy, channel=channel, lang=lang)
    try:
        with transaction.atomic():
            return NoticeText.objects.create(
                policy_version=policy.version,
                channel=channel.id,
                lang=lang,
                sha256=notice_sha256(text),
                text=text,
            )
    except IntegrityError:
        # Another process stored it first; theirs is the one shown from now on.
        return NoticeText.objects.get(policy_version=policy.version, channel=channel.id, lang=lang)
