"""Coordination › Référentiel partagé: the version installed, the import for hotliners, and
for the coordinator the editing (themes, directory, practical sheets) and the publication."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.domain.referentiel import FILE_SUFFIX, RefSheet
from ecoute_desktop.services.os_errors import os_error_message
from ecoute_desktop.services.referentiel_file import ReferentielError
from ecoute_desktop.services.referentiel_plan import french_day
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.case_table import RowTable
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.dialog_size import size_in_text
from ecoute_desktop.ui.common.flow_layout import FlowLayout
from ecoute_desktop.ui.common.table_model import Column, RowTableModel
from ecoute_desktop.ui.common.widget_kit import accept_reject_buttons
from ecoute_desktop.ui.coordination.referentiel_import import choose_and_import

SHEET_COLUMNS: list[Column[RefSheet]] = [
    Column("Fiche pratique", lambda sheet: sheet.title),
    Column("Fichier", lambda sheet: sheet.file_name),
    Column("Taille", lambda sheet: f"{max(1, len(sheet.pdf) // 1024)} Ko"),
]


def _button(text: str, slot: object) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(text.rstrip("…"))
    button.clicked.connect(slot)
    return button


class SheetsPanel(QWidget):
    """The practical sheets that leave with the next publication."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model: RowTableModel[RefSheet] = RowTableModel(SHEET_COLUMNS, self)
        self.table = RowTable(self.model, None, self.tr("Fiches pratiques"), sortable=False)
        self.table.keep_within_width(0)
        self.add_button = _button(self.tr("Ajouter une fiche (PDF)…"), self.add_sheet)
        self.remove_button = _button(self.tr("Retirer la fiche"), self.remove_sheet)
        buttons = FlowLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(self.context.services.referentiel.current().sheets)

    def add_sheet(self) -> None:
        path = prompts.ask_open_path(self, self.tr("Ajouter une fiche pratique"), "PDF (*.pdf)")
        if path is None:
            return
        title = prompts.ask_text(self, self.tr("Fiche pratique"), self.tr("Titre :"), path.stem)
        if title is None:
            return
        try:
            self.context.services.referentiel.add_sheet(path, title)
        except ReferentielError as error:
            prompts.warn(self, self.tr("Fiche refusée"), str(error))
        self.reload()

    def remove_sheet(self) -> None:
        index = self.table.currentIndex()
        sheet = cast(RefSheet | None, self.table.source_row(index) if index.isValid() else None)
        if sheet is None:
            prompts.inform(self, self.tr("Fiches pratiques"), self.tr("Choisissez une fiche."))
            return
        self.context.services.referentiel.remove_sheet(sheet.id)
        self.reload()


class ReferentielEditor(QDialog):
    """Themes, directory and sheets of the référentiel, edited before publishing."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ecoute_desktop.ui.settings.settings_reference import DirectoryPanel, TaxonomyPanel
        from ecoute_desktop.ui.settings.templates_dialog import TemplatesDialog

        self.setWindowTitle(self.tr("Modifier le référentiel"))
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Parties du référentiel"))
        self.tabs.addTab(TaxonomyPanel(context), self.tr("Thèmes"))
        self.tabs.addTab(DirectoryPanel(context), self.tr("Annuaire"))
        self.tabs.addTab(SheetsPanel(context), self.tr("Fiches pratiques"))
        note = QLabel(
            self.tr(
                "La charte, le message de confirmation et l'adresse du questionnaire de ce"
                " poste partent aussi avec le référentiel."
            )
        )
        note.setWordWrap(True)
        self.templates_button = _button(
            self.tr("Modèles des messages et de la charte…"),
            lambda: TemplatesDialog(context, self).exec(),
        )
        box, _close, cancel = accept_reject_buttons(
            (self.tr("Fermer"), self.tr("Fermer"), self.accept),
            (self.tr("Annuler"), self.tr("Annuler"), self.reject),
            default=True,
        )
        cancel.hide()  # every change is saved as it is made: « Fermer » only
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(note)
        layout.addWidget(self.templates_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(box)
        size_in_text(self, 90, 30)


class ReferentielPanel(QGroupBox):
    """The référentiel shared by every hotliner of the association."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Référentiel partagé"), parent)
        self.context = context
        self.state_label = QLabel()
        self.state_label.setWordWrap(True)
        self.import_button = _button(self.tr("Importer un référentiel…"), self.import_file)
        self.edit_button = _button(self.tr("Modifier le référentiel…"), self.edit)
        self.publish_button = _button(self.tr("Publier la version suivante…"), self.publish)
        hint = QLabel(
            self.tr(
                "Écoutants : importez le fichier reçu de la coordination ; les changements"
                " s'affichent avant d'être appliqués. Coordination : modifiez les thèmes,"
                " l'annuaire et les fiches, puis publiez un fichier signé à envoyer à tous."
            )
        )
        hint.setWordWrap(True)
        buttons = FlowLayout()
        for button in (self.import_button, self.edit_button, self.publish_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state_label)
        layout.addWidget(hint)
        layout.addLayout(buttons)
        context.events.reference_data_changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        services = self.context.services.referentiel
        state = services.installed()
        if not state.version:
            text = self.tr("Aucun référentiel installé : thèmes et annuaire propres à ce poste.")
        else:
            text = self.tr("Version {number} du {day} installée ; clé : {words}.").format(
                number=state.version,
                day=french_day(state.published_on),
                words=services.trusted_fingerprint(),
            )
        self.state_label.setText(text)

    def import_file(self) -> None:
        choose_and_import(self.context, self)
        self.reload()

    def edit(self) -> None:
        ReferentielEditor(self.context, self).exec()
        self.reload()

    def publish(self) -> None:
        services = self.context.services.referentiel
        number = services.installed().version + 1
        path = prompts.ask_save_path(
            self,
            self.tr("Publier le référentiel"),
            self._suggested(number),
            self.tr("Référentiel Écoute (*{suffix})").format(suffix=FILE_SUFFIX),
        )
        if path is None:
            return
        if not path.name.endswith(FILE_SUFFIX):
            path = path.with_name(path.name + FILE_SUFFIX)
        try:
            published = services.publish(path)
        except ReferentielError as error:
            prompts.warn(self, self.tr("Publication impossible"), str(error))
            return
        except OSError as error:
            prompts.warn(self, self.tr("Publication impossible"), os_error_message(error))
            return
        prompts.inform(
            self,
            self.tr("Référentiel publié"),
            self.tr(
                "Version {number} publiée : {path}.\nClé de la coordination : {words}.\n"
                "Envoyez ce fichier aux écoutants ; à leur première importation, ils"
                " vérifieront ces mots avec vous."
            ).format(number=published.version, path=path, words=services.publisher_fingerprint()),
        )
        self.reload()

    def _suggested(self, number: int) -> Path:
        return Path.home() / f"referentiel-v{number}{FILE_SUFFIX}"
