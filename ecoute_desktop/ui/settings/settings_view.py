"""Paramètres: taxonomy, directory, own profile (Profil), partner and pair link (Binôme),
templates, text size, safety, the shared mailbox (Messagerie)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.ui.common import text_size
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.widget_kit import page_title
from ecoute_desktop.ui.settings.people_panel import PeoplePanel
from ecoute_desktop.ui.settings.rubrics import Rubrics
from ecoute_desktop.ui.settings.settings_reference import DirectoryPanel, TaxonomyPanel
from ecoute_desktop.ui.settings.settings_reporting import ReportingPanel


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
    """Rubrics on the left (see rubrics.py), each one's page on the right. My own profile is
    in « Profil », everything about my partner (contact details, linking, exchange folder)
    in « Binôme »."""

    # Every panel reads its values in its constructor: the main window need not refresh a
    # view it has just built (that read the themes, directory and profiles twice).
    filled_when_built = True

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Paramètres"))
        self.rubrics = Rubrics(self.tr("Rubriques des paramètres"))
        self.taxonomy = TaxonomyPanel(context)
        self.directory = DirectoryPanel(context)
        self.people = PeoplePanel(context, self)
        self.reporting = ReportingPanel(context)
        self.templates = TemplatesPanel(context)
        self.display = DisplayPanel(context)
        from ecoute_desktop.ui.settings.pair_panel import PairPanel  # issue 11

        self.pair = PairPanel(context)
        from ecoute_desktop.ui.safety.safety_settings import SafetySettings  # issue 7

        self.safety = SafetySettings(context)
        from ecoute_desktop.ui.mailbox.settings_panel import MailboxSettingsPanel  # issue 15

        self.mailbox = MailboxSettingsPanel(context)
        pair_layout = self.pair.layout()
        assert pair_layout is not None  # the panel lays itself out
        pair_layout.setContentsMargins(0, 0, 0, 0)  # aligned with the partner's form above
        profile_page = _column(self.people.me_page, self.reporting)
        partner_page = _column(self.people.partner_page, self.pair)
        # Short names (the list stays narrow at 200 %), the full one as tooltip and page name;
        # each page scrolls rather than making the window taller than the screen.
        for page, title, full in (
            (self.taxonomy, self.tr("Thèmes"), self.tr("Thèmes et sous-thèmes")),
            (self.directory, self.tr("Annuaire"), self.tr("Annuaire d'orientation")),
            (profile_page, self.tr("Profil"), self.tr("Mon profil, région et pseudonyme")),
            (
                partner_page,
                self.tr("Binôme"),
                self.tr("Mon binôme : coordonnées, liaison et échange"),
            ),
            (self.templates, self.tr("Modèles"), self.tr("Modèles des messages et de la charte")),
            (self.display, self.tr("Affichage"), self.tr("Taille du texte et notifications")),
            (self.safety, self.tr("Sécurité"), self.tr("Sécurité et sauvegardes")),
            (self.mailbox, self.tr("Messagerie"), self.tr("Boîte aux lettres de la ligne")),
        ):
            self.rubrics.add(page, title, full)
        layout = QVBoxLayout(self)
        layout.addWidget(page_title(self.tr("Paramètres")))
        layout.addWidget(self.rubrics, 1)

    def show_page(self, page: QWidget) -> None:
        """Bring the rubric holding `page` (e.g. `self.safety`) to the front."""
        index = self.rubrics.page_holding(page)
        if index >= 0:
            self.rubrics.set_current(index)

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
        scroll = self.rubrics.current_scroll()
        if scroll is not None:
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


def _column(*widgets: QWidget) -> QWidget:
    """`widgets` one under the other, at the top of a page."""
    page = QWidget()
    layout = QVBoxLayout(page)
    for index, widget in enumerate(widgets):
        if index:  # a line's height apart: the second block is not read as the first's message
            layout.addSpacing(page.fontMetrics().height())
        layout.addWidget(widget)
    layout.addStretch(1)
    return page


def create_view(context: AppContext, parent: QWidget | None = None) -> QWidget:
    return SettingsView(context, parent)
