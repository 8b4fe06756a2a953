"""Working without a mouse: Tab reaches every control, Enter opens, Escape closes, Ctrl+F searches.

Pins: pressing Tab from the case page's first control visits every visible, enabled
button, field, list and table of the case page at least once, in reading order (member
fields before the workflow, a note's « Modifier » before the new note, notes before
themes); Enter on a row of the Aujourd'hui tables opens that case; Escape closes the
dialogs (new case, templates, confirmation); Ctrl+F lands in the search field; every
toolbar action with a shortcut shows it in its tooltip.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTextEdit,
    QToolBar,
    QWidget,
)

from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.domain.workflow import Status
from ecoute_desktop.services.app import Services
from ecoute_desktop.store import Store
from ecoute_desktop.ui.case.case_view import CaseView
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.desk_support import add_case, isolated_settings, make_context  # noqa: F401

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QTextEdit,
    QPlainTextEdit,
    QAbstractItemView,
)


@pytest.fixture
def window(qtbot, store: Store) -> MainWindow:
    main = MainWindow(make_context(store))
    qtbot.addWidget(main)
    main.resize(1400, 900)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    return main


def tab_focusable(root: QWidget) -> list[QWidget]:
    """What Tab should reach: every visible, enabled control."""
    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or isinstance(widget, QHeaderView):
            continue
        if isinstance(widget.parent(), QComboBox | QLineEdit | QAbstractSpinBox):
            continue  # a control's own parts
        if isinstance(widget, QRadioButton) and not widget.isChecked():
            continue  # Tab enters a group of radio buttons on the chosen one, arrows move
        if widget.isVisibleTo(root) and widget.isEnabled():
            found.append(widget)  # a control Tab cannot reach (NoFocus) is a failure too
    return found


def tab_through(qtbot, start: QWidget, presses: int) -> list[QWidget]:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    visited = [start]
    for _ in range(presses):
        current = QApplication.focusWidget()
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    return visited


def test_tab_reaches_every_control_of_the_case_page(qtbot, window: MainWindow, store) -> None:
    case = add_case(store, "Fictif", utc_now() - timedelta(hours=3), note="Première note")
    for step in (Status.ACKNOWLEDGED, Status.SCHEDULED, Status.CALL_HELD):
        Services(store).cases.advance(case.id, step, "Moi")
    view = window.open_case(case.id)
    assert isinstance(view, CaseView)
    view.member_form.edits["nom"].setText("Fictif-modifié")  # enables « Enregistrer »
    view.member_form.save_button.setEnabled(True)
    expected = tab_focusable(view)
    assert len(expected) > 20
    visited = tab_through(qtbot, view.back_button, presses=len(expected) * 2 + 10)
    missing = [
        f"{type(w).__name__} « {w.accessibleName() or getattr(w, 'text', lambda: '')()} »"
        for w in expected
        if w not in visited
    ]
    assert missing == []
    order = [w for w in dict.fromkeys(visited) if w in expected]
    assert order.index(view.member_form.edits["nom"]) < order.index(view.workflow.next_button)
    # a note's « Modifier » (above the new note) before the new note
    assert order.index(view.notes.cards[0].edit_button) < order.index(view.notes.editor)
    assert order.index(view.notes.editor) < order.index(
        view.themes.findChildren(QAbstractButton)[0]
    )


def test_enter_opens_a_case_from_the_today_tables(qtbot, window: MainWindow, store) -> None:
    waiting = add_case(store, "Attente", utc_now() - timedelta(hours=2))
    held = add_case(store, "Rappel", utc_now() - timedelta(days=2))
    for step in (Status.ACKNOWLEDGED, Status.SCHEDULED, Status.CALL_HELD):
        Services(store).cases.advance(held.id, step, "Moi")
    window.context.events.cases_changed.emit()
    today = window.show_view("today")
    for table, case in ((today.ack_table, waiting), (today.call_table, held)):
        table.setFocus()
        table.setCurrentIndex(table.model().index(0, 0))
        with qtbot.waitSignal(window.context.events.open_case) as blocker:
            qtbot.keyClick(table, Qt.Key.Key_Return)
        assert blocker.args == [case.id]


def test_escape_closes_the_dialogs(qtbot, window: MainWindow, store) -> None:
    from ecoute_desktop.ui.case.confirmation_dialog import ConfirmationDialog
    from ecoute_desktop.ui.settings.templates_dialog import TemplatesDialog

    case = add_case(store, "Fictif", utc_now())
    dialogs: list[QDialog] = [
        window.new_case(),  # type: ignore[list-item]
        TemplatesDialog(window.context, window),
        ConfirmationDialog(window.context, case.id, window),
    ]
    for dialog in dialogs:
        dialog.show()
        qtbot.waitExposed(dialog)
        focus = dialog.focusWidget() or dialog
        qtbot.keyClick(focus, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda d=dialog: not d.isVisible())
        assert dialog.result() == QDialog.DialogCode.Rejected


def test_ctrl_f_lands_in_the_search_field(qtbot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    view = window.show_view("cases")
    qtbot.waitUntil(view.search_edit.hasFocus)


def test_ctrl_and_a_digit_jump_to_each_view(qtbot, window: MainWindow) -> None:
    """Ctrl+1 … Ctrl+7 open the views in the order of the navigation list."""
    from ecoute_desktop.ui.window.views import VIEWS

    assert len(VIEWS) == 7
    for number in (3, 7, 1, 5, 2, 6, 4):
        qtbot.keyClick(
            window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier
        )
        assert window.navigation.currentRow() == number - 1
        assert window.stack.currentWidget() is window.view(VIEWS[number - 1].key)


def test_the_guide_lists_every_shortcut(window: MainWindow) -> None:
    """Every keyboard shortcut of the main window is written in the guide (F1)."""
    import html
    import re

    from ecoute_desktop.resource_files import read_resource

    guide = html.unescape(re.sub(r"<[^>]+>", "", read_resource("help", "guide.html")))
    missing = []
    for action in window.actions():
        keys = action.shortcut().toString()
        if keys and keys.replace("Ctrl+=", "Ctrl++") not in guide:
            missing.append(f"{keys} ({action.text()})")
    assert missing == []


def test_shortcuts_are_shown_in_tooltips(window: MainWindow) -> None:
    (toolbar,) = window.findChildren(QToolBar)
    tips = {a.text(): toolbar.widgetForAction(a).toolTip() for a in toolbar.actions()}
    assert tips["Nouvelle sollicitation"] == "Nouvelle sollicitation (Ctrl+N)"
    assert tips["Rechercher"] == "Rechercher (Ctrl+F)"
    assert tips["Verrouiller"] == "Verrouiller (Ctrl+L)"


@pytest.mark.parametrize(
    "key", ["today", "cases", "agenda", "reports", "export", "coordination", "settings"]
)
def test_tab_reaches_every_control_of_each_view(qtbot, window: MainWindow, store, key) -> None:
    add_case(store, "Fictif", utc_now() - timedelta(hours=3))
    window.context.events.cases_changed.emit()
    view = window.show_view(key)
    window.context.runner.wait()
    qtbot.wait(1)
    expected = tab_focusable(view)
    visited = tab_through(qtbot, window.navigation, presses=len(expected) * 2 + 10)
    assert [type(w).__name__ + " " + w.accessibleName() for w in expected if w not in visited] == []


def test_tab_reaches_every_control_of_the_new_case_form(qtbot, window: MainWindow) -> None:
    dialog = window.new_case()
    qtbot.waitExposed(dialog)
    expected = tab_focusable(dialog)
    visited = tab_through(qtbot, expected[0], presses=len(expected) * 2 + 10)
    assert [type(w).__name__ + " " + w.accessibleName() for w in expected if w not in visited] == []


def test_tab_leaves_the_template_editors_without_typing_a_tab(qtbot, store) -> None:
    """Paramètres › Modèles: Tab moves on from each message text, which stays as it was."""
    from ecoute_desktop.ui.settings.templates_dialog import TemplatesDialog

    dialog = TemplatesDialog(make_context(store))
    qtbot.addWidget(dialog)
    dialog.show()
    for editor in (dialog.body_edit, dialog.charter_edit, dialog.q_body_edit):
        before = editor.toPlainText()
        editor.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(editor.hasFocus)
        qtbot.keyClick(editor, Qt.Key.Key_Tab)
        assert not editor.hasFocus(), editor.accessibleName()
        assert editor.toPlainText() == before


def test_tab_leaves_the_export_preview_table_in_one_press(qtbot, store) -> None:
    """The preview of what leaves the laptop (rows × columns of cells) is no Tab trap."""
    from ecoute_desktop.services.demo import populate
    from ecoute_desktop.ui.coordination.export_view import create_view

    populate(store, 12, date(2026, 1, 1), date(2026, 3, 31), seed=3)
    context = make_context(store)
    view = create_view(context, None)
    qtbot.addWidget(view)
    view.show()
    view.first.set_value("2026-01")
    view.last.set_value("2026-03")
    view.pseudonym.setText("Mésange")
    view.prepare_button.click()
    qtbot.waitUntil(lambda: view.model.rowCount() == 12)
    view.table.setFocus(Qt.FocusReason.TabFocusReason)
    view.table.setCurrentIndex(view.model.index(0, 0))
    qtbot.waitUntil(view.table.hasFocus)
    qtbot.keyClick(view.table, Qt.Key.Key_Tab)
    assert not view.table.hasFocus()
