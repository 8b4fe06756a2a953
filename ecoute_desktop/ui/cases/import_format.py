"""« Format attendu » of the spreadsheet import: the header line and what each column accepts."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.services.atomic import write_bytes_atomic
from ecoute_desktop.services.csv_import import COLUMNS, REQUIRED
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.dialog_size import size_in_text
from ecoute_desktop.ui.common.translatable import QT_TRANSLATE_NOOP

HEADER_LINE = ";".join(COLUMNS)
BREAK = "\u200b"  # zero-width space: the shown header line wraps between columns only


class _Browser(QTextBrowser):
    """A text browser whose copies leave out the invisible line-break hints."""

    def createMimeDataFromSelection(self) -> QMimeData:
        data = QMimeData()
        data.setText(self.textCursor().selection().toPlainText().replace(BREAK, ""))
        return data


# What each column may hold, in plain French; {dates} stands for DATES.
DATES = QT_TRANSLATE_NOOP(
    "ImportFormatDialog",
    "une date : JJ/MM/AAAA, JJ/MM/AAAA HH:MM ou AAAA-MM-JJTHH:MM (heure de Paris)",
)
COLUMN_HELP: dict[str, str] = {
    "reference": QT_TRANSLATE_NOOP(
        "ImportFormatDialog", "AAAA-L-NNN, par exemple 2025-A-042 ; vide : numéro attribué"
    ),
    "date_reception": QT_TRANSLATE_NOOP("ImportFormatDialog", "obligatoire ; {dates}"),
    "nom": QT_TRANSLATE_NOOP("ImportFormatDialog", "obligatoire ; le nom de l'adhérent"),
    "prenom": QT_TRANSLATE_NOOP("ImportFormatDialog", "le prénom"),
    "fonction": QT_TRANSLATE_NOOP(
        "ImportFormatDialog", "la fonction (par exemple « Directeur des services techniques »)"
    ),
    "collectivite": QT_TRANSLATE_NOOP("ImportFormatDialog", "la collectivité employeur"),
    "telephone": QT_TRANSLATE_NOOP("ImportFormatDialog", "le numéro de téléphone"),
    "email": QT_TRANSLATE_NOOP("ImportFormatDialog", "l'adresse électronique (avec un @)"),
    "urgent": QT_TRANSLATE_NOOP(
        "ImportFormatDialog", "oui ou non (aussi o/n, 1/0, vrai/faux, x) ; vide : non"
    ),
    "thematiques": QT_TRANSLATE_NOOP(
        "ImportFormatDialog",
        "les thèmes séparés par | , chacun « Thème » ou « Thème/Sous-thème »,"
        " par exemple Carrière/Mobilité|Juridique",
    ),
    "orientations": QT_TRANSLATE_NOOP(
        "ImportFormatDialog", "les orientations de l'annuaire séparées par | "
    ),
    "date_accuse_reception": "{dates}",  # nothing to translate
    "date_rdv": QT_TRANSLATE_NOOP(
        "ImportFormatDialog", "{dates} ; devient le rendez-vous (45 min)"
    ),
    "statut": QT_TRANSLATE_NOOP(
        "ImportFormatDialog",
        "reçue, accusée, rdv fixé, appel effectué, clôturée ou sans suite"
        " (par exemple « sans suite (injoignable) ») ; vide : déduit des dates",
    ),
    "date_questionnaire": "{dates}",
    "notes": QT_TRANSLATE_NOOP("ImportFormatDialog", "le texte devient la première note d'appel"),
}


def column_help() -> list[tuple[str, str]]:
    """Each column of the contract and, in the user's language, what it may hold."""
    dates = QCoreApplication.translate("ImportFormatDialog", DATES)
    return [
        (name, QCoreApplication.translate("ImportFormatDialog", text).format(dates=dates))
        for name, text in COLUMN_HELP.items()
    ]


class ImportFormatDialog(QDialog):
    """The column contract, readable at 200 % (scrolls), with a blank template to save."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Format attendu du tableur"))
        self.setAccessibleName(self.windowTitle())
        self.text = _Browser()
        self.text.setAccessibleName(self.tr("Colonnes attendues et formats acceptés"))
        self.text.setOpenLinks(False)
        self.text.setHtml(self.format_html())
        self.template_button = QPushButton(self.tr("Enregistrer un modèle vide…"))
        self.template_button.setAccessibleName(self.tr("Enregistrer un modèle vide"))
        self.template_button.setToolTip(
            self.tr("Un fichier CSV qui ne contient que la ligne des titres, à compléter.")
        )
        self.template_button.clicked.connect(self.save_template)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.template_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Colonnes du tableur à importer"))
        title.setStyleSheet("font-weight: bold;")
        layout.addWidget(title)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        size_in_text(self, 90, 32)

    def format_html(self) -> str:
        """The whole explanation shown by the dialog."""
        rows = "".join(
            f"<tr><td><b>{html.escape(name)}</b></td><td>{html.escape(text)}</td></tr>"
            for name, text in column_help()
        )
        required = self.tr(" et ").join(REQUIRED)
        parts = [
            "<p>"
            + self.tr("La première ligne du fichier nomme les colonnes, par exemple :")
            + "</p>",
            f"<p><code>{html.escape(HEADER_LINE).replace(';', ';' + BREAK)}</code></p>",
            "<p>"
            + self.tr(
                "Seules les colonnes {0} sont obligatoires ; les autres peuvent manquer ou"
                " rester vides, et leur ordre est libre. Les majuscules et les accents des"
                " titres ne comptent pas (« Prénom » vaut « prenom »)."
            ).format(html.escape(required))
            + "</p>",
            "<p>"
            + self.tr(
                "Séparateur point-virgule ( ; ) ou virgule ( , ). Encodage UTF-8 (avec ou sans"
                " BOM) ou Windows-1252 : un « Enregistrer sous… CSV » de votre tableur convient."
            )
            + "</p>",
            f"<table cellpadding='4'>{rows}</table>",
            "<p>"
            + self.tr(
                "Tout ou rien : une seule ligne en erreur et aucune sollicitation n'est"
                " importée. Une sollicitation dont la référence est déjà dans la base est"
                " laissée telle quelle : vous pouvez importer le même fichier deux fois."
            )
            + "</p>",
        ]
        return "".join(parts).replace("« ", "«\u00a0").replace(" »", "\u00a0»")  # never an orphan »

    def save_template(self) -> Path | None:
        """Write a CSV holding only the header line (UTF-8 with BOM, as spreadsheets like)."""
        path = prompts.ask_save_path(
            self,
            self.tr("Enregistrer un modèle de tableur"),
            Path.home() / "modele-sollicitations.csv",
            self.tr("Tableur CSV (*.csv)"),
        )
        if path is None:
            return None
        try:
            write_bytes_atomic(path, ("\ufeff" + HEADER_LINE + "\r\n").encode("utf-8"))
        except OSError:
            prompts.warn(
                self,
                self.tr("Modèle non enregistré"),
                self.tr("Le fichier « {0} » n'a pas pu être écrit.").format(path.name),
            )
            return None
        return path
