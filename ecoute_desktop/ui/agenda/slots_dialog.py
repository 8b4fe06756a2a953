"""Weekly slots, absences, call length rules and the pair's profiles, edited in one dialog."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.domain.french_dates import WEEKDAYS, clock
from ecoute_desktop.domain.models import Hotliner, WeeklySlot
from ecoute_desktop.domain.slots import BookingError, BookingRules, SlotException
from ecoute_desktop.domain.timeutil import as_paris, utc_now
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.dialog_size import size_in_text
from ecoute_desktop.ui.common.table_model import Column, RowTableModel
from ecoute_desktop.ui.common.widget_kit import scrolling, tab_leaves


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _table(model: RowTableModel, name: str) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setWordWrap(True)
    view.setShowGrid(False)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _chosen(view: QTableView, model: RowTableModel) -> object | None:
    """The selected row (none selected: None, even if a cell has the keyboard focus)."""
    rows = view.selectionModel().selectedRows()
    return model.row_at(rows[0].row()) if rows else None


def _removes_selection(button: QPushButton, view: QTableView) -> None:
    """`button` deletes the row selected in `view`: enabled only with a selection, and
    never the dialog's default button (Enter must not delete)."""
    button.setAutoDefault(False)
    button.setEnabled(False)

    def follow() -> None:
        button.setEnabled(view.selectionModel().hasSelection())

    view.selectionModel().selectionChanged.connect(follow)
    view.model().modelReset.connect(follow)


def _page(content: QWidget) -> QScrollArea:
    """A tab page that scrolls when the dialog is short, on the tab's own background."""
    area = scrolling(content)
    area.viewport().setAutoFillBackground(False)
    content.setAutoFillBackground(False)
    return area


class SlotsDialog(QDialog):
    """Changes are saved at once; the agenda refreshes when the dialog closes."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._services = context.services
        self._names: dict[int | None, str] = {}
        self.setWindowTitle(self.tr("Créneaux, absences et binôme"))
        self.setAccessibleName(self.windowTitle())
        self.tabs = QTabWidget()
        self.tabs.setUsesScrollButtons(False)  # every tab title readable, even at 200 %
        # Each page scrolls: at 200 % the « Binôme » form alone is nearly a laptop screen high.
        self.tabs.addTab(_page(self._slots_tab()), self.tr("Créneaux de la semaine"))
        self.tabs.addTab(_page(self._absences_tab()), self.tr("Absences"))
        self.tabs.addTab(_page(self._rules_tab()), self.tr("Durée des appels"))
        self.tabs.addTab(_page(self._pair_tab()), self.tr("Binôme"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        close.setDefault(True)  # outside the forms Enter closes; changes are saved as made
        size_in_text(self, 80, 30)
        self.reload()
        # each tab's action, for Enter in its fields
        self.form_buttons = [
            self.add_slot_button,
            self.add_absence_button,
            self.save_rules_button,
            self.save_pair_button,
        ]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a form's field does that form's action (« Ajouter cette absence »…):
        closing would throw away what was just typed (issue 20)."""
        focus = self.focusWidget()
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers()
        page = self.tabs.currentWidget()
        field = focus is not None and not isinstance(focus, QPushButton | QTableView)
        if enter and field and page is not None and page.isAncestorOf(focus):
            self.form_buttons[self.tabs.currentIndex()].click()
            return
        super().keyPressEvent(event)

    # ---- building ------------------------------------------------------------
    def _hotliner_combo(self, with_pair: bool) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(self.tr("Écoutant(e)"))
        if with_pair:
            combo.addItem(self.tr("Tout le binôme"), None)
        return combo

    def _slots_tab(self) -> QWidget:
        tab = QWidget()
        names = self._names
        self.slot_model: RowTableModel[WeeklySlot] = RowTableModel(
            [
                Column(self.tr("Jour"), lambda s: WEEKDAYS[s.weekday].capitalize()),
                Column(self.tr("Horaire"), lambda s: f"{clock(s.start)} – {clock(s.end)}"),
                Column(self.tr("Écoutant(e)"), lambda s: names.get(s.hotliner_id, "")),
                Column(self.tr("Valable"), _validity),
            ],
            self,
        )
        self.slot_list = _table(self.slot_model, self.tr("Créneaux de la semaine"))
        self.slot_hotliner = self._hotliner_combo(with_pair=False)
        self.slot_day = QComboBox()
        self.slot_day.setAccessibleName(self.tr("Jour"))
        for name in WEEKDAYS:
            self.slot_day.addItem(name.capitalize())
        self.slot_start = QTimeEdit(QTime(14, 0))
        self.slot_start.setAccessibleName(self.tr("Début"))
        self.slot_end = QTimeEdit(QTime(17, 0))
        self.slot_end.setAccessibleName(self.tr("Fin"))
        for edit in (self.slot_start, self.slot_end):
            edit.setDisplayFormat("HH:mm")
        today = as_paris(utc_now()).date()
        self.slot_from = QDateEdit(_qdate(today))
        self.slot_from.setAccessibleName(self.tr("Valable à partir du"))
        self.slot_until_check = QCheckBox(self.tr("jusqu'au"))
        self.slot_until = QDateEdit(_qdate(today.replace(month=12, day=31)))
        self.slot_until.setAccessibleName(self.tr("Valable jusqu'au"))
        for day_edit in (self.slot_from, self.slot_until):
            day_edit.setCalendarPopup(True)
            day_edit.setDisplayFormat("dd/MM/yyyy")
        tab_leaves(self.slot_start, self.slot_end, self.slot_from, self.slot_until)
        self.add_slot_button = QPushButton(self.tr("Ajouter ce créneau"))
        self.add_slot_button.setAccessibleName(self.add_slot_button.text())
        self.add_slot_button.clicked.connect(self._on_add_slot)
        self.remove_slot_button = QPushButton(self.tr("Supprimer le créneau choisi"))
        self.remove_slot_button.setAccessibleName(self.remove_slot_button.text())
        self.remove_slot_button.clicked.connect(self._on_remove_slot)
        form = QFormLayout()
        form.addRow(self.tr("Écoutant(e) :"), self.slot_hotliner)
        form.addRow(self.tr("Jour :"), self.slot_day)
        hours = QHBoxLayout()
        hours.addWidget(QLabel(self.tr("de")))
        hours.addWidget(self.slot_start)
        hours.addWidget(QLabel(self.tr("à")))
        hours.addWidget(self.slot_end)
        hours.addStretch(1)
        form.addRow(self.tr("Horaire :"), hours)
        validity = QHBoxLayout()
        validity.addWidget(QLabel(self.tr("du")))
        validity.addWidget(self.slot_from)
        validity.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        validity.addWidget(self.slot_until_check)
        validity.addWidget(self.slot_until)
        validity.addStretch(1)
        form.addRow(self.tr("Valable :"), validity)
        # The end date counts only when ticked: greyed out otherwise, so it is not set in vain.
        self.slot_until.setEnabled(False)
        self.slot_until_check.toggled.connect(self.slot_until.setEnabled)
        self.slot_until_check.setAccessibleName(self.tr("Valable seulement jusqu'à une date"))
        _removes_selection(self.remove_slot_button, self.slot_list)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.slot_list, 1)
        layout.addWidget(self.remove_slot_button)
        layout.addLayout(form)
        layout.addWidget(self.add_slot_button)
        return tab

    def _absences_tab(self) -> QWidget:
        tab = QWidget()
        names = self._names
        everyone = self.tr("Tout le binôme")
        self.absence_model: RowTableModel[SlotException] = RowTableModel(
            [
                Column(self.tr("Du"), lambda a: f"{a.first_day:%d/%m/%Y}", lambda a: a.first_day),
                Column(self.tr("Au"), lambda a: f"{a.last_day:%d/%m/%Y}", lambda a: a.last_day),
                Column(self.tr("Qui"), lambda a: names.get(a.hotliner_id, everyone)),
                Column(self.tr("Motif"), lambda a: a.reason),
            ],
            self,
        )
        self.absence_list = _table(self.absence_model, self.tr("Absences"))
        self.absence_hotliner = self._hotliner_combo(with_pair=True)
        today = as_paris(utc_now()).date()
        self.absence_first = QDateEdit(_qdate(today))
        self.absence_first.setAccessibleName(self.tr("Premier jour d'absence"))
        self.absence_last = QDateEdit(_qdate(today))
        self.absence_last.setAccessibleName(self.tr("Dernier jour d'absence"))
        for edit in (self.absence_first, self.absence_last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        tab_leaves(self.absence_first, self.absence_last)
        self.absence_reason = QLineEdit()
        self.absence_reason.setAccessibleName(self.tr("Motif de l'absence"))
        self.absence_reason.setPlaceholderText(self.tr("congés, formation…"))
        self.add_absence_button = QPushButton(self.tr("Ajouter cette absence"))
        self.add_absence_button.setAccessibleName(self.add_absence_button.text())
        self.add_absence_button.clicked.connect(self._on_add_absence)
        self.remove_absence_button = QPushButton(self.tr("Supprimer l'absence choisie"))
        self.remove_absence_button.setAccessibleName(self.remove_absence_button.text())
        self.remove_absence_button.clicked.connect(self._on_remove_absence)
        form = QFormLayout()
        form.addRow(self.tr("Qui :"), self.absence_hotliner)
        form.addRow(self.tr("Du :"), self.absence_first)
        form.addRow(self.tr("Au (inclus) :"), self.absence_last)
        form.addRow(self.tr("Motif :"), self.absence_reason)
        _removes_selection(self.remove_absence_button, self.absence_list)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.absence_list, 1)
        layout.addWidget(self.remove_absence_button)
        layout.addLayout(form)
        layout.addWidget(self.add_absence_button)
        return tab

    def _rules_tab(self) -> QWidget:
        tab = QWidget()
        rules = self._services.agenda.rules()
        self.length_spin = QSpinBox()
        self.length_spin.setRange(5, 240)
        self.length_spin.setSuffix(" min")
        self.length_spin.setValue(rules.length_minutes)
        self.length_spin.setAccessibleName(self.tr("Durée d'un appel"))
        self.pause_spin = QSpinBox()
        self.pause_spin.setRange(0, 120)
        self.pause_spin.setSuffix(" min")
        self.pause_spin.setValue(rules.pause_minutes)
        self.pause_spin.setAccessibleName(self.tr("Pause entre deux appels"))
        self.max_spin = QSpinBox()
        self.max_spin.setRange(0, 20)
        self.max_spin.setSpecialValueText(self.tr("pas de limite"))
        self.max_spin.setValue(rules.max_per_day or 0)
        self.max_spin.setAccessibleName(self.tr("Nombre maximal d'appels par jour"))
        self.save_rules_button = QPushButton(self.tr("Enregistrer"))
        self.save_rules_button.setAccessibleName(self.tr("Enregistrer la durée des appels"))
        self.save_rules_button.clicked.connect(self._on_save_rules)
        form = QFormLayout(tab)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.tr("Durée d'un appel :"), self.length_spin)
        form.addRow(self.tr("Pause entre deux appels :"), self.pause_spin)
        form.addRow(self.tr("Appels par jour au plus :"), self.max_spin)
        form.addRow("", self.save_rules_button)
        return tab

    def _pair_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.person_edits: list[tuple[QLineEdit, QLineEdit, QLineEdit, QLineEdit]] = []
        for title in (self.tr("Moi"), self.tr("Mon binôme")):
            form = QFormLayout()
            edits = (QLineEdit(), QLineEdit(), QLineEdit(), QLineEdit())
            for edit, label in zip(
                edits,
                (self.tr("Prénom"), self.tr("Nom"), self.tr("Téléphone"), self.tr("Courriel")),
                strict=True,
            ):
                edit.setAccessibleName(f"{title} : {label}")
                form.addRow(f"{label} :", edit)
            self.person_edits.append(edits)
            box = QWidget()
            box.setLayout(form)
            layout.addWidget(_title(title))
            layout.addWidget(box)
        self.save_pair_button = QPushButton(self.tr("Enregistrer le binôme"))
        self.save_pair_button.setAccessibleName(self.save_pair_button.text())
        self.save_pair_button.clicked.connect(self._on_save_pair)
        layout.addWidget(self.save_pair_button)
        layout.addStretch(1)
        return tab

    # ---- content ---------------------------------------------------------------
    def reload(self) -> None:
        people = self._services.people.all()
        names: dict[int | None, str] = {h.id: h.display_name for h in people}
        for combo, with_pair in ((self.slot_hotliner, False), (self.absence_hotliner, True)):
            chosen = combo.currentData()
            combo.clear()
            if with_pair:
                combo.addItem(self.tr("Tout le binôme"), None)
            for hotliner in people:
                combo.addItem(hotliner.display_name, hotliner.id)
            index = combo.findData(chosen)
            combo.setCurrentIndex(max(index, 0))
        self._names.clear()
        self._names.update(names)
        self.slot_model.set_rows(self._services.agenda.slots())
        self.absence_model.set_rows(self._services.agenda.absences())
        me, partner = self._services.people.me(), self._services.people.partner()
        for edits, person in zip(self.person_edits, (me, partner), strict=True):
            values = (
                (person.prenom, person.nom, person.telephone, person.email) if person else ("",) * 4
            )
            for edit, value in zip(edits, values, strict=True):
                edit.setText(value)

    def _changed(self) -> None:
        self.reload()  # the services told the other views

    # ---- actions -----------------------------------------------------------------
    def _on_add_slot(self) -> None:
        hotliner_id = self.slot_hotliner.currentData()
        if hotliner_id is None:
            prompts.warn(self, self.tr("Créneau"), self.tr("Enregistrez d'abord le binôme."))
            return
        start, end = self.slot_start.time(), self.slot_end.time()
        slot = WeeklySlot(
            hotliner_id,
            self.slot_day.currentIndex(),
            time(start.hour(), start.minute()),
            time(end.hour(), end.minute()),
            _pydate(self.slot_from.date()),
            _pydate(self.slot_until.date()) if self.slot_until_check.isChecked() else None,
        )
        try:
            self._services.agenda.save_slot(slot)
        except BookingError as error:
            prompts.warn(self, self.tr("Créneau"), str(error))
            return
        self._changed()

    def _on_remove_slot(self) -> None:
        slot = _chosen(self.slot_list, self.slot_model)
        if isinstance(slot, WeeklySlot) and slot.id is not None:
            self._services.agenda.delete_slot(slot.id)
            self._changed()

    def _on_add_absence(self) -> None:
        absence = SlotException(
            _pydate(self.absence_first.date()),
            _pydate(self.absence_last.date()),
            self.absence_hotliner.currentData(),
            self.absence_reason.text(),
        )
        try:
            self._services.agenda.add_absence(absence)
        except BookingError as error:
            prompts.warn(self, self.tr("Absence"), str(error))
            return
        self.absence_reason.clear()
        self._changed()

    def _on_remove_absence(self) -> None:
        absence = _chosen(self.absence_list, self.absence_model)
        if isinstance(absence, SlotException) and absence.id is not None:
            self._services.agenda.delete_absence(absence.id)
            self._changed()

    def _on_save_rules(self) -> None:
        rules = BookingRules(
            self.length_spin.value(), self.pause_spin.value(), self.max_spin.value() or None
        )
        self._services.agenda.save_rules(rules)
        self._changed()

    def _on_save_pair(self) -> None:
        me, partner = self._services.people.me(), self._services.people.partner()
        chosen: list[Hotliner | None] = []
        for edits, person, is_self in zip(
            self.person_edits, (me, partner), (True, False), strict=True
        ):
            prenom, nom, telephone, email = (e.text().strip() for e in edits)
            if not nom and not prenom:
                chosen.append(person)
                continue
            person = person or Hotliner(nom, is_self=is_self)
            person.prenom, person.nom, person.telephone, person.email = (
                prenom,
                nom,
                telephone,
                email,
            )
            chosen.append(person)
        self._services.people.save_pair(chosen[0], chosen[1])
        if chosen[0] is None:
            prompts.warn(self, self.tr("Binôme"), self.tr("Indiquez au moins votre nom."))
            return
        self._changed()


def edit_slots(context: AppContext, parent: QWidget | None = None) -> SlotsDialog:
    """Open the dialog on its first tab and wait until it is closed (changes saved as made)."""
    dialog = SlotsDialog(context, parent)
    dialog.exec()
    return dialog


def _validity(slot: WeeklySlot) -> str:
    text = f"du {slot.valid_from:%d/%m/%Y}"
    return text + (f" au {slot.valid_to:%d/%m/%Y}" if slot.valid_to else "")


def _title(text: str) -> QLabel:
    label = QLabel(f"<b>{text}</b>")
    label.setAccessibleName(text)
    return label
