"""The layout of a Framaforms (Drupal Webform) download, and the detection of its columns.

Header rows: usually three (the form's title; « Submission Details » / « Détails de la
soumission » then the question groups; the column labels), sometimes the labels only.
Fixed columns first (English or French), then one column per question, or per option
of a multiple-choice question (cells marked `X`).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from ecoute_desktop.domain.satisfaction import ColumnMapping, FormMapping, Role, detect_scale
from ecoute_desktop.domain.taxonomy import fold
from ecoute_desktop.services.csv_import.reading import ImportFileError
from ecoute_desktop.services.satisfaction.reading import Row, Sheet

HEADER_SEARCH_ROWS = 5
# Fixed columns: folded label → field, with the language it is written in.
FIXED_LABELS: dict[str, tuple[str, str]] = {
    "serial": ("serial", "en"),
    "n°": ("serial", "fr"),
    "no": ("serial", "fr"),
    "numero": ("serial", "fr"),
    "sid": ("sid", ""),
    "submitted time": ("submitted", "en"),
    "time": ("submitted", "en"),
    "date de soumission": ("submitted", "fr"),
    "heure de soumission": ("submitted", "fr"),
    "soumis le": ("submitted", "fr"),
    "completed time": ("completed", "en"),
    "date de completion": ("completed", "fr"),
    "heure de completion": ("completed", "fr"),
    "date de fin": ("completed", "fr"),
    "modified time": ("modified", "en"),
    "date de modification": ("modified", "fr"),
    "heure de modification": ("modified", "fr"),
    "modifie le": ("modified", "fr"),
    "draft": ("draft", "en"),
    "brouillon": ("draft", "fr"),
    "ip address": ("ip", "en"),
    "adresse ip": ("ip", "fr"),
    "uid": ("uid", ""),
    "username": ("username", "en"),
    "nom d'utilisateur": ("username", "fr"),
    "utilisateur": ("username", "fr"),
}
SUBMISSION_DETAILS = ("submission details", "details de la soumission", "details de soumission")
_CODE_TITLE = re.compile(r"\b(code|codes|reference|ref|identifiant|id)\b")
_CHOICE_MARK = "x"


@dataclass(frozen=True, slots=True)
class Layout:
    """Where things are in a download: header rows, fixed columns, question columns."""

    title: str
    labels_line: int
    header_rows: int  # 3 or 1
    language: str  # "en", "fr" or "" when only language-neutral labels (SID, UID)
    fixed: dict[str, int]  # field → column index
    first_question: int  # index of the first question column
    labels: tuple[str, ...]  # question column labels
    groups: tuple[str, ...]  # question group above each question column ("" if none)
    header: tuple[str, ...]  # the labels row, fixed columns included
    data: tuple[Row, ...]

    @property
    def key(self) -> str:
        """Identifies a form by its question labels (not its title nor the fixed columns)."""
        text = "\x1f".join(fold(label) for label in self.labels)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def column(self, row: Row, index: int) -> str:
        """The text of question column `index` of `row` ("" when the row is short)."""
        position = self.first_question + index
        return row.cells[position].strip() if position < len(row.cells) else ""

    def fixed_cell(self, row: Row, name: str) -> str:
        position = self.fixed.get(name)
        if position is None or position >= len(row.cells):
            return ""
        return row.cells[position].strip()


def find_layout(sheet: Sheet) -> Layout:
    """The layout of a download; ImportFileError when it is not a Framaforms download."""
    for position, row in enumerate(sheet.rows[:HEADER_SEARCH_ROWS]):  # noqa: B007 (used after)
        fixed, language = _fixed_columns(row.cells)
        if "sid" in fixed and "submitted" in fixed:
            break
    else:
        raise ImportFileError(
            "ce n'est pas un téléchargement Framaforms reconnu : colonnes « SID » et"
            " « Submitted Time » (ou « Date de soumission ») introuvables dans les"
            f" {HEADER_SEARCH_ROWS} premières lignes"
        )
    first_question = max(fixed.values()) + 1
    labels = tuple(c.strip() for c in row.cells[first_question:])
    while labels and not labels[-1]:
        labels = labels[:-1]
    groups = [""] * len(labels)
    title = ""
    above = sheet.rows[position - 1].cells if position >= 1 else ()
    if above and fold(above[0]) in SUBMISSION_DETAILS:
        current = ""
        for index in range(len(labels)):
            cell = (
                above[first_question + index].strip() if first_question + index < len(above) else ""
            )
            current = cell or current  # Webform names a group above its first column only
            groups[index] = current
        if position >= 2:
            title = next((c.strip() for c in sheet.rows[position - 2].cells if c.strip()), "")
    for index, label in enumerate(labels):
        if not label:
            raise ImportFileError(
                f"ligne {row.line}, colonne {first_question + index + 1} : colonne sans titre"
            )
    header_rows = 3 if any(groups) or title else 1
    return Layout(
        title=title,
        labels_line=row.line,
        header_rows=header_rows,
        language=language,
        fixed=fixed,
        first_question=first_question,
        labels=labels,
        groups=tuple(groups),
        header=row.cells,
        data=sheet.rows[position + 1 :],
    )


def _fixed_columns(cells: tuple[str, ...]) -> tuple[dict[str, int], str]:
    """The fixed columns at the start of a header row (stops at the first question)."""
    fixed: dict[str, int] = {}
    languages: set[str] = set()
    for index, cell in enumerate(cells):
        known = FIXED_LABELS.get(fold(cell))
        if known is None or known[0] in fixed:
            break
        fixed[known[0]] = index
        if known[1]:
            languages.add(known[1])
    language = languages.pop() if len(languages) == 1 else ""
    return fixed, language


def detect_mapping(layout: Layout) -> FormMapping:
    """What each question column seems to be, from its title and every answer in it."""
    columns: list[ColumnMapping] = []
    values = [[layout.column(row, i) for row in layout.data] for i in range(len(layout.labels))]
    code_taken = False
    for index, label in enumerate(layout.labels):
        answers = [v for v in values[index] if v]
        if not code_taken and _CODE_TITLE.search(fold(label)):
            columns.append(ColumnMapping(label, Role.CODE))
            code_taken = True
        elif answers and all(fold(v) == _CHOICE_MARK for v in answers):
            columns.append(ColumnMapping(label, Role.CHOICE, question=layout.groups[index]))
        elif (scale := detect_scale(answers)) is not None:
            columns.append(ColumnMapping(label, Role.RATING, scale.key))
        elif answers:
            columns.append(ColumnMapping(label, Role.TEXT))
        else:
            columns.append(ColumnMapping(label, Role.IGNORED))
    name_option_groups(columns)
    return FormMapping(columns)


def name_option_groups(columns: list[ColumnMapping]) -> None:
    """Options with no group above them: each run of them is one question, named by its options."""
    run: list[ColumnMapping] = []
    for column in [*columns, None]:
        if column is not None and column.role is Role.CHOICE and not column.question:
            run.append(column)
            continue
        if run:
            name = "Choix : " + " / ".join(c.label for c in run)
            for option in run:
                option.question = name if len(name) <= 120 else name[:119] + "…"
            run = []
