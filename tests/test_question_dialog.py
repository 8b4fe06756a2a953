"""Confirmation boxes: a long question wraps within the screen at 200 % (never cut), and
Enter or Escape on an irreversible action answers the safe button, not the action."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel

from ecoute_desktop.ui.common import prompts, text_size
from ecoute_desktop.ui.common.question_dialog import QuestionDialog
from tests.desk_support import isolated_settings  # noqa: F401

LONG = (
    "Effacer définitivement les données de Prénom NOMFICTIF ?\n\n"
    "Sollicitation(s) concernée(s) (même téléphone ou courriel) : 2026-0001, 2026-0120.\n\n"
    "Effacés : nom, prénom, fonction, collectivité, téléphone, courriel, notes d'appel,"
    " brouillons et commentaires de l'historique.\n"
    "Gardés, sans rien qui identifie l'adhérent : référence, dates, étapes, thématiques et"
    " orientations ; les statistiques anonymes ne changent pas.\n\n" * 3
)


def _answer(key: Qt.Key, seen: list[QuestionDialog]) -> None:
    def press() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QuestionDialog)
        seen.append(dialog)
        QApplication.processEvents()
        focus = QApplication.focusWidget() or dialog
        from PySide6.QtTest import QTest

        QTest.keyClick(focus, key)

    QTimer.singleShot(0, press)


def _text_fits(dialog: QuestionDialog) -> None:
    screen = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().width() <= screen.width()
    assert dialog.height() <= screen.height()
    label: QLabel = dialog.label
    viewport = dialog.scroll_area.viewport()
    assert label.wordWrap() and label.width() <= viewport.width()  # nothing cut at the right
    assert not dialog.scroll_area.horizontalScrollBar().isVisible()
    # the whole text is reachable: shown, or the vertical scroll bar is there
    assert label.height() >= label.heightForWidth(label.width())  # no line cut at the bottom
    fits = label.heightForWidth(label.width()) <= viewport.height()
    assert fits or dialog.scroll_area.verticalScrollBar().isVisible()
    assert dialog.accept_button.width() >= dialog.accept_button.sizeHint().width()


def test_enter_does_not_confirm_an_irreversible_action(qtbot) -> None:
    seen: list[QuestionDialog] = []
    _answer(Qt.Key.Key_Return, seen)
    assert prompts.confirm_action(None, "Effacer", LONG, "Effacer") is False
    assert seen[0].accept_button.text() == "Effacer"
    assert seen[0].reject_button.text() == "Annuler" and seen[0].reject_button.isDefault()
    _answer(Qt.Key.Key_Escape, seen)
    assert prompts.confirm_action(None, "Effacer", LONG, "Effacer") is False


def test_clicking_the_action_confirms(qtbot) -> None:
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().accept_button.click())
    assert prompts.confirm_action(None, "Restaurer", "Restaurer ?", "Restaurer") is True


def test_plain_question_still_answers_yes_on_enter(qtbot) -> None:
    seen: list[QuestionDialog] = []
    _answer(Qt.Key.Key_Return, seen)
    assert prompts.ask_yes_no(None, "Satisfaction", "Enregistrer ?") is True


def test_long_question_wraps_within_the_screen_at_200_percent(qtbot) -> None:
    text_size.apply_scale(200, remember=False)
    dialog = QuestionDialog(None, "Effacer", LONG, "Effacer", "Annuler", danger=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _text_fits(dialog)
    # a comfortable width is still used when the screen allows it
    assert dialog.label.width() > dialog.fontMetrics().averageCharWidth() * 25


def test_details_are_behind_a_button(qtbot) -> None:
    dialog = QuestionDialog(None, "Purger", "Purger ?", "Purger", "Annuler", danger=True,
                            details="2026-0001\n2026-0002")  # fmt: skip
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.details.isVisible()
    dialog.details_button.click()
    assert dialog.details.isVisible() and "2026-0002" in dialog.details.toPlainText()
