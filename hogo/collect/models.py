"""Collection records. Personal values are never stored here: they go to the vault, and these
tables keep what the law and the policy ask to prove about each acquisition (which notice,
which purposes, which consents, which fields, from which network) and the work around it
(inquiry cases, member accounts, directory receipts and import jobs).
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hogo.refs import ref_new
from hogo.vault.models import Acquisition, Subject


def acquisition_ref_new() -> str:
    return ref_new("acq")


def case_ref_new() -> str:
    return ref_new("inq")


def member_ref_new() -> str:
    return ref_new("mem")


def receipt_ref_new() -> str:
    return ref_new("rcv")


def receipt_mail_ref_new() -> str:
    return ref_new("rml")


class NoticeText(models.Model):
    """The exact notice block a form showed (purposes, contact desk, links), kept once per
    (policy version, channel, language) so that it can be shown again for any acquisition."""

    policy_version = models.PositiveIntegerField(_("policy version"))
    channel = models.CharField(_("channel"), max_length=64)
    lang = models.CharField(_("lang"), max_length=8)
    sha256 = models.CharField(_("sha256"), max_length=64, db_index=True)
    text = models.TextField(_("text"), help_text=_("The HTML fragment exactly as shown."))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("notice text")
        verbose_name_plural = _("notice texts")
        constraints = (
            models.UniqueConstraint(
                fields=["policy_version", "channel", "lang"], name="collect_notice_unique"
            ),
        )

    def __str__(self) -> str:
        return f"{self.channel} v{self.policy_version} {self.lang}"


class RecordSource(models.TextChoices):
    FORM = "form", _("Public form")
    API = "api", "API"
    IMPORT = "import", _("Directory import")


class AcquisitionRecord(models.Model):
    """What was shown and agreed when one submission was accepted (APPI Art. 20, 21)."""

    ref = models.CharField(_("ref"), max_length=32, unique=True, default=acquisition_ref_new)
    acquisition = models.OneToOneField(
        Acquisition,
        on_delete=models.CASCADE,
        related_name="collect_record",
        verbose_name=_("acquisition"),
    )
    subject = models.ForeignKey(
        Subject, on_delete=models.CASCADE, related_name="+", verbose_name=_("subject")
    )
    channel = models.CharField(_("channel"), max_length=64)
    source = models.CharField(_("source"), max_length=8, choices=RecordSource.choices)
    lang = models.CharField(_("lang"), max_length=8, blank=True)
    received_at = models.DateTimeField(_("received at"))
    policy_version = models.PositiveIntegerField(_("policy version"))
    notice_sha256 = models.CharField(_("notice sha256"), max_length=64, blank=True)
    # The supplementary notice (`[[notices]]`) the form showed with the main notice block, and
    # its own version; empty and null when the channel names none.
    supplementary_notice = models.CharField(
        _("supplementary notice"), max_length=64, blank=True, default=""
    )
    supplementary_notice_version = models.PositiveIntegerField(
        _("supplementary notice version"), null=True, blank=True
    )
    purposes = models.JSONField(_("purposes"), help_text=_("Purpose ids the data may be used for."))
    consents = models.JSONField(
        _("consents"), default=list, help_text=_("Refs of the consents given with it.")
    )
    fields = models.JSONField(
        _("fields"), default=list, help_text=_("Field ids captured (never values).")
    )
    special_care = models.JSONField(
        _("special care"),
        default=list,
        help_text=_("Special-care categories stored, each with explicit consent."),
    )
    network = models.CharField(
        _("network"),
        max_length=48,
        blank=True,
        help_text=_("Client network, truncated (IPv4 /24, IPv6 /48)."),
    )
    recorded_by = models.CharField(_("recorded by"), max_length=80, help_text=_("Audit actor."))

    class Meta:
        verbose_name = _("acquisition record")
        verbose_name_plural = _("acquisition records")
        indexes = (
            models.Index(fields=["subject", "received_at"]),
            # The board's acquisitions per channel per month (hogo/collect/counts.py), covering.
            models.Index(fields=["received_at", "channel"], name="collect_record_board"),
        )
        constraints = (
            models.CheckConstraint(
                condition=Q(supplementary_notice="", supplementary_notice_version__isnull=True)
                | (~Q(supplementary_notice="") & Q(supplementary_notice_version__isnull=False)),
                name="collect_record_notice_with_version",
            ),
        )

    def __str__(self) -> str:
        return self.ref


class ReceiptMailStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to be sent")
    SENT = "sent", _("Handed to the mail server")
    DROPPED = "dropped", _("Not sent: the address may no longer be used")


class ReceiptMailTemplate(models.TextChoices):
    RECEIPT = "receipt", _("Confirmation of a form submission")


class ReceiptMail(models.Model):
    """A confirmation mail owed for a form submission: the forms' outbox (`collect.receipt`).

    It holds what the mail quotes (the reference), whose it is (the acquisition record, and
    through it the person, the channel, the language and the policy version) and which
    template; never the address or the text. The sender reads the address from the vault for
    the record's purpose (an audited reading) and renders the text when it sends, so nothing
    personal waits here in plain text and an erasure before sending leaves nothing to send."""

    ref = models.CharField(max_length=32, unique=True, default=receipt_mail_ref_new)
    record = models.OneToOneField(
        AcquisitionRecord, on_delete=models.CASCADE, related_name="receipt_mail"
    )
    reference = models.CharField(max_length=32)  # the inquiry case's or the record's ref
    template = models.CharField(max_length=16, choices=ReceiptMailTemplate.choices)
    origin = models.CharField(max_length=200)  # scheme://host of the form, for the mail's links
    status = models.CharField(
        max_length=8, choices=ReceiptMailStatus.choices, default=ReceiptMailStatus.QUEUED
    )
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=200, blank=True)  # never an address or a value
    next_attempt_at = models.DateTimeField()
    claimed_until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = (models.Index(fields=["status", "next_attempt_at"]),)

    def __str__(self) -> str:
        return self.ref


class AnonymousResponse(models.Model):
    """A submission with no identifier at all (a survey left without an e-mail address): not
    about anyone we can tell, so it is kept outside the vault, with any identifier the
    detector finds in the text masked before it is stored."""

    channel = models.CharField(max_length=64)
    received_at = models.DateTimeField()
    policy_version = models.PositiveIntegerField()
    notice_sha256 = models.CharField(max_length=64, blank=True)
    lang = models.CharField(max_length=8, blank=True)
    answers = models.JSONField()

    def __str__(self) -> str:
        return f"{self.channel} {self.received_at:%Y-%m-%d}"


class InquiryStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", _("Closed")


class InquiryCase(models.Model):
    """An inquiry from the public form, answered by the desk by e-mail."""

    ref = models.CharField(
        _("ref"), max_length=32, unique=True, default=case_ref_new, editable=False
    )
    subject = models.ForeignKey(
        Subject, on_delete=models.CASCADE, related_name="+", verbose_name=_("subject")
    )
    record = models.OneToOneField(
        AcquisitionRecord, on_delete=models.CASCADE, related_name="inquiry_case"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=InquiryStatus.choices, default=InquiryStatus.OPEN
    )
    received_at = models.DateTimeField(_("received at"))
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("inquiry case")
        verbose_name_plural = _("inquiry cases")
        indexes = (models.Index(fields=["status", "received_at"]),)

    def __str__(self) -> str:
        return self.ref


class Delivery(models.TextChoices):
    PENDING = "pending", _("Waiting to be sent")
    SENT = "sent", _("Handed to the mail server")
    FAILED = "failed", _("The mail server refused it")


class InquiryReply(models.Model):
    """A reply sent by e-mail. Its subject line and body are vault notes of the person (sealed
    with their own data key, so erasing the person shreds the reply too), opened only through
    the vault for the inquiry purpose; the digest proves what was sent. A note ref is blank when
    the person was erased before the reply's text was moved into the vault (migration 0005)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    case = models.ForeignKey(InquiryCase, on_delete=models.CASCADE, related_name="replies")
    sent_at = models.DateTimeField(_("sent at"))
    sent_by = models.CharField(_("sent by"), max_length=80, help_text=_("Audit actor."))
    subject_line_note = models.CharField(max_length=32, blank=True)
    body_note = models.CharField(max_length=32, blank=True)
    body_sha256 = models.CharField(_("body sha256"), max_length=64)
    delivery = models.CharField(
        _("delivery"), max_length=8, choices=Delivery.choices, default=Delivery.PENDING
    )

    class Meta:
        verbose_name = _("inquiry reply")
        verbose_name_plural = _("inquiry replys")

    def __str__(self) -> str:
        return f"reply to {self.case.ref}"


class MemberStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the person to set a password")
    ACTIVE = "active", _("Active")
    CLOSED = "closed", _("Closed")


class Member(models.Model):
    """An account on the members-only site. Members are not Django users: they can never sign
    in to the console or the admin, and staff permissions cannot be given to them."""

    ref = models.CharField(
        _("ref"), max_length=32, unique=True, default=member_ref_new, editable=False
    )
    subject = models.OneToOneField(
        Subject, on_delete=models.CASCADE, related_name="member", verbose_name=_("subject")
    )
    # None once closed: the number is gone with the person (unique, so NULL and not blank).
    member_number = models.CharField(
        _("member number"), max_length=16, unique=True, null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=8, choices=MemberStatus.choices, default=MemberStatus.PENDING
    )
    password = models.CharField(max_length=256, blank=True)
    activation_digest = models.CharField(max_length=64, blank=True, db_index=True)
    activation_expires_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    activated_at = models.DateTimeField(_("activated at"), null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def __str__(self) -> str:
        return self.ref


class ReceiptRecord(models.Model):
    """APPI Art. 30 confirmation on receiving personal data from a third party (a purchased
    directory): who provided it and how they obtained it, kept 3 years (Rule 25)."""

    ref = models.CharField(
        _("ref"), max_length=32, unique=True, default=receipt_ref_new, editable=False
    )
    provider_name = models.CharField(_("provider name"), max_length=200)
    provider_address = models.CharField(_("provider address"), max_length=300)
    provider_representative = models.CharField(_("provider representative"), max_length=200)
    provider_obtained_by = models.TextField(
        _("provider obtained by"), help_text=_("How the provider obtained the data.")
    )
    received_on = models.DateField(_("received on"))
    purposes = models.JSONField(_("purposes"))
    file_name = models.CharField(_("file name"), max_length=255)
    file_sha256 = models.CharField(_("file sha256"), max_length=64)
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    recorded_by = models.CharField(_("recorded by"), max_length=80)

    class Meta:
        verbose_name = _("receipt record")
        verbose_name_plural = _("receipt records")

    def __str__(self) -> str:
        return f"{self.ref} {self.provider_name}"


class ImportStatus(models.TextChoices):
    RUNNING = "running", _("Running (or interrupted: run the same command again to resume)")
    COMPLETE = "complete", _("Complete")
    FAILED = "failed", _("Failed")


class ImportJob(models.Model):
    """One import of one file (identified by its sha256). Rows are committed in batches
    together with `rows_done`, so an interrupted job resumes after the last committed batch
    and imports no row twice."""

    receipt = models.ForeignKey(
        ReceiptRecord, on_delete=models.PROTECT, related_name="jobs", verbose_name=_("receipt")
    )
    file_sha256 = models.CharField(_("file sha256"), max_length=64)
    status = models.CharField(_("status"), max_length=10, choices=ImportStatus.choices)
    rows_total = models.PositiveIntegerField(_("rows total"), default=0)
    rows_done = models.PositiveIntegerField(
        _("rows done"), default=0, help_text=_("Data rows processed so far.")
    )
    imported = models.PositiveIntegerField(_("imported"), default=0)
    rejected = models.PositiveIntegerField(pgettext_lazy("import", "rejected"), default=0)
    special_care = models.PositiveIntegerField(_("special care"), default=0)
    message = models.CharField(
        _("message"), max_length=500, blank=True, help_text=_("Why it stopped, if it did.")
    )
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("import job")
        verbose_name_plural = _("import jobs")
        constraints = (
            # One unfinished job per file: a second run resumes it instead of starting over.
            models.UniqueConstraint(
                fields=["file_sha256"],
                condition=Q(status="running"),
                name="collect_import_one_running",
            ),
        )

    def __str__(self) -> str:
        return f"import {self.pk} ({self.status})"


class ImportRowError(models.Model):
    """A row that was not imported: its number and why, never its values."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="errors")
    row = models.PositiveIntegerField(
        _("row"), help_text=_("Line number in the file (header is line 1).")
    )
    reason = models.CharField(_("reason"), max_length=300)
    categories = models.CharField(
        _("categories"),
        max_length=200,
        blank=True,
        help_text=_("Special-care categories found, comma-separated."),
    )

    class Meta:
        verbose_name = _("import row error")
        verbose_name_plural = _("import row errors")
        indexes = (models.Index(fields=["job", "row"]),)

    def __str__(self) -> str:
        return f"row {self.row}: {self.reason}"


class ImportedRow(models.Model):
    """Which vault acquisition a directory row became: the Art. 30 record's individuals."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="rows")
    row = models.PositiveIntegerField()
    acquisition = models.OneToOneField(Acquisition, on_delete=models.CASCADE, related_name="+")

    def __str__(self) -> str:
        return f"row {self.row}"
