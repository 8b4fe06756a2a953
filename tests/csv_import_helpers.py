"""Synthetic spreadsheet exports for the import tests (fictitious members only)."""

from __future__ import annotations

import codecs
import csv
import io
from datetime import UTC, datetime
from pathlib import Path

from ecoute_desktop.services.csv_import import COLUMNS

NOW = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)


def member(index: int = 1, **cells: str) -> dict[str, str]:
    """A fictitious row: the member's cells plus any others given."""
    row = {
        "nom": f"Testelin{index}",
        "prenom": "Zoé",
        "fonction": "Directrice des services techniques",
        "collectivite": "Commune de Fictiville",
        "telephone": f"06 39 98 {index % 100:02d} {(index * 7) % 100:02d}",
        "email": f"zoe.testelin{index}@example.org",
        "date_reception": "03/02/2025 09:15",
    }
    row.update(cells)
    return row


def write_csv(
    path: Path,
    rows: list[dict[str, str]],
    *,
    columns: list[str] | tuple[str, ...] = COLUMNS,
    separator: str = ";",
    encoding: str = "utf-8",
    bom: bool = False,
) -> Path:
    """Write `rows` under a header of `columns`, CRLF line ends as spreadsheets do."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(column, "") for column in columns])
    data = buffer.getvalue().encode(encoding)
    path.write_bytes((codecs.BOM_UTF8 if bom else b"") + data)
    return path
