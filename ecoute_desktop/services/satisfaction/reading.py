"""Reading a Framaforms download as rows of text: delimited text (any separator) or .xlsx.

Delimited text: UTF-8 with or without BOM, else Windows-1252; the separator is the
one of tab, `,`, `;`, `|` that splits the first records into the same, largest number
of columns. Excel: read with openpyxl (read-only), every cell turned into the text
Framaforms would have written (dates as `m/d/Y - H:i`).
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ecoute_desktop.services.csv_import.reading import ImportFileError, decode
from ecoute_desktop.services.os_errors import os_error_reason

SEPARATORS: tuple[str, ...] = ("\t", ",", ";", "|")
SEPARATOR_NAMES = {"\t": "tabulation", ",": "virgule", ";": "point-virgule", "|": "barre verticale"}
MAX_BYTES = 30 * 1024 * 1024  # years of answers fit in well under 1 MB
MAX_CELLS = 2_000_000
_SAMPLE_RECORDS = 8
XLSX_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True, slots=True)
class Row:
    """One record: the line it starts on (1 = first line of the file) and its cells."""

    line: int
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Sheet:
    """A download read as text rows, and how it was read (said to the user)."""

    name: str
    rows: tuple[Row, ...]
    how: str  # « texte délimité (tabulation), UTF-8 » or « Excel (.xlsx) »


def read_sheet(path: Path | str) -> Sheet:
    """Read a download; ImportFileError (French, naming the file) when it cannot be used."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ImportFileError(f"{path} : fichier trop volumineux pour un questionnaire")
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(f"{path} : fichier introuvable") from None
    except IsADirectoryError:
        raise ImportFileError(f"{path} : c'est un dossier, pas un fichier") from None
    except OSError as error:
        raise ImportFileError(f"{path} : fichier illisible ({os_error_reason(error)})") from None
    try:
        if data.startswith(XLSX_MAGIC):
            return _read_xlsx(data, path.name)
        return parse_delimited(data, path.name)
    except ImportFileError as error:
        raise ImportFileError(f"{path} : {error}") from None


def parse_delimited(data: bytes, name: str = "") -> Sheet:
    """Decode and split delimited text, keeping each record's first line number."""
    if not data.strip():
        raise ImportFileError("fichier vide")
    text, encoding = decode(data)
    separator = detect_separator(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    rows: list[Row] = []
    consumed = 0
    cells = 0
    try:
        for record in reader:
            start, consumed = consumed + 1, reader.line_num
            cells += len(record)
            if cells > MAX_CELLS:
                raise ImportFileError("fichier trop volumineux pour un questionnaire")
            rows.append(Row(start, tuple(record)))
    except csv.Error:
        raise ImportFileError(
            f"ligne {consumed + 1} : texte délimité mal formé (guillemet non fermé ou mal placé ?)"
        ) from None
    return Sheet(name, tuple(rows), f"texte délimité ({SEPARATOR_NAMES[separator]}), {encoding}")


def detect_separator(text: str) -> str:
    """The separator splitting the first records into the most columns, consistently."""
    best, best_score = SEPARATORS[0], (-1, -1)
    for separator in SEPARATORS:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
        widths: list[int] = []
        try:
            for record in reader:
                if any(cell.strip() for cell in record):
                    widths.append(len(record))
                if len(widths) >= _SAMPLE_RECORDS:
                    break
        except csv.Error:
            continue
        if not widths:
            continue
        most = max(widths)
        # Header rows above the labels may be short; the labels row and the data agree.
        score = (widths.count(most) if most > 1 else 0, most)
        if score > best_score:
            best, best_score = separator, score
    return best


def _read_xlsx(data: bytes, name: str) -> Sheet:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise ImportFileError("classeur Excel illisible (fichier .xlsx abîmé ?)") from None
    try:
        sheet = book.worksheets[0] if book.worksheets else None
        if sheet is None:
            raise ImportFileError("classeur Excel sans feuille")
        rows: list[Row] = []
        cells = 0
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells += len(values)
            if cells > MAX_CELLS:
                raise ImportFileError("fichier trop volumineux pour un questionnaire")
            rows.append(Row(number, tuple(_cell_text(v) for v in values)))
    finally:
        book.close()
    while rows and not any(c.strip() for c in rows[-1].cells):
        rows.pop()
    if not rows:
        raise ImportFileError("classeur Excel vide")
    return Sheet(name, tuple(rows), "Excel (.xlsx)")


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%m/%d/%Y - %H:%M")
    if isinstance(value, date):
        return value.strftime("%m/%d/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
