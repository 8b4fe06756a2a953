"""Small builders shared by pages and dialogs: the wait cursor, accept/reject buttons, scrolling."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


@contextlib.contextmanager
def wait_cursor() -> Iterator[None]:
    """The hourglass over the whole application while the block runs (restored on error)."""
    from PySide6.QtCore import Qt  # not at import: the unlock window needs no Qt enum

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
    scroll = QScrollArea()
    scroll.setWidget(content)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    # No Tab stop of its own: Tab goes to the controls inside, and Qt scrolls to them.
    from PySide6.QtCore import Qt

    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return scroll


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
