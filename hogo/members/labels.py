"""The members' pages' texts that code fills in, as lazy gettext strings: English is the
message id, the Japanese is in `locale/ja/LC_MESSAGES/django.po`. Fixed page wording is in the
templates' translation tags."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

IDENTIFIER = _("Member number or e-mail address")
PASSWORD = _("Password")
PASSWORD_AGAIN = _("Password (again)")
EMAIL = _("E-mail address")
WITHDRAW_CONFIRM = _("I understand the above and want to withdraw.")
REQUIRED = _("This field is required.")
EMAIL_INVALID = _("Enter an e-mail address.")
FIELD_INVALID = _("Please check this entry.")
WITHDRAW_UNCONFIRMED = _("To withdraw, tick the confirmation box.")
PASSWORD_MISMATCH = _("The passwords do not match. Enter the same password in both fields.")
LOGIN_FAILED = _("The member number (or e-mail address) or the password is not correct.")
LOGIN_LOCKED = _(
    "After repeated failed attempts, logging in is locked until %(until)s. Please try again later."
)
LOGIN_NEEDED = _("Please log in to see this page.")
DATA_INTRO = _("This is the personal information the Association holds about you (as of %(time)s).")
CORRECT_REFUSED = _("This correction could not be made; nothing was changed. %(reason)s")
CORRECT_SPECIAL = _(
    "It seems to contain special-care information, which this page does not accept. Remove it "
    "and save again."
)
# After a correction, by the `done` key in the page's address.
CORRECT_DONE: dict[str, Promise] = {
    "correct_done": _("Your information has been corrected."),
    "correct_nothing": _("Nothing was changed."),
}
INVITATIONS_UNKNOWN = _("This purpose cannot be chosen.")
INVITATIONS_ALL = _(
    "You asked us to stop all use of your information, so this cannot be restarted here. "
    "Please make a request at the privacy center."
)
INVITATIONS_STOPPED = _("E-mail for this purpose is stopped.")
INVITATIONS_RESTARTED = _("E-mail for this purpose is restarted.")
NOT_NOW = _("This could not be done just now; nothing was changed. Please try again.")
TOO_MANY = _("There have been too many submissions from your network. Please try again later.")
RESET_SENT = _(
    "If an account is registered under this address, we have sent it a link to set a new "
    "password. The link is valid for %(hours)s hours. If no e-mail arrives, check the address "
    "and try again."
)
# What a field error says, by the code `values_clean` reports; `%(n)s` is the length limit.
FIELD_ERRORS: dict[str, Promise] = {
    "choice": _("Choose one of the options."),
    "too_long": _("Use at most %(n)s characters."),
    "required": REQUIRED,
}
