"""A read-only table of rows that opens a case on double-click or Enter."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ecoute_desktop.ui.common.table_model import RowTableModel


class ElideRightDelegate(QStyledItemDelegate):
    """A list (« Conflit, Hiérarchie, … ») keeps its first words when it does not fit;
    the table's middle elision suits names of places, not lists."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = Qt.TextElideMode.ElideRight


MEASURED_ROWS = 100


class RowTable(QTableView):
    """Table over a RowTableModel (which sorts itself); `on_open(row)` on activation."""

    def __init__(
        self,
        model: RowTableModel,
        on_open: Callable[[object], None] | None,
        accessible_name: str,
        parent: QWidget | None = None,
        sortable: bool = True,
    ) -> None:
        super().__init__(parent)
        self.source = model
        self.setModel(model)  # the model sorts itself: see RowTableModel.sort
        self.setAccessibleName(accessible_name)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(sortable)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._fit_row_height()
        self.horizontalHeader().setStretchLastSection(True)
        self.horizontalHeader().setHighlightSections(False)
        # Fitting columns reads the rows on screen and this many more, not the whole base
        # (10,000 cases: 56,000 data() calls and 0.6 s on the main thread).
        self.horizontalHeader().setResizeContentsPrecision(MEASURED_ROWS)
        self.verticalHeader().setResizeContentsPrecision(MEASURED_ROWS)
        self.setTabKeyNavigation(False)
        self._on_open = on_open
        self._width_fit: tuple[tuple[int, ...], tuple[int, ...]] | None = None
        self._content_widths: dict[int, int] | None = None  # measured once per content
        self._sample_widths: dict[int, int] | None = None  # from fit_columns, if called
        model.modelReset.connect(self._refit)  # sorting keeps the widths
        self.activated.connect(self._activated)

    def _fit_row_height(self) -> None:
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_row_height()
            self._sample_widths = None
            # Measure again now: a hidden table gets its font only when shown, after the
            # rows may have been measured in the old one (« 01/12/2…17 h 47 »).
            self._refit()

    def _forget_widths(self) -> None:
        self._content_widths = None

    def _refit(self) -> None:
        """New rows: measure again and, if kept within the width, fit again."""
        self._forget_widths()
        self._fit_width()

    def source_row(self, index: QModelIndex) -> object:
        return self.source.row_at(index.row())

    def _activated(self, index: QModelIndex) -> None:
        if self._on_open is not None and index.isValid():
            self._on_open(self.source_row(index))

    def open_row(self, visible_row: int) -> None:
        """Open the row shown at `visible_row` (what a double-click does)."""
        self._activated(self.source.index(visible_row, 0))

    def fit_columns(self, samples: list[str]) -> None:
        """Column widths from sample texts (and headers), so they follow the text size.

        Cheaper than measuring every row of a long list; with `keep_within_width` these
        widths are the ones shrunk or dropped to fit (a column without sample keeps
        its header's width)."""
        metrics = self.fontMetrics()
        style = self.style()
        margin = style.pixelMetric(style.PixelMetric.PM_HeaderMargin)
        padding = metrics.averageCharWidth() + 2 * margin
        header = self.horizontalHeader()
        mark = style.pixelMetric(style.PixelMetric.PM_HeaderMarkSize)
        widths = {}
        for column in range(self.source.columnCount()):
            title = str(self.source.headerData(column, Qt.Orientation.Horizontal) or "")
            sample = samples[column] if column < len(samples) else ""
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
            if header.isSortIndicatorShown() and column == header.sortIndicatorSection():
                width = max(width, metrics.horizontalAdvance(title) + mark + 2 * margin)
            widths[column] = width + padding
        if self._width_fit is not None:
            self._sample_widths = self._content_widths = widths
            self._fit_width()
            return
        for column, width in widths.items():
            if column < len(samples):
                self.setColumnWidth(column, width)

    def fit_to_contents(self) -> None:
        """Small tables: every column as wide as its content; height for all rows."""
        if self._width_fit is None:
            self.resizeColumnsToContents()
        rows = max(1, self.source.rowCount())
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        height += (
            sum(self.rowHeight(r) for r in range(rows))
            if self.source.rowCount()
            else (self.fontMetrics().height() + 10)
        )
        if self._width_fit is None:
            height += self.horizontalScrollBar().sizeHint().height()
        self.setFixedHeight(height)
        self._fit_width()

    def keep_within_width(
        self, elide: int | Sequence[int] | None, droppable: Sequence[int] = ()
    ) -> None:
        """Never scroll sideways: the `elide` column(s) shrink, the first one first (their
        text elided, down to about 14 characters), then the `droppable` columns are hidden,
        in that order, as the view narrows (large text); they come back when there is
        room. Refits on every resize. Put the full text of an elided column in its tooltip."""
        columns = () if elide is None else (elide,) if isinstance(elide, int) else elide
        self._width_fit = (tuple(columns), tuple(droppable))
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keeps « …de Valbourg »
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._fit_width()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._width_fit is not None and event.size().width() != event.oldSize().width():
            self._fit_width()

    def _fit_width(self) -> None:
        if self._width_fit is None:
            return
        elide, droppable = self._width_fit
        columns = range(self.source.columnCount())
        if self._content_widths is None:
            if self._sample_widths is not None:
                self._content_widths = self._sample_widths
            else:
                for column in columns:
                    self.setColumnHidden(column, False)
                self.resizeColumnsToContents()
                self._content_widths = {c: self.columnWidth(c) for c in columns}
        widths = self._content_widths
        available = self.viewport().width()
        floor = self.fontMetrics().averageCharWidth() * 14
        floors = {c: min(widths[c], floor) for c in elide}
        shown = set(columns)
        for column in droppable:
            saving = sum(widths[c] - floors[c] for c in elide if c in shown)
            if sum(widths[c] for c in shown) - saving <= available:
                break
            shown.discard(column)
        for column in columns:
            self.setColumnHidden(column, column not in shown)
            if column in shown:
                self.setColumnWidth(column, widths[column])
        shrinking = [c for c in elide if c in shown]
        if not shrinking:
            return
        excess = sum(widths[c] for c in shown) - available
        for column in shrinking:  # the first one gives up its width first
            cut = max(0, min(excess, widths[column] - floors[column]))
            self.setColumnWidth(column, widths[column] - cut)
            excess -= cut
        last_resort = self.fontMetrics().averageCharWidth() * 8
        for column in shrinking:  # still too wide (large text, small screen): below the floor
            if excess <= 0:
                break
            cut = max(0, min(excess, self.columnWidth(column) - last_resort))
            self.setColumnWidth(column, self.columnWidth(column) - cut)
            excess -= cut

    def sort_by(self, column: int, order: Qt.SortOrder) -> None:
        self.sortByColumn(column, order)
