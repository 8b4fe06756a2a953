"""Run something once a window has been painted for the first time: the user sees it.

The start (issue 16) shows the unlock window first and loads the rest once it is drawn:
the focus-ring style, and `make bench`'s close (`--close-when-shown`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    """Watches `widget` until its first paint, then queues each callback in turn."""

    def __init__(self, widget: QWidget, callbacks: tuple[Callable[[], object], ...]) -> None:
        super().__init__(widget)
        self._callbacks = callbacks
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            for callback in self._callbacks:  # once the paint is done, in the order given
                QTimer.singleShot(0, callback)
        return False


def after_first_paint(widget: QWidget, *callbacks: Callable[[], object]) -> None:
    """Queue `callbacks` (in order) for the event loop's turn after `widget`'s first paint."""
    _FirstPaint(widget, callbacks)
