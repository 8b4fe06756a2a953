"""The French UI can be translated with Qt's own tools: every visible string of ecoute_desktop/ui
is extractable by pyside6-lupdate, the shipped catalogue resources/translations/ecoute.ts is up
to date, and a compiled catalogue for the user's language really changes what windows show."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ecoute_desktop.resource_files import resource_path
from ecoute_desktop.services.app import Services

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "ecoute_desktop" / "ui"
CATALOGUE = resource_path("translations", "ecoute.ts")
LUPDATE_OPTIONS = ("-source-language", "fr_FR", "-locations", "none", "-no-obsolete", "-silent")
TRANSLATING = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}


def _qt_tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: it comes with PySide6 (make venv)")
    return found


def _literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _name(call: ast.Call) -> str | None:
    return getattr(call.func, "attr", None) or getattr(call.func, "id", None)


def _readable(call: ast.Call, marked: set[str]) -> bool:
    """What lupdate extracts with the context Qt uses at run time."""
    name, args = _name(call), call.args
    if name == "tr":  # lupdate's context is the enclosing class: only self.tr("…")
        receiver = call.func.value if isinstance(call.func, ast.Attribute) else None
        is_self = receiver is not None and ast.unparse(receiver) == "self"
        return is_self and bool(args) and _literal(args[0])
    if name == "QT_TR_NOOP":
        return bool(args) and _literal(args[0])
    if len(args) < 2 or not _literal(args[0]):
        return False
    # translate("Context", label) is fine when this file marks "Context" texts as data
    by_name = name == "translate" and args[0].value in marked  # type: ignore[attr-defined]
    return _literal(args[1]) or by_name


def _problems(path: Path, root: Path = ROOT) -> list[str]:
    """Calls lupdate cannot read, as « file:line: call »."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and _name(n) in TRANSLATING]
    marked = {
        call.args[0].value
        for call in calls
        if _name(call) == "QT_TRANSLATE_NOOP" and call.args and _literal(call.args[0])
    }
    return [
        f"{path.relative_to(root)}:{call.lineno}: {ast.unparse(call)[:90]}"
        for call in calls
        if not _readable(call, marked)
    ]


def test_every_translated_string_is_a_literal_lupdate_can_extract() -> None:
    problems = [problem for path in sorted(UI.rglob("*.py")) for problem in _problems(path)]
    assert not problems, (
        'pyside6-lupdate cannot extract these (use self.tr("…"), '
        'QCoreApplication.translate("Context", "…"), or mark data with '
        'QT_TRANSLATE_NOOP("Context", "…") and translate it with the same literal context):\n'
        + "\n".join(problems)
    )


def test_the_scan_names_a_variable_passed_to_tr(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "class A:\n"
        "    def f(self, label):\n"
        "        return self.tr(label), QCoreApplication.translate('X', label)\n"
        "    def g(self, other):\n"
        "        return other.tr('Oui'), self.tr('Non'), tr('Si')\n",
        encoding="utf-8",
    )
    assert [p.split(":")[1] for p in _problems(sample, tmp_path)] == ["3", "3", "5", "5"]


def _messages(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_the_committed_catalogue_is_up_to_date(tmp_path: Path) -> None:
    fresh = tmp_path / "ecoute.ts"
    sources = [str(path.relative_to(ROOT)) for path in sorted(UI.rglob("*.py"))]
    subprocess.run(
        [_qt_tool("pyside6-lupdate"), *sources, "-ts", str(fresh), *LUPDATE_OPTIONS],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    expected, committed = _messages(fresh), _messages(CATALOGUE)
    assert len(expected) > 700  # the UI's strings were found at all
    missing, stale = sorted(expected - committed), sorted(committed - expected)
    assert not missing and not stale, (
        f"resources/translations/ecoute.ts is out of date: run `make translations`.\n"
        f"Missing: {missing[:10]}\nNo longer in the code: {stale[:10]}"
    )


def test_the_catalogue_is_a_french_template_without_translations() -> None:
    root = ET.parse(CATALOGUE).getroot()
    assert root.get("sourcelanguage") == "fr_FR"
    assert not [t.text for t in root.iter("translation") if (t.text or "").strip()]
    assert "<location" not in CATALOGUE.read_text(encoding="utf-8")  # stable across machines


def test_ui_labels_match_the_french_labels_of_the_core() -> None:
    """The UI marks its own copies of the core's labels: same keys, same French text."""
    from ecoute_desktop.domain.models import MEMBER_LABELS
    from ecoute_desktop.services import first_steps
    from ecoute_desktop.ui.common.field_labels import PERSON_LABELS
    from ecoute_desktop.ui.today import first_steps as first_steps_ui

    assert dict(MEMBER_LABELS) == PERSON_LABELS
    assert first_steps_ui.STEP_LABELS == first_steps.LABELS
    assert list(first_steps_ui.BUTTONS) == list(first_steps.LABELS)


GERMAN = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="fr_FR">
<context><name>FirstStepsPanel</name>
  <message><source>Premiers pas</source><translation>Erste Schritte</translation></message>
  <message><source>Votre binôme</source><translation>Ihr Tandempartner</translation></message>
</context>
<context><name>FieldLabels</name>
  <message><source>Téléphone</source><translation>Telefon</translation></message>
</context>
<context><name>_TextDialog</name>
  <message><source>Fermer</source><translation>Schließen</translation></message>
</context>
<context><name>GuideDialog</name>
  <message><source>Guide rapide</source><translation>Kurzanleitung</translation></message>
</context>
</TS>
"""


@pytest.fixture
def german(qapp, tmp_path: Path):
    """ecoute_de.qm compiled with lrelease and installed as for a German user; removed after."""
    from ecoute_desktop.ui.app import install_translation

    ts = tmp_path / "ecoute_de.ts"
    ts.write_text(GERMAN, encoding="utf-8")
    subprocess.run(
        [_qt_tool("pyside6-lrelease"), str(ts), "-qm", str(tmp_path / "ecoute_de.qm")],
        check=True,
        capture_output=True,
    )
    assert install_translation(qapp, tmp_path, QLocale(QLocale.Language.German))
    yield
    for translator in qapp.findChildren(QTranslator):
        if translator.objectName() in ("ecoute-ui", "ecoute-qtbase-ui"):
            qapp.removeTranslator(translator)
            translator.deleteLater()


def test_a_german_catalogue_translates_windows(german, qtbot, store) -> None:
    from PySide6.QtWidgets import QPushButton

    from ecoute_desktop.ui.common.background import BackgroundRunner
    from ecoute_desktop.ui.common.context import AppContext, Events
    from ecoute_desktop.ui.common.help_dialogs import GuideDialog
    from ecoute_desktop.ui.settings.people_panel import PersonForm
    from ecoute_desktop.ui.today.first_steps import FirstStepsPanel

    panel = FirstStepsPanel(AppContext(Services(store), BackgroundRunner(), Events()))
    qtbot.addWidget(panel)
    assert panel.accessibleName() == "Erste Schritte"  # self.tr in a QFrame subclass
    assert panel.labels["partner"].text() == "Ihr Tandempartner"  # QT_TRANSLATE_NOOP data
    assert panel.labels["slots"].text() == "Vos permanences de la semaine"  # untranslated: French
    form = PersonForm("Moi")
    qtbot.addWidget(form)
    assert form.edits["telephone"].accessibleName() == "Telefon (Moi)"
    guide = GuideDialog()
    qtbot.addWidget(guide)
    assert guide.windowTitle() == "Kurzanleitung"
    assert "Schließen" in [b.text() for b in guide.findChildren(QPushButton)]  # inherited tr


def test_no_catalogue_for_french_or_a_missing_language(qapp, tmp_path: Path) -> None:
    from ecoute_desktop.ui.app import install_translation

    (tmp_path / "ecoute_fr.qm").write_bytes(b"")
    assert not install_translation(qapp, tmp_path, QLocale(QLocale.Language.French))
    assert not install_translation(qapp, tmp_path, QLocale(QLocale.Language.Italian))
    assert not install_translation(qapp, resource_path("translations"), QLocale("de_DE"))
    assert QCoreApplication.translate("FirstStepsPanel", "Premiers pas") == "Premiers pas"
