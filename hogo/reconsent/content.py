"""What a campaign says to a person, in their language: the purpose and the kinds of
information from the active policy (the person agrees to the purpose as it stands now), what
changed from the campaign's version, the organization and its desk. Used by the consent page,
the request mail and the console's preview alike, so the preview is what people receive."""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from hogo.policy.schema import Policy
from hogo.reconsent.labels import CHANGE_TEXTS, LABELS, fill
from hogo.reconsent.selectors import Campaign


@dataclass(frozen=True)
class Explained:
    title: str
    description: str
    changes: list[str]
    categories: list[str]  # every kind of information the purpose uses
    new_categories: list[str]  # the widened ones
    org: str
    desk: str
    desk_email: str
    if_not: str  # what declining means for this change


def explain(campaign: Campaign, policy: Policy, lang: str) -> Explained:
    purpose = policy.purposes[campaign.purpose]

    def titled(ids: tuple[str, ...]) -> list[str]:
        return [policy.categories[c].title.get(lang) for c in ids if c in policy.categories]

    contact = policy.organization.contact
    whole = any(change.whole_purpose for change in campaign.changes)
    return Explained(
        title=purpose.title.get(lang),
        description=purpose.description.get(lang),
        changes=[CHANGE_TEXTS[kind].get(lang) for kind in campaign.kinds],
        categories=titled(purpose.categories),
        new_categories=titled(campaign.categories),
        org=policy.organization.name.get(lang),
        desk=contact.name.get(lang),
        desk_email=contact.email,
        if_not=LABELS["if_not" if whole else "if_not_categories"].get(lang),
    )


def local_time_text(moment: datetime) -> str:
    """A time as people read it, in the site's zone, with the zone named."""
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M %Z")


def mail_render(
    *, campaign: Campaign, policy: Policy, lang: str, link: str, expires_at: datetime
) -> tuple[str, str]:
    """The request mail's subject and plain-text body."""
    said = explain(campaign, policy, lang)

    def text(key: str, **values: object) -> str:
        return fill(LABELS[key].get(lang), **values)

    lines = [
        text("intro", org=said.org, version=campaign.version),
        "",
        f"{text('purpose')}: {said.title}" if lang == "en" else f"{text('purpose')}：{said.title}",
        said.description,
        *said.changes,
    ]
    if said.new_categories:
        colon = ": " if lang == "en" else "："
        separator = ", " if lang == "en" else "、"
        lines.append(text("new_categories") + colon + separator.join(said.new_categories))
    lines += [
        "",
        said.if_not,
        "",
        text("mail_open"),
        link,
        text("expires", date=local_time_text(expires_at)),
        "",
        text("mail_close"),
        said.desk,
        said.desk_email,
    ]
    subject = text("mail_subject", org=said.org)
    return subject, "\n".join(line for line in lines if line is not None)
