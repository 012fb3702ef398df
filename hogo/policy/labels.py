"""Kept only for the apps not yet moved to Django's i18n (issue 18; collect, desk and members
import these names): the notice's own wording is translated with gettext in its templates
(hogo/policy/locale), and delivery methods read through `hogo.policy.wording.delivery_method`.
Remove this module once nothing imports it."""

from hogo.policy.schema import Text

# No page reads these any more; views of other apps still pass the dictionary to templates.
LABELS: dict[str, Text] = {}

DELIVERY = {
    "email_attachment": Text(
        "電磁的記録（メールへの添付）", "electronically, as an e-mail attachment"
    ),
    "download": Text("電磁的記録（ダウンロード）", "electronically, as a download"),
    "postal_mail": Text("書面の郵送", "on paper, by post"),
    "in_person": Text("窓口での交付", "in person at the desk"),
}
