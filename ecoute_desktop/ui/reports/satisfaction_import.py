"""« Importer les réponses au questionnaire… »: pick a Framaforms download, confirm, write.

The file is read and checked off the GUI thread. A form seen for the first time opens
« Lecture du questionnaire » to confirm or correct the detected mapping; a form whose
mapping was confirmed before imports with no question asked.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog

from ecoute_desktop.services.satisfaction import ImportPreview
from ecoute_desktop.services.satisfaction.summary import plan_notes
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
            self.tr("Téléchargement Framaforms (*.csv *.tsv *.txt *.xlsx);;Tous les fichiers (*)"),
            lambda services, chosen: services.satisfaction.preview(chosen),
            self._on_preview,
        )

    def _title(self) -> str:
        return self.tr("Réponses au questionnaire")

    def _on_preview(self, preview: ImportPreview, path: Path) -> None:
        if preview.needs_confirmation:
            from ecoute_desktop.ui.reports.satisfaction_mapping import MappingDialog

            dialog = MappingDialog(self.context.services.satisfaction, preview, self.window)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return self._finish("")
            preview = dialog.preview
        plan = preview.plan
        if not plan.ok:
            shown = [str(error) for error in plan.errors[:SHOWN_ERRORS]]
            if len(plan.errors) > SHOWN_ERRORS:
                shown.append(self.tr("… et {0} autre(s).").format(len(plan.errors) - SHOWN_ERRORS))
            message = self.tr("Aucune réponse n'a été enregistrée. À corriger :\n{0}").format(
                "\n".join(shown)
            )
            prompts.warn(self.window, self._title(), message)
            return self._finish(message)
        self._write(
            lambda services: services.satisfaction.confirm_import(preview),
            lambda added: self._on_applied(added, preview),
        )

    def _on_applied(self, added: int, preview: ImportPreview) -> None:
        message = self.tr(
            "{0} réponse(s) enregistrée(s), dont {1} rattachée(s) à une sollicitation."
        )
        message = message.format(added, preview.plan.attached)
        notes = plan_notes(preview.plan)
        details = message + "".join(f"\n• {note}" for note in notes)
        prompts.inform(self.window, self._title(), details)
        self._finish(message)

    def _on_error(self, error: BaseException) -> None:
        self._fail(error, self._title(), self.tr("L'import a échoué ; rien n'a été enregistré."))
