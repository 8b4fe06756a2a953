"""« Importer les réponses au questionnaire… »: pick the CSV, check, write off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ecoute_desktop.services.csv_import import ImportFileError
from ecoute_desktop.services.satisfaction_import import (
    SatisfactionPlan,
    apply_satisfaction,
    read_satisfaction_csv,
)
from ecoute_desktop.ui import prompts
from ecoute_desktop.ui.context import AppContext

SHOWN_ERRORS = 15


class SatisfactionImporter(QObject):
    """One import at a time; `finished(message)` when done, refused or cancelled."""

    finished = Signal(str)

    def __init__(self, context: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.busy = False

    def start(self, path: Path | None = None) -> None:
        if self.busy:
            return
        if path is None:
            path = prompts.ask_open_path(
                self.window,
                self.tr("Réponses au questionnaire de satisfaction"),
                self.tr("Export CSV du questionnaire (*.csv);;Tous les fichiers (*)"),
            )
        if path is None:
            return
        self.busy = True
        store = self.context.store
        self.context.runner.run(
            lambda: read_satisfaction_csv(path, store), self._on_plan, self._on_error
        )

    def _on_plan(self, plan: SatisfactionPlan) -> None:
        title = self.tr("Réponses au questionnaire")
        if not plan.ok:
            shown = [str(error) for error in plan.errors[:SHOWN_ERRORS]]
            if len(plan.errors) > SHOWN_ERRORS:
                shown.append(self.tr("… et {0} autre(s).").format(len(plan.errors) - SHOWN_ERRORS))
            message = self.tr("Aucune réponse n'a été enregistrée. À corriger :\n{0}").format(
                "\n".join(shown)
            )
            prompts.warn(self.window, title, message)
            return self._finish(message)
        skipped = len(plan.without_reference) + len(plan.without_answer)
        question = self.tr("Enregistrer la satisfaction de {0} sollicitation(s) ?").format(
            len(plan.scores)
        )
        if skipped:
            question += self.tr(
                "\n{0} ligne(s) sans référence ou sans note seront ignorées."
            ).format(skipped)
        if not plan.scores:
            prompts.inform(self.window, title, self.tr("Le fichier ne contient aucune note."))
            return self._finish("")
        if not prompts.ask_yes_no(self.window, title, question):
            return self._finish("")
        store = self.context.store
        self.context.runner.run(
            lambda: apply_satisfaction(store, plan), self._on_applied, self._on_error
        )

    def _on_applied(self, count: int) -> None:
        self.context.events.cases_changed.emit()
        message = self.tr("Satisfaction enregistrée pour {0} sollicitation(s).").format(count)
        prompts.inform(self.window, self.tr("Réponses au questionnaire"), message)
        self._finish(message)

    def _on_error(self, error: BaseException) -> None:
        if isinstance(error, ImportFileError):
            message = str(error)
        else:
            message = self.tr("L'import a échoué ; rien n'a été enregistré.")
        prompts.warn(self.window, self.tr("Réponses au questionnaire"), message)
        self._finish(message)

    def _finish(self, message: str) -> None:
        self.busy = False
        self.finished.emit(message)
