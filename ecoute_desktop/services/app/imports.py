"""Spreadsheet imports: cases from a CSV, questionnaire answers from Framaforms' CSV."""

from __future__ import annotations

from pathlib import Path

from ecoute_desktop.services import satisfaction_import
from ecoute_desktop.services.app.base import Area
from ecoute_desktop.services.app.events import CasesChanged
from ecoute_desktop.services.csv_import import (
    ImportPlan,
    ImportResult,
    apply_import,
    parse_cases_csv,
    plan_import,
)
from ecoute_desktop.services.csv_import.reading import CsvTable


class ImportService(Area):
    """Check a file first (read only), then write every row in one transaction."""

    def plan_cases(self, path: Path | str) -> ImportPlan:
        """What importing the file would do (ImportFileError when unusable)."""
        return parse_cases_csv(path, self._store)

    def check_cases(self, table: CsvTable) -> ImportPlan:
        """The same check, on a table already read (the command line reads it itself)."""
        return plan_import(table, self._store)

    def import_cases(self, plan: ImportPlan) -> ImportResult:
        """Create every planned case, all or nothing."""
        with self._tx.action(CasesChanged()):
            return apply_import(self._store, plan)

    def plan_satisfaction(self, path: Path | str) -> satisfaction_import.SatisfactionPlan:
        return satisfaction_import.read_satisfaction_csv(path, self._store)

    def check_satisfaction(self, table: CsvTable) -> satisfaction_import.SatisfactionPlan:
        return satisfaction_import.plan_satisfaction(table, self._store)

    def import_satisfaction(self, plan: satisfaction_import.SatisfactionPlan) -> int:
        """Record every score of a valid plan; the number of cases updated."""
        with self._tx.action(CasesChanged()):
            return satisfaction_import.apply_satisfaction(self._store, plan)
