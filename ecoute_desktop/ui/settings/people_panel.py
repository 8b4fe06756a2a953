"""Paramètres: my own profile (rubric « Profil ») and my partner's contact details (rubric
« Binôme », above the linking panel). The two forms are one pair, saved together from either."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.domain.models import Hotliner
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.field_labels import field_label
from ecoute_desktop.ui.common.status_label import StatusLabel


class PersonForm(QGroupBox):
    """Nom, prénom, téléphone, courriel of one person, each field named after the group."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.person: Hotliner | None = None
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout(self)
        for key in ("nom", "prenom", "telephone", "email"):
            label = field_label(key)
            edit = QLineEdit()
            edit.setAccessibleName(f"{label} ({title})")
            form.addRow(label + " :", edit)
            self.edits[key] = edit

    def show_person(self, person: Hotliner | None) -> None:
        self.person = person
        for key, edit in self.edits.items():
            edit.setText(getattr(person, key) if person else "")

    def value(self, is_self: bool) -> Hotliner | None:
        values = {key: edit.text().strip() for key, edit in self.edits.items()}
        if not values["nom"]:
            return None
        return Hotliner(**values, is_self=is_self, id=self.person.id if self.person else None)


def _form_page(form: PersonForm, button: QPushButton, status: StatusLabel) -> QWidget:
    """The form, then « Enregistrer » and its message on one line."""
    page = QWidget()
    row = QHBoxLayout()
    row.addWidget(button)
    row.addWidget(status, 1)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)  # aligned with the group below it
    layout.addWidget(form)
    layout.addLayout(row)
    return page


class PeoplePanel(QObject):
    """The user's own profile (`me_page`) and their partner's (`partner_page`): each page has
    its own « Enregistrer » and message; both save the pair."""

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.me_form = PersonForm(self.tr("Mon profil"))
        self.partner_form = PersonForm(self.tr("Mon binôme"))
        self.save_button = QPushButton(self.tr("Enregistrer"))
        self.save_button.setAccessibleName(self.tr("Enregistrer les profils"))
        self.status_label = StatusLabel()
        self.partner_save_button = QPushButton(self.tr("Enregistrer"))
        self.partner_save_button.setAccessibleName(
            self.tr("Enregistrer les coordonnées de mon binôme")
        )
        self.partner_status_label = StatusLabel()
        self.save_button.clicked.connect(lambda: self.save(self.status_label))
        self.partner_save_button.clicked.connect(lambda: self.save(self.partner_status_label))
        self.me_page = _form_page(self.me_form, self.save_button, self.status_label)
        self.partner_page = _form_page(
            self.partner_form, self.partner_save_button, self.partner_status_label
        )
        self.dirty = False
        for form, status in (
            (self.me_form, self.status_label),
            (self.partner_form, self.partner_status_label),
        ):
            for edit in form.edits.values():
                edit.textEdited.connect(self._mark_dirty)
                edit.editingFinished.connect(lambda s=status: self.save_if_changed(s))
        self.reload()

    def _mark_dirty(self) -> None:
        self.dirty = True

    def save_if_changed(self, status: StatusLabel | None = None) -> None:
        """Leaving a field (or the page, or locking) keeps what was typed: no edit is lost."""
        if self.dirty and self.context.services.session.is_open:
            self.save(status)

    def reload(self) -> None:
        people = self.context.services.people
        self.me_form.show_person(people.me())
        self.partner_form.show_person(people.partner())
        self.status_label.clear()
        self.partner_status_label.clear()
        self.dirty = False

    def save(self, status: StatusLabel | None = None) -> None:
        """Save both forms; the message goes under the button pressed (« Profil » by default)."""
        status = status or self.status_label
        me = self.me_form.value(is_self=True)
        if me is None:
            if status is self.status_label:
                status.setText(self.tr("Votre nom est nécessaire."))
            else:
                status.setText(self.tr("Votre nom est nécessaire (rubrique « Profil »)."))
            return
        self.context.services.people.save_pair(me, self.partner_form.value(is_self=False))
        self.reload()
        self.dirty = False
        status.setText(self.tr("Profils enregistrés."))
