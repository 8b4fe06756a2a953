"""Paramètres: taxonomy, directory, own profile and partner (binôme), templates, text size,
safety, the shared mailbox (Messagerie)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.domain.models import Hotliner
from ecoute_desktop.ui.common import text_size
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.field_labels import field_label
from ecoute_desktop.ui.common.status_label import StatusLabel
from ecoute_desktop.ui.common.widget_kit import page_title, scrolling
from ecoute_desktop.ui.settings.settings_reference import DirectoryPanel, TaxonomyPanel
from ecoute_desktop.ui.settings.settings_reporting import ReportingPanel


class PersonForm(QGroupBox):
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


class PeoplePanel(QWidget):
    """The user's own profile and their partner's."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.me_form = PersonForm(self.tr("Mon profil"))
        self.partner_form = PersonForm(self.tr("Mon binôme"))
        self.save_button = QPushButton(self.tr("Enregistrer"))
        self.save_button.setAccessibleName(self.tr("Enregistrer les profils"))
        self.save_button.clicked.connect(self.save)
        self.status_label = StatusLabel()
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.status_label, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.me_form)
        layout.addWidget(self.partner_form)
        layout.addLayout(row)
        layout.addStretch(1)
        self.dirty = False
        for form in (self.me_form, self.partner_form):
            for edit in form.edits.values():
                edit.textEdited.connect(self._mark_dirty)
                edit.editingFinished.connect(self.save_if_changed)
        self.reload()

    def _mark_dirty(self) -> None:
        self.dirty = True

    def save_if_changed(self) -> None:
        """Leaving a field (or the page, or locking) keeps what was typed: no edit is lost."""
        if self.dirty and self.context.services.session.is_open:
            self.save()

    def reload(self) -> None:
        people = self.context.services.people
        self.me_form.show_person(people.me())
        self.partner_form.show_person(people.partner())
        self.status_label.clear()
        self.dirty = False

    def save(self) -> None:
        me = self.me_form.value(is_self=True)
        if me is None:
            self.status_label.setText(self.tr("Votre nom est nécessaire."))
            return
        self.context.services.people.save_pair(me, self.partner_form.value(is_self=False))
        self.reload()
        self.dirty = False
        self.status_label.setText(self.tr("Profils enregistrés."))


class TemplatesPanel(QWidget):
    """Paramètres › Modèles: the messages to the member and the charter, in their dialog."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        intro = QLabel(
            self.tr(
                "Les messages préparés pour l'adhérent (confirmation du rendez-vous,"
                " questionnaire de satisfaction et son lien) et la charte de confidentialité"
                " jointe à la confirmation."
            )
        )
        intro.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("Modifier les modèles…"))
        self.edit_button.setAccessibleName(
            self.tr("Modifier les modèles des messages et de la charte")
        )
        self.edit_button.clicked.connect(self.edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def edit(self) -> None:
        from ecoute_desktop.ui.settings.templates_dialog import TemplatesDialog

        TemplatesDialog(self.context, self).exec()


class DisplayPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.size_combo = QComboBox()
        self.size_combo.setAccessibleName(self.tr("Taille du texte"))
        for scale in text_size.CHOICES:
            self.size_combo.addItem(f"{scale} %", scale)
        self.size_combo.setCurrentIndex(max(0, self.size_combo.findData(text_size.current_scale())))
        self.size_combo.currentIndexChanged.connect(
            lambda _: text_size.apply_scale(self.size_combo.currentData())
        )
        form = QFormLayout(self)
        form.addRow(self.tr("Taille du texte :"), self.size_combo)
        hint = QLabel(self.tr("Aussi avec Ctrl + et Ctrl − ; le choix est gardé."))
        hint.setWordWrap(True)
        form.addRow("", hint)
        self.notify_box = QCheckBox(self.tr("Prévenir 6 h avant l'échéance"))
        self.notify_box.setAccessibleName(self.tr("Notification du bureau (échéance de 48 heures)"))
        self.notify_box.setToolTip(
            self.tr(
                "Même quand Écoute est verrouillé ; la notification ne donne ni nom ni référence."
            )
        )
        self.notify_box.setChecked(context.services.settings.deadline_notifications())
        self.notify_box.toggled.connect(context.services.settings.set_deadline_notifications)
        form.addRow(self.tr("Notifications :"), self.notify_box)
        notify_hint = QLabel(  # a check box never wraps: the sentence goes underneath
            self.tr(
                "Une notification du bureau quand un accusé de réception est dû dans 6 h,"
                " même quand Écoute est verrouillé ; elle ne donne ni nom ni référence."
            )
        )
        notify_hint.setWordWrap(True)
        form.addRow("", notify_hint)


class SettingsView(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Paramètres"))
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Rubriques des paramètres"))
        self.taxonomy = TaxonomyPanel(context)
        self.directory = DirectoryPanel(context)
        self.people = PeoplePanel(context)
        self.reporting = ReportingPanel(context)
        profile_page = QWidget()
        profile_layout = QVBoxLayout(profile_page)
        people_layout = self.people.layout()
        assert people_layout is not None  # the panel lays itself out
        people_layout.setContentsMargins(0, 0, 0, 0)  # aligned with the group below
        profile_layout.addWidget(self.people)
        profile_layout.addWidget(self.reporting)
        profile_layout.addStretch(1)
        self.templates = TemplatesPanel(context)
        self.display = DisplayPanel(context)
        from ecoute_desktop.ui.settings.pair_panel import PairPanel  # issue 11

        self.pair = PairPanel(context)
        from ecoute_desktop.ui.safety.safety_settings import SafetySettings  # issue 7

        self.safety = SafetySettings(context)
        from ecoute_desktop.ui.mailbox.settings_panel import MailboxSettingsPanel  # issue 15

        self.mailbox = MailboxSettingsPanel(context)
        # Short tab titles (all visible at 200 % on a laptop), the full one as tooltip;
        # each page scrolls rather than making the window taller than the screen.
        for page, title, full in (
            (self.taxonomy, self.tr("Thèmes"), self.tr("Thèmes et sous-thèmes")),
            (self.directory, self.tr("Annuaire"), self.tr("Annuaire d'orientation")),
            (
                profile_page,
                self.tr("Profil et binôme"),
                self.tr("Profil, binôme, région et pseudonyme"),
            ),
            (self.templates, self.tr("Modèles"), self.tr("Modèles des messages et de la charte")),
            (self.pair, self.tr("Binôme"), self.tr("Échange avec mon binôme")),
            (self.display, self.tr("Affichage"), self.tr("Taille du texte et notifications")),
            (self.safety, self.tr("Sécurité"), self.tr("Sécurité et sauvegardes")),
            (self.mailbox, self.tr("Messagerie"), self.tr("Boîte aux lettres de la ligne")),
        ):
            scroll = scrolling(page)
            scroll.setAccessibleName(full)
            index = self.tabs.addTab(scroll, title)
            self.tabs.setTabToolTip(index, full)
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Paramètres")))
        layout.addWidget(self.tabs, 1)

    def show_page(self, page: QWidget) -> None:
        """Bring the tab holding `page` (e.g. `self.safety`) to the front."""
        for index in range(self.tabs.count()):
            scroll = self.tabs.widget(index)
            inner = scroll.widget() if isinstance(scroll, QScrollArea) else None
            if inner is not None and (inner is page or inner.isAncestorOf(page)):
                self.tabs.setCurrentIndex(index)
                return

    def show_section(self, section: str) -> QWidget | None:
        """Bring forward the field completing a first step (services/first_steps keys):
        profile, partner, backup, region, pseudonym, pair; the field gets the focus."""
        me = self.people.me_form.edits
        empty = [me[key] for key in ("nom", "telephone", "email") if not me[key].text().strip()]
        fields = {
            "profile": empty[0] if empty else me["telephone"],
            "partner": self.people.partner_form.edits["nom"],
            "backup": self.safety.choose_button,
            "region": self.reporting.region_combo,
            "pseudonym": self.reporting.pseudonym_edit,
            "mailbox": self.mailbox.host_edit,
            "pair": self.pair.phrase_edit,
        }
        field = fields.get(section)
        if field is None:
            return None
        self.show_page(field)
        scroll = self.tabs.currentWidget()
        if isinstance(scroll, QScrollArea):
            scroll.ensureWidgetVisible(field)
        field.setFocus()
        return field

    def refresh(self) -> None:
        if self.people.context.services.session.is_open:
            self.people.save_if_changed()
            self.taxonomy.reload()
            self.directory.reload()
            self.people.reload()
            self.reporting.reload()
            self.mailbox.reload()
            self.pair.reload()

    def clear_personal_data(self) -> None:
        self.people.save_if_changed()  # a profile being typed is kept, as notes are
        for form in (self.people.me_form, self.people.partner_form):
            form.show_person(None)
        self.reporting.clear_personal_data()
        self.mailbox.clear_personal_data()
        self.pair.clear_personal_data()


def create_view(context: AppContext, parent: QWidget | None = None) -> QWidget:
    return SettingsView(context, parent)
