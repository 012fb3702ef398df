"""The optional `[handling_rules]` table: the organization's internal handling rules (取扱規程)
that staff acknowledge with the policy (the safety app gates the console on it).

```toml
[handling_rules]
text = { ja = "...", en = "..." }
```
"""

from hogo.policy.schema.document import Text
from hogo.policy.schema.reader import Reader


def handling_rules_section(root: Reader) -> Text | None:
    table = root.optional_table("handling_rules")
    return None if table is None else table.text("text")
