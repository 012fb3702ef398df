"""One name, one meaning: no model, status (TextChoices, Enum), dataclass or public service
function is defined under the same name in two apps (`Package` was the desk's disclosure and
share's provision package; `Refusal` a dataclass in the vault and an enum in share).

Scans the source's syntax (tests and migrations excluded). Shared modules (`hogo/packages.py`,
...) count as an app of their own. Interface modules (views, API routers, admin, forms, label
dictionaries, template tags, management commands, permission checks, system checks) and
functions in models.py (migrations name them by path) are left out: their names are local by
nature (`index`, `Command`) and never imported across apps.
"""

import ast
from collections import defaultdict
from pathlib import Path

import hogo

ROOT = Path(hogo.__file__).parent
INTERFACE_MODULES = {
    "views",
    "api",
    "admin",
    "apps",
    "urls",
    "console_urls",
    "console",
    "forms",
    "labels",
    "permissions",
    "checks",
    "conftest",
}
INTERFACE_PACKAGES = {"api", "management", "templatetags", "tests", "migrations"}
CHOICES = {"Model", "TextChoices", "IntegerChoices", "Choices", "Enum", "StrEnum", "IntEnum"}


def _base_name(node: ast.expr) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def _is_dataclass(node: ast.ClassDef) -> bool:
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if _base_name(target) == "dataclass":
            return True
    return False


def defined_names(source: str, *, module: str) -> list[str]:
    """The names a module defines that must mean one thing across the project."""
    names = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.ClassDef):
            if _is_dataclass(node) or {_base_name(b) for b in node.bases} & CHOICES:
                names.append(node.name)
        elif (
            isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and not node.name.startswith("_")
            and module != "models"
        ):
            names.append(node.name)
    return names


def names_by_app(files: dict[str, str]) -> dict[str, set[str]]:
    """{name: {app, ...}} for `files` ({path relative to hogo/: source})."""
    apps: dict[str, set[str]] = defaultdict(set)
    for relative, source in files.items():
        parts = Path(relative).parts
        module = Path(relative).stem
        if module in INTERFACE_MODULES or INTERFACE_PACKAGES & set(parts[:-1]):
            continue
        if len(parts) == 1 and module in {"settings", "urls", "wsgi", "manage", "conftest"}:
            continue
        app = parts[0] if len(parts) > 1 else module
        for name in defined_names(source, module=module):
            apps[name].add(app)
    return apps


def collisions(files: dict[str, str]) -> dict[str, list[str]]:
    return {name: sorted(apps) for name, apps in names_by_app(files).items() if len(apps) > 1}


def test_no_name_is_defined_in_two_apps() -> None:
    files = {
        str(path.relative_to(ROOT)): path.read_text(encoding="utf-8")
        for path in sorted(ROOT.rglob("*.py"))
    }
    assert collisions(files) == {}


def test_the_check_catches_a_name_defined_in_two_apps() -> None:
    files = {
        "desk/models.py": "class Package(models.Model):\n    pass\n",
        "share/models.py": "class Package(models.Model):\n    pass\n",
        "vault/records.py": "@dataclass(frozen=True)\nclass Refusal:\n    reason: str\n",
        "share/records.py": "class Refusal(models.TextChoices):\n    A = 'a'\n",
        "desk/package.py": "def package_build(*, case):\n    pass\n",
        "share/package.py": "def package_build(*, terms):\n    pass\n",
        "desk/verification.py": "class Outcome(Enum):\n    OK = 1\n",
        "share/selectors.py": "def _helper():\n    pass\n",
        "collect/views.py": "def package_build():\n    pass\n",
        "collect/models.py": "def case_ref_new():\n    pass\n",
        "desk/services.py": "def case_ref_new():\n    pass\n",
        "packages.py": "def files_seal():\n    pass\n",
        "share/gate.py": "def files_seal():\n    pass\n\nclass Outcome(Enum):\n    A = 1\n",
    }
    assert collisions(files) == {
        "Package": ["desk", "share"],
        "Refusal": ["share", "vault"],
        "package_build": ["desk", "share"],
        "Outcome": ["desk", "share"],
        "files_seal": ["packages", "share"],
    }
