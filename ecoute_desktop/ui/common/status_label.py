"""Status lines a screen reader announces without taking the focus (WCAG 4.1.3).

« Note enregistrée. », « Export enregistré : … », « Aperçu : rapport de mars 2026 »:
a sighted user sees the line change; `StatusLabel` also sends its new text to assistive
technologies as a polite announcement (Qt's QAccessibleAnnouncementEvent, an AT-SPI
announcement for Orca, a UIA notification for NVDA and Narrator).
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QTextDocumentFragment
from PySide6.QtGui import Qt as GuiQt  # Qt.mightBeRichText lives in QtGui
from PySide6.QtWidgets import QLabel, QWidget


def announce(widget: QWidget, text: str) -> None:
    """Have screen readers say `text` (rich text is read as its words), politely."""
    if not text.strip() or not QAccessible.isActive():
        return
    rich = GuiQt.mightBeRichText(text)
    words = QTextDocumentFragment.fromHtml(text).toPlainText() if rich else text
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, words))


class StatusLabel(QLabel):
    """A label whose every new, non-empty text is announced."""

    def setText(self, text: str) -> None:  # the slot, as called from Python
        changed = text != self.text()
        super().setText(text)
        if changed:
            announce(self, text)
