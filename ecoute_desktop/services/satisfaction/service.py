"""The satisfaction questionnaire's user actions, for the GUI and the CLI alike.

`preview(path)` reads a download and plans it with the form's remembered mapping, or
the detected one (then `needs_confirmation`); `with_mapping` re-plans after the user
corrects it; `confirm_import` remembers the mapping and adds the responses in one
transaction. Nothing is written while a plan has errors.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from ecoute_desktop.domain.satisfaction import FormMapping, SatisfactionFigures, Suggestion
from ecoute_desktop.services.app.base import Area
from ecoute_desktop.services.app.events import CasesChanged
from ecoute_desktop.services.csv_import.reading import ImportFileError
from ecoute_desktop.services.satisfaction.figures import period_satisfaction
from ecoute_desktop.services.satisfaction.layout import Layout, detect_mapping, find_layout
from ecoute_desktop.services.satisfaction.links import case_questionnaire_link
from ecoute_desktop.services.satisfaction.planning import ImportPlan, plan_import
from ecoute_desktop.services.satisfaction.reading import Sheet, read_sheet


class PlanHasErrors(ValueError):
    """`confirm_import` was given a plan that refuses the file."""


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """A download read and checked: its layout, the mapping used and the plan."""

    path: Path
    how: str  # how the file was read, said to the user
    layout: Layout
    mapping: FormMapping
    remembered: bool  # the mapping was confirmed before for this form
    plan: ImportPlan

    @property
    def needs_confirmation(self) -> bool:
        return not self.remembered


class SatisfactionService(Area):
    """One method per user action on the questionnaire; each write is one transaction."""

    def preview(self, path: Path | str, sheet: Sheet | None = None) -> ImportPreview:
        """Read and check a download (ImportFileError when it cannot be read at all)."""
        if sheet is None:
            sheet = read_sheet(path)
        try:
            layout = find_layout(sheet)
        except ImportFileError as error:
            raise ImportFileError(f"{path} : {error}") from None
        stored = self._store.satisfaction.form(layout.key)
        remembered = stored is not None and stored.confirmed
        mapping = stored.mapping if stored is not None else detect_mapping(layout)
        plan = plan_import(layout, mapping, self._store)
        return ImportPreview(Path(path), sheet.how, layout, mapping, remembered, plan)

    def with_mapping(self, preview: ImportPreview, mapping: FormMapping) -> ImportPreview:
        """The same download checked again with the mapping the user corrected."""
        plan = plan_import(preview.layout, mapping, self._store)
        return replace(preview, mapping=mapping, plan=plan)

    def confirm_import(self, preview: ImportPreview, confirmed: bool = True) -> int:
        """Remember the form's mapping and add its new responses; how many were added.

        `confirmed=False` (the command line, nobody looked at the mapping) keeps the
        detected mapping for this form without marking it confirmed.
        """
        if not preview.plan.ok:
            raise PlanHasErrors("plan with errors")
        layout = preview.layout
        with self._tx.action(CasesChanged()):
            return self._store.satisfaction.add(
                layout.key,
                layout.title,
                preview.mapping,
                preview.plan.responses,
                confirmed=confirmed or preview.remembered,
            )

    def suggestions(self) -> list[Suggestion]:
        """The members' free-text answers, newest first (shown in the app only)."""
        return self._store.satisfaction.suggestions()

    def figures(self, first: date, last: date) -> SatisfactionFigures:
        return period_satisfaction(self._store, first, last)

    def code_of(self, case_id: int) -> str:
        """The case's anonymous questionnaire code, e.g. « K7Q2 »."""
        return self._store.satisfaction.code_of(case_id)

    def link_for_case(self, case_id: int) -> str:
        """The questionnaire link for the case, carrying its code ("" when no address is set)."""
        return case_questionnaire_link(self._store, case_id)
