"""The core (domain, store, services, cli) imports without Qt; the GUI runs no SQL."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import ecoute_desktop

PACKAGE = Path(ecoute_desktop.__file__).parent


def _core_modules() -> list[str]:
    names = []
    for layer in ("domain", "store", "services", "cli"):
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            relative = path.relative_to(PACKAGE.parent).with_suffix("")
            names.append(".".join(relative.parts).removesuffix(".__init__"))
    return names


def test_core_layers_import_without_pyside6() -> None:
    modules = _core_modules()
    assert len(modules) > 10
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "assert 'PySide6' not in sys.modules, 'PySide6 was imported by the core'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_domain_imports_neither_store_nor_sql() -> None:
    for path in (PACKAGE / "domain").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "sqlcipher3" not in text, path
        assert "ecoute_desktop.store" not in text, path
        assert "ecoute_desktop.services" not in text, path


def test_store_does_not_import_services_or_ui() -> None:
    for path in (PACKAGE / "store").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "ecoute_desktop.services" not in text, path
        assert "ecoute_desktop.ui" not in text, path


def test_ui_runs_no_sql() -> None:
    for path in (PACKAGE / "ui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "sqlcipher3" not in text, path
        assert ".execute(" not in text, path


# ---- the application layer (issue 10) -------------------------------------------
# The Store's repositories: reaching one from the GUI bypasses the application layer.
REPOSITORIES = frozenset(
    {"cases", "notes", "themes", "directory", "people", "settings", "agenda", "queries"}
    | {"retention", "db"}
)
# What the GUI may import from the store: error types and plain values, nothing that reads
# or writes. `Store` itself only where the base is opened or created, to hand to `Services`.
ALLOWED_STORE_IMPORTS = {
    "ecoute_desktop.store": {
        "CorruptDatabaseError",
        "LockedError",
        "NewerSchemaError",
        "NotEncryptedError",
        "ReadOnlyError",
        "StoreError",
        "WrongPassphraseError",
        "AlreadyExistsError",
    },
    "ecoute_desktop.store.errors": None,  # every name: error types
    "ecoute_desktop.store.location": None,  # file names and default paths
}
# The list rows (domain/case_rows.py) and the UTC text of drafts (domain/utc_text.py) are
# the domain's: the GUI imports them from there.
# The composition root: these open or create the base and pass the Store to `Services`.
OPENS_THE_BASE = {"ui/app.py", "ui/safety/first_run.py", "ui/safety/unlock_dialog.py"}


def _chain(node: ast.expr) -> list[str]:
    """`a.b.c` as ["a", "b", "c"] (calls and subscripts in between end the chain)."""
    names: list[str] = []
    while isinstance(node, ast.Attribute):
        names.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        names.append(node.id)
    elif isinstance(node, ast.Call):
        names.append("()")
    return names[::-1]


def gui_layer_violations(source: str, relative: str) -> list[str]:
    """What in one GUI module bypasses the application layer (empty when clean)."""
    tree = ast.parse(source)
    problems: list[str] = []
    for node in ast.walk(tree):
        where = f"{relative}:{getattr(node, 'lineno', 0)}"
        reaches = isinstance(node, ast.Attribute) and node.attr in ("store", "_store")
        if reaches and relative not in OPENS_THE_BASE:
            problems.append(f"{where}: reaches a Store through `.{node.attr}`")  # type: ignore[union-attr]
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            chain = _chain(node.func)
            # store.cases.get(…), self.store.agenda.book(…), context.store.db.write()
            for index, name in enumerate(chain[:-1]):
                owner = chain[index - 1] if index else ""
                if name in REPOSITORIES and "store" in owner.lower():
                    problems.append(f"{where}: calls the store's `{name}` repository")
            if chain[-2:] in (["db", "write"], ["db", "read"]):
                problems.append(f"{where}: opens a transaction (`.db.{chain[-1]}()`)")
        if isinstance(node, ast.Call):
            callee = _chain(node.func) if isinstance(node.func, ast.expr) else []
            opens = bool(callee) and callee[-1] == "transaction"
            if opens or callee[-2:] in (["_tx", "action"], ["transactions", "action"]):
                problems.append(f"{where}: opens a transaction (`{callee[-1]}()`)")
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            "ecoute_desktop.store"
        ):
            module = node.module or ""
            allowed = ALLOWED_STORE_IMPORTS.get(module, set())
            for alias in node.names:
                if alias.name == "Store" and relative in OPENS_THE_BASE:
                    continue
                if allowed is not None and alias.name not in allowed:
                    problems.append(f"{where}: imports {module}.{alias.name}")
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("ecoute_desktop.store"):
                    problems.append(f"{where}: imports {alias.name}")
    return problems


def test_gui_acts_only_through_the_application_layer() -> None:
    """No widget calls a repository, opens a transaction or imports the store's workings."""
    problems = []
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        problems += gui_layer_violations(path.read_text(encoding="utf-8"), relative)
    assert problems == []


def test_the_layer_check_catches_what_it_forbids() -> None:
    """Each forbidden form is reported (the check above cannot pass by seeing nothing)."""
    offending = {
        "self.context.store.cases.get(1)": "reaches a Store",
        "store.agenda.book(1, 2, when, 'x')": "`agenda` repository",
        "self._store.notes.add(1, 'x')": "reaches a Store",
        "with store.db.write():\n    pass": "opens a transaction",
        "with services._tx.action():\n    pass": "opens a transaction",
        "from ecoute_desktop.store import Store": "imports ecoute_desktop.store.Store",
        "from ecoute_desktop.store.cases import CaseRepository": "imports",
        "import ecoute_desktop.store.agenda": "imports",
    }
    for source, expected in offending.items():
        problems = gui_layer_violations(source, "ui/case/case_view.py")
        assert any(expected in p for p in problems), (source, problems)
    clean = "self.context.services.cases.hold_call(1)\nfrom ecoute_desktop.store import StoreError"
    assert gui_layer_violations(clean, "ui/case/case_view.py") == []


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_services_import_neither_ui_nor_cli() -> None:
    for path in sorted((PACKAGE / "services").rglob("*.py")):
        for name in _imports(path):
            assert not name.startswith(("ecoute_desktop.ui", "ecoute_desktop.cli")), (path, name)
