"""The agenda: one week, day by day, with slots, booked calls and free times."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.domain.french_dates import MONTHS
from ecoute_desktop.domain.models import Appointment
from ecoute_desktop.domain.slots import BookingError, week_start
from ecoute_desktop.domain.timeutil import as_paris, utc_now
from ecoute_desktop.services.os_errors import error_text
from ecoute_desktop.ui.agenda.agenda_model import (
    APPOINTMENT_ID_ROLE,
    HOURS,
    KIND_ROLE,
    MEMBER,
    WHAT,
    WHO,
    AgendaWeekModel,
    build_week,
)
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.flow_layout import FlowLayout
from ecoute_desktop.ui.common.widget_kit import page_title
from ecoute_desktop.ui.common.wrap_delegate import WrapDelegate

__all__ = ["AgendaView", "create_view", "week_title"]


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

    filled_when_built = True  # its __init__ shows this week (the main window relies on it)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._services = context.services
        self._today = as_paris(utc_now()).date()
        self.monday = week_start(self._today)
        self.setAccessibleName(self.tr("Agenda de la semaine"))

        self.previous_button = QPushButton(self.tr("◀  Semaine précédente"))
        self.today_button = QPushButton(self.tr("Cette semaine"))
        self.next_button = QPushButton(self.tr("Semaine suivante  ▶"))
        self.title = page_title("")  # « Semaine du … », styled as every view's title
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

        self.model = AgendaWeekModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("Jours de la semaine et leurs rendez-vous"))
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)  # wrap, never cut a name
        # Long references and names wrap inside their column; the row grows to fit.
        WrapDelegate.follow(self.tree, (WHAT, MEMBER, WHO))
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(HOURS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(MEMBER, QHeaderView.ResizeMode.Stretch)
        self._fit_timer = QTimer(self)  # share the width out again once the layout settles
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self._fit_columns)
        self.tree.installEventFilter(self)
        header.sectionResized.connect(
            lambda column, *_: column == HOURS and self._fit_timer.start()
        )
        header.setSectionResizeMode(WHO, QHeaderView.ResizeMode.Interactive)
        self.tree.selectionModel().currentChanged.connect(self._update_actions)
        self.tree.activated.connect(self._on_activated)

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

        navigation = FlowLayout()  # wraps too: about 870 px wide at 200 %
        navigation.addWidget(self.previous_button)
        navigation.addWidget(self.today_button)
        navigation.addWidget(self.next_button)
        actions = FlowLayout()  # buttons wrap onto a new line at 200 % on a narrow screen
        for button in (self.move_button, self.cancel_button, self.confirm_button, self.open_button):
            actions.addWidget(button)
        tools = FlowLayout()
        tools.addWidget(self.slots_button)
        tools.addWidget(self.export_button)
        self.no_slot_label = QLabel(
            self.tr(
                "<b>Aucune permanence définie.</b> Indiquez vos créneaux de la semaine : "
                "les rendez-vous se prennent dessus."
            )
        )
        self.no_slot_label.setWordWrap(True)
        self.define_slots_button = QPushButton(self.tr("Définir mes permanences…"))
        self.define_slots_button.setAccessibleName(self.tr("Définir mes permanences de la semaine"))
        self.define_slots_button.clicked.connect(self._on_slots)
        self.no_slot_box = QWidget()
        self.no_slot_box.setAccessibleName(self.tr("Aucune permanence définie"))
        no_slot = QHBoxLayout(self.no_slot_box)
        no_slot.setContentsMargins(0, 0, 0, 0)
        no_slot.addWidget(self.no_slot_label, 1)
        no_slot.addWidget(self.define_slots_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.no_slot_box)
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
        if not self._services.session.is_open:
            return
        self._today = as_paris(utc_now()).date()
        self.title.setText(f"<h1>{week_title(self.monday)}</h1>")
        self.no_slot_box.setVisible(not self._services.agenda.has_current_slot(self._today))
        current = self._selected()
        self.model.set_days(build_week(self._services, self.monday, self._today))
        root = QModelIndex()
        for row in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(row, root, True)
        self.tree.expandAll()
        self._fit_columns()
        self._fit_timer.start()
        if current is not None and current.id is not None:
            self.select_appointment(current.id)
        self._update_actions()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree and event.type() == QEvent.Type.Resize:
            self._fit_timer.start()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """The hotliner's column as wide as its text up to 25 % of what the hours leave, the
        booking column up to 45 % of the rest: the member's name keeps the rest; all three
        wrap (200 % text)."""
        header = self.tree.header()
        word = self._longest_word()  # a word is never cut: below that, the view scrolls
        header.setMinimumSectionSize(max(word, header.defaultSectionSize() // 3))
        free = self.tree.viewport().width() - header.sectionSize(HOURS)
        who = self.tree.sizeHintForColumn(WHO)
        header.resizeSection(WHO, max(min(who, int(free * 0.25)), word))
        left = free - header.sectionSize(WHO)
        wanted = self.tree.sizeHintForColumn(WHAT)
        header.resizeSection(WHAT, max(min(wanted, int(left * 0.45)), word))

    def _longest_word(self) -> int:
        font = QFont(self.tree.font())
        font.setBold(True)
        metrics = QFontMetrics(font)
        words = {
            word
            for day in self.model.days()
            for row in day.rows
            for word in f"{row.what} {row.member} {row.who}".split()
        }
        margin = 2 * self.tree.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 4
        return max((metrics.horizontalAdvance(w) for w in words), default=0) + margin

    # ---- selection and actions --------------------------------------------
    def _selected(self) -> Appointment | None:
        index = self.tree.currentIndex()
        if not index.isValid() or index.data(KIND_ROLE) != "appointment":
            return None
        try:
            return self._services.agenda.get(int(index.data(APPOINTMENT_ID_ROLE)))
        except KeyError:
            return None

    def appointment_indexes(self) -> list[QModelIndex]:
        """The booked calls shown this week (column-0 indexes of the model)."""
        return self.model.appointment_indexes()

    def select_appointment(self, appointment_id: int) -> bool:
        index = self.model.index_of_appointment(appointment_id)
        if not index.isValid():
            return False
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def _update_actions(self, *_: object) -> None:
        chosen = self._selected() is not None
        for button in (self.move_button, self.cancel_button, self.confirm_button, self.open_button):
            button.setEnabled(chosen)

    def _on_activated(self, index: QModelIndex) -> None:
        if index.data(KIND_ROLE) == "appointment":
            self._on_move()

    def _on_move(self) -> None:
        appointment = self._selected()
        if appointment is None:
            return
        from ecoute_desktop.ui.agenda.booking_dialog import open_booking

        open_booking(self._context, appointment.case_id, self)
        self.refresh()

    def _on_cancel(self) -> None:
        appointment = self._selected()
        if appointment is None or appointment.id is None:
            return
        from ecoute_desktop.ui.agenda.booking_dialog import cancel_appointment

        if cancel_appointment(self._context, appointment.id, self):
            self.refresh()

    def _on_confirm(self) -> None:
        appointment = self._selected()
        if appointment is not None:
            from ecoute_desktop.ui.agenda.booking_dialog import open_confirmation

            open_confirmation(self._context, appointment.case_id, self)

    def _on_open(self) -> None:
        appointment = self._selected()
        if appointment is not None:
            self._context.events.open_case.emit(appointment.case_id)

    def _on_slots(self) -> None:
        from ecoute_desktop.ui.agenda.slots_dialog import edit_slots

        edit_slots(self._context, self)
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
            data, count = self._services.documents.upcoming_calendar()
            calendar_ics.write_ics(path, data)
        except (OSError, BookingError) as error:
            prompts.warn(self, self.tr("Export impossible"), error_text(error))
            return
        prompts.inform(
            self,
            self.tr("Rendez-vous exportés"),
            self.tr("{count} rendez-vous à venir enregistrés dans {path}.").format(
                count=count, path=path
            ),
        )


def _documents() -> Path:
    from PySide6.QtCore import QStandardPaths

    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder or Path.home())


def create_view(context: AppContext, parent: QWidget | None = None) -> QWidget:
    return AgendaView(context, parent)
