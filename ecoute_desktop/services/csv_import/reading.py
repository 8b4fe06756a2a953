"""Reading a spreadsheet export: encoding, separator, and rows with their physical line numbers."""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ecoute_desktop.services.os_errors import os_error_reason

SEPARATORS: tuple[str, ...] = (";", ",")
_C_LONG_MAX = 2**31 - 1  # csv.field_size_limit takes a C long (32 bits on Windows)
# Excel writes `sep=;` as the first line of some CSV exports (sometimes quoted).
_EXCEL_SEPARATOR = re.compile(r'\s*"?sep=([^"\r\n])"?\s*', re.IGNORECASE)


class ImportFileError(Exception):
    """The file itself cannot be used (missing, unreadable, empty, undecodable); French text."""


@dataclass(frozen=True, slots=True)
class CsvRow:
    """One record of the file: the physical line it starts on (header = 1) and its cells."""

    line: int
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CsvTable:
    """A decoded CSV file: its header, its records, and how it was read."""

    name: str
    header: tuple[str, ...]
    rows: tuple[CsvRow, ...]
    separator: str
    encoding: str


def decode(data: bytes) -> tuple[str, str]:
    """The text and the encoding name: UTF-8 (with or without BOM), else Windows-1252.

    UTF-16 (Excel's « Texte Unicode », which also separates with tabs) is refused by
    its byte-order mark, with how to save the file instead.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ImportFileError(
            "fichier en UTF-16 (« Texte Unicode » d'Excel), qui ne peut pas être importé ;"
            " dans Excel, « Enregistrer sous » et choisissez le type"
            " « CSV UTF-8 (délimité par des virgules) », puis importez ce fichier-là"
        )
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "UTF-8 (BOM)"
        except UnicodeDecodeError:
            raise ImportFileError("encodage illisible : UTF-8 annoncé mais invalide") from None
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        raise ImportFileError(
            "encodage non reconnu (attendu UTF-8 ou Windows-1252) ;"
            " réenregistrez le fichier en « CSV UTF-8 »"
        ) from None


def detect_separator(first_line: str) -> str:
    """`;` or `,`: whichever splits the header line into more columns (`;` on a tie)."""
    counts = {sep: len(next(csv.reader([first_line], delimiter=sep))) for sep in SEPARATORS}
    return max(SEPARATORS, key=lambda sep: (counts[sep], sep == ";"))


def _allow_fields_of(length: int) -> None:
    """Let one cell be as long as the whole text (a pasted e-mail thread in a note).

    The csv module refuses fields over 131,072 characters by default, which read as
    « guillemet non fermé ». The limit is process-wide; it is only ever raised.
    """
    wanted = min(length + 1, _C_LONG_MAX)
    if csv.field_size_limit() < wanted:
        csv.field_size_limit(wanted)


def parse_text(text: str, name: str = "", encoding: str = "UTF-8") -> CsvTable:
    """Split decoded text into header and records, keeping each record's first line number.

    Excel's `sep=;` first line names the separator; it is skipped (line numbers unchanged).
    """
    lines = text.splitlines() if text.strip() else [""]
    excel = _EXCEL_SEPARATOR.fullmatch(lines[0])
    first_line = (lines[1] if len(lines) > 1 else "") if excel else lines[0]
    if not first_line.strip():
        raise ImportFileError(f"fichier vide ou sans ligne d'en-tête en ligne {2 if excel else 1}")
    separator = excel.group(1) if excel else detect_separator(first_line)
    _allow_fields_of(len(text))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    rows: list[CsvRow] = []
    header: tuple[str, ...] = ()
    consumed = 0
    try:
        for record in reader:
            start, consumed = consumed + 1, reader.line_num
            if excel and start == 1:
                continue
            if not header:
                header = tuple(cell.strip() for cell in record)
                continue
            rows.append(CsvRow(start, tuple(record)))
    except csv.Error as error:
        if "NUL" in str(error):
            raise ImportFileError(
                f"ligne {consumed + 1} : caractère nul (ce n'est pas un fichier texte CSV ?)"
            ) from None
        raise ImportFileError(
            f"ligne {consumed + 1} : CSV mal formé (guillemet non fermé ou mal placé ?)"
        ) from None
    return CsvTable(name, header, tuple(rows), separator, encoding)


def read_csv(path: Path | str) -> CsvTable:
    """Read and decode a CSV file; raise ImportFileError naming the file when it cannot be."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(f"{path} : fichier introuvable") from None
    except IsADirectoryError:
        raise ImportFileError(f"{path} : c'est un dossier, pas un fichier CSV") from None
    except OSError as error:
        raise ImportFileError(f"{path} : fichier illisible ({os_error_reason(error)})") from None
    try:
        text, encoding = decode(data)
        return parse_text(text, path.name, encoding)
    except ImportFileError as error:
        raise ImportFileError(f"{path} : {error}") from None
