"""A read-only QAbstractTableModel over plain rows, described column by column."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

Row = TypeVar("Row")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2

_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[Row]):
    """How one column shows, sorts and colours a row."""

    header: str
    text: Callable[[Row], str]
    sort_key: Callable[[Row], Any] | None = None
    colour: Callable[[Row], QColor | None] | None = None
    tooltip: Callable[[Row], str] | None = None
    bold: Callable[[Row], bool] | None = None


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """Rows are plain objects (store query results); the model never queries anything."""

    def __init__(self, columns: Sequence[Column[Row]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[Row] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # ---- content -------------------------------------------------------
    @property
    def sort_order(self) -> tuple[int, Qt.SortOrder] | None:
        """The current sort (column, order), None before any."""
        return self._sort

    def set_rows(
        self, rows: Sequence[Row], sorted_by: tuple[int, Qt.SortOrder] | None = None
    ) -> None:
        """Replace every row, kept in the current sort order (not sorted again when
        `sorted_by` says they already are, by `sorted_rows` off the GUI thread)."""
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None and sorted_by != self._sort:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def sorted_rows(self, rows: list[Row], order: tuple[int, Qt.SortOrder] | None) -> list[Row]:
        """`rows` in the sort `order`, sorted as `set_rows` would (plain Python: a worker
        thread may call it; the column functions touch no widget)."""
        if order is not None and 0 <= order[0] < len(self._columns):
            spec = self._columns[order[0]]
            key = spec.sort_key or (lambda row: spec.text(row).casefold())
            return sorted(rows, key=key, reverse=order[1] == Qt.SortOrder.DescendingOrder)
        return rows

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python with one key per row (a proxy model would call data() n·log n times)."""
        if not 0 <= column < len(self._columns):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        before = list(self._rows)
        self._sort_rows(column, order)
        position = {id(row): number for number, row in enumerate(self._rows)}
        new = [self.index(position[id(before[i.row()])], i.column()) for i in old]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        spec = self._columns[column]
        key = spec.sort_key or (lambda row: spec.text(row).casefold())
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    def rows(self) -> list[Row]:
        return list(self._rows)

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    # ---- Qt model interface ---------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.text(row)
        if role == SORT_ROLE:
            return column.sort_key(row) if column.sort_key else column.text(row).casefold()
        if role == ROW_ROLE:
            return index.row()
        if role == Qt.ItemDataRole.ForegroundRole and column.colour:
            colour = column.colour(row)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip:
            return column.tooltip(row) or None
        if role == Qt.ItemDataRole.FontRole and column.bold and column.bold(row):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].header
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
