"""The rubrics of Paramètres: a list of names on the left choosing the page on the right.

A tab bar no longer fit at 200 % text on a 1366×768 laptop (it scrolled sideways, hiding
rubrics behind arrows); a vertical list keeps every name in sight. Tab reaches the list, the
arrows change the rubric, and Ctrl+Tab / Ctrl+Page suivante (with Maj / Page précédente to go
back) move between rubrics from anywhere in Paramètres, as they did between tabs.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QStackedWidget,
    QWidget,
)

from ecoute_desktop.ui.common.widget_kit import scrolling

NEXT_KEYS = ("Ctrl+Tab", "Ctrl+PgDown")
PREVIOUS_KEYS = ("Ctrl+Shift+Tab", "Ctrl+Backtab", "Ctrl+PgUp")


class RubricList(QListWidget):
    """As wide as the longest rubric name at the current text size, never scrolled sideways."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setSpacing(2)  # rows of at least 24 px at 100 %, apart from each other

    def fit(self) -> None:
        metrics = self.fontMetrics()
        texts = [self.item(row).text() for row in range(self.count())] or [""]
        widest = max(metrics.horizontalAdvance(text) for text in texts)
        self.setFixedWidth(widest + metrics.averageCharWidth() * 2 + 2 * self.frameWidth())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.fit()


class Rubrics(QWidget):
    """`list` (the names) drives `stack` (each page in its own scroll area)."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = RubricList()
        self.list.setAccessibleName(accessible_name)
        self.stack = QStackedWidget()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 0)
        layout.addWidget(self.stack, 1)
        self.list.currentRowChanged.connect(self._show_row)
        for keys, step in ((NEXT_KEYS, 1), (PREVIOUS_KEYS, -1)):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(lambda s=step: self.step(s))

    def add(self, page: QWidget, title: str, full_title: str) -> QScrollArea:
        """`page`, scrolling, under the name `title`; `full_title` is its tooltip and name."""
        scroll = scrolling(page)
        scroll.setAccessibleName(full_title)
        self.stack.addWidget(scroll)
        item = QListWidgetItem(title)
        item.setToolTip(full_title)
        self.list.addItem(item)
        self.list.fit()
        if self.list.currentRow() < 0:
            self.list.setCurrentRow(0)
        return scroll

    def count(self) -> int:
        return self.list.count()

    def title(self, index: int) -> str:
        return self.list.item(index).text()

    def titles(self) -> list[str]:
        return [self.title(index) for index in range(self.count())]

    def current_index(self) -> int:
        return self.list.currentRow()

    def current_title(self) -> str:
        return self.title(self.current_index())

    def current_scroll(self) -> QScrollArea | None:
        scroll = self.stack.currentWidget()
        return scroll if isinstance(scroll, QScrollArea) else None

    def set_current(self, index: int) -> None:
        self.list.setCurrentRow(index)

    def page_holding(self, widget: QWidget) -> int:
        """The index of the rubric whose page is or holds `widget`; -1 if none."""
        for index in range(self.stack.count()):
            scroll = self.stack.widget(index)
            inner = scroll.widget() if isinstance(scroll, QScrollArea) else None
            if inner is not None and (inner is widget or inner.isAncestorOf(widget)):
                return index
        return -1

    def step(self, direction: int) -> None:
        """The next (1) or previous (-1) rubric, round from the last to the first."""
        if self.count():
            # A focus inside the page left goes to the new page's first control (QStackedWidget)
            self.set_current((self.current_index() + direction) % self.count())

    def _show_row(self, row: int) -> None:
        if row >= 0:
            self.stack.setCurrentIndex(row)
