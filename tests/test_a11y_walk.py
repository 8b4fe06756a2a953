"""A walk through every view, view tab, case page and dialog (tests/a11y_screens.py).

Pins, on each screen: pressing Tab from its first control reaches every visible, enabled
control, and each control gives the focus up after one press (a table moves inside with
the arrows, an editor takes Tab as a move: no trap); every control has a name a screen
reader can say and every combo box a label; focus is visible: each control's pixels
differ with and without the focus; no hidden button is a default button (it would take
Enter away); every control is at least 24×24 px at 100 % (WCAG 2.5.8). Every QDialog
subclass of the desk is in the walk. The same screens at 200 % text:
tests/test_a11y_walk_large_text.py.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QDialog,
    QPushButton,
    QWidget,
)

import ecoute_desktop.ui as ui
from ecoute_desktop.store import Store
from ecoute_desktop.ui.common import text_size
from tests.a11y_screens import DIALOG_CLASSES, SCREENS, Desk, make_desk
from tests.desk_support import isolated_settings  # noqa: F401
from tests.test_accessible_names import unlabelled_combos, unnamed
from tests.test_keyboard import tab_focusable


@pytest.fixture
def desk(qtbot, store: Store, tmp_path: Path) -> Desk:
    text_size.apply_scale(100, remember=False)  # the app's style and its focus ring, at start
    made = make_desk(qtbot, store, tmp_path)
    yield made
    for widget in QApplication.topLevelWidgets():
        if widget is not made.window and widget.isVisible():
            widget.close()
    made.context.runner.wait()


def describe(widget: QWidget) -> str:
    text = getattr(widget, "text", lambda: "")()
    return f"{type(widget).__name__} « {widget.accessibleName() or text} »"


def walk(qtbot, root: QWidget) -> dict[str, list[str]]:
    """Tab through `root`'s window from its first control; what went wrong, by kind."""
    expected = tab_focusable(root)
    assert expected, "a screen with no control"
    expected[0].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(expected[0].hasFocus)
    focused_image = {}
    visited: list[QWidget] = []
    traps, unseen = [], []
    for _ in range(len(expected) * 2 + 10):
        current = QApplication.focusWidget()
        assert current is not None
        if current not in focused_image:
            focused_image[current] = current.grab().toImage()
        visited.append(current)
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        after = QApplication.focusWidget()
        if after is current and len(expected) > 1 and current in expected:
            traps.append(describe(current))
        if current in expected and focused_image.get(current) is not None:
            if current.grab().toImage() == focused_image[current]:
                unseen.append(describe(current))
            focused_image[current] = None  # compared once
        if all(w in visited for w in expected) and after is expected[0]:
            break
    return {
        "not reached by Tab": [describe(w) for w in expected if w not in visited],
        "Tab trap": sorted(set(traps)),
        "focus not visible": sorted(set(unseen)),
    }


def small_targets(root: QWidget) -> list[str]:
    """Controls under 24×24 px (WCAG 2.5.8), lists and tables aside (their rows are)."""
    return [
        f"{describe(w)} {w.width()}×{w.height()}"
        for w in tab_focusable(root)
        if not isinstance(w, QAbstractItemView | QAbstractScrollArea)
        and (w.width() < 24 or w.height() < 24)
    ]


def hidden_defaults(root: QWidget) -> list[str]:
    return [
        describe(b)
        for b in root.window().findChildren(QPushButton)
        if b.isDefault() and not b.isVisible()
    ]


@pytest.mark.parametrize("name", list(SCREENS))
def test_every_screen_by_keyboard_and_screen_reader(qtbot, desk: Desk, name: str) -> None:
    root = SCREENS[name](desk)
    problems = walk(qtbot, root)
    problems["no name"] = unnamed(root)
    problems["combo box without a label"] = unlabelled_combos(root)
    problems["hidden default button"] = hidden_defaults(root)
    problems["target under 24 px"] = small_targets(root)
    assert {kind: found for kind, found in problems.items() if found} == {}


def test_every_dialog_class_is_walked() -> None:
    found = set()
    for info in pkgutil.walk_packages(ui.__path__, "ecoute_desktop.ui."):
        module = importlib.import_module(info.name)
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__ == info.name:
                found.add(name)
    assert found - DIALOG_CLASSES == set()
