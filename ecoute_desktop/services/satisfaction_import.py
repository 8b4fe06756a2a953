"""Import of the satisfaction questionnaire's answers (Framaforms CSV export), all or nothing.

The form carries the case reference in a hidden field prefilled from its link
(`…?reference=2026-A-042`); the export then has a `reference` column and a
satisfaction column. `plan_satisfaction(table, store)` checks everything without
writing; `apply_satisfaction(store, plan)` records the scores in one transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ecoute_desktop.domain.references import FORMAT_HINT
from ecoute_desktop.domain.taxonomy import fold
from ecoute_desktop.services.csv_import.reading import CsvRow, CsvTable, ImportFileError, read_csv
from ecoute_desktop.services.csv_import.values import CellError, RowError, parse_reference
from ecoute_desktop.store import Store

HEADER_SEARCH_ROWS = 5  # some exports put a title or group row above the column names
LABELS: dict[str, int] = {
    "tres satisfait": 5,
    "satisfait": 4,
    "moyennement": 3,
    "moyennement satisfait": 3,
    "peu satisfait": 2,
    "pas du tout satisfait": 1,
}
EXPECTED = (
    "une note de 1 à 5 ou « Très satisfait(e) », « Satisfait(e) », « Moyennement »,"
    " « Peu satisfait(e) », « Pas du tout satisfait(e) »"
)
_LEADING_SCORE = re.compile(r"^([1-5])(?:\s*/\s*5)?(?:\s*[-–:.)]\s*.*)?$")


@dataclass(slots=True)
class SatisfactionPlan:
    """What importing the answers would do; nothing is written until `apply_satisfaction`."""

    source: str
    scores: dict[str, int] = field(default_factory=dict)  # reference → 1..5
    without_reference: list[int] = field(default_factory=list)  # lines ignored
    without_answer: list[int] = field(default_factory=list)  # lines ignored
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def parse_score(text: str) -> int | None:
    """1..5 from a digit or a French label; None when the cell is empty."""
    text = text.strip()
    if not text:
        return None
    match = _LEADING_SCORE.match(text)
    if match:
        return int(match.group(1))
    label = fold(text).replace("(e)", "").replace("(es)", "").replace("satisfaite", "satisfait")
    label = " ".join(label.strip(" .!").split())
    if label in LABELS:
        return LABELS[label]
    raise CellError(f"réponse non reconnue (attendu {EXPECTED})")


def _columns(header: tuple[str, ...]) -> tuple[int | None, list[int]]:
    folded = [fold(name) for name in header]
    reference = [i for i, name in enumerate(folded) if name == "reference"]
    if not reference:
        reference = [i for i, name in enumerate(folded) if "reference" in name]
    satisfaction = [i for i, name in enumerate(folded) if "satisfaction" in name]
    return (reference[0] if len(reference) == 1 else None), satisfaction


def _find_header(table: CsvTable) -> tuple[int, tuple[str, ...], tuple[CsvRow, ...]]:
    """The header line, its names and the rows below it (the first row naming both columns)."""
    candidates = [(1, table.header)] + [
        (row.line, tuple(c.strip() for c in row.cells)) for row in table.rows[:HEADER_SEARCH_ROWS]
    ]
    for position, (line, names) in enumerate(candidates):
        reference, satisfaction = _columns(names)
        if reference is not None and satisfaction:
            return line, names, table.rows[position:]
    raise ImportFileError(
        "colonnes introuvables : il faut une colonne « reference » (le champ caché du"
        " formulaire) et une colonne dont le titre contient « satisfaction »"
    )


def plan_satisfaction(table: CsvTable, store: Store) -> SatisfactionPlan:
    """Check every row; errors name the line and column, never a member's details."""
    line, header, rows = _find_header(table)
    ref_col, sat_cols = _columns(header)
    assert ref_col is not None
    if len(sat_cols) > 1:
        names = ", ".join(f"« {header[i]} »" for i in sat_cols)
        raise ImportFileError(
            f"ligne {line} : plusieurs colonnes parlent de satisfaction ({names}) ;"
            " gardez seulement celle de la note"
        )
    sat_col = sat_cols[0]
    ref_name, sat_name = header[ref_col], header[sat_col]
    plan = SatisfactionPlan(table.name)
    first_line: dict[str, int] = {}
    for row in rows:
        if not any(cell.strip() for cell in row.cells):
            continue
        cells = row.cells + ("",) * (len(header) - len(row.cells))
        try:
            reference = parse_reference(cells[ref_col])
        except CellError:
            plan.errors.append(
                RowError(row.line, ref_name, f"référence invalide (attendu {FORMAT_HINT})")
            )
            continue
        if reference is None:
            plan.without_reference.append(row.line)
            continue
        try:
            score = parse_score(cells[sat_col])
        except CellError as error:
            plan.errors.append(RowError(row.line, sat_name, str(error)))
            continue
        if score is None:
            plan.without_answer.append(row.line)
            continue
        if reference in plan.scores and plan.scores[reference] != score:
            plan.errors.append(
                RowError(
                    row.line,
                    sat_name,
                    f"la sollicitation {reference} a déjà une autre réponse ligne"
                    f" {first_line[reference]} ; supprimez l'une des deux",
                )
            )
            continue
        plan.scores[reference] = score
        first_line.setdefault(reference, row.line)
    known = store.cases.existing_references(plan.scores)
    for reference in sorted(set(plan.scores) - known, key=first_line.__getitem__):
        plan.errors.append(
            RowError(
                first_line[reference],
                ref_name,
                f"aucune sollicitation {reference} dans cette base",
            )
        )
    plan.errors.sort(key=lambda error: error.line)
    return plan


def read_satisfaction_csv(path: Path | str, store: Store) -> SatisfactionPlan:
    """Read and check a file; ImportFileError (naming the file) when it cannot be used."""
    table = read_csv(path)
    try:
        return plan_satisfaction(table, store)
    except ImportFileError as error:
        raise ImportFileError(f"{path} : {error}") from None


def apply_satisfaction(store: Store, plan: SatisfactionPlan) -> int:
    """Record every score of a valid plan in one transaction; the number of cases updated."""
    if not plan.ok:
        raise ValueError("plan with errors")
    return store.cases.set_satisfactions(plan.scores)


QUESTIONNAIRE_URL_SETTING = "questionnaire_url"


def questionnaire_url(store: Store) -> str:
    """The questionnaire's address (setting `questionnaire_url`), or "" when not set."""
    return str(store.settings.get(QUESTIONNAIRE_URL_SETTING, "") or "").strip()


def set_questionnaire_url(store: Store, url: str) -> None:
    """Remember the address; refused unless it is an http(s) link ("" forgets it)."""
    url = url.strip()
    if url and not re.match(r"^https?://[^\s/]+", url, re.IGNORECASE):
        raise ValueError("le lien du questionnaire doit commencer par https:// (ou http://)")
    store.settings.set(QUESTIONNAIRE_URL_SETTING, url)


def questionnaire_link(url: str, reference: str) -> str:
    """The link for one member: the form's address with `reference` prefilled."""
    from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "reference"]
    query.append(("reference", reference))
    return urlunsplit(parts._replace(query=urlencode(query)))
