"""« Importer les réponses au questionnaire… »: pick the CSV, check, write off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from ecoute_desktop.services.satisfaction_import import (
    SatisfactionPlan,
)
from ecoute_desktop.ui.cases.import_job import ImportJob
from ecoute_desktop.ui.common import prompts

SHOWN_ERRORS = 15


class SatisfactionImporter(ImportJob):
    """One import at a time; `finished(message)` when done or refused (not when no file chosen)."""

    def start(self, path: Path | None = None) -> None:
        if self.busy:
            return
        self._check_file(
            path,
            self.tr("Réponses au questionnaire de satisfaction"),
            self.tr("Export CSV du questionnaire (*.csv);;Tous les fichiers (*)"),
            lambda services, chosen: services.imports.plan_satisfaction(chosen),
            self._on_plan,
        )

    def _on_plan(self, plan: SatisfactionPlan, path: Path) -> None:
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
        self._write(lambda services: services.imports.import_satisfaction(plan), self._on_applied)

    def _on_applied(self, count: int) -> None:
        message = self.tr("Satisfaction enregistrée pour {0} sollicitation(s).").format(count)
        prompts.inform(self.window, self.tr("Réponses au questionnaire"), message)
        self._finish(message)

    def _on_error(self, error: BaseException) -> None:
        self._fail(
            error,
            self.tr("Réponses au questionnaire"),
            self.tr("L'import a échoué ; rien n'a été enregistré."),
        )
