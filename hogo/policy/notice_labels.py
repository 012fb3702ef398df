"""Kept only for hogo/collect/supplementary.py until it moves to Django's i18n (issue 18): the
supplementary-notice pages translate their wording with gettext (hogo/policy/locale). Remove
this module once nothing imports it."""

from hogo.policy.schema import Text

NOTICE_LABELS: dict[str, Text] = {
    "own_beyond": Text(
        "「個人情報の取扱いについて」の利用目的を超えるため、ご本人の同意をいただいた場合に限り利用します。",
        "Beyond the purposes of our main notice: used only with your consent.",
    ),
}
