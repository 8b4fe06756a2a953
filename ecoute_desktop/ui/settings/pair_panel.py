"""Paramètres › Binôme: link with the pair phrase, unlink, the exchange folder (issue 11)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.services.binome.phrase import PhraseError
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.formatting import short_datetime


class PairPanel(QWidget):
    """Link this base to the partner's, unlink it, and choose the exchange folder."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.state_label.setAccessibleName(self.tr("État du binôme"))
        link_box = QGroupBox(self.tr("Lier ma base à celle de mon binôme"))
        self.draw_button = QPushButton(self.tr("Créer une phrase du binôme"))
        self.draw_button.setToolTip(
            self.tr("Pour le premier des deux : neuf mots à lire à votre binôme au téléphone.")
        )
        self.draw_button.clicked.connect(self.draw)
        self.phrase_label = QLabel()
        self.phrase_label.setWordWrap(True)
        self.phrase_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.phrase_label.setAccessibleName(self.tr("Phrase du binôme à lire"))
        self.phrase_edit = QLineEdit()
        self.phrase_edit.setPlaceholderText(self.tr("les neuf mots lus par votre binôme"))
        self.phrase_edit.setAccessibleName(self.tr("Phrase du binôme reçue"))
        self.phrase_edit.returnPressed.connect(self.link)
        self.link_button = QPushButton(self.tr("Lier avec cette phrase"))
        self.link_button.clicked.connect(self.link)
        self.unlink_button = QPushButton(self.tr("Délier"))
        self.unlink_button.setAccessibleName(self.tr("Délier ma base de celle de mon binôme"))
        self.unlink_button.clicked.connect(self.unlink)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message du binôme"))
        typed = QHBoxLayout()
        typed.addWidget(self.phrase_edit, 1)
        typed.addWidget(self.link_button)
        box = QVBoxLayout(link_box)
        box.addWidget(self.draw_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.phrase_label)
        box.addWidget(QLabel(self.tr("Ou tapez la phrase que votre binôme vous a lue :")))
        box.addLayout(typed)
        box.addWidget(self.unlink_button, 0, Qt.AlignmentFlag.AlignLeft)
        box.addWidget(self.message)
        folder_box = QGroupBox(self.tr("Dossier d'échange (facultatif)"))
        self.folder_edit = QLineEdit()
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setPlaceholderText(self.tr("Aucun : les fichiers passent à la main"))
        self.folder_edit.setAccessibleName(self.tr("Dossier d'échange"))
        self.choose_button = QPushButton(self.tr("Choisir…"))
        self.choose_button.setAccessibleName(self.tr("Choisir le dossier d'échange"))
        self.choose_button.clicked.connect(self.choose_folder)
        self.clear_button = QPushButton(self.tr("Aucun"))
        self.clear_button.setAccessibleName(self.tr("Ne plus utiliser de dossier d'échange"))
        self.clear_button.clicked.connect(lambda: self.set_folder(""))
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.choose_button)
        row.addWidget(self.clear_button)
        hint = QLabel(
            self.tr(
                "Un dossier que vous partagez déjà tous les deux (Nextcloud, disque partagé…) : "
                "Écoute y écrit votre fichier au verrouillage et en quittant, et lit celui de "
                "votre binôme au déverrouillage. Les fichiers sont chiffrés."
            )
        )
        hint.setWordWrap(True)
        folder_form = QFormLayout(folder_box)
        folder_form.addRow(row)
        folder_form.addRow(hint)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_label)
        layout.addWidget(link_box)
        layout.addWidget(folder_box)
        layout.addStretch(1)
        self.reload()

    def reload(self) -> None:
        status = self.context.services.pair.status()
        if not status.linked:
            text = self.tr("Votre base n'est liée à aucun binôme.")
        elif status.last_exchange_at is None:
            text = self.tr("Base liée à votre binôme ; aucun échange encore.")
        else:
            text = self.tr("Base liée à votre binôme {0} ; dernier échange le {1}.").format(
                status.partner, short_datetime(status.last_exchange_at)
            )
        self.state_label.setText(text)
        self.unlink_button.setEnabled(status.linked)
        self.folder_edit.setText(status.folder)
        for widget in (self.choose_button, self.clear_button):
            widget.setEnabled(status.linked)

    def draw(self) -> None:
        if self.context.services.pair.status().linked and not prompts.ask_yes_no(
            self,
            self.tr("Nouvelle phrase du binôme"),
            self.tr(
                "Votre base est déjà liée. Une nouvelle phrase remplace l'ancienne : "
                "votre binôme devra la taper à son tour. Continuer ?"
            ),
        ):
            return
        phrase = self.context.services.pair.link_new()
        self.phrase_label.setText(
            self.tr(
                "<p>Lisez ces neuf mots à votre binôme, qui les tape dans sa propre base "
                "(le dernier sert de contrôle) :</p><p><b>{0}</b></p>"
            ).format(phrase)
        )
        self.message.setText(self.tr("Votre base est liée. La phrase ne sera plus affichée."))
        self.reload()

    def link(self) -> None:
        try:
            self.context.services.pair.link(self.phrase_edit.text())
        except PhraseError as error:
            self.message.setText(str(error))
            self.phrase_edit.setFocus()
            return
        self.phrase_edit.clear()
        self.message.setText(self.tr("Votre base est liée à celle de votre binôme."))
        self.reload()

    def unlink(self) -> None:
        if not prompts.confirm_action(
            self,
            self.tr("Délier"),
            self.tr(
                "Les fichiers de votre binôme ne seront plus acceptés, et les vôtres ne "
                "seront plus écrits. Les sollicitations déjà reçues restent."
            ),
            self.tr("Délier"),
        ):
            return
        self.context.services.pair.unlink()
        self.phrase_label.clear()
        self.message.setText(self.tr("Votre base n'est plus liée."))
        self.reload()

    def choose_folder(self) -> None:
        folder = prompts.ask_directory(self, self.tr("Dossier d'échange avec mon binôme"))
        if folder is not None:
            self.set_folder(str(folder))

    def set_folder(self, folder: str) -> None:
        if folder and not Path(folder).is_dir():
            return
        self.context.services.pair.set_folder(folder)
        self.reload()

    def clear_personal_data(self) -> None:
        self.phrase_label.clear()
        self.phrase_edit.clear()
        self.message.clear()
