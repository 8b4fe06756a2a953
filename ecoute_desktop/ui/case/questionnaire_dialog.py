"""« Envoyer le questionnaire »: the ready e-mail (.eml draft or copied text), then « envoyé ».

The référentiel's practical sheets can join it, as they join the confirmation: after the
call is when the member's next steps, and the sheets that help with them, are known."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QWidget,
)

from ecoute_desktop.services import confirmation, questionnaire_message
from ecoute_desktop.services.os_errors import error_text
from ecoute_desktop.ui.case.confirmation_dialog import show_in_system
from ecoute_desktop.ui.case.message_draft_dialog import MessageDraftDialog, documents_folder
from ecoute_desktop.ui.case.sheet_choices import SheetChoices
from ecoute_desktop.ui.common import clipboard, prompts
from ecoute_desktop.ui.common.context import AppContext


class QuestionnaireDialog(MessageDraftDialog):
    """Shows the questionnaire e-mail; « Questionnaire envoyé » closes the case."""

    def __init__(self, context: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        # Before the shared dialog: it lays out `extra_rows` and builds the message.
        self.sheet_choices = SheetChoices(context.services.referentiel.current().sheets)
        super().__init__(context, case_id, parent)
        self.sheet_choices.changed.connect(self.reload)

    def extra_rows(self) -> list[tuple[str, QWidget]]:
        if not self.sheet_choices.boxes:  # no practical sheet in the référentiel
            return []
        return [(self.tr("Pièces jointes :"), self.sheet_choices)]

    def texts(self) -> dict[str, str]:
        return {
            "title": self.tr("Envoyer le questionnaire"),
            "copy": self.tr("Copier le texte (webmail)"),
            "sent": self.tr("Questionnaire envoyé : clôturer la sollicitation"),
            "status": self.tr("État du questionnaire"),
        }

    def build(self) -> questionnaire_message.QuestionnaireMessage:
        chosen = self.sheet_choices.chosen()
        return self._context.services.cases.build_questionnaire(self._case_id, chosen)

    def write_eml(self, path: Path, built: questionnaire_message.QuestionnaireMessage) -> None:
        questionnaire_message.write_eml(path, built)

    def eml_name(self) -> str:
        return questionnaire_message.suggested_eml_name(self.case.reference)

    def eml_written(self, path: Path) -> str:
        return self.tr("Brouillon enregistré : {name}.").format(name=path.name)

    def show_in_system(self, path: Path) -> None:
        show_in_system(path)  # the module's function: tests replace it

    def _ready(self, done: str) -> None:
        self.status.setText(
            done + " " + self.tr("Une fois le message parti, cliquez sur « Questionnaire envoyé ».")
        )
        self.sent_button.setFocus()

    def _on_copy(self) -> None:
        if self.built is None:
            return
        if not self.built.sheets:
            clipboard.copy_personal(self.built.clipboard_text)
            self._ready(
                self.tr(
                    "Texte copié : collez-le dans votre messagerie dans les 30 secondes "
                    "(il est ensuite effacé du presse-papiers)."
                )
            )
            return
        folder = prompts.ask_directory(
            self, self.tr("Dossier où enregistrer les fiches à joindre"), documents_folder()
        )
        if folder is None:
            return
        try:
            confirmation.save_attachments(folder, self.built)
        except OSError as error:
            prompts.warn(self, self.tr("Enregistrement impossible"), error_text(error))
            return
        clipboard.copy_personal(self.built.clipboard_text)
        self.show_in_system(folder)
        self._ready(
            self.tr(
                "Texte copié : collez-le dans votre messagerie dans les 30 secondes "
                "(il est ensuite effacé du presse-papiers) et joignez les fiches "
                "du dossier {folder}."
            ).format(folder=folder)
        )

    def mark_sent(self) -> None:
        """The member has the questionnaire: stamp it and close the case."""
        self._context.services.cases.questionnaire_sent(self._case_id)
        self.accept()


def open_questionnaire(context: AppContext, case_id: int, parent: QWidget | None) -> bool:
    """The questionnaire dialog (modal); True when the questionnaire was marked sent."""
    return QuestionnaireDialog(context, case_id, parent).exec() == QDialog.DialogCode.Accepted
