"""The optional `[incidents]`, `[internal_review]` and `[outsourcing]` tables: how the safety
app runs the breach-report clocks, keeps evidence, reviews the safety measures and supervises
contractors.

```toml
[incidents]
preliminary_report_days = 5   # the preliminary report (速報) is shown as due within this
retention_years = 5           # a closed incident's sealed evidence is disposed of after this

[internal_review]
cadence_months = 12           # the internal review of the safety measures, yearly

[outsourcing]
supervision_months = 12       # each contractor's supervision, yearly
selection_criteria = [{ ja = "...", en = "..." }, ...]   # default: PPC guidelines 3-4-4
```

Absent, the defaults apply, so every stored version keeps parsing.
"""

from hogo.policy.schema.document import Incidents, InternalReview, Outsourcing, Text
from hogo.policy.schema.reader import Reader, join

# PPC General Guidelines 3-5-3-3: "promptly" is about 3 to 5 days from becoming aware, so a
# longer setting would show a clock the guidelines do not allow.
MAX_PRELIMINARY_DAYS = 5
MAX_RETENTION_YEARS = 30
MAX_CADENCE_MONTHS = 36


def incidents_section(root: Reader) -> Incidents:
    table = root.optional_table("incidents")
    if table is None:
        return Incidents()
    default = Incidents()
    days = default.preliminary_report_days
    if table.has("preliminary_report_days"):
        days = table.integer(
            "preliminary_report_days",
            what="days from awareness to the preliminary report",
            minimum=1,
            maximum=MAX_PRELIMINARY_DAYS,
        )
    years = default.retention_years
    if table.has("retention_years"):
        years = table.integer(
            "retention_years",
            what="years to keep a closed incident's evidence",
            minimum=1,
            maximum=MAX_RETENTION_YEARS,
        )
    return Incidents(preliminary_report_days=days, retention_years=years)


def internal_review_section(root: Reader) -> InternalReview:
    table = root.optional_table("internal_review")
    if table is None or not table.has("cadence_months"):
        return InternalReview()
    months = table.integer(
        "cadence_months",
        what="months between internal reviews",
        minimum=1,
        maximum=MAX_CADENCE_MONTHS,
    )
    return InternalReview(cadence_months=months)


def outsourcing_section(root: Reader) -> Outsourcing:
    table = root.optional_table("outsourcing")
    if table is None:
        return Outsourcing()
    default = Outsourcing()
    months = default.supervision_months
    if table.has("supervision_months"):
        months = table.integer(
            "supervision_months",
            what="months between a contractor's supervision reviews",
            minimum=1,
            maximum=MAX_CADENCE_MONTHS,
        )
    criteria = default.selection_criteria
    if table.has("selection_criteria"):
        criteria = _criteria(table)
    return Outsourcing(supervision_months=months, selection_criteria=criteria)


def _criteria(table: Reader) -> tuple[Text, ...]:
    raw = table.raw("selection_criteria")
    if not isinstance(raw, list) or not raw:
        table.error("selection_criteria", 'must be a list of { ja = "...", en = "..." } texts')
        return ()
    found = []
    for index, item in table.tables("selection_criteria"):
        text = Reader(item, join(table.at("selection_criteria"), index), table.errors)
        found.append(
            Text(
                ja=text.string("ja", what="Japanese text"),
                en=text.string("en", what="English text"),
            )
        )
    return tuple(found)
