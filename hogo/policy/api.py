"""`/api/v1/policy/`: the active policy and its versions, as typed JSON.

The policy is public (it is the published notice), so any staff token may read it.
"""

from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema
from pydantic import PositiveInt

from hogo.policy.models import PolicyVersion
from hogo.policy.selectors import (
    policy_at,
    policy_version_active,
    policy_version_at,
    policy_versions,
)

router = Router(tags=["policy"])


class TextOut(Schema):
    ja: str
    en: str


class ContactOut(Schema):
    name: TextOut
    address: TextOut
    email: str
    phone: str
    hours: TextOut


class OrganizationOut(Schema):
    name: TextOut
    address: TextOut
    representative: TextOut
    website: str
    contact: ContactOut


class PurposeOut(Schema):
    id: str
    title: TextOut
    description: TextOut
    context: TextOut | None
    categories: list[str]
    retention_days: int
    consent_required: bool
    related_to: list[str]
    marketing_mail: bool


class CategoryOut(Schema):
    id: str
    title: TextOut
    description: TextOut | None
    special_care: bool
    basis: str | None
    identifier: str | None
    policy_items: TextOut | None


class FieldChoiceOut(Schema):
    value: str
    label: TextOut


class FieldOut(Schema):
    id: str
    label: TextOut
    category: str
    required: bool
    if_omitted: TextOut | None
    free_text: bool
    kind: str
    choices: list[FieldChoiceOut]


class ChannelOut(Schema):
    id: str
    title: TextOut
    purposes: list[str]
    fields: list[FieldOut]
    special_care_consent: bool
    public_form: bool
    notice: str | None
    follow_up: str | None
    imported: bool
    confirmation_mail: bool


class RecipientKindOut(Schema):
    id: str
    clause: str
    title: TextOut
    description: TextOut
    requires_consent: bool


class JointUseSectionOut(Schema):
    items: TextOut
    users: TextOut
    purposes: TextOut
    responsible: TextOut


class ProvisionSectionOut(Schema):
    principle: TextOut
    legal_exceptions: TextOut
    recipient_kinds: dict[str, RecipientKindOut]
    joint_use: JointUseSectionOut | None


class CountryOut(Schema):
    name: TextOut
    system: TextOut
    measures: TextOut


class ExternalEnvironmentOut(Schema):
    statement: TextOut
    countries: list[CountryOut]


class SafetyOut(Schema):
    principle: TextOut
    prevention: TextOut
    training: TextOut
    outsourcing: TextOut
    organizational: TextOut
    human: TextOut
    physical: TextOut
    technical: TextOut
    external_environment: ExternalEnvironmentOut


class LinkOut(Schema):
    title: TextOut
    url: str


class AnalyticsOut(Schema):
    provider: str
    cookie_category: str
    text: TextOut
    links: list[LinkOut]


class WebsiteOut(Schema):
    ssl: TextOut
    links: TextOut
    ip_addresses: TextOut
    analytics: AnalyticsOut | None


class CookieCategoryOut(Schema):
    id: str
    title: TextOut
    description: TextOut
    required: bool


class CookiesOut(Schema):
    version: int
    text: TextOut
    categories: dict[str, CookieCategoryOut]


class RequestKindOut(Schema):
    id: str
    clause: str
    title: TextOut
    description: TextOut
    fee_jpy: int
    delivery_methods: list[str]
    default_delivery: str | None


class RequestsOut(Schema):
    deadline_days: int
    how: TextOut
    identity_verification: TextOut
    agents: TextOut
    fee_payment: TextOut | None
    kinds: dict[str, RequestKindOut]


class BasicPolicyOut(Schema):
    introduction: TextOut
    text: TextOut


class AcquisitionSectionOut(Schema):
    fair_means: TextOut
    notice: TextOut
    voluntary: TextOut


class SourcesOut(Schema):
    direct: TextOut
    purchased_directories: TextOut
    special_care: TextOut


class UseOut(Schema):
    principle: TextOut


class ComplaintsOut(Schema):
    text: TextOut
    accredited_organization: TextOut | None


class NoticePurposeOut(Schema):
    id: str
    title: TextOut
    description: TextOut
    categories: list[str]
    retention_days: int
    related_to: list[str]
    beyond_main: bool


class NoticeOut(Schema):
    id: str
    kind: str
    version: int
    title: TextOut
    text: TextOut
    purposes: list[str]
    own_purposes: dict[str, NoticePurposeOut]


class StaffOut(Schema):
    purposes: dict[str, list[str]]


class RecordsOut(Schema):
    inquiry_cases: str | None
    request_cases: str | None


class PolicyOut(Schema):
    format: int
    organization: OrganizationOut
    basic_policy: BasicPolicyOut
    acquisition: AcquisitionSectionOut
    sources: SourcesOut
    use: UseOut
    purposes: dict[str, PurposeOut]
    categories: dict[str, CategoryOut]
    channels: dict[str, ChannelOut]
    provision: ProvisionSectionOut
    safety: SafetyOut
    website: WebsiteOut
    cookies: CookiesOut
    requests: RequestsOut
    complaints: ComplaintsOut
    notices: dict[str, NoticeOut]
    staff: StaffOut
    records: RecordsOut


class VersionOut(Schema):
    number: int
    sha256: str
    loaded_at: datetime
    note: str


class VersionDetailOut(VersionOut):
    policy: PolicyOut


def _detail(version: PolicyVersion) -> VersionDetailOut:
    return VersionDetailOut(
        number=version.number,
        sha256=version.sha256,
        loaded_at=version.loaded_at,
        note=version.note,
        policy=PolicyOut.model_validate(policy_at(version=version.number)),
    )


@router.get("/", response=VersionDetailOut, summary="The active policy version")
def policy_active_get(request: HttpRequest) -> VersionDetailOut:
    return _detail(policy_version_active())


@router.get("/versions", response=list[VersionOut], summary="Every policy version, oldest first")
def policy_versions_list(request: HttpRequest) -> list[PolicyVersion]:
    return list(policy_versions())


@router.get("/versions/{number}", response=VersionDetailOut, summary="One policy version")
def policy_version_get(request: HttpRequest, number: PositiveInt) -> VersionDetailOut:
    return _detail(policy_version_at(version=number))
