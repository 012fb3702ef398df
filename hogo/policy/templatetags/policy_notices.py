"""`{% notice_labels as notice_label %}`: the supplementary-notice wording, for templates that
include the notice list without their view knowing about notices (the main notice)."""

from django import template

from hogo.policy.notice_labels import NOTICE_LABELS
from hogo.policy.schema import Text

register = template.Library()


@register.simple_tag
def notice_labels() -> dict[str, Text]:
    return NOTICE_LABELS
