"""A message to the member, ready to send: preview, .eml draft or copied text, then « envoyé ».

The confirmation of an appointment and the satisfaction questionnaire share this
dialog: the preview (À, Objet, text), the draft and copy buttons, the templates, the
status line and the « envoyé » button. Each subclass says how its message is built,
written and named, and what « envoyé » does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths
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

from ecoute_desktop.services import confirmation
from ecoute_desktop.services.charter import TemplateError
from ecoute_desktop.services.os_errors import error_text
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.dialog_size import size_in_text
from ecoute_desktop.ui.common.status_label import StatusLabel
from ecoute_desktop.ui.common.widget_kit import emphasize


def documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder or Path.home())


class MessageDraftDialog(QDialog):
    """The shared preview and buttons; subclasses fill `extra_rows` and the hooks."""

    def __init__(self, context: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        texts, extra_rows = self.texts(), self.extra_rows()
        self._context = context
        self._case_id = case_id
        self.case = context.services.cases.get(case_id)
        self.setWindowTitle(texts["title"])
        self.setAccessibleName(self.windowTitle())
        self.to_label = QLabel()
        self.to_label.setWordWrap(True)  # a long name and address would widen the dialog
        self.subject_label = QLabel()
        self.subject_label.setWordWrap(True)
        self.body = QPlainTextEdit()
        self.body.setReadOnly(True)
        self.body.setTabChangesFocus(True)
        self.body.setAccessibleName(self.tr("Texte du message"))
        form = QFormLayout()
        form.addRow(self.tr("À :"), self.to_label)
        form.addRow(self.tr("Objet :"), self.subject_label)
        for label, widget in extra_rows:
            form.addRow(label, widget)
        self.eml_button = QPushButton(self.tr("Créer le brouillon pour ma messagerie (.eml)…"))
        self.copy_button = QPushButton(texts["copy"])
        self.templates_button = QPushButton(self.tr("Modifier les modèles…"))
        self.sent_button = QPushButton(texts["sent"])
        emphasize(self.sent_button)
        for button in (self.eml_button, self.copy_button, self.templates_button, self.sent_button):
            button.setAccessibleName(button.text().rstrip("…"))
        self.eml_button.clicked.connect(self._on_eml)
        self.copy_button.clicked.connect(self._on_copy)
        self.templates_button.clicked.connect(self._on_templates)
        self.sent_button.clicked.connect(self.mark_sent)
        self.status = StatusLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(texts["status"])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        for widget in (self.eml_button, self.copy_button, self.templates_button):
            layout.addWidget(widget)
        layout.addWidget(self.status)
        layout.addWidget(self.sent_button)
        layout.addWidget(buttons)
        size_in_text(self, 80, 30 + 4 * len(extra_rows))
        self.built: Any = None
        self.reload()

    # ---- what each message says and does -----------------------------------
    def texts(self) -> dict[str, str]:
        """title, copy (the copy button), sent (« envoyé »), status (the status line's name)."""
        raise NotImplementedError

    def extra_rows(self) -> list[tuple[str, QWidget]]:
        """Rows added under « À » and « Objet »."""
        return []

    def build(self) -> Any:
        raise NotImplementedError

    def write_eml(self, path: Path, built: Any) -> None:
        raise NotImplementedError

    def eml_name(self) -> str:
        raise NotImplementedError

    def eml_written(self, path: Path) -> str:
        raise NotImplementedError

    def show_in_system(self, path: Path) -> None:
        raise NotImplementedError

    def mark_sent(self) -> None:
        raise NotImplementedError

    def _on_copy(self) -> None:
        raise NotImplementedError

    def _ready(self, done: str) -> None:
        raise NotImplementedError

    # ---- shared -------------------------------------------------------------
    def reload(self) -> None:
        try:
            self.built = self.build()
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
        except confirmation.AddressError as error:  # the draft cannot be addressed: say why
            self.status.setText(str(error))
            self.eml_button.setEnabled(False)

    def _on_eml(self) -> None:
        if self.built is None:
            return
        path = prompts.ask_save_path(
            self,
            self.tr("Enregistrer le brouillon"),
            documents_folder() / self.eml_name(),
            self.tr("Message (*.eml)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".eml":
            path = path.with_suffix(".eml")
        try:
            self.write_eml(path, self.built)
        except confirmation.AddressError as error:
            prompts.warn(self, self.tr("Enregistrement impossible"), str(error))
            return
        except OSError as error:
            prompts.warn(self, self.tr("Enregistrement impossible"), error_text(error))
            return
        self.show_in_system(path)
        self._ready(self.eml_written(path))

    def _on_templates(self) -> None:
        from ecoute_desktop.ui.settings.templates_dialog import TemplatesDialog

        TemplatesDialog(self._context, self).exec()
        self.reload()
