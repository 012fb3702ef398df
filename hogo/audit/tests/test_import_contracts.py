"""The import-linter contracts of pyproject.toml (run by `./dev test` as `lint-imports`) hold
for hogo's source, and catch a violation: an import added to the real import graph breaks the
contract it should break.
"""

from copy import deepcopy
from functools import cache
from pathlib import Path
from typing import Any

import grimp
import pytest
from importlinter import Contract, api
from importlinter.contracts.forbidden import ForbiddenContract
from importlinter.contracts.layers import LayersContract

import hogo
from hogo.boundaries import PublicModulesContract

PYPROJECT = Path(hogo.__file__).parent.parent / "pyproject.toml"
TYPES: dict[str, type[Contract]] = {
    "layers": LayersContract,
    "forbidden": ForbiddenContract,
    "public_modules": PublicModulesContract,
}


@cache
def config() -> dict[str, Any]:
    # The api module also sets up import-linter the way `lint-imports` does.
    return api.read_configuration(str(PYPROJECT))


@cache
def _graph() -> grimp.ImportGraph:
    return grimp.build_graph("hogo", include_external_packages=True, cache_dir=None)


def contract(contract_id: str) -> Contract:
    options = dict(next(c for c in config()["contracts_options"] if c["id"] == contract_id))
    kind, name = options.pop("type"), options.pop("name")
    return TYPES[kind](name, config()["session_options"], options)


def kept(contract_id: str, *added: tuple[str, str]) -> bool:
    graph = deepcopy(_graph())
    for importer, imported in added:
        graph.add_import(importer=importer, imported=imported, line_number=1, line_contents="")
    return contract(contract_id).check(graph, verbose=False).kept


@pytest.mark.parametrize("contract_id", ["layers", "detect", "shared", "console", "public"])
def test_the_source_keeps_every_contract(contract_id: str) -> None:
    assert kept(contract_id)


def test_the_contracts_catch_a_violation() -> None:
    """Each contract breaks on the import it forbids, and only the right one."""
    # A lower app importing a higher one: the vault reaching up into the desk.
    assert not kept("layers", ("hogo.vault.services", "hogo.desk.services"))
    # The detector importing Django or an app.
    assert not kept("detect", ("hogo.detect.engine", "django"))
    assert not kept("detect", ("hogo.detect.engine", "hogo.vault.models"))
    # A shared module importing an app.
    assert not kept("shared", ("hogo.network", "hogo.site.models"))
    # The console reaching beyond policy and audit.
    assert not kept("console", ("hogo.console.services", "hogo.vault.services"))
    # Another app's models, for a write: what share's retention used to do with collect's.
    assert not kept("public", ("hogo.share.retention", "hogo.collect.models"))
    # A reading of the policy's table behind its selector, as the site's selector used to.
    assert not kept("public", ("hogo.site.selectors", "hogo.policy.models"))
    # The same apps' public modules are allowed.
    assert kept("public", ("hogo.share.retention", "hogo.collect.services"))
    assert kept("public", ("hogo.site.selectors", "hogo.policy.selectors"))


def test_a_new_module_of_an_app_starts_private() -> None:
    graph = deepcopy(_graph())
    graph.add_module("hogo.vault.newthing")
    graph.add_import(importer="hogo.desk.services", imported="hogo.vault.newthing")
    assert not contract("public").check(graph, verbose=False).kept
