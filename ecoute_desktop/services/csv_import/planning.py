"""Checking every row of the spreadsheet and turning it into cases, without writing anything."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from ecoute_desktop.domain.models import Case
from ecoute_desktop.domain.taxonomy import fold
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.services.csv_import.building import COLUMNS, CaseBuilder
from ecoute_desktop.services.csv_import.reading import CsvRow, CsvTable, read_csv
from ecoute_desktop.services.csv_import.values import CellError, RowError, parse_reference
from ecoute_desktop.services.csv_import.vocabulary import Vocabulary
from ecoute_desktop.store import Store

REQUIRED: tuple[str, ...] = ("date_reception", "nom")


@dataclass(frozen=True, slots=True)
class PlannedCase:
    """A valid row and the case it will become."""

    line: int
    case: Case


@dataclass(slots=True)
class ImportPlan:
    """What importing a file would do; nothing is written until `apply_import`."""

    source: str
    separator: str
    encoding: str
    cases: list[PlannedCase] = field(default_factory=list)
    already_present: list[tuple[int, str]] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def bad_lines(self) -> list[int]:
        return sorted({error.line for error in self.errors})


def canonical_column(name: str) -> str:
    """`Date réception` → `date_reception`: header names compared without case or accents."""
    return "_".join(fold(name).replace("-", " ").split())


def parse_cases_csv(path: Path | str, store: Store, now: datetime | None = None) -> ImportPlan:
    """Read and check a whole file (ImportFileError if it cannot be read); writes nothing."""
    return plan_import(read_csv(path), store, now)


def plan_import(table: CsvTable, store: Store, now: datetime | None = None) -> ImportPlan:
    """Check every row of a decoded file against the store; writes nothing."""
    plan = ImportPlan(table.name, table.separator, table.encoding)
    columns = _check_header(table.header, plan.errors)
    if any(name not in columns.values() for name in REQUIRED):
        return plan
    me = store.people.me()
    builder = CaseBuilder(
        Vocabulary(store.themes.all(True), store.directory.all(True)),
        now or utc_now(),
        me.display_name if me else "Import",
    )
    read = [(row, _cells(row, table.header, columns, plan.errors)) for row in table.rows]
    rows = [(row, cells) for row, cells in read if cells is not None]
    references = _check_references(rows, plan.errors)
    present = store.cases.existing_references(set(references.values()))
    for row, cells in rows:
        reference = references.get(row.line)
        if reference in present:
            plan.already_present.append((row.line, reference))
            continue
        case = builder.build(row.line, cells, reference, plan.errors)
        if case is not None:
            plan.cases.append(PlannedCase(row.line, case))
    _skip_unreferenced_already_present(plan, store)
    plan.errors.sort(key=lambda e: (e.line, COLUMNS.index(e.column) if e.column in COLUMNS else -1))
    if plan.errors:
        plan.cases.clear()
    return plan


def _identity(case: Case) -> tuple[datetime, str, str]:
    return case.received_at, fold(case.member.nom), fold(case.member.prenom)


def _skip_unreferenced_already_present(plan: ImportPlan, store: Store) -> None:
    """Rows without a reference whose case exists (same receipt time and name) are skipped.

    Without this, importing the same sheet twice would duplicate every such row.
    """
    loose = [item.case for item in plan.cases if not item.case.reference]
    if not loose:
        return
    first = min(case.received_at for case in loose)
    last = max(case.received_at for case in loose) + timedelta(seconds=1)
    known = {_identity(case): case.reference for case in store.cases.received_between(first, last)}
    kept = []
    for item in plan.cases:
        reference = None if item.case.reference else known.get(_identity(item.case))
        if reference:
            plan.already_present.append((item.line, reference))
        else:
            kept.append(item)
    plan.cases = kept
    plan.already_present.sort()


def _check_header(header: tuple[str, ...], errors: list[RowError]) -> dict[int, str]:
    """Column index → contract name of the named, known columns; header problems to `errors`."""
    columns: dict[int, str] = {}
    for index, raw in enumerate(header):
        if not raw:
            continue
        name = canonical_column(raw)
        if name not in COLUMNS:
            errors.append(
                RowError(1, raw, f"colonne inconnue (colonnes possibles : {', '.join(COLUMNS)})")
            )
        elif name in columns.values():
            errors.append(RowError(1, raw, "colonne en double"))
        else:
            columns[index] = name
    for name in REQUIRED:
        if name not in columns.values():
            errors.append(RowError(1, name, "colonne obligatoire absente de l'en-tête"))
    return columns


def _cells(
    row: CsvRow, header: tuple[str, ...], columns: dict[int, str], errors: list[RowError]
) -> dict[str, str] | None:
    """The row's values by column name, or None for a blank row (skipped)."""
    if not any(cell.strip() for cell in row.cells):
        return None
    cells = dict.fromkeys(COLUMNS, "")
    for index, raw in enumerate(row.cells):
        value = raw.strip()
        if index in columns:
            cells[columns[index]] = value
        elif value and index >= len(header):
            errors.append(
                RowError(
                    row.line,
                    None,
                    f"{len(row.cells)} valeurs pour {len(header)} colonnes d'en-tête"
                    " (séparateur dans une valeur sans guillemets ?)",
                )
            )
            break
        elif value and not header[index]:
            errors.append(
                RowError(
                    row.line, None, f"valeur dans la colonne n° {index + 1}, sans nom d'en-tête"
                )
            )
    return cells


def _check_references(
    rows: list[tuple[CsvRow, dict[str, str]]], errors: list[RowError]
) -> dict[int, str]:
    """Line → normalised reference for the rows that give a valid one; duplicates reported."""
    references: dict[int, str] = {}
    first_line: dict[str, int] = {}
    for row, cells in rows:
        try:
            reference = parse_reference(cells["reference"])
        except CellError as error:
            errors.append(RowError(row.line, "reference", str(error)))
            continue
        if reference is None:
            continue
        if reference in first_line:
            reason = f"référence {reference} déjà donnée ligne {first_line[reference]}"
            errors.append(RowError(row.line, "reference", reason))
            continue
        first_line[reference] = row.line
        references[row.line] = reference
    return references
