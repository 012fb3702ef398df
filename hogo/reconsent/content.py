"""What a campaign says to a person, in their language: the purpose and the kinds of
information from the active policy (the person agrees to the purpose as it stands now), what
changed from the campaign's version, the organization and its desk. Used by the consent page,
the request mail and the console's preview alike, so the preview is what people receive."""

from dataclasses import dataclass
from datetime import datetime

from hogo.policy.schema import Policy
from hogo.policy.wording import colon, list_join, moment_shown
from hogo.reconsent.labels import CHANGE_TEXTS, LABELS, say
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
        changes=[say(CHANGE_TEXTS[kind], lang) for kind in campaign.kinds],
        categories=titled(purpose.categories),
        new_categories=titled(campaign.categories),
        org=policy.organization.name.get(lang),
        desk=contact.name.get(lang),
        desk_email=contact.email,
        if_not=say(LABELS["if_not" if whole else "if_not_categories"], lang),
    )


def mail_render(
    *, campaign: Campaign, policy: Policy, lang: str, link: str, expires_at: datetime
) -> tuple[str, str]:
    """The request mail's subject and plain-text body."""
    said = explain(campaign, policy, lang)

    def text(key: str, **values: object) -> str:
        return say(LABELS[key], lang, **values)

    lines = [
        text("intro", org=said.org, version=campaign.version),
        "",
        text("purpose") + colon(lang) + said.title,
        said.description,
        *said.changes,
    ]
    if said.new_categories:
        lines.append(text("new_categories") + colon(lang) + list_join(said.new_categories, lang))
    lines += [
        "",
        said.if_not,
        "",
        text("mail_open"),
        link,
        text("expires", date=moment_shown(expires_at, lang)),
        "",
        text("mail_close"),
        said.desk,
        said.desk_email,
    ]
    subject = text("mail_subject", org=said.org)
    return subject, "\n".join(line for line in lines if line is not None)
