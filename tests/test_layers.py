"""The core (domain, store, services, cli) imports without Qt; the GUI runs no SQL."""

from __future__ import annotations

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
