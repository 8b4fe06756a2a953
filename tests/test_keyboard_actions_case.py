"""The main actions 1–13 of docs/accessibility.md, each done with key presses only.

Pins: the unlock window opens on Enter; Ctrl+N, a typed name and Enter create a case, and
the « Adhérent déjà connu » link is reached by Tab and followed by Enter; Ctrl+F finds a
case and Enter opens it; arrows and Enter open a case from « Aujourd'hui »; Space on the
next step acknowledges, « Confirmation envoyée » stamps the acknowledgment; in « Proposer
un RDV » Enter books nothing until a time is chosen with the arrows, then books that
time; the call is moved the same way and cancelled through its question; the call is held;
a note is typed and saved by Ctrl+S; a theme chip is ticked by Space; the directory
records the entry chosen with the arrows; the questionnaire closes the case; a case is
dropped with the reason chosen by arrows. Keys go to `QApplication.focusWidget()` only;
no button is clicked and no widget method is called (tests/keyboard_support.py).
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from ecoute_desktop.domain.timeutil import as_paris, utc_now
from ecoute_desktop.domain.who_calls import WhoCalls
from ecoute_desktop.domain.workflow import DROP_CHOICES, Status
from ecoute_desktop.services.app import Services
from ecoute_desktop.store import Store
from ecoute_desktop.ui.agenda.booking_dialog import BookingDialog
from ecoute_desktop.ui.case.case_view import CaseView
from ecoute_desktop.ui.safety.unlock_dialog import UnlockDialog
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.desk_support import add_case, isolated_settings  # noqa: F401
from tests.keyboard_support import CTRL, Keys, desk_fixture, keys_fixture  # noqa: F401

Key = Qt.Key


def case_at(store: Store, nom: str, *steps: Status, **member: str) -> int:
    case = add_case(store, nom, utc_now() - timedelta(hours=3), **member)
    assert case.id is not None
    for step in steps:
        if step is Status.SCHEDULED:
            book_first_free(store, case.id)
        else:
            Services(store).cases.advance(case.id, step, "Moi")
    return case.id


def book_first_free(store: Store, case_id: int) -> None:
    agenda = Services(store).agenda
    today = as_paris(utc_now()).date()
    free = agenda.free_times(today, today + timedelta(days=14), not_before=utc_now())
    agenda.book_or_move(case_id, free[0].hotliner_id, free[0].starts_at, WhoCalls.HOTLINER_CALLS)


def open_by_search(keys: Keys, window: MainWindow, nom: str) -> CaseView:
    """Ctrl+F, the name, Enter: the case page, as a user opens it."""
    keys.back_to(window)
    keys.press(Key.Key_F, CTRL)
    keys.type(nom)
    cases = window.view("cases")
    model = cases.model  # type: ignore[attr-defined]

    def found() -> bool:  # the results of this search, not of the one before
        return model.rowCount() == 1 and model.row_at(0).nom.casefold() == nom.casefold()

    keys.qtbot.waitUntil(lambda: not cases.search_pending and found())  # type: ignore[attr-defined]
    before = window.case_view
    keys.press(Key.Key_Return)
    keys.qtbot.waitUntil(lambda: window.case_view not in (None, before))
    assert isinstance(window.case_view, CaseView)
    assert window.case_view.case.member.nom.casefold() == nom.casefold()
    return window.case_view


def status(store: Store, case_id: int) -> Status:
    return store.cases.get(case_id).status


def test_01_unlock(qtbot, keys: Keys, store: Store, db_path: Path) -> None:
    store.close()
    dialog = UnlockDialog(db_path)
    qtbot.addWidget(dialog)
    dialog.show()
    keys.back_to(dialog)
    assert keys.focused().accessibleName() == "Phrase de passe"  # typing starts there
    keys.type(PASSPHRASE)
    keys.press(Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.store is not None
    dialog.store.close()


def test_02_create_a_case(keys: Keys, desk: MainWindow, store: Store) -> None:
    earlier = case_at(store, "Ancien", telephone="06 39 98 12 34")
    keys.press(Key.Key_N, CTRL)
    keys.qtbot.waitUntil(lambda: bool(desk.new_case_dialogs))
    dialog = desk.new_case_dialogs[0]
    keys.back_to(dialog)
    keys.type("Granmont")
    keys.tab_to("Téléphone")
    keys.type("06 39 98 12 34")
    keys.qtbot.waitUntil(dialog.returning_label.isVisible)  # type: ignore[attr-defined]
    keys.tab_to("Adhérent déjà connu")
    keys.press(Key.Key_Tab)  # onto its link
    keys.press(Key.Key_Return)
    keys.qtbot.waitUntil(lambda: desk.case_view is not None)
    assert desk.case_view.case_id == earlier  # type: ignore[union-attr]
    keys.back_to(dialog)
    keys.tab_to("Nom")
    keys.press(Key.Key_Return)
    keys.qtbot.waitUntil(lambda: not dialog.isVisible())
    created = [c for c in store.cases.all() if c.member.nom == "Granmont"]
    assert len(created) == 1 and created[0].member.telephone == "06 39 98 12 34"


def test_03_search(keys: Keys, desk: MainWindow, store: Store) -> None:
    case_at(store, "Aubrac")
    wanted = case_at(store, "Valbonne")
    keys.press(Key.Key_F, CTRL)
    assert keys.focused().accessibleName() == "Rechercher une sollicitation"
    keys.type("Valbonne")
    cases = desk.view("cases")
    keys.qtbot.waitUntil(lambda: not cases.search_pending and cases.model.rowCount() == 1)  # type: ignore[attr-defined]
    assert cases.model.row_at(0).id == wanted  # type: ignore[attr-defined]


def test_04_open_a_case(keys: Keys, desk: MainWindow, store: Store) -> None:
    case_at(store, "Premier")
    second = case_at(store, "Second")
    desk.context.events.cases_changed.emit()
    keys.press(Key.Key_1, CTRL)
    today = desk.view("today")
    keys.tab_to(today.ack_table.accessibleName())  # type: ignore[attr-defined]
    table = today.ack_table  # type: ignore[attr-defined]
    rows = [table.source_row(table.model().index(r, 0)).id for r in range(table.model().rowCount())]
    keys.press(Key.Key_Home, CTRL)  # the first row
    for _ in range(rows.index(second)):
        keys.press(Key.Key_Down)
    keys.press(Key.Key_Return)
    keys.qtbot.waitUntil(lambda: desk.case_view is not None)
    assert desk.case_view.case_id == second  # type: ignore[union-attr]


def test_05_acknowledge_and_send_the_confirmation(
    keys: Keys, desk: MainWindow, store: Store
) -> None:
    received = case_at(store, "Accuse")
    view = open_by_search(keys, desk, "Accuse")
    keys.activate(view.workflow.next_button.accessibleName())
    assert status(store, received) is Status.ACKNOWLEDGED

    booked = case_at(store, "Confirme", Status.SCHEDULED, email="confirme@example.org")
    assert store.cases.get(booked).acknowledged_at is None
    view = open_by_search(keys, desk, "Confirme")

    def send(dialog: QDialog) -> None:
        keys.activate("Confirmation envoyée")
        keys.press(Key.Key_Escape)

    done = keys.in_dialog(send)
    keys.activate("Préparer la confirmation avec la charte et l'invitation")
    done()
    assert store.cases.get(booked).acknowledged_at is not None


def test_06_book_a_call(keys: Keys, desk: MainWindow, store: Store) -> None:
    case_id = case_at(store, "Rendez", Status.ACKNOWLEDGED)
    view = open_by_search(keys, desk, "Rendez")
    chosen = []

    def choose_the_third_time(dialog: QDialog) -> None:
        assert isinstance(dialog, BookingDialog)
        keys.tab_to("Prochains moments libres")
        keys.press(Key.Key_Return)  # nothing chosen yet: nothing booked
        assert dialog.isVisible() and store.agenda.for_case(case_id) == []
        for _ in range(3):
            keys.press(Key.Key_Down)
        chosen.append(dialog.model.row_at(dialog.times.currentIndex().row()))
        keys.press(Key.Key_Return)

    done = keys.in_dialog(choose_the_third_time)
    keys.activate(view.workflow.next_button.accessibleName())  # « RDV fixé »: the booking
    done()
    (appointment,) = store.agenda.for_case(case_id)
    assert appointment.starts_at == chosen[0].starts_at
    assert status(store, case_id) is Status.SCHEDULED


def test_07_move_then_cancel_a_call(keys: Keys, desk: MainWindow, store: Store) -> None:
    case_id = case_at(store, "Deplace", Status.SCHEDULED)
    (before,) = store.agenda.for_case(case_id)
    view = open_by_search(keys, desk, "Deplace")
    chosen = []

    def move(dialog: QDialog) -> None:
        assert isinstance(dialog, BookingDialog)
        keys.tab_to("Prochains moments libres")
        for _ in range(4):
            keys.press(Key.Key_Down)
        chosen.append(dialog.model.row_at(dialog.times.currentIndex().row()).starts_at)
        keys.press(Key.Key_Return)

    done = keys.in_dialog(move)
    keys.activate("Déplacer le RDV")
    done()
    moved = store.agenda.get(before.id)
    assert moved.starts_at == chosen[0] != before.starts_at

    keys.back_to(desk)
    done = keys.in_dialog(lambda dialog: keys.activate("Annuler le rendez-vous"))
    keys.activate(view.appointment.cancel_button.accessibleName())
    done()
    assert store.agenda.active_for_case(case_id) is None
    assert status(store, case_id) is Status.ACKNOWLEDGED


def test_08_hold_the_call(keys: Keys, desk: MainWindow, store: Store) -> None:
    case_id = case_at(store, "Tenu", Status.SCHEDULED)
    view = open_by_search(keys, desk, "Tenu")
    assert view.workflow.next_button.text() == "Appel effectué"
    keys.activate(view.workflow.next_button.accessibleName())
    assert status(store, case_id) is Status.CALL_HELD


def test_09_write_and_save_a_note(keys: Keys, desk: MainWindow, store: Store) -> None:
    case_id = case_at(store, "Note")
    open_by_search(keys, desk, "Note")
    keys.tab_to("Texte de la note")
    keys.type("Adherent rappele, dossier suivi.")
    keys.press(Key.Key_S, CTRL)
    (note,) = store.notes.for_case(case_id)
    assert note.body == "Adherent rappele, dossier suivi."


def test_10_tag_themes(keys: Keys, desk: MainWindow, store: Store) -> None:
    case_id = case_at(store, "Theme")
    view = open_by_search(keys, desk, "Theme")
    theme_id, chip = list(view.themes.buttons.items())[2]
    keys.tab_to(chip.accessibleName())
    keys.press(Key.Key_Space)
    assert [t.id for t in store.cases.get(case_id).themes] == [theme_id]
    keys.press(Key.Key_Space)
    assert store.cases.get(case_id).themes == []


def test_11_refer(keys: Keys, desk: MainWindow, store: Store) -> None:
    case_id = case_at(store, "Oriente")
    view = open_by_search(keys, desk, "Oriente")
    keys.activate("Ouvrir l'annuaire d'orientation")
    popup = view.orientation.popup
    assert popup is not None
    keys.qtbot.waitUntil(lambda: popup.isAncestorOf(QApplication.focusWidget()))
    keys.press(Key.Key_Tab)  # the second entry
    second = keys.focused()
    keys.press(Key.Key_Space)
    (orientation,) = store.cases.get(case_id).orientations
    assert second.accessibleName() == f"Orienter vers {orientation.target.label}"
    assert orientation.target.label == store.directory.all()[1].label


def test_12_close_with_the_questionnaire(keys: Keys, desk: MainWindow, store: Store) -> None:
    Services(store).settings.save_templates(
        *Services(store).settings.confirmation_templates(),
        Services(store).settings.charter_template(),
        "https://framaforms.org/satisfaction-ecoute",
        Services(store).settings.questionnaire_templates(),
        Services(store).settings.questionnaire_reminder_days(),
    )
    case_id = case_at(
        store, "Cloture", Status.SCHEDULED, Status.CALL_HELD, email="cloture@example.org"
    )
    view = open_by_search(keys, desk, "Cloture")
    done = keys.in_dialog(
        lambda dialog: keys.activate("Questionnaire envoyé : clôturer la sollicitation")
    )
    keys.activate(view.satisfaction.send_button.accessibleName())
    done()
    assert status(store, case_id) is Status.CLOSED


def test_13_drop_with_a_reason(keys: Keys, desk: MainWindow, store: Store) -> None:
    case_id = case_at(store, "Abandon")
    open_by_search(keys, desk, "Abandon")
    keys.tab_to("Motif du classement sans suite")
    keys.press(Key.Key_Down)  # the second reason
    done = keys.in_dialog(lambda dialog: keys.activate("Classer sans suite"))
    keys.activate("Classer la sollicitation sans suite")
    done()
    case = store.cases.get(case_id)
    assert case.status is Status.DROPPED and case.drop_reason == DROP_CHOICES[1]
