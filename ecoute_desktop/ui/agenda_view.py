"""The agenda: one week, day by day, with slots, booked calls and free times."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.domain.french_dates import MONTHS, WEEKDAYS, clock
from ecoute_desktop.domain.models import Appointment, Hotliner
from ecoute_desktop.domain.slots import BookingError, public_holiday, week_start
from ecoute_desktop.domain.timeutil import as_paris, paris_day_range, utc_now
from ecoute_desktop.ui import prompts
from ecoute_desktop.ui.context import AppContext

KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1

TODAY_BACKGROUND = QColor("#fff3c4")
BOOKED_COLOUR = QColor("#1d3557")
FREE_COLOUR = QColor("#2a6f3e")
MUTED_COLOUR = QColor("#5a5a5a")


def week_title(monday: date) -> str:
    sunday = monday + timedelta(days=6)
    if monday.month == sunday.month:
        return f"Semaine du {monday.day} au {sunday.day} {MONTHS[sunday.month - 1]} {sunday.year}"
    first = f"{monday.day} {MONTHS[monday.month - 1]}"
    if monday.year != sunday.year:
        first += f" {monday.year}"
    return f"Semaine du {first} au {sunday.day} {MONTHS[sunday.month - 1]} {sunday.year}"


class AgendaView(QWidget):
    """Week view; the week shown changes with the arrows, today is highlighted."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._store = context.store
        self._today = as_paris(utc_now()).date()
        self.monday = week_start(self._today)
        self.setAccessibleName(self.tr("Agenda de la semaine"))

        self.previous_button = QPushButton(self.tr("◀  Semaine précédente"))
        self.today_button = QPushButton(self.tr("Cette semaine"))
        self.next_button = QPushButton(self.tr("Semaine suivante  ▶"))
        self.title = QLabel()
        title_font = QFont(self.title.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        self.title.setFont(title_font)
        self.title.setAccessibleName(self.tr("Semaine affichée"))
        for button, name in (
            (self.previous_button, self.tr("Semaine précédente")),
            (self.today_button, self.tr("Revenir à cette semaine")),
            (self.next_button, self.tr("Semaine suivante")),
        ):
            button.setAccessibleName(name)
        self.previous_button.clicked.connect(lambda: self.show_week(self.monday - timedelta(7)))
        self.next_button.clicked.connect(lambda: self.show_week(self.monday + timedelta(7)))
        self.today_button.clicked.connect(lambda: self.show_week(week_start(self._today)))

        self.tree = QTreeWidget()
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(
            [self.tr("Heure"), self.tr("Rendez-vous ou disponibilité"), self.tr("Écoutant(e)")]
        )
        self.tree.setAccessibleName(self.tr("Jours de la semaine et leurs rendez-vous"))
        self.tree.setAlternatingRowColors(False)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)  # wrap, never cut a name
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        header.sectionResized.connect(lambda *_: self.tree.doItemsLayout())
        self.tree.currentItemChanged.connect(self._update_actions)
        self.tree.itemActivated.connect(self._on_activated)

        self.move_button = QPushButton(self.tr("Déplacer…"))
        self.cancel_button = QPushButton(self.tr("Annuler le rendez-vous"))
        self.confirm_button = QPushButton(self.tr("Confirmation…"))
        self.open_button = QPushButton(self.tr("Ouvrir la sollicitation"))
        self.slots_button = QPushButton(self.tr("Créneaux, absences et binôme…"))
        self.export_button = QPushButton(self.tr("Exporter les RDV à venir (.ics)…"))
        for button in (
            self.move_button,
            self.cancel_button,
            self.confirm_button,
            self.open_button,
            self.slots_button,
            self.export_button,
        ):
            button.setAccessibleName(button.text().rstrip("…"))
        self.move_button.clicked.connect(self._on_move)
        self.cancel_button.clicked.connect(self._on_cancel)
        self.confirm_button.clicked.connect(self._on_confirm)
        self.open_button.clicked.connect(self._on_open)
        self.slots_button.clicked.connect(self._on_slots)
        self.export_button.clicked.connect(self._on_export)

        navigation = QHBoxLayout()
        navigation.addWidget(self.previous_button)
        navigation.addWidget(self.today_button)
        navigation.addWidget(self.next_button)
        navigation.addStretch(1)
        actions = QHBoxLayout()
        for button in (self.move_button, self.cancel_button, self.confirm_button, self.open_button):
            actions.addWidget(button)
        actions.addStretch(1)
        tools = QHBoxLayout()
        tools.addWidget(self.slots_button)
        tools.addWidget(self.export_button)
        tools.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(navigation)
        layout.addWidget(self.tree, 1)
        layout.addLayout(actions)
        layout.addLayout(tools)

        context.events.cases_changed.connect(self.refresh)
        context.events.reference_data_changed.connect(self.refresh)
        self.show_week(self.monday)

    # ---- content -----------------------------------------------------------
    def show_week(self, monday: date) -> None:
        self.monday = week_start(monday)
        self.refresh()

    def refresh(self) -> None:
        if not self._store.db.is_open:
            return
        self._today = as_paris(utc_now()).date()
        monday, sunday = self.monday, self.monday + timedelta(days=6)
        self.title.setText(week_title(monday))
        start, end = paris_day_range(monday, sunday)
        people = {h.id: h for h in self._store.people.all()}
        windows = self._store.agenda.windows(monday, sunday)
        booked = self._store.agenda.between(start, end)
        free = self._store.agenda.free_times(monday, sunday, not_before=utc_now())
        current = self._selected()
        self.tree.clear()
        for offset in range(7):
            day = monday + timedelta(days=offset)
            self._add_day(day, people, windows, booked, free)
        self.tree.expandAll()
        self._reselect(current)
        self._update_actions()

    def _add_day(
        self,
        day: date,
        people: dict[int, Hotliner],
        windows: list,
        booked: list[Appointment],
        free: list,
    ) -> None:
        label = f"{WEEKDAYS[day.weekday()].capitalize()} {day.day} {MONTHS[day.month - 1]}"
        holiday = public_holiday(day)
        if holiday:
            label += f" — {holiday} (férié)"
        if day == self._today:
            label += self.tr(" — aujourd'hui")
        item = QTreeWidgetItem([label, "", ""])
        item.setFirstColumnSpanned(True)
        font = QFont(self.tree.font())
        font.setBold(True)
        item.setFont(0, font)
        item.setData(0, KIND_ROLE, "day")
        if day == self._today:
            for column in range(3):
                item.setBackground(column, QBrush(TODAY_BACKGROUND))
        self.tree.addTopLevelItem(item)
        item.setFirstColumnSpanned(True)
        rows: list[tuple[datetime, int, QTreeWidgetItem]] = []
        for window in (w for w in windows if w.day == day):
            who = _name(people.get(window.hotliner_id))
            child = QTreeWidgetItem(
                [
                    f"{clock(window.starts_at)} – {clock(window.ends_at)}",
                    self.tr("Permanence"),
                    who,
                ]
            )
            child.setForeground(1, QBrush(MUTED_COLOUR))
            child.setData(0, KIND_ROLE, "slot")
            rows.append((window.starts_at, 0, child))
        for appointment in (a for a in booked if as_paris(a.starts_at).date() == day):
            rows.append((appointment.starts_at, 1, self._appointment_item(appointment, people)))
        for slot_free in (f for f in free if as_paris(f.starts_at).date() == day):
            child = QTreeWidgetItem(
                [
                    f"{clock(slot_free.starts_at)} – {clock(slot_free.ends_at)}",
                    self.tr("Libre"),
                    _name(people.get(slot_free.hotliner_id)),
                ]
            )
            child.setForeground(1, QBrush(FREE_COLOUR))
            child.setData(0, KIND_ROLE, "free")
            rows.append((slot_free.starts_at, 2, child))
        for _, _, child in sorted(rows, key=lambda row: (row[0], row[1])):
            item.addChild(child)
        if not rows:
            empty = QTreeWidgetItem(["", self.tr("Aucune permanence"), ""])
            empty.setForeground(1, QBrush(MUTED_COLOUR))
            empty.setData(0, KIND_ROLE, "empty")
            item.addChild(empty)

    def _appointment_item(
        self, appointment: Appointment, people: dict[int, Hotliner]
    ) -> QTreeWidgetItem:
        case = self._store.cases.get(appointment.case_id)
        what = f"{case.reference} · {case.member.display_name}"
        if appointment.out_of_slot:
            what += self.tr(" (hors créneau)")
        if case.urgent:
            what += self.tr(" · urgent")
        item = QTreeWidgetItem(
            [
                f"{clock(appointment.starts_at)} – {clock(appointment.ends_at)}",
                what,
                _name(people.get(appointment.hotliner_id)),
            ]
        )
        font = QFont(self.tree.font())
        font.setBold(True)
        item.setFont(1, font)
        item.setForeground(1, QBrush(BOOKED_COLOUR))
        for column in range(3):
            item.setToolTip(column, f"{item.text(0)} — {what} — {item.text(2)}")
        item.setData(0, KIND_ROLE, "appointment")
        item.setData(0, ID_ROLE, appointment.id)
        return item

    # ---- selection and actions --------------------------------------------
    def _selected(self) -> Appointment | None:
        item = self.tree.currentItem()
        if item is None or item.data(0, KIND_ROLE) != "appointment":
            return None
        try:
            return self._store.agenda.get(int(item.data(0, ID_ROLE)))
        except KeyError:
            return None

    def _reselect(self, appointment: Appointment | None) -> None:
        if appointment is None:
            return
        for item in self.appointment_items():
            if item.data(0, ID_ROLE) == appointment.id:
                self.tree.setCurrentItem(item)

    def appointment_items(self) -> list[QTreeWidgetItem]:
        found = []
        for top in range(self.tree.topLevelItemCount()):
            day = self.tree.topLevelItem(top)
            found += [
                day.child(i)
                for i in range(day.childCount())
                if day.child(i).data(0, KIND_ROLE) == "appointment"
            ]
        return found

    def select_appointment(self, appointment_id: int) -> bool:
        for item in self.appointment_items():
            if item.data(0, ID_ROLE) == appointment_id:
                self.tree.setCurrentItem(item)
                return True
        return False

    def _update_actions(self, *_: object) -> None:
        chosen = self._selected() is not None
        for button in (self.move_button, self.cancel_button, self.confirm_button, self.open_button):
            button.setEnabled(chosen)

    def _on_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, KIND_ROLE) == "appointment":
            self._on_move()

    def _changed(self, case_id: int) -> None:
        self._context.events.case_changed.emit(case_id)
        self._context.events.cases_changed.emit()

    def _on_move(self) -> None:
        appointment = self._selected()
        if appointment is None:
            return
        from ecoute_desktop.ui.booking_dialog import open_booking

        open_booking(self._context, appointment.case_id, self)
        self.refresh()

    def _on_cancel(self) -> None:
        appointment = self._selected()
        if appointment is None:
            return
        from ecoute_desktop.ui.booking_dialog import cancel_appointment

        if cancel_appointment(self._context, appointment.id, self):
            self.refresh()

    def _on_confirm(self) -> None:
        appointment = self._selected()
        if appointment is not None:
            from ecoute_desktop.ui.booking_dialog import open_confirmation

            open_confirmation(self._context, appointment.case_id, self)

    def _on_open(self) -> None:
        appointment = self._selected()
        if appointment is not None:
            self._context.events.open_case.emit(appointment.case_id)

    def _on_slots(self) -> None:
        from ecoute_desktop.ui.slots_dialog import SlotsDialog

        SlotsDialog(self._context, self).exec()
        self.refresh()

    def _on_export(self) -> None:
        from ecoute_desktop.services import calendar_ics

        path = prompts.ask_save_path(
            self,
            self.tr("Exporter les rendez-vous à venir"),
            _documents() / "Rendez-vous Écoute.ics",
            self.tr("Agenda (*.ics)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".ics":
            path = path.with_suffix(".ics")
        try:
            data, count = calendar_ics.upcoming_calendar(self._store)
            calendar_ics.write_ics(path, data)
        except (OSError, BookingError) as error:
            prompts.warn(self, self.tr("Export impossible"), str(error))
            return
        prompts.inform(
            self,
            self.tr("Rendez-vous exportés"),
            self.tr("{count} rendez-vous à venir enregistrés dans {path}.").format(
                count=count, path=path
            ),
        )


def _name(hotliner: Hotliner | None) -> str:
    return hotliner.display_name if hotliner else ""


def _documents() -> Path:
    from PySide6.QtCore import QStandardPaths

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder or Path.home())


def create_view(context: AppContext, parent: QWidget | None = None) -> QWidget:
    return AgendaView(context, parent)
