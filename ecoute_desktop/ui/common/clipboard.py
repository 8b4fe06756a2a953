"""Clipboard guard: whatever is copied from Écoute is cleared 30 s later if still there.

Any copy made inside the application (Ctrl+C in a field, a « Copier » button through
`copy_personal`) is noticed through `QClipboard.dataChanged` while Écoute owns the
clipboard, and remembered as ours. After `CLEAR_AFTER_MS`, or when the app locks,
the clipboard is emptied if it still holds that text; something the user copied
elsewhere in the meantime is never touched.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 30_000

_MODES = (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection)


class ClipboardGuard(QObject):
    """Remembers what Écoute put on the clipboard and clears it when due."""

    def __init__(self, clear_after_ms: int = CLEAR_AFTER_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ours: dict[QClipboard.Mode, str] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self.clear_if_ours)
        clipboard = QGuiApplication.clipboard()
        clipboard.dataChanged.connect(lambda: self._noticed(QClipboard.Mode.Clipboard))
        clipboard.selectionChanged.connect(lambda: self._noticed(QClipboard.Mode.Selection))

    def copy(self, text: str) -> None:
        """Put personal data on the clipboard, to be cleared after the delay."""
        QGuiApplication.clipboard().setText(text, QClipboard.Mode.Clipboard)
        self._remember(QClipboard.Mode.Clipboard, text)

    def _noticed(self, mode: QClipboard.Mode) -> None:
        clipboard = QGuiApplication.clipboard()
        owned = (
            clipboard.ownsClipboard()
            if mode is QClipboard.Mode.Clipboard
            else clipboard.ownsSelection()
        )
        text = clipboard.text(mode)
        if owned and text:
            self._remember(mode, text)

    def _remember(self, mode: QClipboard.Mode, text: str) -> None:
        self._ours[mode] = text
        self._timer.start()

    @property
    def pending(self) -> bool:
        return bool(self._ours)

    def clear_if_ours(self) -> None:
        """Empty the clipboard (and X11 selection) if they still hold our text."""
        self._timer.stop()
        clipboard = QGuiApplication.clipboard()
        for mode, text in list(self._ours.items()):
            if clipboard.text(mode) == text:
                clipboard.clear(mode)
            del self._ours[mode]


_guard: ClipboardGuard | None = None


def guard() -> ClipboardGuard:
    """The application's one guard (created on first use, parented to the application)."""
    global _guard
    if _guard is None:
        _guard = ClipboardGuard(parent=QGuiApplication.instance())
    return _guard


def copy_personal(text: str) -> None:
    """Copy personal data (a phone number, an e-mail…); cleared after 30 s if unchanged."""
    guard().copy(text)
