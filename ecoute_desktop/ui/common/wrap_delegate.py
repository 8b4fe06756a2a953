"""An item delegate that wraps long text in chosen columns and gives the row the height it needs."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import QHeaderView, QStyledItemDelegate, QStyleOptionViewItem, QTreeView

MAX_HINTS = 20_000


class WrapDelegate(QStyledItemDelegate):
    """Size hints measured at the column's real width, so wrapped lines are never cut.

    Tree views ask for row heights with an unknown width (one line); this delegate
    measures the text of `columns` at the header's section width instead (the width
    hint stays the unwrapped one). Use `follow(view, columns)` so rows are laid out
    again when a column changes width.

    Measuring wrapped text is costly and fitting the agenda's columns asks for every
    cell's hint several times (about 2,500 measures per week, issue 21): hints are kept
    by text, font and width, so a question asked again costs a dictionary look-up.
    """

    def __init__(self, view: QTreeView, columns: Iterable[int]) -> None:
        super().__init__(view)
        self._view = view
        self._columns = frozenset(columns)
        self._hints: dict[tuple[object, ...], QSize] = {}
        self.measured = 0  # how many hints were really measured (tests count them)

    @classmethod
    def follow(cls, view: QTreeView, columns: Iterable[int]) -> WrapDelegate:
        delegate = cls(view, columns)
        view.setItemDelegate(delegate)
        view.setWordWrap(True)
        view.setUniformRowHeights(False)
        header: QHeaderView = view.header()
        header.sectionResized.connect(delegate._on_section_resized)
        return delegate

    def _on_section_resized(self, column: int, _old: int, _new: int) -> None:
        if column in self._columns:
            self._view.doItemsLayout()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        if index.column() not in self._columns:
            return super().sizeHint(option, index)
        width = self._view.header().sectionSize(index.column())
        if index.column() == 0:
            depth, parent = 0, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= self._view.indentation() * (depth + int(self._view.rootIsDecorated()))
        key = (
            index.data(),
            index.data(Qt.ItemDataRole.FontRole),
            option.font.key(),
            width,
        )
        hint = self._hints.get(key)
        if hint is None:
            if len(self._hints) > MAX_HINTS:
                self._hints.clear()
            hint = self._hints[key] = self._measure(option, index, width)
        return QSize(hint)

    def _measure(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex, width: int
    ) -> QSize:
        self.measured += 1
        measured = QStyleOptionViewItem(option)
        measured.rect = QRect(0, 0, max(width, 1), 1)
        measured.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        wrapped = super().sizeHint(measured, index)
        natural = super().sizeHint(option, index)  # lets "resize to contents" still work
        return QSize(natural.width(), max(wrapped.height(), natural.height()))
