"""Small-number suppression for cross-tables, with secondary suppression against subtraction.

Primary: every cell below the threshold (zero included) is shown as "< t", so a
reader only knows it lies in [0, t-1]. Secondary: a line (row or column) whose total
is known could reveal a small cell by subtraction; such a line gets extra hidden cells
("s", known only to be >= t) until no small non-zero value can be pinned down exactly.
A line that cannot be protected with its own cells has its total hidden instead, and
with it every total of the same direction (one hidden total could be recomputed from
the others and the grand total).
Column totals are treated as known whenever `cols_have_totals` is set, even when the
table shows them elsewhere (e.g. requests per month): the check is conservative.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

DEFAULT_THRESHOLD = 3

Line = tuple[str, int]  # ("row", i) or ("col", j)


class CellState(StrEnum):
    SHOWN = "shown"
    SMALL = "small"  # primary: below the threshold
    SECRET = "secret"  # secondary: hidden so that a small cell cannot be recovered


@dataclass(slots=True)
class Suppression:
    """Which cells (and line totals) of one table are hidden, and how to write them."""

    threshold: int
    states: list[list[CellState]]
    hidden_row_totals: set[int] = field(default_factory=set)
    hidden_col_totals: set[int] = field(default_factory=set)

    def cell_text(self, row: int, col: int, shown: str) -> str:
        """`shown` (the formatted value) unless the cell is hidden."""
        state = self.states[row][col]
        if state is CellState.SMALL:
            return small_label(self.threshold)
        if state is CellState.SECRET:
            return SECRET_LABEL
        return shown

    def hidden(self, row: int, col: int) -> bool:
        return self.states[row][col] is not CellState.SHOWN

    @property
    def any_hidden(self) -> bool:
        return any(state is not CellState.SHOWN for row in self.states for state in row)


SECRET_LABEL = "s"


def small_label(threshold: int) -> str:
    return f"< {threshold}"


def legend(threshold: int) -> str:
    """The French note printed under a table with hidden cells."""
    return (
        f"« {small_label(threshold)} » : moins de {threshold} sollicitations (zéro compris) ; "
        f"« {SECRET_LABEL} » : valeur masquée pour qu'une petite valeur ne puisse pas être "
        "retrouvée par soustraction d'un total."
    )


def suppress_small_cells(
    values: Sequence[Sequence[int]],
    threshold: int,
    rows_have_totals: bool = True,
    cols_have_totals: bool = True,
) -> Suppression:
    """Decide which cells of `values` to hide; threshold 0 (or less) hides nothing."""
    n_rows = len(values)
    n_cols = len(values[0]) if n_rows else 0
    if any(len(row) != n_cols for row in values):
        raise ValueError("rows of different lengths")
    states = [
        [
            CellState.SMALL if threshold > 0 and value < threshold else CellState.SHOWN
            for value in row
        ]
        for row in values
    ]
    result = Suppression(threshold, states)
    if threshold <= 0:
        return result
    lines: list[Line] = []
    if rows_have_totals:
        lines += [("row", i) for i in range(n_rows)]
    if cols_have_totals:
        lines += [("col", j) for j in range(n_cols)]
    given_up: set[Line] = set()
    while True:
        line = _exposed_line(values, states, [li for li in lines if li not in given_up], threshold)
        if line is None:
            break
        candidates = [
            cell for cell in _cells(line, n_rows, n_cols) if _state(states, cell) is CellState.SHOWN
        ]
        if not candidates:
            # Hiding one total is not enough: it equals the grand total minus the others.
            # Hide every total of that direction instead.
            given_up.update(li for li in lines if li[0] == line[0])
            continue
        row, col = min(
            candidates,
            key=lambda cell: (
                values[cell[0]][cell[1]],
                -_crossing_hidden(states, line, cell),
                cell,
            ),
        )
        states[row][col] = CellState.SECRET
    for kind, index in given_up:
        (result.hidden_row_totals if kind == "row" else result.hidden_col_totals).add(index)
    return result


def _cells(line: Line, n_rows: int, n_cols: int) -> list[tuple[int, int]]:
    kind, index = line
    if kind == "row":
        return [(index, j) for j in range(n_cols)]
    return [(i, index) for i in range(n_rows)]


def _state(states: list[list[CellState]], cell: tuple[int, int]) -> CellState:
    return states[cell[0]][cell[1]]


def _crossing_hidden(states: list[list[CellState]], line: Line, cell: tuple[int, int]) -> int:
    """Hidden cells on the other line through `cell` (prefer cells that protect both)."""
    row, col = cell
    if line[0] == "row":
        return sum(states[i][col] is not CellState.SHOWN for i in range(len(states)))
    return sum(state is not CellState.SHOWN for state in states[row])


def _exposed_line(
    values: Sequence[Sequence[int]],
    states: list[list[CellState]],
    lines: list[Line],
    threshold: int,
) -> Line | None:
    """A line through which a reader could pin down a small non-zero cell, or None.

    The reader's reasoning is bound propagation: a small cell lies in [0, t-1], another
    hidden cell in [t, ∞); each line's total tightens the bounds of its hidden cells,
    again and again until nothing changes. A small non-zero cell whose bounds meet is a
    leak, fixed in the line that pinned it.
    """
    n_rows, n_cols = len(values), len(values[0]) if values else 0
    infinity = sum(sum(row) for row in values) + threshold + 1
    bounds: dict[tuple[int, int], list[int]] = {}
    for i in range(n_rows):
        for j in range(n_cols):
            if states[i][j] is CellState.SMALL:
                bounds[(i, j)] = [0, threshold - 1]
            elif states[i][j] is CellState.SECRET:
                bounds[(i, j)] = [threshold, infinity]
    line_cells = {line: _cells(line, n_rows, n_cols) for line in lines}
    changed = True
    while changed:
        changed = False
        for line, cells in line_cells.items():
            hidden = [c for c in cells if c in bounds]
            if not hidden:
                continue
            rest = sum(values[r][c] for r, c in hidden)
            low_sum = sum(bounds[c][0] for c in hidden)
            high_sum = sum(bounds[c][1] for c in hidden)
            for cell in hidden:
                low, high = bounds[cell]
                new_low = max(low, rest - (high_sum - high))
                new_high = min(high, rest - (low_sum - low))
                if (new_low, new_high) == (low, high):
                    continue
                bounds[cell] = [new_low, new_high]
                changed = True
                pinned = new_low == new_high and values[cell[0]][cell[1]] > 0
                if pinned and states[cell[0]][cell[1]] is CellState.SMALL:
                    return line
                low_sum += new_low - low
                high_sum += new_high - high
    return None
