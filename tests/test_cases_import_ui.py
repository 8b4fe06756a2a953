"""Importing the old spreadsheet from the window, without a terminal.

Pins: « Sollicitations › Importer un tableur (CSV)… » asks for the file through the prompts
seam, checks it off the GUI thread and previews it: a good file says how many cases will be
imported and how many are already present, « Importer » writes them and they appear in the
Sollicitations list; a bad file lists every bad line (« ligne L, colonne C : raison ») in a
table, states the all-or-nothing rule, keeps « Importer » disabled and imports nothing;
cancelling the file choice or the preview changes nothing; closing the preview while the
import is being written (Escape, locking) still reports it; « Format attendu… » shows the
header line (wrapping between columns only, copied whole) and can save a blank template.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from shiboken6 import isValid

from ecoute_desktop.services.csv_import import COLUMNS
from ecoute_desktop.store import Store
from ecoute_desktop.ui.cases.cases_import import RULE, ImportPreviewDialog
from ecoute_desktop.ui.cases.import_format import BREAK, HEADER_LINE, ImportFormatDialog
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.csv_import_helpers import member, write_csv
from tests.desk_support import isolated_settings, make_context  # noqa: F401


@pytest.fixture
def window(qtbot, store: Store) -> MainWindow:
    main = MainWindow(make_context(store))
    qtbot.addWidget(main)
    main.resize(1200, 800)
    main.show()
    yield main
    main.context.runner.wait()


@pytest.fixture
def told(monkeypatch) -> list[str]:
    """Messages the importer shows (inform and warn), instead of real message boxes."""
    messages: list[str] = []
    monkeypatch.setattr(prompts, "inform", lambda parent, title, text: messages.append(text))
    monkeypatch.setattr(prompts, "warn", lambda parent, title, text: messages.append(text))
    return messages


def _choose(monkeypatch, path: Path | None) -> list[str]:
    asked: list[str] = []

    def ask(parent, title, filters):
        asked.append(filters)
        return path

    monkeypatch.setattr(prompts, "ask_open_path", ask)
    return asked


def _preview(qtbot, window: MainWindow) -> ImportPreviewDialog:
    window.import_cases_action.trigger()
    importer = window.cases_importer
    qtbot.waitUntil(lambda: importer.dialog is not None and importer.dialog.isVisible())
    return importer.dialog


def test_good_file_imports_and_cases_appear_in_the_list(
    qtbot, window: MainWindow, store: Store, monkeypatch, tmp_path: Path, told
) -> None:
    path = write_csv(
        tmp_path / "tableur.csv",
        [
            member(1, reference="2025-0007", thematiques="Carrière/Mobilité"),
            member(2, reference="2025-0008", urgent="oui"),
            member(3, reference="2025-0009"),
        ],
    )
    first = write_csv(tmp_path / "avant.csv", [member(3, reference="2025-0009")])
    _choose(monkeypatch, first)
    dialog = _preview(qtbot, window)
    with qtbot.waitSignal(window.cases_importer.finished):
        dialog.import_button.click()
    assert store.cases.count() == 1

    asked = _choose(monkeypatch, path)
    dialog = _preview(qtbot, window)
    assert "*.csv" in asked[0]
    assert "tableur.csv" in dialog.file_label.text()
    assert "2 sollicitations seront importées" in dialog.summary.text()
    assert "1 est déjà dans la base" in dialog.summary.text()
    assert dialog.errors_table.isHidden() and dialog.rule.isHidden()
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(window.context.events.cases_changed):
        dialog.import_button.click()
    qtbot.waitUntil(lambda: not window.cases_importer.busy)
    assert not isValid(dialog) or not dialog.isVisible()  # closed (and maybe already deleted)
    assert told[-1].startswith("2 sollicitations importées")
    assert store.cases.count() == 3
    view = window.show_view("cases")
    qtbot.waitUntil(lambda: not view.loading)
    shown = {row.reference for row in view.model.rows()}
    assert shown == {"2025-A-007", "2025-A-008", "2025-A-009"}  # old numbers, new form
    assert any("Testelin2" in row.member_name.casefold().title() for row in view.model.rows())


def test_bad_file_lists_every_bad_line_and_imports_nothing(
    qtmodeltester, qtbot, window: MainWindow, store: Store, monkeypatch, tmp_path: Path, told
) -> None:
    path = write_csv(
        tmp_path / "fautif.csv",
        [
            member(1),
            member(2, date_reception="31/02/2025"),
            member(3),
            member(4, email="sans-arobase", urgent="peut-être"),
            member(5, thematiques="Jardinage"),
        ],
    )
    _choose(monkeypatch, path)
    dialog = _preview(qtbot, window)
    assert not dialog.import_button.isEnabled()
    assert dialog.rule.isVisible() and dialog.rule.text() == RULE
    assert dialog.errors_table.isVisible()
    assert "fautif.csv" in dialog.file_label.text()
    assert "3 lignes du fichier sont en erreur" in dialog.summary.text()
    lines = dialog.error_lines()
    assert [line.split(",")[0] for line in lines] == [
        "ligne 3",
        "ligne 5",
        "ligne 5",
        "ligne 6",
    ]
    assert lines[0].startswith("ligne 3, colonne date_reception : ")
    assert {"email", "urgent"} == {line.split("colonne ")[1].split(" :")[0] for line in lines[1:3]}
    assert lines[3].startswith("ligne 6, colonne thematiques : ")
    table_text = [
        [dialog.errors_model.index(r, c).data() for c in range(3)]
        for r in range(dialog.errors_model.rowCount())
    ]
    assert table_text[0][:2] == ["3", "date_reception"]
    qtmodeltester.check(dialog.errors_model)
    dialog.import_button.click()  # disabled: nothing happens
    dialog.cancel_button.click()
    qtbot.waitUntil(lambda: not window.cases_importer.busy)
    assert store.cases.count() == 0
    assert told == []


def test_cancel_changes_nothing(
    qtbot, window: MainWindow, store: Store, monkeypatch, tmp_path: Path, told
) -> None:
    asked = _choose(monkeypatch, None)
    window.import_cases_action.trigger()
    assert asked and window.cases_importer.dialog is None and not window.cases_importer.busy
    path = write_csv(tmp_path / "tableur.csv", [member(1), member(2)])
    _choose(monkeypatch, path)
    dialog = _preview(qtbot, window)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(window.cases_importer.finished):
        dialog.cancel_button.click()
    assert store.cases.count() == 0
    assert told == []


def test_unreadable_file_is_said_plainly(
    qtbot, window: MainWindow, store: Store, monkeypatch, tmp_path: Path, told
) -> None:
    _choose(monkeypatch, tmp_path / "absent.csv")
    window.import_cases_action.trigger()
    qtbot.waitUntil(lambda: not window.cases_importer.busy)
    assert len(told) == 1 and "absent.csv" in told[0]
    assert window.cases_importer.dialog is None
    assert store.cases.count() == 0


def test_format_dialog_shows_the_header_and_saves_a_template(
    qtbot, window: MainWindow, store: Store, monkeypatch, tmp_path: Path, told
) -> None:
    path = write_csv(tmp_path / "tableur.csv", [member(1, date_reception="hier")])
    _choose(monkeypatch, path)
    dialog = _preview(qtbot, window)
    shown = dialog.show_format()
    assert isinstance(shown, ImportFormatDialog)
    text = shown.text.toPlainText()
    assert HEADER_LINE in text.replace(BREAK, "")  # shown with break hints between columns
    shown.text.selectAll()
    shown.text.copy()
    assert HEADER_LINE in QGuiApplication.clipboard().text()  # copied without them
    for words in ("JJ/MM/AAAA", "oui ou non", "Windows-1252", "Tout ou rien"):
        assert words in text
    target = tmp_path / "modele.csv"
    monkeypatch.setattr(prompts, "ask_save_path", lambda *args: target)
    assert shown.save_template() == target
    assert target.read_bytes().decode("utf-8-sig").strip() == ";".join(COLUMNS)
    template = write_csv(tmp_path / "vide.csv", [])
    assert template.read_text("utf-8").strip() == target.read_text("utf-8-sig").strip()


def test_closing_the_preview_while_writing_still_reports_the_import(
    qtbot, window: MainWindow, store: Store, monkeypatch, tmp_path: Path, told
) -> None:
    path = write_csv(tmp_path / "tableur.csv", [member(1), member(2)])
    _choose(monkeypatch, path)
    dialog = _preview(qtbot, window)
    with qtbot.waitSignal(window.cases_importer.finished):
        dialog.import_button.click()
        dialog.reject()  # Escape, or the lock closing every dialog
    assert store.cases.count() == 2
    assert told == ["2 sollicitations importées."]
    assert not window.cases_importer.busy


def test_the_sollicitations_view_has_its_own_import_button(
    qtbot, window: MainWindow, store: Store, monkeypatch, tmp_path: Path, told
) -> None:
    """Volunteers find a button on the list itself, not only in the menu."""
    path = write_csv(tmp_path / "tableur.csv", [member(1), member(2)])
    _choose(monkeypatch, path)
    cases = window.show_view("cases")
    cases.import_button.click()  # type: ignore[attr-defined]
    importer = window.cases_importer
    qtbot.waitUntil(lambda: importer.dialog is not None and importer.dialog.isVisible())
    with qtbot.waitSignal(importer.finished, timeout=10_000):
        importer.dialog.import_button.click()
    assert store.cases.count() == 2
