"""The draft of the report to the Personal Information Protection Commission (PPC Rule 8):
the nine items of Rule 8(1), filled from the incident's record, in Japanese, as plain text to
paste into the PPC's online form and as a PDF for the file.

A preliminary report states what is known so far (Rule 8(1): "報告をしようとする時点において
把握しているものに限る"), so an empty item reads 調査中; a final report needs every item, so an
empty one is marked as still to be written.
"""

from dataclasses import dataclass
from datetime import datetime

from django.template.loader import render_to_string
from django.utils import timezone, translation

from hogo.pdf import pdf_render
from hogo.policy.schema import Policy
from hogo.policy.selectors import PolicyNotLoaded, policy_active
from hogo.safety import labels
from hogo.safety.models import Incident, ReportStage, TriggerState

TITLES = {
    ReportStage.PRELIMINARY: "個人データの漏えい等の報告（速報）下書き",
    ReportStage.FINAL: "個人データの漏えい等の報告（確報）下書き",
}
UNKNOWN = {
    ReportStage.PRELIMINARY: "調査中",
    ReportStage.FINAL: "（未記入：確報には記載が必要です）",
}
ITEM_HEADINGS = (
    "概要",
    "漏えい等が発生し又は発生したおそれがある個人データの項目",
    "漏えい等が発生し又は発生したおそれがある個人データに係る本人の数",
    "原因",
    "二次被害又はそのおそれの有無及びその内容",
    "本人への対応の実施状況",
    "公表の実施状況",
    "再発防止のための措置",
    "その他参考となる事項",
)


@dataclass(frozen=True)
class Draft:
    title: str
    incident: str
    facts: list[tuple[str, str]]  # the heading block: label, value
    items: list[tuple[str, str]]  # Rule 8(1)(i)-(ix): heading, text
    generated_at: datetime


def _policy() -> Policy | None:
    try:
        return policy_active()
    except PolicyNotLoaded:
        return None


def _categories(incident: Incident, policy: Policy | None) -> str:
    """The policy's Japanese title where a category is the policy's, else the name given."""
    known = policy.categories if policy else {}
    names = []
    for ident in incident.categories:
        category = known.get(ident)
        if category is None:
            names.append(ident)
        else:
            care = "（要配慮個人情報）" if category.special_care else ""
            names.append(f"{category.title.ja}{care}")
    return "、".join(names)


def _people(incident: Incident, unknown: str) -> str:
    if incident.people_estimate is None:
        return f"{unknown}（本人の数は未確定）"
    return f"{incident.people_estimate:,}人（見込み）"


def _situations(incident: Incident) -> str:
    rows = [
        f"・{labels.TRIGGERS[row['trigger']]}：{labels.STATES[row['state']]}"
        for row in incident.classification
        if row["state"] != TriggerState.NO
    ]
    return "\n".join(rows) or "該当なし"


def _summary(incident: Incident) -> str:
    systems = "、".join(incident.systems)
    lines = [incident.summary]
    if systems:
        lines.append(f"関係するシステム：{systems}")
    return "\n".join(lines)


def report_draft(*, incident: Incident, stage: ReportStage) -> Draft:
    with translation.override("ja"):
        return _draft(incident, ReportStage(stage))


def _draft(incident: Incident, stage: ReportStage) -> Draft:
    policy = _policy()
    unknown = UNKNOWN[stage]
    free = (
        incident.cause,
        incident.secondary_harm,
        incident.response_to_people,
        incident.publication,
        incident.prevention,
        incident.other,
    )
    texts = [
        _summary(incident),
        _categories(incident, policy) or unknown,
        _people(incident, unknown),
        *[text or unknown for text in free[:-1]],
        # "Other" may rightly be empty in either report.
        free[-1] or "（記載なし）",
    ]
    facts = [
        ("報告者", policy.organization.name.ja if policy else ""),
        ("事案番号", incident.ref),
        ("報告の区分", str(labels.STAGES[stage])),
        ("事態を知った日時", labels.local_time(incident.discovered_at)),
        ("報告期限", labels.local_time(incident.due(stage))),
        ("報告対象となる事態", _situations(incident)),
    ]
    if incident.reportable_override is not None:
        decided = "報告対象とする" if incident.reportable_override else "報告対象としない"
        facts.append(("個人情報保護管理者の判断", f"{decided}（理由：{incident.override_reason}）"))
    return Draft(
        title=TITLES[stage],
        incident=incident.ref,
        facts=[(label, value) for label, value in facts if value],
        items=list(zip(ITEM_HEADINGS, texts, strict=True)),
        generated_at=timezone.now(),
    )


def report_text(draft: Draft) -> str:
    """Plain text, item by item, to paste into the PPC's online form."""
    lines = [draft.title, ""]
    for label, value in draft.facts:
        lines.append(f"{label}：\n{value}" if "\n" in value else f"{label}：{value}")
    for number, (heading, text) in enumerate(draft.items, start=1):
        lines += ["", f"（{number}）{heading}", text]
    lines += ["", f"作成日時：{labels.local_time(draft.generated_at)}"]
    return "\n".join(lines) + "\n"


def report_pdf(draft: Draft) -> bytes:
    with translation.override("ja"):
        html = render_to_string(
            "safety/report.html",
            {"d": draft, "generated": labels.local_time(draft.generated_at)},
        )
    return pdf_render(html)
