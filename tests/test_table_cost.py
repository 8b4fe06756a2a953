"""Fitting a list's columns reads what is on screen and a sample, not the whole base.

Counted in data() calls, not timed: with 5,000 rows, resizing every column to its
content reads at most the rows on screen plus `MEASURED_ROWS` per column (it read all
5,000 before). The cost of opening « Sollicitations » then stays flat as years of
cases pile up (issue 21; speed itself is measured by `make bench`).
"""

from __future__ import annotations

from ecoute_desktop.ui.common.case_table import MEASURED_ROWS, RowTable
from ecoute_desktop.ui.common.table_model import Column, RowTableModel

ROWS = 5_000


def test_fitting_columns_reads_a_sample_not_every_row(qtbot) -> None:
    reads = [0]

    def text(row: int) -> str:
        reads[0] += 1
        return f"ligne {row}"

    model = RowTableModel[int]([Column("Ligne", text), Column("Double", lambda r: str(2 * r))])
    model.set_rows(list(range(ROWS)))
    table = RowTable(model, None, "Essai")
    qtbot.addWidget(table)
    table.resize(600, 400)
    table.show()
    reads[0] = 0
    table.resizeColumnsToContents()
    on_screen = table.viewport().height() // table.rowHeight(0) + 2
    assert 0 < reads[0] <= (on_screen + MEASURED_ROWS + 1) * 2  # display and size hints
