"""The optional `[incidents]` table: how the safety app runs the breach-report clocks.

```toml
[incidents]
preliminary_report_days = 5   # the preliminary report (速報) is shown as due within this
```

Absent, the defaults of `Incidents` apply, so every stored version keeps parsing.
"""

from hogo.policy.schema.document import Incidents
from hogo.policy.schema.reader import Reader

# PPC General Guidelines 3-5-3-3: "promptly" is about 3 to 5 days from becoming aware, so a
# longer setting would show a clock the guidelines do not allow.
MAX_PRELIMINARY_DAYS = 5


def incidents_section(root: Reader) -> Incidents:
    table = root.optional_table("incidents")
    if table is None:
        return Incidents()
    if not table.has("preliminary_report_days"):
        return Incidents()
    days = table.integer(
        "preliminary_report_days",
        what="days from awareness to the preliminary report",
        minimum=1,
        maximum=MAX_PRELIMINARY_DAYS,
    )
    return Incidents(preliminary_report_days=days)
