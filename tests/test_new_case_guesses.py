"""« Nouvelle sollicitation » from an e-mail: what the reader guessed (fonction, collectivité,
téléphone, urgence with its words) is filled in and marked « à vérifier »; saving waits until
each guess is confirmed, from the keyboard too; the same e-mail twice gives one case; a
hostile file is refused in French; the marks survive the lock's draft."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ecoute_desktop.services.intake import read_request
from ecoute_desktop.store import Store
from ecoute_desktop.ui.case.new_case_dialog import NewCaseDialog
from tests.desk_support import isolated_settings, make_context

__all__ = ["isolated_settings"]

MAIL = Path(__file__).resolve().parent / "data" / "intake" / "03-signature-au-plus-vite.eml"


@pytest.fixture
def dialog(qtbot, store: Store) -> NewCaseDialog:
    form = NewCaseDialog(make_context(store), request=read_request(MAIL.read_bytes()))
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def _shown_marks(dialog: NewCaseDialog) -> dict[str, str]:
    return {key: mark.text() for key, mark in dialog.marks.marks.items() if mark.isVisible()}


def test_guesses_are_filled_and_marked_to_check(dialog: NewCaseDialog) -> None:
    assert dialog.edits["fonction"].text() == "Responsable du centre technique municipal"
    assert dialog.edits["collectivite"].text() == "Mairie de Quimperlé"
    assert dialog.phone_combo.currentText() == "06 39 98 33 44"  # the mobile, written second
    assert dialog.urgent_box.isChecked()
    assert _shown_marks(dialog) == {
        "urgent": "à vérifier : au plus vite",
        "fonction": "à vérifier",
        "collectivite": "à vérifier",
        "telephone": "à vérifier",
    }  # nom and prénom come from the From header: read, not guessed
    assert dialog.guesses_banner.isVisible()


def test_saving_waits_for_the_guesses_and_the_keyboard_confirms_them(
    qtbot, dialog: NewCaseDialog, store: Store
) -> None:
    dialog.save_button.click()
    assert store.cases.count() == 0
    message = dialog.error_label.text()
    assert "Demande urgente, Fonction, Collectivité, Téléphone" in message
    first = dialog.marks.marks["urgent"]
    assert first.hasFocus()  # the focus is on the first mark to check
    qtbot.keyClick(first, Qt.Key.Key_Space)  # Space on a mark confirms it
    assert not first.isVisible()
    fonction = dialog.edits["fonction"]
    fonction.setFocus()
    qtbot.keyClicks(fonction, " adjoint")  # changing a field makes it the hotliner's
    assert not dialog.marks.marks["fonction"].isVisible()
    assert dialog.marks.pending() == ["collectivite", "telephone"]
    dialog.all_checked_button.setFocus()
    qtbot.keyClick(dialog.all_checked_button, Qt.Key.Key_Space)  # « Tout est vérifié »
    assert dialog.marks.pending() == [] and not dialog.guesses_banner.isVisible()
    dialog.save_button.click()
    case = store.cases.get(dialog.created.id)
    assert case.member.fonction == "Responsable du centre technique municipal adjoint"
    assert (case.member.collectivite, case.member.telephone) == (
        "Mairie de Quimperlé",
        "06 39 98 33 44",
    )
    assert case.urgent


def test_the_same_email_twice_gives_one_case(qtbot, dialog: NewCaseDialog, store: Store) -> None:
    dialog.marks.confirm_all()
    dialog.save_button.click()
    reference = dialog.created.reference
    again = NewCaseDialog(make_context(store), request=read_request(MAIL.read_bytes()))
    qtbot.addWidget(again)
    assert "déjà été enregistré : sollicitation" in again.error_label.text()
    assert reference in again.error_label.text()
    again.marks.confirm_all()
    again.save_button.click()
    assert again.created is None and store.cases.count() == 1
    with qtbot.waitSignal(again.context.events.open_case) as opened:
        again.error_label.linkActivated.emit(str(dialog.created.id))
    assert opened.args == [dialog.created.id]


def test_a_hostile_file_is_refused_in_french(qtbot, store: Store, tmp_path: Path) -> None:
    form = NewCaseDialog(make_context(store))
    qtbot.addWidget(form)
    hostile = tmp_path / "piege.eml"
    hostile.write_bytes(
        b"From: a@example.org\r\nSubject: " + b"=?utf-8?q?a?= " * 30_000 + b"\r\n\r\nx"
    )
    form.load_eml(hostile)
    assert form.error_label.text() == (
        "Courriel refusé : « piege.eml » : les en-têtes du courriel dépassent 256 Ko."
    )
    assert form.edits["nom"].text() == ""


def test_marks_and_the_email_key_survive_the_locks_draft(
    qtbot, dialog: NewCaseDialog, store
) -> None:
    dialog.marks.confirm("telephone")
    state = dialog.draft_state()
    assert state is not None
    reopened = NewCaseDialog(make_context(store))
    qtbot.addWidget(reopened)
    reopened.restore_state(state)
    assert reopened.marks.pending() == ["urgent", "fonction", "collectivite"]
    reopened.marks.confirm_all()
    reopened.save_button.click()
    dialog.marks.confirm_all()
    dialog.save_button.click()  # the same e-mail, from the form left open: no second case
    assert store.cases.count() == 1
