"""What importing a download would do, checked row by row before anything is written.

Drafts are skipped; a SID already imported for this form is skipped; a known code
attaches its case; an unknown or missing code still counts (by submission date) and
is listed. An answer outside its question's scale, a bad date or SID: the file is
refused with line, column and reason. Messages never quote what a member wrote.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from ecoute_desktop.domain.satisfaction import SCALES, Answer, FormMapping, Role, clean_code
from ecoute_desktop.domain.taxonomy import fold
from ecoute_desktop.domain.timeutil import PARIS, as_utc
from ecoute_desktop.services.csv_import.values import RowError
from ecoute_desktop.services.satisfaction.layout import Layout
from ecoute_desktop.services.satisfaction.reading import Row
from ecoute_desktop.store import Store
from ecoute_desktop.store.satisfaction import NewResponse

DATE_FORMATS = ("%m/%d/%Y - %H:%M", "%m/%d/%Y - %H:%M:%S", "%m/%d/%Y %H:%M", "%m/%d/%Y")
DRAFT_YES = frozenset({"1", "yes", "oui", "true", "vrai", "draft", "brouillon"})
DRAFT_NO = frozenset({"", "0", "no", "non", "false", "faux", "completed", "complete", "termine"})
MAX_TEXT = 5000  # a suggestion longer than this is cut (a pasted document, not a remark)


@dataclass(slots=True)
class ImportPlan:
    """The responses to add and what was set aside, or the errors refusing the file."""

    responses: list[NewResponse] = field(default_factory=list)
    drafts: list[int] = field(default_factory=list)  # lines
    already: list[int] = field(default_factory=list)  # lines imported before
    unknown_code: list[int] = field(default_factory=list)  # lines, counted anyway
    without_code: list[int] = field(default_factory=list)  # lines, counted anyway
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def attached(self) -> int:
        return sum(r.case_id is not None for r in self.responses)


def column_name(layout: Layout, index: int) -> str:
    """« 12 « Accueil » »: the column's number in the file and its label."""
    return f"{layout.first_question + index + 1} « {layout.labels[index]} »"


def parse_submitted(text: str) -> datetime:
    """A Framaforms date (`m/d/Y - H:i`, Paris time) as an aware UTC datetime."""
    for pattern in DATE_FORMATS:
        try:
            local = datetime.strptime(text.strip(), pattern)
        except ValueError:
            continue
        return as_utc(local.replace(tzinfo=PARIS))
    raise ValueError("date illisible (attendu MM/JJ/AAAA - HH:MM, comme Framaforms l'écrit)")


def plan_import(layout: Layout, mapping: FormMapping, store: Store) -> ImportPlan:
    """Check every data row against the mapping; nothing is written."""
    plan = ImportPlan()
    if len(mapping.columns) != len(layout.labels):
        raise ValueError("mapping of another layout")
    known_sids = store.satisfaction.known_sids(layout.key)
    code_index = mapping.code_index
    cases: dict[str, int] = {}
    if code_index is not None:
        codes = {clean_code(layout.column(row, code_index)) for row in layout.data} - {""}
        cases = store.satisfaction.cases_by_code(codes)
    seen: dict[str, int] = {}
    width = layout.first_question + len(layout.labels)
    for row in layout.data:
        if not any(cell.strip() for cell in row.cells):
            continue
        if any(cell.strip() for cell in row.cells[width:]):
            plan.errors.append(RowError(row.line, None, "plus de cellules que de colonnes titrées"))
            continue
        response = _read_row(layout, mapping, row, plan)
        if response is None:
            continue
        if response.sid in seen:
            plan.errors.append(
                RowError(
                    row.line,
                    _fixed(layout, "sid"),
                    f"SID déjà présent ligne {seen[response.sid]} ; le fichier est à retélécharger",
                )
            )
            continue
        seen[response.sid] = row.line
        if response.sid in known_sids:
            plan.already.append(row.line)
            continue
        if not response.code:
            plan.without_code.append(row.line)
        else:
            response.case_id = cases.get(response.code)
            if response.case_id is None:
                plan.unknown_code.append(row.line)
        plan.responses.append(response)
    return plan


def _fixed(layout: Layout, name: str) -> str:
    position = layout.fixed[name]
    return f"{position + 1} « {layout.header[position].strip()} »"


def _read_row(
    layout: Layout, mapping: FormMapping, row: Row, plan: ImportPlan
) -> NewResponse | None:
    errors_before = len(plan.errors)
    if "draft" in layout.fixed:
        draft = fold(layout.fixed_cell(row, "draft"))
        if draft in DRAFT_YES:
            plan.drafts.append(row.line)
            return None
        if draft not in DRAFT_NO:
            plan.errors.append(
                RowError(row.line, _fixed(layout, "draft"), "brouillon illisible (attendu 0 ou 1)")
            )
    sid = layout.fixed_cell(row, "sid")
    if not sid.isdigit():
        plan.errors.append(
            RowError(
                row.line, _fixed(layout, "sid"), "numéro de soumission (SID) manquant ou invalide"
            )
        )
    try:
        submitted = parse_submitted(layout.fixed_cell(row, "submitted"))
    except ValueError as error:
        plan.errors.append(RowError(row.line, _fixed(layout, "submitted"), str(error)))
        submitted = None
    response = NewResponse(sid, submitted or datetime.min, "", None)
    for index, column in enumerate(mapping.columns):
        value = layout.column(row, index)
        if not value or column.role is Role.IGNORED:
            continue
        if column.role is Role.CODE:
            response.code = clean_code(value)[:40]
        elif column.role is Role.RATING:
            scale = SCALES[column.scale or "4-niveaux"]
            level = scale.level(value)
            if level is None:
                expected = ", ".join(f"« {label} »" for label in scale.levels)
                plan.errors.append(
                    RowError(
                        row.line,
                        column_name(layout, index),
                        f"réponse hors de l'échelle « {scale.title} » (attendu : {expected})",
                    )
                )
                continue
            response.answers.append(Answer(column.label, scale.key, scale.levels[level - 1]))
        elif column.role is Role.CHOICE:
            if fold(value) != "x":
                plan.errors.append(
                    RowError(
                        row.line,
                        column_name(layout, index),
                        "case d'option illisible (attendu « X » ou vide)",
                    )
                )
                continue
            response.answers.append(Answer(column.question or column.label, None, column.label))
        elif column.role is Role.TEXT:
            response.suggestions.append((column.label, value[:MAX_TEXT]))
    if len(plan.errors) > errors_before:
        return None
    return response
