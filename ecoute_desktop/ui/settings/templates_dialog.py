"""Editing the confirmation, questionnaire and charter templates, with their placeholders."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.services import charter, confirmation, questionnaire_message
from ecoute_desktop.services.charter import TemplateError
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.dialog_size import size_in_text


def _fields_help(placeholders: dict[str, str]) -> QLabel:
    lines = [f"{{{name}}} : {meaning}" for name, meaning in placeholders.items()]
    label = QLabel("\n".join(lines))
    label.setWordWrap(True)
    return label


class TemplatesDialog(QDialog):
    """Two tabs: the confirmation message (subject, body) and the charter."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = context.services.settings
        self.setWindowTitle(self.tr("Modèles des messages et de la charte"))
        self.setAccessibleName(self.windowTitle())
        subject, body = self._settings.confirmation_templates()
        self.subject_edit = QLineEdit(subject)
        self.subject_edit.setAccessibleName(self.tr("Objet du message"))
        self.body_edit = QPlainTextEdit(body)
        self.body_edit.setTabChangesFocus(True)  # Tab leaves, never typed
        self.body_edit.setAccessibleName(self.tr("Texte du message"))
        self.charter_edit = QPlainTextEdit(self._settings.charter_template())
        self.charter_edit.setTabChangesFocus(True)  # Tab leaves, never typed
        self.questionnaire_edit = QLineEdit(self._settings.questionnaire_url())
        self.questionnaire_edit.setAccessibleName(self.tr("Lien du questionnaire de satisfaction"))
        self.questionnaire_edit.setPlaceholderText("https://framaforms.org/…")
        self.questionnaire_edit.setToolTip(
            self.tr(
                "Le code anonyme de la sollicitation est ajouté au lien (?code=K7Q2),"
                " jamais sa référence."
            )
        )
        q_subject, q_body = self._settings.questionnaire_templates()
        self.q_subject_edit = QLineEdit(q_subject)
        self.q_subject_edit.setAccessibleName(self.tr("Objet du message du questionnaire"))
        self.q_body_edit = QPlainTextEdit(q_body)
        self.q_body_edit.setTabChangesFocus(True)  # Tab leaves, never typed
        self.q_body_edit.setAccessibleName(self.tr("Texte du message du questionnaire"))
        self.reminder_spin = QSpinBox()
        self.reminder_spin.setRange(1, 60)
        self.reminder_spin.setValue(self._settings.questionnaire_reminder_days())
        self.reminder_spin.setSuffix(self.tr(" jour(s) après l'appel"))
        self.reminder_spin.setAccessibleName(
            self.tr("Rappel du questionnaire non envoyé (nombre de jours)")
        )
        self.charter_edit.setAccessibleName(self.tr("Texte de la charte"))

        message_tab = QWidget()
        message_form = QFormLayout(message_tab)
        message_form.addRow(self.tr("Objet :"), self.subject_edit)
        message_form.addRow(self.tr("Texte :"), self.body_edit)
        message_form.addRow(self.tr("Champs :"), _fields_help(confirmation.PLACEHOLDERS))

        questionnaire_tab = QWidget()
        questionnaire_form = QFormLayout(questionnaire_tab)
        questionnaire_form.addRow(self.tr("Lien :"), self.questionnaire_edit)
        questionnaire_form.addRow(self.tr("Objet :"), self.q_subject_edit)
        questionnaire_form.addRow(self.tr("Texte :"), self.q_body_edit)
        questionnaire_form.addRow(
            self.tr("Champs :"), _fields_help(questionnaire_message.PLACEHOLDERS)
        )
        questionnaire_form.addRow(self.tr("Rappel :"), self.reminder_spin)

        charter_tab = QWidget()
        charter_layout = QVBoxLayout(charter_tab)
        charter_help = QLabel(
            self.tr(
                "Première ligne : titre. « ## » : intertitre. « - » : puce. "
                "Ligne vide : nouveau paragraphe."
            )
        )
        charter_help.setWordWrap(True)  # at 200 % it would widen the dialog past the screen
        charter_layout.addWidget(charter_help)
        charter_layout.addWidget(self.charter_edit, 1)
        charter_layout.addWidget(_fields_help(charter.PLACEHOLDERS))

        self.tabs = QTabWidget()
        self.tabs.addTab(message_tab, self.tr("Message de confirmation"))
        self.tabs.addTab(questionnaire_tab, self.tr("Questionnaire"))
        self.tabs.addTab(charter_tab, self.tr("Charte de confidentialité"))
        self.defaults_button = QPushButton(self.tr("Rétablir les textes d'origine"))
        self.defaults_button.setAccessibleName(self.defaults_button.text())
        self.defaults_button.clicked.connect(self._on_defaults)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Enregistrer"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.defaults_button)
        layout.addWidget(buttons)
        size_in_text(self, 90, 36)

    def show_questionnaire(self) -> None:
        """Open on the questionnaire tab (where its link is entered)."""
        self.tabs.setCurrentIndex(1)
        self.questionnaire_edit.setFocus()

    def _on_defaults(self) -> None:
        self.subject_edit.setText(confirmation.DEFAULT_SUBJECT)
        self.body_edit.setPlainText(confirmation.DEFAULT_BODY)
        self.charter_edit.setPlainText(charter.DEFAULT_TEMPLATE)
        self.q_subject_edit.setText(questionnaire_message.DEFAULT_SUBJECT)
        self.q_body_edit.setPlainText(questionnaire_message.DEFAULT_BODY)

    def save(self) -> bool:
        try:
            self._settings.save_templates(
                self.subject_edit.text(),
                self.body_edit.toPlainText(),
                self.charter_edit.toPlainText(),
                self.questionnaire_edit.text(),
                (self.q_subject_edit.text(), self.q_body_edit.toPlainText()),
                self.reminder_spin.value(),
            )
        except (TemplateError, ValueError) as error:
            prompts.warn(self, self.tr("Modèle incorrect"), str(error))
            return False
        self.accept()
        return True
