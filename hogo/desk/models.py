"""The request desk's tables.

A `Case` is one request from a person (APPI Arts. 32–35, 40) with its deadline, its verification
and its fulfilment `Step`s, each with a recorded result: a case is complete only when every
step succeeded. Mail goes out through `OutboundMail` rows, retried until delivered.

Personal data of a case, and where: the requester's contact address (to verify it and to
answer), what they wrote (corrections proposed, a complaint), the desk's notes and replies,
the refusal explanation and the mail sent are sealed in the vault as notes under a key of the
case's own (content.py); these tables keep only their note refs and a blind index of the
address. Values of the vault are never copied here; the disclosure package is stored only as
an AES-256 zip whose password is derived from the server secret, never stored. Disposing of a
case's content destroys its key (sweep.py, README).
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hogo.refs import ref_new


def case_ref_new() -> str:
    return ref_new("req")


class CaseKind(models.TextChoices):
    PURPOSE_NOTIFICATION = "purpose_notification", _("Notification of purposes (7.1(a))")
    DISCLOSURE = "disclosure", _("Disclosure (7.1(b))")
    CORRECTION = "correction", _("Correction, addition or deletion (7.1(c))")
    SUSPENSION = "suspension", _("Suspension of use or provision (7.1(d))")
    COMPLAINT = "complaint", _("Question, complaint or consultation (7.2)")


class CaseStatus(models.TextChoices):
    UNVERIFIED = "unverified", _("Waiting for identity verification")
    EXPIRED = "expired", _("Never verified")
    OPEN = "open", _("Verified, waiting for the desk's decision")
    IN_PROGRESS = "in_progress", _("Decided, steps running")
    COMPLETED = "completed", _("Completed: every step succeeded")
    REFUSED = "refused", _("Refused: the reason was notified")


CLOSED_STATUSES = (CaseStatus.EXPIRED, CaseStatus.COMPLETED, CaseStatus.REFUSED)
QUEUE_STATUSES = (CaseStatus.OPEN, CaseStatus.IN_PROGRESS)


class Decision(models.TextChoices):
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused with a reason")


class Intake(models.TextChoices):
    PRIVACY_CENTER = "privacy_center", _("Privacy center")
    API = "api", _("API (an integrator's portal)")
    POST = "post", _("Post, recorded by the desk")
    EMAIL = "email", _("E-mail to the desk, recorded by the desk")


class VerificationMethod(models.TextChoices):
    EMAIL_CODE = "email_code", _("One-time code sent by e-mail")
    EMAIL_LINK = "email_link", _("Single-use link sent by e-mail")
    STAFF_DOCUMENT = "staff_document", _("Identity document checked by the desk")
    STAFF_AGENT = "staff_agent", _("Agent: identity and authority documents checked by the desk")


class CaseRefusalReason(models.TextChoices):
    """Grounds for not doing what was asked, explained to the person (APPI Art. 36)."""

    HARM = "harm", _("Art. 33(2)(i): harm to the life, body, property or rights of someone")
    BUSINESS = "business", _("Art. 33(2)(ii): serious hindrance to the proper conduct of business")
    OTHER_LAW = "other_law", _("Art. 33(2)(iii): would violate another law")
    RECORDS_EXEMPT = "records_exempt", _("Art. 33(5), Order Art. 11: provision records exempt")
    ACCURATE = "accurate", _("Art. 34: the data was investigated and is accurate")
    NO_GROUNDS = "no_grounds", _("Art. 35: the grounds for suspension or erasure are not met")
    SUBSTITUTE = "substitute", _("Art. 35 proviso: a substitute measure is taken instead")
    IDENTITY = "identity", _("Art. 37: identity or authority could not be confirmed")
    FEE_UNPAID = "fee_unpaid", _("Art. 38: the fee was not paid")


class FeeDifference(models.TextChoices):
    """Why the amount the desk received differs from the request's fee (a fixed list, so that
    no free text about a person is written next to a payment)."""

    REDUCED = "reduced", _("The organization reduced or waived the fee")
    BANK_CHARGES = "bank_charges", _("Arrived less the transfer's bank charges")
    OVERPAID = "overpaid", _("More was paid; the difference is refunded")


class Case(models.Model):
    ref = models.CharField(max_length=32, unique=True, default=case_ref_new, editable=False)
    kind = models.CharField(max_length=24, choices=CaseKind.choices)
    status = models.CharField(
        max_length=16, choices=CaseStatus.choices, default=CaseStatus.UNVERIFIED
    )
    language = models.CharField(max_length=2, choices=settings.LANGUAGES, default="ja")
    intake = models.CharField(max_length=16, choices=Intake.choices)
    # The address the person asked us to answer (verified before anything is done), as a vault
    # note and its blind index; blank for a request by post with no address, and once the
    # case's content was disposed of.
    contact_note = models.CharField(max_length=32, blank=True)
    contact_digest = models.CharField(max_length=32, blank=True, db_index=True)
    # Where the person reached us (`https://host`), for links in mail sent by tasks.
    origin = models.URLField(max_length=200)
    details_note = models.CharField(
        max_length=32, blank=True, help_text="What was asked (kinds.py), as a vault note."
    )
    subject_ref = models.CharField(max_length=32, blank=True, help_text="Vault subject, if any.")
    policy_version = models.PositiveIntegerField()
    # The fee of the request's kind in the policy version it was made under (APPI Art. 38),
    # and what the desk recorded when it arrived: when it recorded it, the amount, the day the
    # payment arrived and the transfer's or money order's number (never a name).
    fee_jpy = models.PositiveIntegerField(default=0)
    fee_received_at = models.DateTimeField(null=True, blank=True)
    fee_paid_jpy = models.PositiveIntegerField(null=True, blank=True)
    fee_received_on = models.DateField(null=True, blank=True)
    fee_reference = models.CharField(max_length=40, blank=True)
    fee_difference = models.CharField(max_length=16, choices=FeeDifference.choices, blank=True)
    verification_method = models.CharField(
        max_length=16, choices=VerificationMethod.choices, blank=True
    )
    verification_evidence = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    received_at = models.DateTimeField(null=True, blank=True, help_text="Verified or posted.")
    due_at = models.DateTimeField(null=True, blank=True, db_index=True)
    decision = models.CharField(max_length=8, choices=Decision.choices, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    refusal_reason = models.CharField(max_length=16, choices=CaseRefusalReason.choices, blank=True)
    refusal_note = models.CharField(max_length=32, blank=True, help_text="The explanation.")
    reminded_at = models.DateTimeField(null=True, blank=True)
    content_purged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("case")  # as the console's index lists it
        verbose_name_plural = _("cases")
        indexes = (
            models.Index(fields=["status", "due_at"]),
            # The board (hogo/desk/counts.py): received per month, answer times, open by kind.
            models.Index(fields=["received_at", "kind"], name="desk_case_received_board"),
            models.Index(
                fields=["closed_at", "status", "received_at"], name="desk_case_closed_board"
            ),
            models.Index(fields=["status", "kind"], name="desk_case_status_kind"),
        )
        constraints = (
            models.CheckConstraint(
                condition=~Q(decision="refused") | ~Q(refusal_reason=""),
                name="desk_case_refusal_has_reason",
            ),
        )
        permissions = (("handle_case", "Can handle privacy requests at the desk"),)

    def __str__(self) -> str:
        return self.ref

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    @property
    def has_email(self) -> bool:
        """Whether the desk answers by e-mail (else by post)."""
        return bool(self.contact_note)

    @property
    def waits_for_fee(self) -> bool:
        return bool(self.fee_jpy) and self.fee_received_at is None

    def deadline(self, days: int) -> datetime | None:
        """`days` from when the desk can act: identity verified and, where the request has a
        fee, the fee received (from the start of the day it arrived, in the organization's
        zone); None while either is missing."""
        if self.received_at is None or self.waits_for_fee:
            return None
        start = self.received_at
        if self.fee_received_on is not None:
            arrived = datetime.combine(self.fee_received_on, time.min)
            start = max(start, timezone.make_aware(arrived, timezone.get_default_timezone()))
        return start + timedelta(days=days)


class StepName(models.TextChoices):
    FEE = "fee", pgettext_lazy("console", "Fee received")
    PURPOSES_ANSWER = "purposes_answer", _("Purposes notified by e-mail")
    PACKAGE_BUILD = "package_build", _("Disclosure package built")
    PACKAGE_DELIVER = "package_deliver", _("Disclosure delivered")
    CORRECTIONS_APPLY = "corrections_apply", _("Corrections applied in the vault")
    SUSPENSION_APPLY = "suspension_apply", _("Suspension applied in the vault")
    RESULT_NOTIFY = "result_notify", _("Result notified by e-mail")
    REPLY = "reply", _("Replied and closed by the desk")
    REFUSAL_NOTIFY = "refusal_notify", _("Refusal and its reason notified")
    # One step per system of the policy's data map (`Step.system`).
    SYSTEM_FIND = "system_find", _("Searched in a system")
    SYSTEM_CORRECT = "system_correct", _("Corrected or deleted in a system and verified")
    SYSTEM_SUSPEND = "system_suspend", _("Suspended in a system and verified")


class StepStatus(models.TextChoices):
    PENDING = "pending", _("Not started")
    WAITING = "waiting", _("Waiting (mail delivery or the desk)")
    SUCCEEDED = "succeeded", _("Succeeded")
    FAILED = "failed", _("Failed; will be retried")


class Step(models.Model):
    """One explicit part of fulfilling a case, with its own recorded result."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="steps")
    name = models.CharField(max_length=24, choices=StepName.choices)
    system = models.CharField(
        max_length=64, blank=True, default="", help_text="The policy's system id, for its steps."
    )
    position = models.PositiveSmallIntegerField()
    status = models.CharField(max_length=12, choices=StepStatus.choices, default=StepStatus.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    result = models.JSONField(default=dict, blank=True, help_text="Counts and ids, no values.")
    error = models.CharField(max_length=300, blank=True, help_text="Last failure, no values.")
    retry_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("case", "position")
        constraints = (
            models.UniqueConstraint(fields=["case", "name", "system"], name="desk_step_once"),
        )

    def __str__(self) -> str:
        return f"{self.name}: {self.status}"


class CaseNote(models.Model):
    """A desk note on a case; a reply is also sent to the person and shown on the status page.
    Its text is a vault note of the case (blank once the case's content was disposed of)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text_note = models.CharField(max_length=32, blank=True)
    is_reply = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "desk_note"  # the table of its first name, `Note`: renamed without a copy
        ordering = ("case", "created_at", "pk")

    def __str__(self) -> str:
        return "reply" if self.is_reply else "note"


class VerificationPurpose(models.TextChoices):
    REQUEST = "request", _("Confirm a new request")
    STATUS = "status", _("Open the status page of a request")


class Verification(models.Model):
    """A one-time code and a single-use link sent to the case's address. Both are stored only
    as keyed hashes; either one, once used, uses up the other."""

    ref = models.CharField(max_length=32, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="verifications")
    purpose = models.CharField(max_length=8, choices=VerificationPurpose.choices)
    code_hash = models.CharField(max_length=64)
    link_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.ref


class MailKind(models.TextChoices):
    CODE = "code", _("Verification code")
    ANSWER = "answer", _("Answer to a request")
    REPLY = "reply", _("Reply from the desk")
    REMINDER = "reminder", _("Deadline reminder to staff")
    FEE = "fee", _("Fee due: the amount and how to pay")
    NOTICE = "notice", _("Notice to a person affected by an incident")


class MailStatus(models.TextChoices):
    QUEUED = "queued", _("Queued (being retried after a failure if attempts > 0)")
    SENT = "sent", _("Handed to the mail server")


class OutboundMail(models.Model):
    """One message and its delivery record: attempts, last error, next attempt. Kept until it is
    delivered, whatever happens to the mail server. A message to a requester has its subject
    and body sealed as a vault note of the case (`content_note`) and goes to the case's
    address; `to`, `subject` and `body` are used only for mail to staff (reminders)."""

    ref = models.CharField(max_length=32, unique=True, editable=False)
    case = models.ForeignKey(
        Case, null=True, blank=True, on_delete=models.CASCADE, related_name="mails"
    )
    step = models.ForeignKey(
        Step, null=True, blank=True, on_delete=models.SET_NULL, related_name="mails"
    )
    kind = models.CharField(max_length=12, choices=MailKind.choices)
    to = models.EmailField(max_length=254, blank=True)
    subject = models.CharField(max_length=200, blank=True)
    body = models.TextField(blank=True)
    content_note = models.CharField(max_length=32, blank=True)
    attachment_name = models.CharField(max_length=100, blank=True)
    attachment = models.BinaryField(null=True, blank=True)
    attachment_type = models.CharField(max_length=100, blank=True)
    # A code mail's content is a secret: forgotten once delivered.
    forget_body = models.BooleanField(default=False)
    # Extra header fields (List-Unsubscribe for marketing mail): URLs and fixed values only,
    # never an address or a personal value.
    headers = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=8, choices=MailStatus.choices, default=MailStatus.QUEUED)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=200, blank=True)
    next_attempt_at = models.DateTimeField(db_index=True)
    claimed_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = (models.Index(fields=["status", "next_attempt_at"]),)

    def __str__(self) -> str:
        return f"{self.kind} {self.ref}"


class DisclosurePackage(models.Model):
    """A disclosure package: an AES-256 PDF with the JSON and CSV embedded, or an AES-256 zip
    of them all (`package.disclosure_package_build`). Its password is derived from the server
    secret and the package ref (`package.package_password`), never stored."""

    ref = models.CharField(max_length=32, unique=True, editable=False)
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="packages")
    created_at = models.DateTimeField(auto_now_add=True)
    content = models.BinaryField()
    sha256 = models.CharField(max_length=64)
    files = models.JSONField(default=list)
    items = models.PositiveIntegerField()
    discarded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "desk_package"  # the table of its first name, `Package`: renamed without a copy

    def __str__(self) -> str:
        return self.ref


class DownloadLink(models.Model):
    """A single-use, expiring link to a package; only the token's hash is stored."""

    package = models.ForeignKey(DisclosurePackage, on_delete=models.CASCADE, related_name="links")
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"link {self.pk}"
