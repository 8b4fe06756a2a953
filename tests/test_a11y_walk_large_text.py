"""The walk of tests/test_a11y_walk.py at 200 % text on a 1366×768 laptop.

Pins, on every view, view tab, case page and dialog (tests/a11y_screens.py): no label
or button is cut, no scroll bar runs sideways, no dialog is wider than the laptop, and a
control that takes the focus by Tab is never wholly out of sight (WCAG 2.4.11); the case
page, at each open step, shows its next step and the note editor without scrolling.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QLabel,
    QWidget,
)

from ecoute_desktop.store import Store
from ecoute_desktop.ui.common import text_size
from tests.a11y_screens import LAPTOP, SCREENS, Desk, make_desk
from tests.desk_support import isolated_settings  # noqa: F401
from tests.test_a11y_walk import describe
from tests.test_keyboard import tab_focusable


@pytest.fixture
def large(qtbot, store: Store, tmp_path: Path) -> Desk:
    text_size.apply_scale(200, remember=False)
    desk = make_desk(qtbot, store, tmp_path)
    QApplication.processEvents()
    yield desk
    for widget in QApplication.topLevelWidgets():
        if widget is not desk.window and widget.isVisible():
            widget.close()
    desk.context.runner.wait()
    text_size.apply_scale(100, remember=False)


def _scrolls_sideways(root: QWidget) -> list[str]:
    return [
        describe(area)
        for area in root.findChildren(QAbstractScrollArea)
        if area.isVisible() and area.horizontalScrollBar().isVisible()
    ]


def _cut(root: QWidget) -> list[str]:
    found = []
    for label in root.findChildren(QLabel):
        shown = label.isVisible() and not label.wordWrap() and label.text()
        if shown and label.minimumSizeHint().width() > label.width() + 1:
            found.append(f"label « {label.text()[:40]} »")
    for button in root.findChildren(QAbstractButton):
        if (
            button.isVisible()
            and button.text()
            and not isinstance(button.parent(), QAbstractItemView)
        ) and button.minimumSizeHint().width() > button.width() + 1:
            found.append(f"button « {button.text()} »")
    return found


@pytest.mark.parametrize("name", list(SCREENS))
def test_every_screen_at_200_percent_on_a_laptop(qtbot, large: Desk, name: str) -> None:
    root = SCREENS[name](large)
    window = root.window()
    wider = []
    if window is not large.window and isinstance(window, QDialog):  # within the laptop's screen
        screen = window.screen().availableGeometry()
        width, height = min(screen.width(), LAPTOP[0]), min(screen.height(), LAPTOP[1])
        window.resize(min(window.width(), width), min(window.height(), height))
        if window.width() > LAPTOP[0]:  # its minimum size does not let it shrink
            wider = [f"{describe(window)}: {window.width()} px"]
    for _ in range(3):
        QApplication.processEvents()
    found = {"cut": _cut(root), "sideways": _scrolls_sideways(root), "wider": wider}
    assert found == {"cut": [], "sideways": [], "wider": []}


def _in_sight(widget: QWidget, page: QWidget) -> bool:
    """Wholly inside the window and, in the scrolling page, inside its viewport."""
    viewport = page.scroll_area.viewport()  # type: ignore[attr-defined]
    area = viewport if viewport.isAncestorOf(widget) else page.window()
    corner = widget.mapTo(area, QPoint(0, 0))
    return widget.isVisible() and area.rect().contains(QRect(corner, widget.size()))


@pytest.mark.parametrize("step", ["received", "scheduled", "held"])
def test_the_case_page_shows_next_step_and_note_editor_at_200_percent(
    qtbot, large: Desk, step: str
) -> None:
    page = SCREENS[f"case-{step}"](large)
    for _ in range(3):
        QApplication.processEvents()
    steps = [page.workflow.next_button, *page.action_bar.mirrors()]  # type: ignore[attr-defined]
    assert any(_in_sight(b, page) and b.text() == page.workflow.next_button.text() for b in steps)  # type: ignore[attr-defined]
    assert _in_sight(page.notes.editor, page)  # type: ignore[attr-defined]


def test_the_export_preview_reads_as_wrapped_lines_at_200_percent(qtbot, large: Desk) -> None:
    """The same records as the table, each « Mois : … · Urgente : … », nothing sideways."""
    export = SCREENS["export"](large)
    lines, table = export.lines, export.table  # type: ignore[attr-defined]
    assert lines.isVisible() and not table.isVisible()
    model = lines.model()
    assert model.rowCount() == table.model().rowCount() > 0
    first = model.index(0, 0).data()
    assert "Mois : " in first and "Délai d'accusé : " in first
    text_size.apply_scale(100, remember=False)
    QApplication.processEvents()
    assert table.isVisible() and not lines.isVisible()


def _hidden_part(widget: QWidget) -> bool:
    """Entirely out of sight: outside its window, or scrolled out of a scroll area."""
    rect = QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())
    if not rect.intersects(widget.window().rect()):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            viewport = parent.viewport()
            inside = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
            if not inside.intersects(viewport.rect()):
                return True
        parent = parent.parentWidget()
    return False


@pytest.mark.parametrize("name", list(SCREENS))
def test_the_focused_control_is_never_hidden_at_200_percent(qtbot, large: Desk, name: str) -> None:
    """WCAG 2.4.11: Tab through the screen; each control, once focused, is in sight."""
    root = SCREENS[name](large)
    expected = tab_focusable(root)
    expected[0].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(expected[0].hasFocus)
    hidden = []
    for _ in range(len(expected) + 5):
        current = QApplication.focusWidget()
        QApplication.processEvents()
        if current in expected and _hidden_part(current):
            hidden.append(describe(current))
        qtbot.keyClick(current, Qt.Key.Key_Tab)
    assert hidden == []
