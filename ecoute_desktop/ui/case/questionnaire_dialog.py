"""« Envoyer le questionnaire »: the ready e-mail (.eml draft or copied text), then « envoyé »."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QWidget,
)

from ecoute_desktop.services import questionnaire_message
from ecoute_desktop.ui.case.confirmation_dialog import show_in_system
from ecoute_desktop.ui.case.message_draft_dialog import MessageDraftDialog
from ecoute_desktop.ui.common import clipboard
from ecoute_desktop.ui.common.context import AppContext


class QuestionnaireDialog(MessageDraftDialog):
    """Shows the questionnaire e-mail; « Questionnaire envoyé » closes the case."""

    def texts(self) -> dict[str, str]:
        return {
            "title": self.tr("Envoyer le questionnaire"),
            "copy": self.tr("Copier le texte (webmail)"),
            "sent": self.tr("Questionnaire envoyé : clôturer la sollicitation"),
            "status": self.tr("État du questionnaire"),
        }

    def build(self) -> questionnaire_message.QuestionnaireMessage:
        return self._context.services.cases.build_questionnaire(self._case_id)

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
        clipboard.copy_personal(self.built.clipboard_text)
        self._ready(
            self.tr(
                "Texte copié : collez-le dans votre messagerie dans les 30 secondes "
                "(il est ensuite effacé du presse-papiers)."
            )
        )

    def mark_sent(self) -> None:
        """The member has the questionnaire: stamp it and close the case."""
        self._context.services.cases.questionnaire_sent(self._case_id)
        self.accept()


def open_questionnaire(context: AppContext, case_id: int, parent: QWidget | None) -> bool:
    """The questionnaire dialog (modal); True when the questionnaire was marked sent."""
    return QuestionnaireDialog(context, case_id, parent).exec() == QDialog.DialogCode.Accepted
