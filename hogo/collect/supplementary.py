"""The supplementary notice a channel names (`notice = "<id>"`), shown in its form's stored
notice block beside the main notice: its title, text, purposes and a link to its page. Being
part of the stored block, it is covered by the block's sha256 like the rest of the notice."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from hogo.policy.schema import Channel, Notice, Policy, notice_purpose_needs_consent
from hogo.policy.wording import retention_period


@dataclass(frozen=True)
class PurposeLine:
    title: str
    description: str
    retention: str
    consent_only: bool
    beyond_main: bool


@dataclass(frozen=True)
class SupplementaryShown:
    notice: Notice
    url: str
    link_text: str
    purposes: list[PurposeLine]


def supplementary_shown(
    *, policy: Policy, channel: Channel, lang: str
) -> SupplementaryShown | None:
    """What the form shows of the channel's supplementary notice; None when it names none."""
    if channel.notice is None:
        return None
    notice = policy.notices[channel.notice]
    lines = [
        PurposeLine(
            title=p.title.get(lang),
            description=p.description.get(lang),
            retention=retention_period(p.retention_days, lang),
            consent_only=p.consent_required,
            beyond_main=False,
        )
        for p in (policy.purposes[pid] for pid in notice.purposes)
    ]
    lines += [
        PurposeLine(
            title=p.title.get(lang),
            description=p.description.get(lang),
            retention=retention_period(p.retention_days, lang),
            consent_only=notice_purpose_needs_consent(p, policy.purposes),
            beyond_main=p.beyond_main,
        )
        for p in notice.own_purposes.values()
    ]
    return SupplementaryShown(
        notice=notice,
        url=reverse(
            "policy:supplementary_version",
            kwargs={"notice_id": notice.id, "number": notice.version},
        ),
        link_text=_link_text(notice, lang),
        purposes=lines,
    )


def _link_text(notice: Notice, lang: str) -> str:
    with translation.override(lang):
        return _("Read “%(title)s” (version %(version)s) in full") % {
            "title": notice.title.get(lang),
            "version": notice.version,
        }
