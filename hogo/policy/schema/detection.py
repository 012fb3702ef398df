"""The optional `[detection]` table: what the detector assumes about the people who write.

```toml
[detection]
phone_regions = ["JP", "US"]   # national phone formats to read first (ISO 3166-1 alpha-2)
```

Absent, Japan: a number with the trunk 0 is read as Japanese. Numbers written with a country
code are found whatever the list says.
"""

from functools import cache

from hogo.policy.schema.document import Detection
from hogo.policy.schema.reader import Reader


@cache
def _regions() -> frozenset[str]:
    import phonenumbers

    return frozenset(phonenumbers.SUPPORTED_REGIONS)


def detection_section(root: Reader) -> Detection:
    table = root.optional_table("detection")
    if table is None or not table.has("phone_regions"):
        return Detection()
    regions = table.strings("phone_regions")
    known = tuple(r for r in regions if r in _regions())
    if len(known) != len(regions) or not regions:
        table.error(
            "phone_regions", 'give one or more region codes as ISO 3166-1 alpha-2 ("JP", "US")'
        )
        return Detection()
    return Detection(phone_regions=tuple(dict.fromkeys(known)))
