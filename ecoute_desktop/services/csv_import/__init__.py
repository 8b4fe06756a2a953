"""Import of the old spreadsheet (CSV): checked as a whole, then written in one transaction.

Use `parse_cases_csv(path, store)` to read and check a file (nothing is written; the
plan lists every bad row), then `apply_import(store, plan)` to create the cases.
"""

from ecoute_desktop.services.csv_import.applying import ImportResult, apply_import
from ecoute_desktop.services.csv_import.building import COLUMNS
from ecoute_desktop.services.csv_import.planning import (
    REQUIRED,
    ImportPlan,
    PlannedCase,
    parse_cases_csv,
    plan_import,
)
from ecoute_desktop.services.csv_import.reading import ImportFileError, read_csv
from ecoute_desktop.services.csv_import.values import RowError

__all__ = [
    "COLUMNS",
    "REQUIRED",
    "ImportFileError",
    "ImportPlan",
    "ImportResult",
    "PlannedCase",
    "RowError",
    "apply_import",
    "parse_cases_csv",
    "plan_import",
    "read_csv",
]
