"""An import-linter contract type: another app is used only through its public modules.

import-linter's own contracts can say "this may not import that", but not "only these modules
of an app may be imported from outside it": a module added to an app would be public until
someone remembered to protect it. Here every module of an app is private to the app unless
`public_modules` names it, so a new module starts private. Loaded by `lint-imports` (the
contracts are in pyproject.toml, the rule in docs/architecture.md, "Who may call whom");
nothing in hogo imports it at run time.
"""

from dataclasses import dataclass

import grimp
from importlinter import Contract, ContractCheck, fields, output
from importlinter.application import contract_utils
from importlinter.domain import helpers


@dataclass(frozen=True)
class Crossing:
    importer: str
    imported: str
    lines: tuple[int, ...]


def _owner(module: str, apps: set[str]) -> str | None:
    for app in apps:
        if module == app or module.startswith(app + "."):
            return app
    return None


class PublicModulesContract(Contract):
    """Options: `apps` (packages whose insides are private), `public_modules` (the modules of
    those apps that other code may import; wildcards allowed, matched exactly, not as packages),
    `ignore_imports` (declared exceptions, each with a comment in the configuration)."""

    type_name = "public_modules"

    apps = fields.ListField(subfield=fields.ModuleExpressionField())
    public_modules = fields.ListField(subfield=fields.ModuleExpressionField())
    ignore_imports = fields.SetField(subfield=fields.ImportExpressionField(), required=False)
    unmatched_ignore_imports_alerting = fields.EnumField(
        contract_utils.AlertLevel, default=contract_utils.AlertLevel.ERROR
    )

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        removal = contract_utils.remove_ignored_imports_and_report(
            graph=graph,
            ignore_imports=self.ignore_imports,  # type: ignore[arg-type]
            unmatched_alerting=self.unmatched_ignore_imports_alerting,  # type: ignore[arg-type]
        )
        apps = {
            m.name
            for m in helpers.module_expressions_to_modules(graph, self.apps)  # type: ignore[arg-type]
        }
        public = {
            m.name
            for m in helpers.module_expressions_to_modules(graph, self.public_modules)  # type: ignore[arg-type]
        }
        crossings = []
        for app in sorted(apps):
            for imported in sorted({app} | graph.find_descendants(app)):
                if imported in public:
                    continue
                for importer in sorted(graph.find_modules_that_directly_import(imported)):
                    if _owner(importer, {app}) is not None:
                        continue
                    details = graph.get_import_details(importer=importer, imported=imported)
                    lines = tuple(detail["line_number"] for detail in details)
                    crossings.append(Crossing(importer, imported, lines))
        return ContractCheck(
            kept=not crossings,
            warnings=list(removal.warnings),
            ignored_import_count=removal.ignored_import_count,
            metadata={"crossings": crossings},
        )

    def render_broken_contract(self, check: ContractCheck) -> None:
        output.print_error("Imports of another app's private modules:", bold=False)
        output.new_line()
        for crossing in check.metadata["crossings"]:
            lines = ", ".join(map(str, crossing.lines))
            output.print_error(
                f"- {crossing.importer} -> {crossing.imported} (l.{lines})", bold=False
            )
        output.new_line()
