"""« Aide » menu: the quick guide (resources/help/guide.html) and « À propos d'Écoute »."""

from __future__ import annotations

import html
import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop import __version__
from ecoute_desktop.resource_files import read_resource
from ecoute_desktop.ui.common.dialog_size import size_in_text


def guide_html() -> str:
    """The quick guide shipped in `resources/help/` (wheels and PyInstaller carry it)."""
    return read_resource("help", "guide.html")


class _TextDialog(QDialog):
    """A scrollable page of rich text with « Fermer », sized in lines of the current text."""

    def __init__(
        self, title: str, text: str, characters: int, lines: int, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(title)
        self.browser.setOpenLinks(False)
        self.browser.setHtml(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Fermer"))
        close.setAccessibleName(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        size_in_text(self, characters, lines)
        self.browser.setFocus()  # arrows and Page Down scroll at once

    def plain_text(self) -> str:
        return self.browser.toPlainText()


class GuideDialog(_TextDialog):
    """« Guide rapide »: the daily workflow in plain words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        title = QCoreApplication.translate("GuideDialog", "Guide rapide")
        super().__init__(title, guide_html(), 80, 34, parent)


class AboutDialog(_TextDialog):
    """« À propos d'Écoute »: version, where the database lives, what leaves the computer."""

    def __init__(
        self,
        db_path: Path | None,
        backup_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = QCoreApplication.translate("AboutDialog", "À propos d'Écoute")
        super().__init__(title, "", 72, 28, parent)
        self.browser.setHtml(self.about_html(db_path, backup_dir))

    def about_html(self, db_path: Path | None, backup_dir: Path | None) -> str:
        """Version, where the data lives, what leaves the computer, licences."""
        unknown = self.tr("(inconnu)")

        def folder(path: Path | None) -> str:
            return f"<code>{html.escape(str(path))}</code>" if path else unknown

        python = f"{sys.version_info.major}.{sys.version_info.minor}"
        parts = [
            ("h1", self.tr("Écoute")),
            (
                "p",
                self.tr(
                    "Version {0}. Le logiciel des écoutants du point d'écoute de l'association."
                ).format(html.escape(__version__)),
            ),
            ("h2", self.tr("Où sont vos données")),
            ("p", self.tr("Base chiffrée : {0}").format(folder(db_path))),
            ("p", self.tr("Sauvegardes : {0}").format(folder(backup_dir))),
            (
                "p",
                self.tr(
                    "Toutes vos données restent sur cet ordinateur, chiffrées (SQLCipher). Écoute"
                    " n'envoie rien sur Internet : rien ne quitte l'ordinateur, sauf les fichiers"
                    " que vous enregistrez vous-même (rapports, export anonymisé, brouillons de"
                    " courriel, sauvegardes) et ce que vous copiez."
                ),
            ),
            (
                "p",
                self.tr(
                    "Sans la phrase de passe, personne ne peut lire la base ni ses sauvegardes :"
                    " si elle est perdue, les données le sont aussi."
                ),
            ),
            ("h2", self.tr("Licences")),
            (
                "p",
                self.tr(
                    "Les polices DejaVu Sans incluses pour les PDF sont libres (licence Bitstream"
                    " Vera et domaine public pour les changements DejaVu), fournies avec leur"
                    " licence dans le dossier resources/fonts du logiciel."
                ),
            ),
            (
                "p",
                self.tr(
                    "Écoute utilise Qt et PySide6 {0} (LGPL v3), SQLCipher (BSD), ReportLab (BSD)"
                    " et Python {1}."
                ).format(html.escape(pyside_version), python),
            ),
        ]
        return "".join(f"<{tag}>{text}</{tag}>" for tag, text in parts)


def open_dialog(dialog: QDialog) -> QDialog:
    """Show a help dialog without blocking the window (it is deleted when closed)."""
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setModal(False)
    dialog.show()
    return dialog
