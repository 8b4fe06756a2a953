"""Small builders shared by pages and dialogs: the wait cursor, accept/reject buttons, scrolling."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:  # the unlock window imports this module: their enums come later
    from PySide6.QtWidgets import QAbstractSpinBox, QScrollArea


@contextlib.contextmanager
def wait_cursor() -> Iterator[None]:
    """The hourglass over the whole application while the block runs (restored on error)."""
    # Not at import: the unlock window imports this module, and touching the Qt namespace
    # creates its ~100 enums (~20 ms of the start, issue 16).
    from PySide6.QtCore import Qt

    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


def accept_reject_buttons(
    accept: tuple[str, str, Callable[[], object]],
    reject: tuple[str, str, Callable[[], object]],
    default: bool = False,
) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """A button box with an accept and a reject button, each `(text, accessible name, slot)`.

    With `default`, Enter anywhere in the window presses the accept button.
    """
    box = QDialogButtonBox()
    buttons = []
    for (text, name, slot), role in (
        (accept, QDialogButtonBox.ButtonRole.AcceptRole),
        (reject, QDialogButtonBox.ButtonRole.RejectRole),
    ):
        button = box.addButton(text, role)
        button.setAccessibleName(name)
        button.clicked.connect(slot)
        buttons.append(button)
    if default:
        buttons[0].setDefault(True)
    return box, buttons[0], buttons[1]


def scrolling(content: QWidget) -> QScrollArea:
    """`content` in a frameless scroll area: at 200 % text the page scrolls, nothing is crushed."""
    from PySide6.QtCore import Qt  # not at import (see wait_cursor)
    from PySide6.QtWidgets import QFrame, QScrollArea

    scroll = QScrollArea()
    scroll.setWidget(content)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    # No Tab stop of its own: Tab goes to the controls inside, and they are scrolled to.
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    follow_focus(scroll)
    return scroll


class _FocusFollower(QObject):
    """Scrolls `scroll` to the control that takes the focus inside it."""

    def __init__(self, scroll: QScrollArea) -> None:
        super().__init__(scroll)
        self.scroll = scroll
        app = QGuiApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.follow)

    def follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        try:
            content = self.scroll.widget()
            if new is not None and content is not None and content.isAncestorOf(new):
                self.scroll.ensureWidgetVisible(new, 0, new.fontMetrics().lineSpacing() // 2)
        except RuntimeError:  # the page is being destroyed (its focus cleared on the way)
            return


def follow_focus(scroll: QScrollArea) -> None:
    """Whatever brings the focus into the page (Tab from outside it, Shift+Tab, a
    shortcut), the focused control is scrolled into sight (WCAG 2.4.11); Qt does it
    only for Tab presses made inside the page."""
    _FocusFollower(scroll)


def fill_with_scrolling(owner: QWidget, page: QWidget) -> QScrollArea:
    """Make `page`, in a scroll area, the whole of `owner` (no margin around it)."""
    scroll = scrolling(page)
    outer = QVBoxLayout(owner)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return scroll


def page_title(text: str) -> QLabel:
    """The title of a main view, in the same style everywhere (« Aujourd'hui », « Agenda »…)."""
    label = QLabel(f"<h1>{text}</h1>")
    label.setWordWrap(True)
    label.setAccessibleName(text)
    label.setProperty("page_title", True)
    return label


def emphasize(button: QWidget) -> None:
    """Bold text without a style sheet: a style sheet would replace the style's drawing,
    its 2 px focus ring included. Only the weight is set; the size follows the text size."""
    font = QFont()
    font.setBold(True)
    button.setFont(font)


class _TabLeaves(QObject):
    """Tab and Shift+Tab move on to the next control instead of the next date section."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        from PySide6.QtCore import Qt  # not at import (see wait_cursor)
        from PySide6.QtGui import QKeyEvent

        assert isinstance(event, QKeyEvent)

        modifiers = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
        if event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) or modifiers:
            return False
        forward = event.key() == Qt.Key.Key_Tab and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        )
        candidate: QWidget | None = watched
        while True:
            assert candidate is not None  # the focus chain is a ring
            candidate = (
                candidate.nextInFocusChain() if forward else candidate.previousInFocusChain()
            )
            if candidate is None or candidate is watched:
                return False
            if (
                candidate.window() is watched.window()
                and not watched.isAncestorOf(candidate)
                and candidate.isVisible()
                and candidate.isEnabled()
                and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus
                and candidate.focusProxy() is None
            ):
                candidate.setFocus(
                    Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
                )
                return True


def tab_leaves(*edits: QAbstractSpinBox) -> None:
    """A date or time field takes one Tab stop, like every field: Qt's own Tab walks its
    day, month, year, hours and minutes first (up to five presses to leave, issue 20).
    Inside it, Left and Right move between the parts, Up and Down change them."""
    for edit in edits:
        keeper = _TabLeaves(edit)
        edit.installEventFilter(keeper)
