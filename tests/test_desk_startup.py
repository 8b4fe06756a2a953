"""Start-up of the desk: first-run assistant, unlock (right and wrong passphrase), window shell."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QWidget, QWizard

from ecoute_desktop.store import Store
from ecoute_desktop.ui.common import text_size
from ecoute_desktop.ui.safety.first_run import FirstRunWizard
from ecoute_desktop.ui.safety.unlock_dialog import UnlockDialog
from ecoute_desktop.ui.window.main_window import MainWindow
from ecoute_desktop.ui.window.views import VIEWS, ViewSpec
from tests.conftest import PASSPHRASE
from tests.desk_support import isolated_settings, make_context  # noqa: F401


def test_assistant_draws_a_phrase_and_the_new_base_opens_with_it(qtbot, tmp_path: Path) -> None:
    """Typed phrases are judged; « Proposer une phrase » fills both fields with a drawn one,
    shown, drawn again on demand; the base created opens with the phrase drawn."""
    target = tmp_path / "mes données" / "ecoute.db"
    wizard = FirstRunWizard(tmp_path / "default" / "ecoute.db")
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.folder_page.path_edit.setText(str(target))
    wizard.next()
    page = wizard.passphrase_page
    assert wizard.currentPage() is page
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    page.first_edit.setText("cheval correct agrafe")
    page.second_edit.setText("cheval correct agrafe")
    assert not next_button.isEnabled()
    assert "Trop facile à deviner" in page.advice_label.text()
    assert "ordinateur spécialisé" in page.advice_label.text()
    suggest = page.fields.suggest_button
    suggest.click()
    first = page.first_edit.text()
    assert len(first.split()) >= 6 and page.second_edit.text() == first
    assert page.first_edit.echoMode() == QLineEdit.EchoMode.Normal  # shown, to copy out
    assert next_button.isEnabled() and "Solide" in page.advice_label.text()
    page.fields.show_button.click()  # hide it again
    assert page.first_edit.echoMode() == QLineEdit.EchoMode.Password
    suggest.click()
    drawn = page.first_edit.text()
    assert drawn != first and page.second_edit.text() == drawn
    page.second_edit.setText(drawn + "x")
    assert not next_button.isEnabled()
    assert "pas identiques" in page.match_label.text()
    page.second_edit.setText(drawn)
    assert next_button.isEnabled()
    wizard.next()
    profile = wizard.profile_page
    profile.nom_edit.setText("Morel")
    profile.prenom_edit.setText("Jacqueline")
    profile.telephone_edit.setText("06 39 98 00 01")
    profile.email_edit.setText("jacqueline.morel@example.org")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.store is not None
    wizard.store.close()
    with Store.open(target, drawn) as reopened:
        me = reopened.people.me()
        assert me is not None
        assert (me.nom, me.telephone) == ("Morel", "06 39 98 00 01")
        assert reopened.themes.all()  # default taxonomy is there


def test_assistant_never_overwrites_an_existing_file(qtbot, tmp_path: Path) -> None:
    existing = tmp_path / "ecoute.db"
    existing.write_bytes(b"precious")
    wizard = FirstRunWizard(existing)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentPage() is wizard.folder_page
    assert "existe déjà" in wizard.folder_page.error_label.text()
    assert existing.read_bytes() == b"precious"


def test_unlock_wrong_then_right_passphrase(qtbot, store: Store, db_path: Path) -> None:
    store.close()
    before = db_path.read_bytes()
    dialog = UnlockDialog(db_path)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.passphrase_edit.setText("pas la bonne phrase")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.store is None
    assert dialog.error_label.isVisible()
    assert "incorrecte" in dialog.error_label.text()
    assert dialog.isVisible()  # the user can try again
    assert db_path.read_bytes() == before
    dialog.passphrase_edit.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.store is not None and dialog.store.cases.count() == 0
    assert dialog.attempts == 2
    dialog.store.close()


def test_every_view_of_the_navigation_opens_as_itself(qtbot, store: Store) -> None:
    """Each navigation entry shows its own page, titled as in the navigation."""
    window = MainWindow(make_context(store))
    qtbot.addWidget(window)
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles == [spec.title for spec in VIEWS]
    for row, spec in enumerate(VIEWS):
        window.navigation.setCurrentRow(row)
        page = window.stack.currentWidget()
        assert page is window.view(spec.key)
        assert page.accessibleName().startswith(spec.title)
        assert page.findChildren(QWidget)  # a real page, not an empty stand-in


def test_a_view_that_cannot_be_imported_fails_loudly(qtbot, store: Store, monkeypatch) -> None:
    """A broken build (a view module missing from a bundle) raises instead of a blank page."""
    import ecoute_desktop.ui.window.main_window as main_window_module

    broken = [
        ViewSpec(s.key, s.title, s.module + ("_missing" if s.key == "agenda" else ""))
        for s in VIEWS
    ]
    monkeypatch.setattr(main_window_module, "VIEWS", broken)
    window = MainWindow(make_context(store))
    qtbot.addWidget(window)
    with pytest.raises(ModuleNotFoundError):
        window.view("agenda")


def test_text_size_is_applied_and_remembered(qtbot, store: Store) -> None:
    window = MainWindow(make_context(store))
    qtbot.addWidget(window)
    window.set_text_scale(100)
    base = QApplication.font().pointSizeF()  # at 100 % (never below 10 pt)
    assert base >= 10
    window.set_text_scale(200)
    assert QApplication.font().pointSizeF() == base * 2
    assert text_size.saved_scale() == 200
    assert window.size_actions[200].isChecked()
    window.set_text_scale(100)
    assert text_size.saved_scale() == 100


def test_lock_shortcut_asks_the_application_to_lock(qtbot, store: Store) -> None:
    window = MainWindow(make_context(store))
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.lock_requested, timeout=2000):
        window.lock_action.trigger()
    assert window.lock_action.shortcut().toString() == "Ctrl+L"


def test_typing_the_passphrase_and_pressing_enter_opens_the_base(
    qtbot, store: Store, db_path: Path
) -> None:
    """The first thing every user does, every day: type the passphrase, press Enter."""
    store.close()
    dialog = UnlockDialog(db_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.passphrase_edit.setFocus()
    qtbot.keyClicks(dialog.passphrase_edit, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.store is not None
    dialog.store.close()
