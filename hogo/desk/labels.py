"""The privacy center's texts for hogo's own codes (request kinds, statuses, steps, refusal
grounds), as lazy gettext strings: English is the message id, the Japanese is in
`locale/ja/LC_MESSAGES/django.po`. Texts that come from the policy itself (kinds, fees, the
desk) are not repeated here; fixed page wording is in the templates' translation tags.
"""

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from hogo.desk.models import CaseKind, CaseRefusalReason, CaseStatus, StepName, StepStatus
from hogo.policy.schema import Text

COMPLAINT_TITLE = _("Questions, complaints and consultations")
COMPLAINT_DESCRIPTION = _(
    "Ask a question, make a complaint or ask for advice about how we handle personal "
    "information. The desk answers by e-mail."
)
TOPIC_TEXTS: dict[str, Promise] = {
    "question": pgettext_lazy("inquiry topic", "Question"),
    "complaint": pgettext_lazy("inquiry topic", "Complaint"),
    "consultation": pgettext_lazy("inquiry topic", "Consultation"),
}

# What happens after the request, per kind (the privacy center's "what happens" sections).
KIND_STEPS: dict[str, Promise] = {
    CaseKind.PURPOSE_NOTIFICATION: _(
        "After confirming your identity, we e-mail you the purposes of use that apply to "
        "your personal information, for each occasion we obtained it and the policy version "
        "published then."
    ),
    CaseKind.DISCLOSURE: _(
        "After confirming your identity (and receiving the fee, where there is one), we "
        "disclose all personal information we hold about you, the records of how we obtained "
        "it, your consents, any suspension, and the records of provision to third parties, as "
        "a PDF in Japanese or English with machine-readable JSON and CSV. By e-mail or "
        "download, you get a password-protected PDF (the JSON and CSV attached inside it) "
        "whose password is shown only on your request's status page on this site. If we hold "
        "nothing, or it has already been disposed of, we tell you so."
    ),
    CaseKind.CORRECTION: _(
        "After confirming your identity, the desk reviews the change, corrects, adds or "
        "deletes the information, and e-mails you the result. Information already disposed "
        "of cannot be changed."
    ),
    CaseKind.SUSPENSION: _(
        "Once you have confirmed that you understand what will stop working, and after "
        "confirming your identity, we stop the use or the provision to third parties and "
        "e-mail you the result."
    ),
    CaseKind.COMPLAINT: _(
        "After confirming your identity, the desk looks into it and answers by e-mail."
    ),
}

STATUS_TEXTS: dict[str, Promise] = {
    CaseStatus.UNVERIFIED: _("Waiting for identity confirmation"),
    CaseStatus.EXPIRED: _("Identity was not confirmed"),
    CaseStatus.OPEN: _("Received, being reviewed"),
    CaseStatus.IN_PROGRESS: _("In progress"),
    CaseStatus.COMPLETED: pgettext_lazy("request status", "Completed"),
    CaseStatus.REFUSED: _("Refused (see the reason)"),
}

STEP_TEXTS: dict[str, Promise] = {
    StepName.FEE: _("Fee received"),
    StepName.PURPOSES_ANSWER: _("Purposes notified"),
    StepName.PACKAGE_BUILD: _("Disclosure files prepared"),
    StepName.PACKAGE_DELIVER: _("Disclosure delivered"),
    StepName.CORRECTIONS_APPLY: _("Correction or deletion carried out"),
    StepName.SUSPENSION_APPLY: _("Suspension carried out"),
    StepName.RESULT_NOTIFY: _("Result notified"),
    StepName.REPLY: _("Answered by the desk"),
    StepName.REFUSAL_NOTIFY: _("Reason notified"),
}

STEP_STATUS_TEXTS: dict[str, Promise] = {
    StepStatus.PENDING: _("Not started"),
    StepStatus.WAITING: pgettext_lazy("step status", "Waiting"),
    StepStatus.SUCCEEDED: pgettext_lazy("step status", "Done"),
    StepStatus.FAILED: _("Being retried"),
}

# Explanations to the person (Art. 36): what each ground means for them. Each is shown alone,
# so each cites the law by name.
REFUSAL_TEXTS: dict[str, Promise] = {
    CaseRefusalReason.HARM: _(
        "Disclosure could harm the life, body, property or other rights and interests of you "
        "or another person (APPI Art. 33(2)(i))."
    ),
    CaseRefusalReason.BUSINESS: _(
        "Disclosure could seriously hinder the proper conduct of the Association's business "
        "(APPI Art. 33(2)(ii))."
    ),
    CaseRefusalReason.OTHER_LAW: _("Disclosure would violate another law (APPI Art. 33(2)(iii))."),
    CaseRefusalReason.RECORDS_EXEMPT: _(
        "The provision records concerned are ones whose existence, if known, would harm the "
        "public or other interests (APPI Art. 33(5), Cabinet Order Art. 11)."
    ),
    CaseRefusalReason.ACCURATE: _(
        "We investigated and found the information we hold to be accurate (APPI Art. 34)."
    ),
    CaseRefusalReason.NO_GROUNDS: _(
        "The grounds for suspension or erasure are not met (APPI Art. 35)."
    ),
    CaseRefusalReason.SUBSTITUTE: _(
        "Doing exactly what was asked would be very costly, so we took another measure "
        "instead (APPI Art. 35(2), proviso)."
    ),
    CaseRefusalReason.IDENTITY: _(
        "We could not confirm that the request comes from you or your agent (APPI Art. 37)."
    ),
    CaseRefusalReason.FEE_UNPAID: _("We did not receive the fee (APPI Art. 38)."),
}


def kind_title(policy_title: Text | None, kind: str, lang: str) -> str:
    """A request kind's title in `lang`: the policy's, or the desk's own for complaints."""
    if policy_title is not None:
        return policy_title.get(lang)
    if kind != CaseKind.COMPLAINT:
        return kind
    with translation.override(lang):
        return str(COMPLAINT_TITLE)


def in_language(text: Promise, lang: str) -> str:
    """A lazy text rendered in `lang` (a mail's or a staff page's language, not the request's)."""
    with translation.override(lang):
        return str(text)


# The documents and agents a request by post is checked with (the console's record form), in
# words: the codes are stored in the case's evidence.
EVIDENCE_TITLES = {
    "drivers_license": _("Driver's license"),
    "passport": _("Passport"),
    "my_number_card": _("My Number card"),
    "residence_card": _("Residence card"),
    "health_insurance_card": _("Health insurance card"),
    "other_official_photo_id": _("Another official ID with a photo"),
    "legal_representative": _("Legal representative"),
    "appointed_agent": _("Agent appointed by the person"),
    "power_of_attorney": _("Power of attorney"),
    "family_register": _("Certified copy of the family register"),
    "guardianship_certificate": _("Certificate of registered guardianship"),
    "other": _("Another document"),
}
