"""A « Nouvelle sollicitation » form being filled in when Écoute locks is kept as an
encrypted draft and reopened, filled in, on unlock; after a quit while locked it is offered
(« Reprendre » / « Abandonner ») the next time the form is opened; an empty form leaves none."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

from ecoute_desktop.services import new_case_drafts
from ecoute_desktop.store import Store
from ecoute_desktop.ui.case.new_case_dialog import NewCaseDialog
from ecoute_desktop.ui.safety.locking import AutoLock
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.desk_support import isolated_settings, make_context, store_of

__all__ = ["isolated_settings"]

MARKER = "Ondine-Vauquelin"
BODY = f"Bonjour, je souhaite un échange rapide. {MARKER}"


@pytest.fixture
def desk(qtbot, store: Store):
    window = MainWindow(make_context(store))
    qtbot.addWidget(window)
    window.show()
    auto_lock = AutoLock(window, window.context, idle_ms=600_000)
    auto_lock.quit_application = lambda: None
    yield window, auto_lock
    auto_lock.stop()
    window.context.runner.wait()


def _fill(dialog: NewCaseDialog) -> None:
    dialog.edits["nom"].setText(MARKER)
    dialog.edits["collectivite"].setText("Ville de Sainte-Ondine")
    dialog.phone_combo.setEditText("06 39 98 22 33")
    dialog.email_edit.setText("ondine@example.org")
    dialog.note_edit.setPlainText(BODY)
    dialog.urgent_box.setChecked(True)
    dialog._set_received(datetime(2026, 3, 4, 8, 30, tzinfo=UTC))


def _marker_on_screen() -> bool:
    for widget in QApplication.allWidgets():
        if not widget.isVisible():
            continue
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        if isinstance(widget, QPlainTextEdit):
            text = widget.toPlainText()
        if MARKER in text:
            return True
    return False


def _assert_filled(dialog: NewCaseDialog) -> None:
    assert dialog.edits["nom"].text() == MARKER
    assert dialog.edits["collectivite"].text() == "Ville de Sainte-Ondine"
    assert dialog.phone_combo.currentText() == "06 39 98 22 33"
    assert dialog.email_edit.text() == "ondine@example.org"
    assert dialog.note_edit.toPlainText() == BODY
    assert dialog.urgent_box.isChecked()
    assert dialog.received_at() == datetime(2026, 3, 4, 8, 30, tzinfo=UTC)


def test_form_closed_by_the_lock_comes_back_filled_on_unlock(qtbot, desk) -> None:
    window, auto_lock = desk
    dialog = window.new_case()
    _fill(dialog)
    assert _marker_on_screen()
    auto_lock.lock()
    assert not dialog.isVisible() and not _marker_on_screen()
    assert not store_of(window.context).db.is_open
    auto_lock.screen.passphrase_edit.setText(PASSPHRASE)
    assert auto_lock.screen.try_unlock()
    assert len(window.new_case_dialogs) == 1
    reopened = window.new_case_dialogs[0]
    assert reopened is not dialog and reopened.isVisible()
    _assert_filled(reopened)
    assert new_case_drafts.pending(store_of(window.context)) == []  # taken back
    created = reopened.save()
    assert created is not None and created.member.nom == MARKER and created.urgent


def test_after_a_quit_while_locked_the_form_offers_the_draft(qtbot, desk) -> None:
    window, auto_lock = desk
    store = store_of(window.context)
    _fill(window.new_case())
    auto_lock.lock()
    auto_lock.screen.close()  # quit from the lock screen
    store = Store.open(store.path, PASSPHRASE)
    try:
        later = NewCaseDialog(make_context(store))
        qtbot.addWidget(later)
        later.show()
        assert later.draft_banner is not None and later.draft_banner.isVisible()
        assert later.edits["nom"].text() == ""
        later.resume_button.click()
        _assert_filled(later)
        assert not later.draft_banner.isVisible()
        assert new_case_drafts.pending(store) == []
        again = NewCaseDialog(make_context(store))
        qtbot.addWidget(again)
        assert again.draft_banner is None  # offered once
    finally:
        store.close()


def test_abandon_and_empty_forms_leave_no_draft(qtbot, desk) -> None:
    window, auto_lock = desk
    store = store_of(window.context)
    window.new_case()  # left empty
    auto_lock.lock()
    auto_lock.screen.passphrase_edit.setText(PASSPHRASE)
    auto_lock.screen.try_unlock()
    assert window.new_case_dialogs == [] and new_case_drafts.pending(store) == []
    new_case_drafts.keep(store, [{"nom": MARKER}])
    offered = window.new_case()
    offered.discard_button.click()
    assert new_case_drafts.pending(store) == [] and offered.edits["nom"].text() == ""
