"""Another organization's policy, for tests: the reference policy with every purpose, channel
and (non-special-care) category id renamed, and another organization's name and desk address.

Made from reference.toml at test time, so that it follows every change to the reference; the
flows' tests load it (`other_policy` in hogo/tests/fixtures.py) to prove that nothing depends
on the reference ids. Only quoted ids are renamed; field kinds (`kind = "email"`) and identifier
kinds (`identifier = "email"`) are fixed vocabulary and stay.
"""

import re

from hogo.policy.tests.helpers import reference_text

RENAMED = {
    # purposes
    "campaign-invitations-surveys": "newsletters",
    "event-operation": "workshop-running",
    "contract-performance": "service-delivery",
    "member-site-registration": "portal-accounts",
    "inquiry-response": "support-answers",
    # channels
    "event-registration": "workshop-signup",
    "survey": "feedback",
    "member-registration": "portal-signup",
    "inquiry": "support",
    "contract": "agreement",
    "directory-import": "list-import",
    # categories (the special-care ones are fixed labels)
    "name": "full_name",
    "email": "mail_address",
    "phone": "tel_number",
    "postal_address": "mailing_address",
    "organization": "company",
    "department": "division",
    "job_title": "position",
    "country": "region",
    "member_id": "portal_number",
    "inquiry_text": "question_text",
    "survey_answer": "feedback_answer",
    "event_attendance": "workshop_choice",
    "contract_details": "agreement_terms",
    "product_interest": "topics",
    "special_requirements": "accessibility_needs",
}
FIXED_KEYS = ("kind = ", "identifier = ")
_QUOTED_ID = re.compile(r'"([a-z][a-z0-9_-]*)"')
ORGANIZATION = 'name = { ja = "例示技術組合", en = "Example Technology Guild" }'
DESK_EMAIL = "privacy@guild.example.jp"


def other_policy_text() -> str:
    lines = []
    for line in reference_text().splitlines(keepends=True):
        if not line.startswith(FIXED_KEYS):
            line = _QUOTED_ID.sub(lambda m: f'"{RENAMED.get(m.group(1), m.group(1))}"', line)
        lines.append(line)
    text = "".join(lines)
    text = re.sub(r"(?m)^(\[organization\]\n)name = .*$", rf"\g<1>{ORGANIZATION}", text)
    return re.sub(r'(?m)^email = ".*"$', f'email = "{DESK_EMAIL}"', text)
