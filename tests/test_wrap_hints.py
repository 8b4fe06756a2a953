"""The agenda's wrapped cells are measured once per text, font and width (issue 21).

Counted, not timed: fitting the columns asks every cell's size hint again and again;
the second round measures nothing new, a wider column measures again (its lines
change), and the heights still follow the width (narrower: taller rows).
"""

from __future__ import annotations

from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QTreeView

from ecoute_desktop.ui.common.wrap_delegate import WrapDelegate

TEXT = "Rendez-vous avec un adhérent de la communauté de communes, à rappeler"


def test_hints_are_measured_once_per_text_and_width(qtbot) -> None:
    model = QStandardItemModel()
    for row in range(200):
        model.appendRow([QStandardItem(f"{row:02d} h"), QStandardItem(f"{TEXT} {row % 5}")])
    view = QTreeView()
    view.setModel(model)
    qtbot.addWidget(view)
    delegate = WrapDelegate.follow(view, [1])
    view.header().resizeSection(1, 200)
    view.resize(500, 400)
    view.show()
    view.sizeHintForColumn(1)
    first = delegate.measured
    assert 0 < first <= 10  # five different texts at one width
    view.sizeHintForColumn(1)
    assert delegate.measured == first  # asked again: nothing measured
    narrow = view.sizeHintForRow(0)
    view.header().resizeSection(1, 600)
    wide = view.sizeHintForRow(0)
    assert delegate.measured > first and wide < narrow  # wider column: fewer lines
