"""`hogo policy check` warns of a fact the ledger shows that the policy does not state: the
country where hogo's database is kept, once foreign countries are named."""

from io import StringIO
from pathlib import Path

from django.core.management import call_command

from hogo.policy.placeholders import policy_unstated
from hogo.policy.schema import policy_parse
from hogo.policy.tests.helpers import reference_data, reference_text, toml_dumps

ABROAD = {
    "name": {"ja": "米国", "en": "United States"},
    "system": {"ja": "制度", "en": "System"},
    "measures": {"ja": "措置", "en": "Measures"},
}


def test_the_reference_states_japan_and_gets_no_warning() -> None:
    policy = policy_parse(reference_text())
    assert policy.safety.external_environment.storage() is not None
    assert policy.safety.external_environment.storage().en == "Japan"  # type: ignore[union-attr]
    assert policy_unstated(policy) == []


def test_a_foreign_country_without_a_storage_country_is_warned_of(tmp_path: Path) -> None:
    data = reference_data()
    data["safety"]["external_environment"]["countries"] = [ABROAD]
    path = tmp_path / "policy.toml"
    path.write_text(toml_dumps(data), encoding="utf-8")
    err = StringIO()
    call_command("policy", "check", str(path), stdout=StringIO(), stderr=err)
    assert (
        f"warning: {path}: safety.external_environment.storage_country: missing: the country "
        "where hogo's own database is kept"
    ) in err.getvalue()
    data["safety"]["external_environment"]["storage_country"] = {"ja": "日本", "en": "Japan"}
    assert policy_unstated(policy_parse(toml_dumps(data))) == []
