"""The export preview at large text: one wrapped line per record instead of 13 columns.

At 200 % the 13 columns of « Exactement ce qui quittera cet ordinateur » are three
screens wide on a laptop; the same records read as « Mois : mars 2026 · Urgente : non ·
… », one per row, wrapped to the window (no sideways scrolling, WCAG 1.4.10). The
lines are computed from the table's model, so both always show the same records.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from ecoute_desktop.ui.common.table_model import RowTableModel
from ecoute_desktop.ui.common.wrap_delegate import WrapDelegate

_Index = QModelIndex | QPersistentModelIndex


class RecordLines(QAbstractListModel):
    """Each row of `source` as « header : value » pairs joined by « · »."""

    def __init__(self, source: RowTableModel[Any], parent: Any = None) -> None:
        super().__init__(parent)
        self._source = source
        source.modelAboutToBeReset.connect(self.beginResetModel)
        source.modelReset.connect(self.endResetModel)
        source.layoutChanged.connect(self.layoutChanged)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._source.rowCount()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        source = self._source
        horizontal = Qt.Orientation.Horizontal
        return " · ".join(
            f"{source.headerData(column, horizontal)} : {source.index(index.row(), column).data()}"
            for column in range(source.columnCount())
        )


def record_lines_view(source: RowTableModel[Any], name: str) -> QTreeView:
    """A one-column list of `source`'s rows, wrapped to its width, arrows inside, Tab out."""
    view = QTreeView()
    view.setModel(RecordLines(source, view))
    view.setAccessibleName(name)
    view.setRootIsDecorated(False)
    view.setHeaderHidden(True)
    view.setAlternatingRowColors(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.header().setStretchLastSection(True)
    WrapDelegate.follow(view, (0,))
    return view
