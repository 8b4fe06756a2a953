"""Settings are declared once (domain/settings_spec.py) and read and written through it.

Pins: a key nobody declared is refused; the region is cleaned one way, so the report and
the anonymised export print the same text; tampered or outdated values fall back to the
declared default or the nearest bound; the code names settings by their declaration,
never by a literal key.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from ecoute_desktop.domain import settings_spec as spec
from ecoute_desktop.services import export_anonymised
from ecoute_desktop.services.reports.data import region_of
from ecoute_desktop.store import Store

PACKAGE = Path(__file__).resolve().parent.parent / "ecoute_desktop"


def test_an_undeclared_key_is_refused(store: Store) -> None:
    with pytest.raises(KeyError, match="réglage non déclaré"):
        store.settings.set("regoin", "Bretagne")
    with pytest.raises(KeyError):
        store.settings.get("regoin")


def test_report_and_export_print_the_same_cleaned_region(store: Store) -> None:
    store.settings.set(spec.REGION, "  hauts de france ")  # a name typed loosely: its code
    assert store.settings.get(spec.REGION) == "FR-HDF"
    assert region_of(store) == export_anonymised.region_label(store) == "Hauts-de-France"
    store.settings.set(spec.REGION, "<font size=40>Bretagne</font>")  # not in the list
    assert store.settings.get(spec.REGION) == ""
    assert region_of(store) == export_anonymised.region_label(store) == ""


def test_tampered_values_give_the_default_or_the_nearest_bound(store: Store) -> None:
    store.settings.set(spec.BACKUP_KEEP, 0)
    store.settings.set(spec.SMALL_CELL_THRESHOLD, "trois")
    store.settings.set(spec.NEW_CASE_DRAFTS, {"pas": "une liste"})
    store.settings.set(spec.APPOINTMENT_MINUTES, True)
    assert store.settings.get(spec.BACKUP_KEEP) == 1
    assert store.settings.get(spec.SMALL_CELL_THRESHOLD) == spec.SMALL_CELL_THRESHOLD.default
    assert store.settings.get(spec.NEW_CASE_DRAFTS) == []
    assert store.agenda.rules().length_minutes == spec.APPOINTMENT_MINUTES.default
    store.settings.get(spec.NEW_CASE_DRAFTS).append({"x": 1})  # never the shared default
    assert spec.NEW_CASE_DRAFTS.default == []


def test_every_declared_key_is_unique_and_labelled_in_french() -> None:
    keys = [setting.key for setting in spec.SETTINGS]
    assert len(keys) == len(set(keys))
    assert all(setting.label.strip() and setting.label != setting.key for setting in spec.SETTINGS)


def test_code_names_settings_by_declaration_not_by_literal_key() -> None:
    literal = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("get", "set")
                and isinstance(node.func.value, ast.Attribute | ast.Name)
                and getattr(node.func.value, "attr", getattr(node.func.value, "id", ""))
                in ("settings", "_settings")
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                literal.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert literal == []
