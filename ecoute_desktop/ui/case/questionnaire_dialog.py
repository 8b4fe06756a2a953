"""« Envoyer le questionnaire »: the ready e-mail (.eml draft or copied text), then « envoyé »."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.services import confirmation, questionnaire_message
from ecoute_desktop.services.charter import TemplateError
from ecoute_desktop.services.os_errors import error_text
from ecoute_desktop.ui.case.confirmation_dialog import _documents, show_in_system
from ecoute_desktop.ui.common import clipboard, prompts
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.dialog_size import size_in_text
from ecoute_desktop.ui.common.widget_kit import emphasize


class QuestionnaireDialog(QDialog):
    """Shows the questionnaire e-mail; « Questionnaire envoyé » closes the case."""

    def __init__(self, context: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._case_id = case_id
        self.case = context.services.cases.get(case_id)
        self.setWindowTitle(self.tr("Envoyer le questionnaire"))
        self.setAccessibleName(self.windowTitle())
        self.to_label = QLabel()
        self.to_label.setWordWrap(True)
        self.subject_label = QLabel()
        self.subject_label.setWordWrap(True)
        self.body = QPlainTextEdit()
        self.body.setReadOnly(True)
        self.body.setTabChangesFocus(True)
        self.body.setAccessibleName(self.tr("Texte du message"))
        form = QFormLayout()
        form.addRow(self.tr("À :"), self.to_label)
        form.addRow(self.tr("Objet :"), self.subject_label)

        self.eml_button = QPushButton(self.tr("Créer le brouillon pour ma messagerie (.eml)…"))
        self.copy_button = QPushButton(self.tr("Copier le texte (webmail)"))
        self.sent_button = QPushButton(self.tr("Questionnaire envoyé : clôturer la sollicitation"))
        emphasize(self.sent_button)
        self.templates_button = QPushButton(self.tr("Modifier les modèles…"))
        for button in (self.eml_button, self.copy_button, self.sent_button, self.templates_button):
            button.setAccessibleName(button.text().rstrip("…"))
        self.eml_button.clicked.connect(self._on_eml)
        self.copy_button.clicked.connect(self._on_copy)
        self.sent_button.clicked.connect(self.mark_sent)
        self.templates_button.clicked.connect(self._on_templates)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("État du questionnaire"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.eml_button)
        layout.addWidget(self.copy_button)
        layout.addWidget(self.templates_button)
        layout.addWidget(self.status)
        layout.addWidget(self.sent_button)
        layout.addWidget(buttons)
        size_in_text(self, 80, 30)
        self.built: questionnaire_message.QuestionnaireMessage | None = None
        self.reload()

    def reload(self) -> None:
        try:
            self.built = self._context.services.cases.build_questionnaire(self._case_id)
        except (LookupError, TemplateError) as error:
            self.built = None
            self.status.setText(str(error))
            self.eml_button.setEnabled(False)
            self.copy_button.setEnabled(False)
            return
        built = self.built
        self.eml_button.setEnabled(True)
        self.copy_button.setEnabled(True)
        self.status.clear()
        address = f" <{built.to_email}>" if built.to_email else self.tr(" (adresse inconnue)")
        self.to_label.setText(confirmation.one_line(built.to_name) + address)
        self.subject_label.setText(built.subject)
        self.body.setPlainText(built.body)
        try:
            confirmation.member_addresses(built.to_email)
        except confirmation.AddressError as error:
            self.status.setText(str(error))
            self.eml_button.setEnabled(False)

    def _ready(self, done: str) -> None:
        self.status.setText(
            done + " " + self.tr("Une fois le message parti, cliquez sur « Questionnaire envoyé ».")
        )
        self.sent_button.setFocus()

    def _on_eml(self) -> None:
        if self.built is None:
            return
        path = prompts.ask_save_path(
            self,
            self.tr("Enregistrer le brouillon"),
            _documents() / questionnaire_message.suggested_eml_name(self.case.reference),
            self.tr("Message (*.eml)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".eml":
            path = path.with_suffix(".eml")
        try:
            questionnaire_message.write_eml(path, self.built)
        except confirmation.AddressError as error:
            prompts.warn(self, self.tr("Enregistrement impossible"), str(error))
            return
        except OSError as error:
            prompts.warn(self, self.tr("Enregistrement impossible"), error_text(error))
            return
        show_in_system(path)
        self._ready(self.tr("Brouillon enregistré : {name}.").format(name=path.name))

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

    def _on_templates(self) -> None:
        from ecoute_desktop.ui.settings.templates_dialog import TemplatesDialog

        TemplatesDialog(self._context, self).exec()
        self.reload()


def open_questionnaire(context: AppContext, case_id: int, parent: QWidget | None) -> bool:
    """The questionnaire dialog (modal); True when the questionnaire was marked sent."""
    return QuestionnaireDialog(context, case_id, parent).exec() == QDialog.DialogCode.Accepted
