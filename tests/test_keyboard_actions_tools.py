"""The main actions 14–21 of docs/accessibility.md, each done with key presses only.

Pins: Ctrl+3 and Space on « Semaine suivante » show the next week; in « Créneaux,
absences et binôme » a slot is added by Space and an absence by Enter in its reason
(Enter in a form's field does that form's action, it does not close the dialog and lose
the typing); Ctrl+4 and Space preview then save the monthly report; Ctrl+5 prepares and
saves the anonymised export; Ctrl+6 merges an export and saves the committee table
and the annual review (Space on « Bilan annuel (PDF)… »);
the import preview imports on Enter (not « Format attendu »); Paramètres › Modèles opens
the templates by Space, and a subject typed there is saved by Enter; Ctrl+L locks, the
passphrase and Enter unlock. The file choosers (the system's own dialogs) are replaced
through `prompts`, as in every GUI test; everything else is key presses on the focused
widget (tests/keyboard_support.py).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from ecoute_desktop.domain.timeutil import as_paris, utc_now
from ecoute_desktop.services.app import Services
from ecoute_desktop.store import Store
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.csv_import_helpers import member, write_csv
from tests.desk_support import add_case, isolated_settings  # noqa: F401
from tests.keyboard_support import CTRL, Keys, desk_fixture, keys_fixture  # noqa: F401

Key = Qt.Key


def test_14_change_the_agenda_week(keys: Keys, desk: MainWindow) -> None:
    keys.press(Key.Key_3, CTRL)
    agenda = desk.view("agenda")
    monday = agenda.monday  # type: ignore[attr-defined]
    keys.activate("Semaine suivante")
    assert agenda.monday == monday + timedelta(days=7)  # type: ignore[attr-defined]
    keys.activate("Semaine précédente")
    keys.press(Key.Key_Space)
    assert agenda.monday == monday - timedelta(days=7)  # type: ignore[attr-defined]


def test_15_add_a_slot_and_an_absence(keys: Keys, desk: MainWindow, store: Store) -> None:
    slots_before = {s.id for s in store.agenda.slots()}

    def add(dialog: QDialog) -> None:
        keys.tab_to("Jour")
        keys.press(Key.Key_Down)  # Tuesday
        keys.activate("Ajouter ce créneau")
        assert len(store.agenda.slots()) == len(slots_before) + 1
        keys.press(Key.Key_Tab, CTRL)  # « Absences »
        keys.tab_to("Motif de l'absence")
        keys.type("formation")
        keys.press(Key.Key_Return)  # adds it: the dialog stays open
        assert dialog.isVisible()
        assert [a.reason for a in Services(store).agenda.absences()] == ["formation"]
        keys.press(Key.Key_Escape)

    keys.press(Key.Key_3, CTRL)
    done = keys.in_dialog(add)
    keys.activate("Créneaux, absences et binôme")
    done()
    (added,) = [s for s in store.agenda.slots() if s.id not in slots_before]
    assert (added.weekday, added.start.hour, added.end.hour) == (1, 14, 17)


def test_16_preview_and_save_the_monthly_report(
    keys: Keys, desk: MainWindow, store: Store, tmp_path: Path, monkeypatch
) -> None:
    add_case(store, "Rapport", utc_now() - timedelta(hours=3))
    target = tmp_path / "rapport.pdf"
    monkeypatch.setattr(prompts, "ask_save_path", lambda *args: target)
    keys.press(Key.Key_4, CTRL)
    reports = desk.view("reports")
    keys.activate("Générer l'aperçu")
    keys.qtbot.waitUntil(lambda: reports.pdf_bytes is not None)  # type: ignore[attr-defined]
    keys.activate("Enregistrer en PDF")
    assert target.read_bytes().startswith(b"%PDF")


def test_17_export(keys: Keys, desk: MainWindow, store: Store, tmp_path: Path, monkeypatch) -> None:
    add_case(store, "Exporte", utc_now() - timedelta(hours=3))
    target = tmp_path / "export.json"
    monkeypatch.setattr(prompts, "ask_save_path", lambda *args: target)
    keys.press(Key.Key_5, CTRL)
    export = desk.view("export")
    keys.tab_to("Pseudonyme d'écoutant")
    keys.type("Mesange")
    keys.activate("Voir ce qui sera exporté")
    keys.qtbot.waitUntil(export.save_button.isEnabled)  # type: ignore[attr-defined]
    assert export.model.rowCount() == 1  # type: ignore[attr-defined]
    keys.activate("Enregistrer l'export")
    keys.qtbot.waitUntil(target.exists)
    desk.context.runner.wait()
    assert '"Mesange"' in target.read_text(encoding="utf-8")


def test_18_merge_exports(
    keys: Keys, desk: MainWindow, store: Store, tmp_path: Path, monkeypatch
) -> None:
    add_case(store, "Fusion", utc_now() - timedelta(hours=3))
    month = f"{as_paris(utc_now()):%Y-%m}"
    export = tmp_path / "export-mesange.json"
    Services(store).documents.write_export(export, month, month, "Mesange")
    table, review = tmp_path / "comite.csv", tmp_path / "bilan.pdf"
    monkeypatch.setattr(prompts, "ask_open_paths", lambda *args: [export])
    monkeypatch.setattr(
        prompts, "ask_save_path", lambda parent, title, *a: review if "bilan" in title else table
    )
    monkeypatch.setattr(prompts, "ask_choice", lambda parent, title, label, choices: choices[0])
    monkeypatch.setattr(prompts, "ask_text", lambda *args: "")
    keys.press(Key.Key_6, CTRL)
    coordination = desk.view("coordination")
    keys.activate("Ajouter des fichiers")
    keys.qtbot.waitUntil(lambda: coordination.outcome is not None)  # type: ignore[attr-defined]
    assert coordination.model.rowCount() == 1  # type: ignore[attr-defined]
    keys.activate("Tableau CSV")
    keys.qtbot.waitUntil(table.exists)
    desk.context.runner.wait()
    lines = table.read_text(encoding="utf-8-sig").splitlines()
    assert lines[1].startswith(f"{month};1;")  # the merged case, counted
    keys.activate("Bilan annuel (PDF)")
    keys.qtbot.waitUntil(review.exists)
    desk.context.runner.wait()
    assert review.read_bytes().startswith(b"%PDF")


def test_19_import_a_spreadsheet(
    keys: Keys, desk: MainWindow, store: Store, tmp_path: Path, monkeypatch
) -> None:
    sheet = write_csv(tmp_path / "sollicitations.csv", [member(1), member(2)])
    monkeypatch.setattr(prompts, "ask_open_path", lambda *args: sheet)
    told: list[str] = []
    monkeypatch.setattr(prompts, "inform", lambda parent, title, text: told.append(text))
    keys.press(Key.Key_2, CTRL)
    keys.activate("Importer des sollicitations d'un tableur")
    importer = desk.cases_importer
    assert importer is not None
    keys.qtbot.waitUntil(lambda: importer.dialog is not None)  # type: ignore[attr-defined]
    dialog = importer.dialog  # type: ignore[attr-defined]
    keys.back_to(dialog)
    keys.press(Key.Key_Return)  # imports; « Format attendu » stays closed
    keys.qtbot.waitUntil(lambda: bool(told))
    assert store.cases.count() == 2
    assert not any(w.windowTitle() == "Format attendu" for w in QApplication.topLevelWidgets())


def test_20_edit_the_templates(keys: Keys, desk: MainWindow, store: Store) -> None:
    keys.press(Key.Key_7, CTRL)
    settings = desk.view("settings")
    keys.tab_to("Rubriques des paramètres")  # Tab onto the rubrics, then Down to « Modèles »
    rubrics = settings.rubrics  # type: ignore[attr-defined]
    for _ in range(rubrics.count()):
        if rubrics.current_title() == "Modèles":
            break
        keys.press(Key.Key_Down)
    assert rubrics.current_title() == "Modèles"

    def retitle(dialog: QDialog) -> None:
        keys.tab_to("Objet du message")
        keys.press(Key.Key_A, CTRL)
        keys.type("Votre rendez-vous d'ecoute")
        keys.press(Key.Key_Return)  # « Enregistrer »

    done = keys.in_dialog(retitle)
    keys.activate("Modifier les modèles des messages et de la charte")
    done()
    subject, _ = Services(store).settings.confirmation_templates()
    assert subject == "Votre rendez-vous d'ecoute"


def test_21_lock_and_unlock(keys: Keys, desk: MainWindow) -> None:
    from ecoute_desktop.ui.safety import locking

    auto_lock = locking.install(desk, desk.context)
    try:
        keys.press(Key.Key_L, CTRL)
        assert auto_lock.is_locked and not desk.isVisible()
        screen = auto_lock.screen
        assert screen is not None
        keys.back_to(screen)
        assert keys.focused().accessibleName() == "Phrase de passe"
        keys.type(PASSPHRASE)
        keys.press(Key.Key_Return)
        assert not auto_lock.is_locked and desk.isVisible()
        assert desk.context.services.session.is_open
    finally:
        auto_lock.stop()
