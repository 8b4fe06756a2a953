"""The confirmation to the member: preview, .eml draft, or copied text and saved attachments."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.domain.french_dates import long_datetime
from ecoute_desktop.services import confirmation
from ecoute_desktop.services.os_errors import error_text
from ecoute_desktop.ui.case.message_draft_dialog import MessageDraftDialog, documents_folder
from ecoute_desktop.ui.case.sheet_choices import SheetChoices
from ecoute_desktop.ui.common import clipboard, prompts
from ecoute_desktop.ui.common.context import AppContext


def show_in_system(path: Path) -> None:
    """Open a file with its application, or a folder in the file manager (tests patch this)."""
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


_documents = documents_folder


class ConfirmationDialog(MessageDraftDialog):
    """Shows what the member will receive and produces it where the user chooses."""

    def __init__(self, context: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        # Before the shared dialog: it lays out `extra_rows` and builds the message.
        self.sheet_choices = SheetChoices(context.services.referentiel.current().sheets)
        self.sheet_boxes = self.sheet_choices.boxes
        super().__init__(context, case_id, parent)
        self.sent_button.setToolTip(
            self.tr("À cliquer une fois le message parti : l'accusé de réception compte alors.")
        )
        self.sheet_choices.changed.connect(self.reload)

    def texts(self) -> dict[str, str]:
        return {
            "title": self.tr("Confirmation du rendez-vous"),
            "copy": self.tr("Copier le texte et enregistrer les pièces jointes (webmail)…"),
            # The 48 h clock stops when the reply has left, not when its draft is written.
            "sent": self.tr("Confirmation envoyée"),
            "status": self.tr("État de la confirmation"),
        }

    def extra_rows(self) -> list[tuple[str, QWidget]]:
        self.attachments_label = QLabel(
            f"{confirmation.CHARTER_FILENAME}, {confirmation.ICS_FILENAME}"
        )
        self.attachments_label.setWordWrap(True)
        attachments = QWidget()
        self.attachments_box = QVBoxLayout(attachments)
        self.attachments_box.setContentsMargins(0, 0, 0, 0)
        self.attachments_box.addWidget(self.attachments_label)
        self.attachments_box.addWidget(self.sheet_choices)
        return [(self.tr("Pièces jointes :"), attachments)]

    def build(self) -> confirmation.Confirmation:
        chosen = self.sheet_choices.chosen()
        built = self._context.services.cases.build_confirmation(self._case_id, chosen)
        self.attachments_label.setText(", ".join(name for name, *_ in built.attachments()))
        return built

    def write_eml(self, path: Path, built: confirmation.Confirmation) -> None:
        confirmation.write_eml(path, built)

    def eml_name(self) -> str:
        return confirmation.suggested_eml_name(self.case.reference)

    def eml_written(self, path: Path) -> str:
        return self.tr("Brouillon enregistré : {name}. Vérifiez-le puis envoyez-le.").format(
            name=path.name
        )

    def show_in_system(self, path: Path) -> None:
        show_in_system(path)  # the module's function: tests replace it

    def _ready(self, done: str) -> None:
        """A draft or the text is ready: the acknowledgment waits for « envoyée »."""
        case = self._context.services.cases.get(self._case_id)
        if case.acknowledged_at is None:
            done += " " + self.tr(
                "Une fois le message parti, cliquez sur « Confirmation envoyée » :"
                " l'accusé de réception compte à ce moment-là."
            )
            self.sent_button.setFocus()
        self.status.setText(done)

    def mark_sent(self) -> None:
        """The member has the reply: the acknowledgment is stamped now (once)."""
        stamped = self._context.services.cases.stamp_acknowledgment(self._case_id)
        case = self._context.services.cases.get(self._case_id)
        if stamped and case.acknowledged_at is not None:
            self.status.setText(
                self.tr("Accusé de réception enregistré le {when}.").format(
                    when=long_datetime(case.acknowledged_at)
                )
            )
        else:
            self.status.setText(self.tr("Confirmation envoyée."))
        self.sent_button.setEnabled(False)

    def _on_copy(self) -> None:
        if self.built is None:
            return
        folder = prompts.ask_directory(
            self, self.tr("Dossier où enregistrer les pièces jointes"), _documents()
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
                "(il est ensuite effacé du presse-papiers) et joignez les deux fichiers "
                "du dossier {folder}."
            ).format(folder=folder)
        )
