"""« Proposer un RDV »: the next free times of the pair, one click books (or moves) the call.

Entry points for the case view and the agenda: `open_booking(context, case_id, parent)`,
`open_confirmation(context, case_id, parent)`, `cancel_appointment(context, id, parent)`.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QModelIndex, Qt, QTime, QTimeZone
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.domain.french_dates import clock, long_datetime, long_day
from ecoute_desktop.domain.models import Appointment
from ecoute_desktop.domain.slots import BookingError, FreeTime
from ecoute_desktop.domain.timeutil import as_paris, utc_now
from ecoute_desktop.domain.who_calls import WhoCalls
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.dialog_size import size_in_text
from ecoute_desktop.ui.common.formatting import CLOCK_FORMAT
from ecoute_desktop.ui.common.table_model import Column, RowTableModel
from ecoute_desktop.ui.common.widget_kit import tab_leaves

WEEKS_SHOWN = 4


def free_time_columns(names: dict[int, str]) -> list[Column[FreeTime]]:
    """Day, hour and hotliner of each free time (already in time order)."""
    return [
        Column(
            QCoreApplication.translate("BookingDialog", "Jour"),
            lambda f: long_day(as_paris(f.starts_at).date()).capitalize(),
        ),
        Column(QCoreApplication.translate("BookingDialog", "Heure"), lambda f: clock(f.starts_at)),
        Column(
            QCoreApplication.translate("BookingDialog", "Avec"),
            lambda f: names.get(f.hotliner_id, ""),
        ),
    ]


class BookingDialog(QDialog):
    """Lists free times; clicking one books the case, or moves its current appointment."""

    def __init__(self, context: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._services = context.services
        self.case_id = case_id
        self.case = self._services.cases.get(case_id)
        self.current: Appointment | None = self._services.agenda.pending_for_case(case_id)
        self.result_appointment: Appointment | None = None
        self._until = as_paris(utc_now()).date() + timedelta(weeks=WEEKS_SHOWN)
        self._people = {h.id: h for h in self._services.people.all()}
        moving = self.current is not None
        if moving:
            self.setWindowTitle(self.tr("Déplacer le rendez-vous"))
        elif self.case.calls_held:
            self.setWindowTitle(self.tr("Rappel convenu : fixer le prochain appel"))
        else:
            self.setWindowTitle(self.tr("Proposer un RDV"))
        self.setAccessibleName(self.windowTitle())

        heading = f"{self.case.reference} — {self.case.member.display_name}"
        if self.case.urgent:
            heading += self.tr(" — URGENT")
        self.heading = QLabel(heading)
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName(self.tr("Sollicitation"))
        self.current_label = QLabel()
        self.current_label.setWordWrap(True)
        if self.current is not None:
            self.current_label.setText(
                self.tr("Rendez-vous actuel : {when}").format(
                    when=long_datetime(self.current.starts_at)
                )
            )
        self.hint = QLabel(
            self.tr("Cliquez sur un moment pour le réserver :")
            if not moving
            else self.tr("Cliquez sur un nouveau moment pour y déplacer le rendez-vous :")
        )
        self.hint.setWordWrap(True)
        # Who calls whom: one choice per appointment, the default way preselected.
        self.way_box = QGroupBox(self.tr("Qui appelle ?"))
        way_layout = QVBoxLayout(self.way_box)
        self.way_buttons: dict[WhoCalls, QRadioButton] = {}
        chosen = self.current.who_calls if self.current else WhoCalls.HOTLINER_CALLS
        for way in WhoCalls:
            button = QRadioButton(way.label)
            button.setChecked(way is chosen)
            way_layout.addWidget(button)
            self.way_buttons[way] = button
        names = {h.id: h.display_name for h in self._people.values() if h.id is not None}
        self.model: RowTableModel[FreeTime] = RowTableModel(free_time_columns(names), self)
        self.times = QTableView()
        self.times.setModel(self.model)
        self.times.setAccessibleName(self.tr("Prochains moments libres"))
        self.times.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.times.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.times.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.times.setTabKeyNavigation(False)
        self.times.verticalHeader().setVisible(False)
        self.times.setShowGrid(False)
        self.times.setWordWrap(True)
        header = self.times.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.times.clicked.connect(self._on_time_chosen)
        self.times.activated.connect(self._on_time_confirmed)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAccessibleName(self.tr("Aucun moment libre"))
        self.more_button = QPushButton(self.tr("Voir les semaines suivantes"))
        self.more_button.setAccessibleName(self.more_button.text())
        self.more_button.clicked.connect(self._on_more)

        self.urgent_box = QGroupBox(self.tr("Urgence : fixer hors créneau"))
        self.when_edit = QDateTimeEdit()
        self.when_edit.setAccessibleName(self.tr("Date et heure hors créneau"))
        self.when_edit.setDisplayFormat(CLOCK_FORMAT)
        self.when_edit.setCalendarPopup(True)
        tab_leaves(self.when_edit)
        self.when_edit.setTimeZone(QTimeZone(b"Europe/Paris"))
        start = as_paris(utc_now() + timedelta(hours=2)).replace(minute=0, second=0)
        self.when_edit.setDateTime(
            QDateTime(
                QDate(start.year, start.month, start.day),
                QTime(start.hour, start.minute, start.second, start.microsecond // 1000),
                QTimeZone(b"Europe/Paris"),
            )
        )
        self.hotliner_combo = QComboBox()
        self.hotliner_combo.setAccessibleName(self.tr("Écoutant(e)"))
        for hotliner in self._people.values():
            self.hotliner_combo.addItem(hotliner.display_name, hotliner.id)
        self.urgent_button = QPushButton(self.tr("Fixer à ce moment"))
        self.urgent_button.setAccessibleName(self.tr("Fixer hors créneau"))
        self.urgent_button.clicked.connect(self._on_urgent)
        urgent_layout = QHBoxLayout(self.urgent_box)
        urgent_layout.addWidget(self.when_edit)
        urgent_layout.addWidget(self.hotliner_combo)
        urgent_layout.addWidget(self.urgent_button)
        self.urgent_box.setVisible(self.case.urgent)

        self.cancel_button = QPushButton(self.tr("Annuler le rendez-vous"))
        self.cancel_button.setAccessibleName(self.cancel_button.text())
        self.cancel_button.clicked.connect(self._on_cancel_appointment)
        self.cancel_button.setVisible(moving)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.current_label)
        layout.addWidget(self.way_box)
        layout.addWidget(self.hint)
        layout.addWidget(self.times, 1)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.urgent_box)
        bottom = QHBoxLayout()
        bottom.addWidget(self.cancel_button)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        size_in_text(self, 70, 30)
        self.reload()

    # ---- content -----------------------------------------------------------
    def reload(self) -> None:
        today = as_paris(utc_now()).date()
        free = self._services.agenda.free_times(today, self._until, not_before=utc_now())
        self.model.set_rows(free)
        self.empty_label.setText(
            self.tr(
                "Aucun moment libre d'ici le {day} : ajoutez des créneaux dans l'agenda."
            ).format(day=self._until.strftime("%d/%m/%Y"))
        )
        self.empty_label.setVisible(not free)
        self.times.setVisible(bool(free))

    def chosen_way(self) -> WhoCalls:
        """Who calls whom at the call being booked (the radio button checked)."""
        return next(way for way, button in self.way_buttons.items() if button.isChecked())

    def choose_way(self, way: WhoCalls) -> None:
        self.way_buttons[way].setChecked(True)

    def free_times(self) -> list[FreeTime]:
        """The free times offered, in the order shown."""
        return self.model.rows()

    def index_of(self, free: FreeTime) -> QModelIndex:
        """The first cell of a free time's row (for a click or the keyboard)."""
        return self.model.index(self.model.rows().index(free), 0)

    # ---- actions -----------------------------------------------------------
    def _on_more(self) -> None:
        self._until += timedelta(weeks=WEEKS_SHOWN)
        self.reload()

    def _on_time_chosen(self, index: QModelIndex) -> None:
        if not index.isValid() or self.result_appointment is not None:
            return
        chosen = self.model.row_at(index.row())
        self._apply(chosen.hotliner_id, chosen.starts_at)

    def _on_time_confirmed(self, index: QModelIndex) -> None:
        """Enter (or a double-click) books the time the user chose, never the first one
        the table makes current on its own when Tab brings the focus in (issue 20)."""
        selection = self.times.selectionModel()
        if index.isValid() and selection.isRowSelected(index.row(), QModelIndex()):
            self._on_time_chosen(index)

    def _on_urgent(self) -> None:
        chosen = self.when_edit.dateTime().toSecsSinceEpoch()
        start = datetime.fromtimestamp(chosen, UTC)
        self._apply(self.hotliner_combo.currentData(), start)

    def _apply(self, hotliner_id: int | None, start: datetime) -> None:
        try:
            done = self._services.agenda.book_or_move(
                self.case_id,
                hotliner_id,
                start,
                self.chosen_way(),
            )
        except BookingError as error:
            prompts.warn(self, self.tr("Rendez-vous impossible"), str(error))
            self.reload()
            return
        self.result_appointment = done
        self.accept()

    def _on_cancel_appointment(self) -> None:
        current = self.current
        if (
            current is not None
            and current.id is not None
            and cancel_appointment(self._context, current.id, self)
        ):
            self.accept()


def cancel_appointment(context: AppContext, appointment_id: int, parent: QWidget | None) -> bool:
    """Ask, then cancel (kept in the history); True when cancelled."""
    appointment = context.services.agenda.get(appointment_id)
    when = long_datetime(appointment.starts_at)
    if not prompts.confirm_action(
        parent,
        QCoreApplication.translate("BookingDialog", "Annuler le rendez-vous"),
        QCoreApplication.translate("BookingDialog", "Annuler le rendez-vous du {when} ?").format(
            when=when
        ),
        QCoreApplication.translate("BookingDialog", "Annuler le rendez-vous"),
        QCoreApplication.translate("BookingDialog", "Garder le rendez-vous"),
    ):
        return False
    try:
        context.services.agenda.cancel(appointment_id)
    except BookingError as error:
        prompts.warn(
            parent, QCoreApplication.translate("BookingDialog", "Annulation impossible"), str(error)
        )
        return False
    return True


def open_booking(context: AppContext, case_id: int, parent: QWidget | None) -> Appointment | None:
    """« Proposer un RDV » (or move the current one); the appointment booked, or None."""
    dialog = BookingDialog(context, case_id, parent)
    dialog.exec()
    return dialog.result_appointment


def open_confirmation(context: AppContext, case_id: int, parent: QWidget | None) -> None:
    """The confirmation to send to the member (.eml, clipboard text, attachments)."""
    from ecoute_desktop.ui.case.confirmation_dialog import ConfirmationDialog

    if context.services.agenda.pending_for_case(case_id) is None:
        prompts.inform(
            parent,
            QCoreApplication.translate("BookingDialog", "Confirmation"),
            QCoreApplication.translate(
                "BookingDialog", "Fixez d'abord un rendez-vous pour cette sollicitation."
            ),
        )
        return
    ConfirmationDialog(context, case_id, parent).exec()


__all__ = ["BookingDialog", "cancel_appointment", "open_booking", "open_confirmation"]
