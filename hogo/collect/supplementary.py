"""The supplementary notice a channel names (`notice = "<id>"`), shown in its form's stored
notice block beside the main notice: its title, text, purposes and a link to its page. Being
part of the stored block, it is covered by the block's sha256 like the rest of the notice."""

from dataclasses import dataclass

from django.urls import reverse

from hogo.policy.notice_labels import NOTICE_LABELS
from hogo.policy.schema import Channel, Notice, Policy, Text
from hogo.policy.schema.notices import notice_purpose_needs_consent

LABELS: dict[str, Text] = {
    "purposes": Text("このお知らせの利用目的", "Purposes of use in this notice"),
    "full": Text("「{title}」（第{n}版）の全文", "Read “{title}” (version {n}) in full"),
    "retention": Text("取得から{n}日間保存します", "Kept for {n} days from collection"),
    "consent_only": Text("同意をいただいた場合のみ", "only with your consent"),
    "beyond": NOTICE_LABELS["own_beyond"],
}


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
    retention = LABELS["retention"].get(lang)
    lines = [
        PurposeLine(
            title=p.title.get(lang),
            description=p.description.get(lang),
            retention=retention.replace("{n}", str(p.retention_days)),
            consent_only=p.consent_required,
            beyond_main=False,
        )
        for p in (policy.purposes[pid] for pid in notice.purposes)
    ]
    lines += [
        PurposeLine(
            title=p.title.get(lang),
            description=p.description.get(lang),
            retention=retention.replace("{n}", str(p.retention_days)),
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
        link_text=LABELS["full"]
        .get(lang)
        .replace("{title}", notice.title.get(lang))
        .replace("{n}", str(notice.version)),
        purposes=lines,
    )
