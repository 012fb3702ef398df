"""The share app's tables: who receives personal data, on what basis, and the records of each
provision (APPI Arts. 25, 27–31). No personal value is stored here except inside an encrypted
export package whose password the organization does not keep. Register: Recipient, Agreement
(outsourcing) + Supervision, Succession, JointUse. Provisions: ProvisionRecord (the Art. 29
record, one or many provisions) > Provision > line per subject (ProvisionLine), ProvisionPackage
(the encrypted export). Art. 31: ReferableConfirmation (personally referable information).
"""

from collections.abc import Callable
from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hogo.refs import ref_new
from hogo.vault.models import Subject


def recipient_ref_new() -> str:
    return ref_new("rcp")


def agreement_ref_new() -> str:
    return ref_new("agr")


def succession_ref_new() -> str:
    return ref_new("suc")


def joint_use_ref_new() -> str:
    return ref_new("jnt")


def record_ref_new() -> str:
    return ref_new("rec")


def provision_ref_new() -> str:
    return ref_new("prv")


def confirmation_ref_new() -> str:
    return ref_new("rcf")


def _ref_field(new: Callable[[], str]) -> "models.CharField[str, str]":
    return models.CharField(_("ref"), max_length=32, unique=True, default=new, editable=False)


class RecipientKind(models.TextChoices):
    """The policy's recipient kinds (clause 5); the ids are those of `[provision]`."""

    THIRD_PARTY = "third_party_with_consent", _("Third party, with the person's consent")
    CONTRACTOR = "outsourcing_contractor", _("Outsourcing contractor")
    SUCCESSOR = "successor", _("Successor (merger or business transfer)")
    JOINT_USER = "joint_user", _("Joint user")


class Basis(models.TextChoices):
    CONSENT = "consent", _("The person's consent (Art. 27(1))")
    OUTSOURCING = "outsourcing", _("Outsourcing within the purposes (Art. 27(5)(i))")
    SUCCESSION = "succession", _("Business succession (Art. 27(5)(ii))")
    JOINT_USE = "joint_use", _("Joint use as published (Art. 27(5)(iii))")
    # Named so that a request for it is refused with a clear reason: the policy never uses it.
    OPT_OUT = "opt_out", _("Opt-out (Art. 27(2)): not used by this policy")
    # Any registered recipient, the privacy officer only, with a cited ground (exceptions.py).
    STATUTORY = "statutory", _("Statutory exception (Art. 27(1)(i)-(vii))")


BASIS_OF_KIND: dict[str, Basis] = {
    RecipientKind.THIRD_PARTY: Basis.CONSENT,
    RecipientKind.CONTRACTOR: Basis.OUTSOURCING,
    RecipientKind.SUCCESSOR: Basis.SUCCESSION,
    RecipientKind.JOINT_USER: Basis.JOINT_USE,
}


class ForeignBasis(models.TextChoices):
    """Why a provision abroad is lawful (Art. 28)."""

    CONSENT = "consent", _("Each person's consent after the Art. 28 information (Rule 17)")
    ADEQUATE_COUNTRY = "adequate_country", _("Country with an equivalent system (Rule 15)")
    EQUIVALENT_MEASURES = "equivalent_measures", _("Recipient keeps equivalent measures (Rule 16)")


# Rule 15: countries whose system the PPC recognises as equivalent (EU and EEA members since
# 2019, the United Kingdom since 2023). Review this list when the PPC changes its designation.
ADEQUATE_COUNTRIES = frozenset(
    "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK "  # noqa: SIM905
    "IS LI NO GB".split()
)


class Recipient(models.Model):
    """Someone personal data may be provided to. Name, address and representative are what the
    Art. 29 record and a disclosure of provision records must show."""

    ref = _ref_field(recipient_ref_new)
    kind = models.CharField(_("kind"), max_length=32, choices=RecipientKind.choices)
    name = models.CharField(pgettext_lazy("recipient", "name"), max_length=200)
    address = models.CharField(_("address"), max_length=300)
    representative = models.CharField(_("representative"), max_length=200)
    country = models.CharField(
        _("country"), max_length=2, default="JP", help_text=_("ISO 3166-1 alpha-2.")
    )
    category = models.CharField(
        _("category"),
        max_length=64,
        blank=True,
        help_text=_("A group of recipients a person may consent to as a whole (consent target)."),
    )
    country_system = models.TextField(
        _("country system"),
        blank=True,
        help_text=_("Art. 28: the country's system for protecting personal information."),
    )
    recipient_measures = models.TextField(
        _("recipient measures"),
        blank=True,
        help_text=_("Art. 28: the measures the recipient takes to protect it."),
    )
    foreign_basis = models.CharField(
        _("foreign basis"),
        max_length=24,
        choices=ForeignBasis.choices,
        default=ForeignBasis.CONSENT,
    )
    measures_checked_on = models.DateField(
        _("measures checked on"),
        null=True,
        blank=True,
        help_text=_("Rule 16: the last periodic check of the measures."),
    )
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    registered_by = models.CharField(_("registered by"), max_length=80)
    retired_at = models.DateTimeField(_("retired at"), null=True, blank=True)
    retired_by = models.CharField(_("retired by"), max_length=80, blank=True)

    class Meta:
        verbose_name = _("recipient")
        verbose_name_plural = _("recipients")

    def __str__(self) -> str:
        return f"{self.name} ({self.ref})"

    @property
    def abroad(self) -> bool:
        return self.country != "JP"


class Subcontracting(models.TextChoices):
    FORBIDDEN = "forbidden", _("Forbidden")
    PRIOR_APPROVAL = "prior_approval", _("Only with our prior written approval")
    ALLOWED = "allowed", _("Allowed under the same obligations")


class Agreement(models.Model):
    """An outsourcing agreement (policy 6.3, APPI Art. 25): what the contractor may handle, for
    which purposes, under which security clauses, until when."""

    ref = _ref_field(agreement_ref_new)
    recipient = models.ForeignKey(
        Recipient, on_delete=models.PROTECT, related_name="agreements", verbose_name=_("recipient")
    )
    signed_on = models.DateField(_("signed on"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(
        _("ends on"), null=True, blank=True, help_text=_("Empty: until terminated.")
    )
    terminated_on = models.DateField(_("terminated on"), null=True, blank=True)
    purposes = models.JSONField(
        _("purposes"), help_text=_("Purpose ids the contractor handles data for.")
    )
    categories = models.JSONField(
        _("categories"), help_text=_("Data categories the contractor may receive.")
    )
    security_clauses = models.TextField(_("security clauses"))
    subcontracting = models.CharField(
        _("subcontracting"), max_length=16, choices=Subcontracting.choices
    )
    review_due = models.DateField(
        _("review due"), help_text=_("When the contractor's handling is next reviewed.")
    )
    document_ref = models.CharField(_("document ref"), max_length=200, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    recorded_by = models.CharField(_("recorded by"), max_length=80)

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = (
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="share_agreement_ends_after_start",
            ),
        )

    def __str__(self) -> str:
        return self.ref

    def in_force(self, on: date) -> bool:
        ended = self.ends_on is not None and on > self.ends_on
        terminated = self.terminated_on is not None and on >= self.terminated_on
        return self.starts_on <= on and not ended and not terminated


class SupervisionKind(models.TextChoices):
    AUDIT = "audit", _("On-site audit")
    QUESTIONNAIRE = "questionnaire", _("Written questionnaire")
    REPORT = "report", _("Contractor's report")
    INCIDENT_REVIEW = "incident_review", _("Review after an incident")


class SupervisionOutcome(models.TextChoices):
    SATISFACTORY = "satisfactory", _("Satisfactory")
    FINDINGS = "findings", _("Findings to correct")
    SERIOUS = "serious", _("Serious findings")


class Supervision(models.Model):
    """One act of supervising a contractor (APPI Art. 25; GL 3-4-4)."""

    agreement = models.ForeignKey(Agreement, on_delete=models.PROTECT, related_name="supervisions")
    kind = models.CharField(_("kind"), max_length=16, choices=SupervisionKind.choices)
    performed_on = models.DateField(_("performed on"))
    outcome = models.CharField(_("outcome"), max_length=16, choices=SupervisionOutcome.choices)
    findings = models.TextField(_("findings"), blank=True)
    next_review = models.DateField(_("next review"))
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.CharField(max_length=80)

    class Meta:
        verbose_name = _("supervision")
        verbose_name_plural = _("supervisions")

    def __str__(self) -> str:
        return f"{self.kind} {self.performed_on}"


class SuccessionKind(models.TextChoices):
    MERGER = "merger", _("Merger")
    BUSINESS_TRANSFER = "business_transfer", _("Business transfer")
    COMPANY_SPLIT = "company_split", _("Company split")


class Succession(models.Model):
    """A succession of activities (policy 5.3): the part of the data that goes to the successor,
    which stays bound to the purposes it was acquired for (APPI Art. 18(2))."""

    ref = _ref_field(succession_ref_new)
    recipient = models.ForeignKey(
        Recipient, on_delete=models.PROTECT, related_name="successions", verbose_name=_("recipient")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=SuccessionKind.choices)
    effective_on = models.DateField(_("effective on"))
    purposes = models.JSONField(
        _("purposes"), help_text=_("Data acquired for these purposes is transferred.")
    )
    categories = models.JSONField(_("categories"), help_text=_("Data categories transferred."))
    document_ref = models.CharField(_("document ref"), max_length=200, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    recorded_by = models.CharField(_("recorded by"), max_length=80)

    class Meta:
        verbose_name = _("succession")
        verbose_name_plural = _("successions")

    def __str__(self) -> str:
        return self.ref


class JointUse(models.Model):
    """The particulars of joint use with one recipient (APPI Art. 27(5)(iii)). The policy's
    `[provision.joint_use]` announcement publishes them; the gate checks both agree."""

    ref = _ref_field(joint_use_ref_new)
    recipient = models.ForeignKey(
        Recipient, on_delete=models.PROTECT, related_name="joint_uses", verbose_name=_("recipient")
    )
    categories = models.JSONField(
        _("categories"), help_text=_("Items used jointly (data categories).")
    )
    purposes = models.JSONField(_("purposes"), help_text=_("Purpose ids of the joint use."))
    responsible_name = models.CharField(_("responsible name"), max_length=200)
    responsible_address = models.CharField(_("responsible address"), max_length=300)
    responsible_representative = models.CharField(_("responsible representative"), max_length=200)
    announced_version = models.PositiveIntegerField(
        _("announced version"), help_text=_("Policy version whose notice announced this joint use.")
    )
    starts_on = models.DateField(_("starts on"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    recorded_by = models.CharField(_("recorded by"), max_length=80)

    class Meta:
        verbose_name = _("joint use")
        verbose_name_plural = _("joint uses")

    def __str__(self) -> str:
        return self.ref

    def in_force(self, on: date) -> bool:
        return self.starts_on <= on and (self.ended_on is None or on < self.ended_on)


class RecordForm(models.TextChoices):
    """How the record is kept, which sets its retention (Rules 19 and 21)."""

    SINGLE = "single", _("One record per provision (kept 3 years)")
    BULK = "bulk", _("Bulk record of continuous or repeated provision (kept 3 years from the last)")
    CONTRACT = (
        "contract",
        _("Contract document with the person as the record (1 year from the last)"),
    )


RETENTION_YEARS: dict[str, int] = {RecordForm.SINGLE: 3, RecordForm.BULK: 3, RecordForm.CONTRACT: 1}


class ProvisionRecord(models.Model):
    """The record of one provision, or (bulk and contract forms) of every provision of the same
    kind to the same recipient, kept until `retain_until` and then disposed of."""

    ref = _ref_field(record_ref_new)
    recipient = models.ForeignKey(
        Recipient, on_delete=models.PROTECT, related_name="records", verbose_name=_("recipient")
    )
    basis = models.CharField(_("basis"), max_length=16, choices=Basis.choices)
    purpose = models.CharField(_("purpose"), max_length=80)
    form = models.CharField(_("form"), max_length=16, choices=RecordForm.choices)
    first_provided_at = models.DateTimeField(_("first provided at"))
    last_provided_at = models.DateTimeField(_("last provided at"))
    retain_until = models.DateTimeField(_("retain until"), db_index=True)

    class Meta:
        verbose_name = _("provision record")
        verbose_name_plural = _("provision records")
        indexes = (models.Index(fields=["recipient", "basis", "purpose", "form"]),)

    def __str__(self) -> str:
        return self.ref


class Provision(models.Model):
    """One act of providing chosen items of chosen subjects to a recipient for a purpose."""

    ref = _ref_field(provision_ref_new)
    record = models.ForeignKey(
        ProvisionRecord,
        on_delete=models.CASCADE,
        related_name="provisions",
        verbose_name=_("record"),
    )
    recipient = models.ForeignKey(
        Recipient, on_delete=models.PROTECT, related_name="provisions", verbose_name=_("recipient")
    )
    basis = models.CharField(_("basis"), max_length=16, choices=Basis.choices)
    purpose = models.CharField(_("purpose"), max_length=80)
    categories = models.JSONField(_("categories"), help_text=_("Data categories chosen."))
    agreement = models.ForeignKey(
        Agreement,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="provisions",
        verbose_name=_("agreement"),
    )
    succession = models.ForeignKey(
        Succession,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="provisions",
        verbose_name=_("succession"),
    )
    joint_use = models.ForeignKey(
        JointUse,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="provisions",
        verbose_name=_("joint use"),
    )
    provided_at = models.DateTimeField(_("provided at"))
    actor = models.CharField(_("actor"), max_length=80)
    subjects_provided = models.PositiveIntegerField(_("subjects provided"))
    subjects_refused = models.PositiveIntegerField(_("subjects refused"))
    package_sha256 = models.CharField(_("package sha256"), max_length=64)
    # Basis STATUTORY only: the Art. 27(1) ground cited (hogo.share.exceptions) and why.
    exception = models.CharField(_("exception"), max_length=16, blank=True)
    explanation = models.TextField(_("explanation"), blank=True)

    class Meta:
        verbose_name = _("provision")
        verbose_name_plural = _("provisions")
        # The board's provisions per recipient and basis in a period (hogo/share/counts.py).
        indexes = (models.Index(fields=["provided_at"], name="share_provision_at"),)

    def __str__(self) -> str:
        return self.ref


class LineOutcome(models.TextChoices):
    PROVIDED = "provided", _("Provided")
    REFUSED = "refused", _("Refused")


class ProvisionLine(models.Model):
    """One subject of a provision: what was provided and the consent relied on, or why not."""

    provision = models.ForeignKey(Provision, on_delete=models.CASCADE, related_name="lines")
    # Records outlive the data (they are kept after erasure); subjects are never deleted.
    subject = models.ForeignKey(Subject, on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(max_length=8, choices=LineOutcome.choices)
    reason = models.CharField(max_length=32, blank=True)
    categories = models.JSONField(default=list, help_text=_("Data categories provided."))
    consent_ref = models.CharField(max_length=32, blank=True)
    foreign_consent_ref = models.CharField(max_length=32, blank=True)

    class Meta:
        indexes = (models.Index(fields=["subject", "outcome"]),)

    def __str__(self) -> str:
        return f"{self.outcome} {self.reason}".strip()


class ProvisionPackage(models.Model):
    """The encrypted export of a provision (AES-256 zip). Its password is shown once and not
    kept, so the stored copy is unreadable here; it is deleted when `expires_at` passes."""

    provision = models.OneToOneField(Provision, on_delete=models.CASCADE, related_name="package")
    content = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField(db_index=True)
    downloads = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "share_package"  # the table of its first name, `Package`: renamed without a copy

    def __str__(self) -> str:
        return f"package of {self.provision_id}"


from hogo.share.referable_models import ConfirmationMethod as ConfirmationMethod  # noqa: E402
from hogo.share.referable_models import ReferableConfirmation as ReferableConfirmation  # noqa: E402
from hogo.share.referable_models import ReferableItem as ReferableItem  # noqa: E402
from hogo.share.selection_models import ContractorAssessment  # noqa: E402, F401
