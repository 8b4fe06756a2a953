"""Paramètres: the theme taxonomy and the orientation directory (retired entries keep history)."""

from __future__ import annotations

from typing import cast

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.domain.models import OrientationTarget, Theme
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.case_table import RowTable
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.flow_layout import FlowLayout
from ecoute_desktop.ui.common.table_model import Column, RowTableModel


def _button(text: str, slot: object) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(text.rstrip("…"))
    button.clicked.connect(slot)
    return button


def _list_of_rows(table: RowTable, rows: int, droppable: tuple[int, ...]) -> None:
    """At least `rows` rows shown (the page scrolls, not a 3-row list inside it), never a
    sideways scroll bar: the first column is elided, then the `droppable` ones hidden."""
    table.keep_within_width(0, droppable=droppable)
    header = table.horizontalHeader().sizeHint().height()
    table.setMinimumHeight(header + table.verticalHeader().defaultSectionSize() * rows + 4)


def entry_state(retired: bool, ref_id: str | None, shared: bool) -> str:
    """« en service », « retiré », and « · local » for an entry added on this laptop once a
    référentiel is installed (it stays through imports, and stays on this laptop only)."""
    state = "retiré" if retired else "en service"
    return f"{state} · local" if shared and not ref_id else state


class TaxonomyPanel(QWidget):
    """Add, rename, retire or restore themes and sub-themes."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.model = RowTableModel[Theme](
            [
                Column(self.tr("Thème"), lambda t: ("      " if t.parent_id else "") + t.label),
                Column(self.tr("Niveau"), lambda t: "sous-thème" if t.parent_id else "thème"),
                Column(self.tr("État"), lambda t: entry_state(t.retired, t.ref_id, self.shared)),
            ],
            self,
        )
        self.shared = False  # a référentiel is installed: entries without an id are « local »
        self.table = RowTable(self.model, None, self.tr("Thèmes"), sortable=False)
        _list_of_rows(self.table, 8, droppable=(2, 1))
        self.add_button = _button(self.tr("Ajouter un thème…"), self.add_theme)
        self.add_child_button = _button(self.tr("Ajouter un sous-thème…"), self.add_sub_theme)
        self.rename_button = _button(self.tr("Renommer…"), self.rename)
        self.move_button = _button(self.tr("Déplacer…"), self.move_sub_theme)
        self.retire_button = _button(self.tr("Retirer / remettre en service"), self.toggle_retired)
        self.import_button = _button(
            self.tr("Importer le référentiel de la coordination…"), self.import_referentiel
        )
        buttons = FlowLayout()
        for button in (
            self.add_button,
            self.add_child_button,
            self.rename_button,
            self.move_button,
            self.retire_button,
            self.import_button,
        ):
            buttons.addWidget(button)
        note = QLabel(
            self.tr(
                "Un thème retiré n'est plus proposé pour les nouvelles sollicitations ;"
                " celles déjà classées le gardent, et les statistiques passées ne changent pas."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.reload()

    def reload(self) -> None:
        self.shared = bool(self.context.services.referentiel.installed().version)
        self.model.set_rows(self.context.services.reference.themes(include_retired=True))

    def import_referentiel(self) -> None:
        """The coordination's file: its changes shown, then applied (or not)."""
        from ecoute_desktop.ui.coordination.referentiel_import import choose_and_import

        choose_and_import(self.context, self)
        self.reload()

    def selected(self) -> Theme | None:
        index = self.table.currentIndex()
        row = self.table.source_row(index) if index.isValid() else None
        return cast(Theme | None, row)  # the table lists the themes

    def select(self, theme_id: int) -> None:
        for row, theme in enumerate(self.model.rows()):
            if theme.id == theme_id:
                self.table.setCurrentIndex(self.model.index(row, 0))
                return

    def _changed(self, select_id: int | None = None) -> None:
        self.reload()
        if select_id is not None:
            self.select(select_id)

    def _ask(self, title: str, text: str = "") -> str | None:
        answer = prompts.ask_text(self, title, self.tr("Libellé :"), text)
        return answer.strip() if answer and answer.strip() else None

    def add_theme(self) -> None:
        label = self._ask(self.tr("Nouveau thème"))
        if label:
            self._changed(self.context.services.reference.add_theme(label).id)

    def add_sub_theme(self) -> None:
        theme = self.selected()
        if theme is None:
            prompts.inform(self, self.tr("Sous-thème"), self.tr("Choisissez d'abord un thème."))
            return
        parent_id = theme.parent_id or theme.id
        label = self._ask(self.tr("Nouveau sous-thème"))
        if label:
            self._changed(self.context.services.reference.add_theme(label, parent_id).id)

    def move_sub_theme(self) -> None:
        """Put the chosen sub-theme under another theme."""
        theme = self.selected()
        if theme is None or theme.parent_id is None:
            prompts.inform(self, self.tr("Déplacer"), self.tr("Choisissez d'abord un sous-thème."))
            return
        tops = [t for t in self.context.services.reference.themes() if t.parent_id is None]
        others = [t for t in tops if t.id != theme.parent_id]
        label = self.tr("Ranger « {name} » sous le thème :").format(name=theme.label)
        chosen = prompts.ask_choice(
            self, self.tr("Déplacer le sous-thème"), label, [t.label for t in others]
        )
        target = next((t for t in others if t.label == chosen), None)
        if target is not None:
            self.context.services.reference.move_theme(theme.id, target.id)
            self._changed(theme.id)

    def rename(self) -> None:
        theme = self.selected()
        if theme is None:
            return
        label = self._ask(self.tr("Renommer le thème"), theme.label)
        if label:
            self.context.services.reference.rename_theme(theme.id, label)
            self._changed(theme.id)

    def toggle_retired(self) -> None:
        theme = self.selected()
        if theme is not None:
            self.context.services.reference.set_theme_retired(theme.id, not theme.retired)
            self._changed(theme.id)


class DirectoryPanel(QWidget):
    """Orientation directory: contact details read out to members, national flag, retire."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.current: OrientationTarget | None = None
        self.model = RowTableModel[OrientationTarget](
            [
                Column(self.tr("Organisme"), lambda t: t.label),
                Column(self.tr("National"), lambda t: "oui" if t.national else ""),
                Column(self.tr("Contact"), lambda t: t.telephone),
                Column(self.tr("État"), lambda t: entry_state(t.retired, t.ref_id, self.shared)),
            ],
            self,
        )
        self.shared = False  # as in TaxonomyPanel
        self.table = RowTable(self.model, None, self.tr("Annuaire"), sortable=False)
        _list_of_rows(self.table, 6, droppable=(3, 1))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._load())
        self.label_edit, self.telephone_edit = QLineEdit(), QLineEdit()
        self.email_edit, self.website_edit = QLineEdit(), QLineEdit()
        self.details_edit = QPlainTextEdit()
        self.details_edit.setTabChangesFocus(True)
        self.details_edit.setMaximumHeight(self.fontMetrics().height() * 4)
        self.national_box = QCheckBox(self.tr("Niveau national (compte dans les indicateurs)"))
        self.national_box.setAccessibleName(self.tr("Niveau national"))
        form = QFormLayout()
        for label, edit in (
            (self.tr("Organisme"), self.label_edit),
            (self.tr("Contact à lire"), self.telephone_edit),
            (self.tr("Courriel"), self.email_edit),
            (self.tr("Adresse ou site"), self.website_edit),
            (self.tr("Quand orienter"), self.details_edit),
        ):
            edit.setAccessibleName(label)
            form.addRow(label + " :", edit)
        form.addRow(self.national_box)  # the whole width: at 200 % it fits beside the rubrics
        self.new_button = _button(self.tr("Nouvel organisme"), self.new_entry)
        self.save_button = _button(self.tr("Enregistrer"), self.save)
        self.retire_button = _button(self.tr("Retirer / remettre en service"), self.toggle_retired)
        buttons = FlowLayout()
        for button in (self.new_button, self.save_button, self.retire_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 2)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        self.shared = bool(self.context.services.referentiel.installed().version)
        self.model.set_rows(self.context.services.reference.directory(include_retired=True))
        for row, target in enumerate(self.model.rows()):
            if target.id == select_id:
                self.table.setCurrentIndex(self.model.index(row, 0))

    def _load(self) -> None:
        index = self.table.currentIndex()
        row = self.table.source_row(index) if index.isValid() else None
        target = cast(OrientationTarget | None, row)  # the table lists the directory
        self.current = target
        if target is None:
            return
        self.label_edit.setText(target.label)
        self.telephone_edit.setText(target.telephone)
        self.email_edit.setText(target.email)
        self.website_edit.setText(target.website)
        self.details_edit.setPlainText(target.details)
        self.national_box.setChecked(target.national)

    def new_entry(self) -> None:
        self.table.clearSelection()
        self.current = None
        for edit in (self.label_edit, self.telephone_edit, self.email_edit, self.website_edit):
            edit.clear()
        self.details_edit.clear()
        self.national_box.setChecked(False)
        self.label_edit.setFocus()

    def save(self) -> None:
        label = self.label_edit.text().strip()
        if not label:
            prompts.warn(self, self.tr("Annuaire"), self.tr("Indiquez le nom de l'organisme."))
            return
        contact = {
            "telephone": self.telephone_edit.text(),
            "email": self.email_edit.text(),
            "website": self.website_edit.text(),
            "details": self.details_edit.toPlainText(),
        }
        current_id = self.current.id if self.current is not None else None
        saved = self.context.services.reference.save_target(
            current_id, label, self.national_box.isChecked(), **contact
        )
        self.reload(saved.id)

    def toggle_retired(self) -> None:
        if self.current is not None:
            self.context.services.reference.set_target_retired(
                self.current.id,
                not self.current.retired,
            )
            self.reload(self.current.id)
