"""Proof that every write of personal data, consent, provision or a request can be found: it
happens in a module that its app's README lists (the line starting `Write modules:`), where
services record their audit event in the same transaction (docs/architecture.md, "Where writes
happen").

Scans hogo's source syntax (tests and migrations excluded) for writes of the models of the
regulated apps: queryset writes (`Model.objects....update(...)`, `.delete()`, `.create(...)`,
`bulk_create`, ..., also through a variable holding a queryset), instance writes (`.save()`,
`.delete()`) in a module that imports or defines such a model, raw INSERT/UPDATE/DELETE, and the
vault's bulk inserts (`rows_insert`, `columns_insert`).
"""

import ast
import re
from pathlib import Path

import hogo

ROOT = Path(hogo.__file__).parent
REGULATED = ("vault", "consent", "collect", "share", "desk", "site", "reconsent")
QUERYSET_WRITES = {
    "update",
    "delete",
    "create",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
}
INSTANCE_WRITES = {"save", "delete"}
RAW_WRITE = re.compile(r"\s*(INSERT\s+INTO|UPDATE\s+\S+\s+SET|DELETE\s+FROM)\s")
BULK_INSERTS = {"rows_insert", "columns_insert"}  # the vault's bulk inserts (bulk.py)
LISTING = re.compile(r"^Write modules:(.*)$", re.MULTILINE)


def write_modules(readme: str) -> set[str]:
    """The modules a README lists on its `Write modules:` line(s), as `module.py` paths."""
    return {name for line in LISTING.findall(readme) for name in re.findall(r"`([^`]+)`", line)}


def _model_apps(tree: ast.Module) -> dict[str, str]:
    """Names the module imports from a regulated app's models -> that app."""
    bound: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            parts = node.module.split(".")
            if parts[0] == "hogo" and parts[2:] == ["models"] and parts[1] in REGULATED:
                bound.update({alias.asname or alias.name: parts[1] for alias in node.names})
    return bound


def _root(node: ast.expr) -> tuple[str | None, bool]:
    """The name a call chain starts from, and whether the chain goes through `.objects`."""
    via_objects = False
    while True:
        if isinstance(node, ast.Attribute):
            via_objects = via_objects or node.attr == "objects"
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Subscript):
            node = node.value
        elif isinstance(node, ast.Name):
            return node.id, via_objects
        else:
            return None, via_objects


def _traced(tree: ast.Module, bound: dict[str, str]) -> dict[str, str]:
    """Variables assigned from a regulated model (`Model(...)`, `Model.objects...`) -> app."""
    traced: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            root, _ = _root(node.value)
            app = bound.get(root or "") or traced.get(root or "")
            if app is not None:
                traced.update({t.id: app for t in node.targets if isinstance(t, ast.Name)})
    return traced


def _sql(node: ast.AST) -> str | None:
    """The text of a string constant or f-string (placeholders as `{}`)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            v.value if isinstance(v, ast.Constant) and isinstance(v.value, str) else "{}"
            for v in node.values
        )
    return None


def _call_app(
    call: ast.Call, own: str, bound: dict[str, str], traced: dict[str, str]
) -> str | None:
    """The app whose data the call writes, None if it writes nothing regulated."""
    if isinstance(call.func, ast.Name):
        model = call.args[0] if call.args else None
        if call.func.id in BULK_INSERTS and isinstance(model, ast.Name):
            return bound.get(model.id, own)
        return None
    if not isinstance(call.func, ast.Attribute):
        return None
    method, receiver = call.func.attr, call.func.value
    if method not in QUERYSET_WRITES | INSTANCE_WRITES:
        return None
    root, via_objects = _root(receiver)
    if via_objects and root in bound:
        return bound[root]
    if root in traced:
        return traced[root]
    is_super = isinstance(receiver, ast.Call) and _root(receiver)[0] == "super"
    # An instance the syntax cannot trace counts as the module's own app's; a model's save() and
    # delete() take no positional argument (a PDF's or a workbook's save(out) does).
    if method in INSTANCE_WRITES and own in REGULATED and not is_super and not call.args:
        return own
    return None


def writes(relative: str, source: str) -> list[tuple[str, str]]:
    """(app whose data is written, where) for every write the module makes to a regulated
    app's models."""
    tree = ast.parse(source)
    own = relative.split("/")[0]
    bound = _model_apps(tree)
    traced = _traced(tree, bound)
    decorators = {
        id(d)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
        for d in node.decorator_list
    }
    found = []
    for node in ast.walk(tree):
        where = f"{relative}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Call) and id(node) not in decorators:
            app = _call_app(node, own, bound, traced)
            if app is not None:
                found.append((app, where))
        elif (sql := _sql(node)) is not None and RAW_WRITE.match(sql):
            # Raw SQL writes the module's own app's tables unless it names a regulated model;
            # an app outside the regulated ones (safety's notice rows) has no listing to keep.
            apps = sorted(set(bound.values())) or ([own] if own in REGULATED else [])
            found.extend((app, where) for app in apps)
    return found


def production_sources() -> list[Path]:
    return [
        path
        for path in sorted(ROOT.rglob("*.py"))
        if not {"tests", "migrations"} & set(path.relative_to(ROOT).parts)
    ]


def listed() -> dict[str, set[str]]:
    return {app: write_modules((ROOT / app / "README.md").read_text()) for app in REGULATED}


def violations(relative: str, source: str, allowed: dict[str, set[str]]) -> list[str]:
    return [
        f"{where}: writes {app}'s data outside the modules its README lists"
        for app, where in writes(relative, source)
        if not (relative.startswith(f"{app}/") and relative[len(app) + 1 :] in allowed[app])
    ]


def test_every_regulated_write_is_in_a_listed_module() -> None:
    allowed = listed()
    assert all(allowed.values()), "every regulated app's README has a `Write modules:` line"
    for app, modules in allowed.items():
        assert all((ROOT / app / m).is_file() for m in modules), f"{app} lists a missing module"
    found = [
        v
        for path in production_sources()
        for v in violations(path.relative_to(ROOT).as_posix(), path.read_text(), allowed)
    ]
    assert found == []


def test_it_would_notice_a_write_outside_the_listed_modules() -> None:
    """The scanner itself works: each kind of write is caught outside its app's list."""
    allowed = {app: {"services.py"} for app in REGULATED}
    another_apps = (
        "from hogo.collect.models import ImportJob\nImportJob.objects.filter(pk__in=ids).delete()\n"
    )
    assert violations("share/retention.py", another_apps, allowed) == [
        "share/retention.py:2: writes collect's data outside the modules its README lists"
    ]
    through_a_variable = (
        "from hogo.desk.models import Package\n"
        "rows = Package.objects.filter(discarded_at__isnull=True)\n"
        "rows.update(content=b'')\n"
    )
    assert violations("desk/sweep.py", through_a_variable, allowed) == [
        "desk/sweep.py:3: writes desk's data outside the modules its README lists"
    ]
    instance = "from hogo.vault.models import Note\nnote = Note(owner=o)\nnote.save()\n"
    assert violations("vault/access/notes.py", instance, allowed)
    raw = 'cursor.execute(f"UPDATE {table} SET x = 1")\n'
    assert violations("site/selectors.py", raw, allowed)
    assert violations("collect/importer.py", "rows_insert(Item, cols, rows)\n", allowed)
    # The same writes are allowed in a listed module of the app they write.
    assert violations("collect/services.py", another_apps, allowed) == []
    assert violations("desk/services.py", through_a_variable, allowed) == []
    # Reads, and dictionaries' update, are not writes.
    reads = (
        "from hogo.vault.models import Subject\n"
        "Subject.objects.filter(ref=r).exists()\n"
        "detail = {}\n"
        "detail.update(a=1)\n"
    )
    assert violations("consent/services.py", reads, allowed) == []
