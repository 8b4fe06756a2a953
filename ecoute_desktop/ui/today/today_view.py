"""Aujourd'hui: requests to acknowledge by time left, the week's appointments, calls to close."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import cast

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from ecoute_desktop.domain.case_rows import AppointmentRow, CaseSummary
from ecoute_desktop.domain.deadlines import (
    AckState,
    ack_state,
    days_since,
    questionnaire_overdue,
    time_left,
)
from ecoute_desktop.domain.french_dates import clock
from ecoute_desktop.domain.timeutil import as_paris, paris_midnight, utc_now
from ecoute_desktop.domain.workflow import AWAITING_ACK, Status
from ecoute_desktop.ui.common.case_table import RowTable
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.formatting import DAYS, deadline_text, short_datetime
from ecoute_desktop.ui.common.palette import qcolour
from ecoute_desktop.ui.common.table_model import Column, RowTableModel
from ecoute_desktop.ui.common.widget_kit import follow_focus, page_title
from ecoute_desktop.ui.today.first_steps import EmptyStart, FirstStepsPanel
from ecoute_desktop.ui.today.twice_taken_line import TwiceTakenLine


class TodayView(QWidget):
    """The default view: what needs doing now, most pressing first."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.now: datetime = utc_now()
        self.reminder_days = 2  # read from the settings at each refresh
        self.names: dict[int, str] = {}  # hotliner id → name (the pair's requests are shown)
        self.setAccessibleName(self.tr("Aujourd'hui"))
        self.to_acknowledge = RowTableModel(self._ack_columns(), self)
        self.appointments = RowTableModel(self._appointment_columns(), self)
        self.calls_held = RowTableModel(self._call_columns(), self)
        self.ack_table = RowTable(
            self.to_acknowledge, self._open, self.tr("Demandes à accuser"), sortable=False
        )
        self.appointment_table = RowTable(
            self.appointments, self._open, self.tr("Rendez-vous à venir"), sortable=False
        )
        self.call_table = RowTable(
            self.calls_held, self._open, self.tr("Questionnaires à envoyer"), sortable=False
        )
        self.ack_title, self.appointment_title, self.call_title = QLabel(), QLabel(), QLabel()
        # Large text: elide the collectivité, then hide what the tooltip or the case shows.
        self.ack_table.keep_within_width(4, droppable=[5, 6])
        self.appointment_table.keep_within_width(6, droppable=[4])
        self.call_table.keep_within_width(3)
        content = QWidget()
        layout = QVBoxLayout(content)
        heading = page_title(self.tr("Aujourd'hui"))
        self.date_label = QLabel()
        layout.addWidget(heading)
        layout.addWidget(self.date_label)
        from ecoute_desktop.ui.mailbox.dashboard_line import MailboxLine  # issue 15

        self.mailbox_line = MailboxLine(context)  # how many e-mails wait, since when
        layout.addWidget(self.mailbox_line)
        self.twice_taken = TwiceTakenLine(context)  # the same e-mail taken on both laptops
        layout.addWidget(self.twice_taken)
        self.empty_start = EmptyStart(context)  # first day: no case at all
        self.first_steps = FirstStepsPanel(context)  # while the set-up is incomplete
        for part in (self.empty_start, self.first_steps):
            part.slots_requested.connect(self.edit_slots)
            layout.addWidget(part)
        self.sections: list[QWidget] = []
        for title, table in (
            (self.ack_title, self.ack_table),
            (self.appointment_title, self.appointment_table),
            (self.call_title, self.call_table),
        ):
            title.setWordWrap(True)
            title.setBuddy(table)
            layout.addWidget(title)
            layout.addWidget(table)
            self.sections += [title, table]
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls inside
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setAccessibleName(self.tr("Tableau de bord"))
        follow_focus(scroll)  # the focused control in sight
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._clock = QTimer(self)
        self._clock.setInterval(60_000)
        self._clock.timeout.connect(self.refresh)
        self._clock.start()
        context.events.cases_changed.connect(self.refresh)
        context.events.reference_data_changed.connect(self.refresh_setup)
        context.events.settings_changed.connect(self.refresh_setup)
        # Filled by refresh(), which the main window calls when it shows the view.

    # ---- columns --------------------------------------------------------
    def _ack_colour(self, row: CaseSummary) -> QColor | None:
        state = ack_state(row.received_at, row.acknowledged_at, self.now)
        if state is AckState.LATE:
            return qcolour("late")
        return qcolour("due_soon") if state is AckState.DUE_SOON else None

    def _ack_columns(self) -> list[Column[CaseSummary]]:
        return [
            Column(
                self.tr("Échéance 48 h"),
                lambda r: deadline_text(r.received_at, None, self.now),
                colour=self._ack_colour,
                bold=lambda r: ack_state(r.received_at, None, self.now) is AckState.LATE,
                tooltip=lambda r: self.tr("Reçue le {0}").format(short_datetime(r.received_at)),
            ),
            Column(
                self.tr("Urgent"),
                lambda r: self.tr("URGENT") if r.urgent else "",
                colour=lambda r: qcolour("late") if r.urgent else None,
                bold=lambda r: r.urgent,
            ),
            Column(self.tr("Référence"), lambda r: r.reference),
            Column(self.tr("Adhérent"), lambda r: r.member_name),
            Column(
                self.tr("Collectivité"), lambda r: r.collectivite, tooltip=lambda r: r.collectivite
            ),
            Column(self.tr("Reçue le"), lambda r: short_datetime(r.received_at)),
            Column(self.tr("Suivie par"), lambda r: self.names.get(r.hotliner_id or 0, "")),
        ]

    def _appointment_columns(self) -> list[Column[AppointmentRow]]:
        def day(row: AppointmentRow) -> str:
            local = as_paris(row.starts_at)
            if local.date() == as_paris(self.now).date():
                return self.tr("aujourd'hui")
            return f"{DAYS[local.weekday()]} {local:%d/%m}"

        return [
            Column(self.tr("Jour"), day, bold=lambda r: day(r) == self.tr("aujourd'hui")),
            Column(
                self.tr("Heure"),
                lambda r: f"{clock(r.starts_at)} – {clock(r.ends_at)}",
            ),
            Column(self.tr("Adhérent"), lambda r: r.member_name),
            Column(self.tr("Téléphone"), lambda r: r.telephone),
            Column(self.tr("Référence"), lambda r: r.reference),
            Column(
                self.tr("Urgent"),
                lambda r: self.tr("URGENT") if r.urgent else "",
                colour=lambda r: qcolour("late") if r.urgent else None,
            ),
            Column(
                self.tr("Qui appelle"),
                lambda r: r.call_sentence,
                tooltip=lambda r: r.call_sentence,
            ),
        ]

    def _overdue(self, row: CaseSummary) -> bool:
        return questionnaire_overdue(row.last_call_at, self.now, self.reminder_days)

    def _call_columns(self) -> list[Column[CaseSummary]]:
        def last_call(row: CaseSummary) -> str:
            when = short_datetime(row.last_call_at or row.call_held_at)
            if row.last_call_at is None or not self._overdue(row):
                return when
            return self.tr("{0} (il y a {1} jours)").format(
                when, days_since(row.last_call_at, self.now)
            )

        return [
            Column(
                self.tr("Dernier appel"),
                last_call,
                colour=lambda r: qcolour("late") if self._overdue(r) else None,
                bold=self._overdue,
            ),
            Column(self.tr("Référence"), lambda r: r.reference),
            Column(self.tr("Adhérent"), lambda r: r.member_name),
            Column(
                self.tr("Collectivité"), lambda r: r.collectivite, tooltip=lambda r: r.collectivite
            ),
        ]

    # ---- data -----------------------------------------------------------
    def refresh(self) -> None:
        cases = self.context.services.cases
        if not self.context.services.session.is_open:
            return
        self.now = utc_now()
        local = as_paris(self.now)
        self.date_label.setText(
            self.tr("Nous sommes le {0} {1}.").format(DAYS[local.weekday()], f"{local:%d/%m/%Y}")
        )
        # not yet answered: « reçue », or booked but the confirmation not marked sent
        waiting = [
            row
            for row in cases.summaries(self.now, tuple(AWAITING_ACK))
            if row.acknowledged_at is None
        ]
        waiting.sort(key=lambda r: (time_left(r.received_at, self.now), not r.urgent))
        self.names = self.context.services.people.names()
        partner = self.context.services.people.partner()
        theirs = sum(1 for r in waiting if partner is not None and r.hotliner_id == partner.id)
        self.to_acknowledge.set_rows(waiting)
        start = paris_midnight(local.date())
        self.appointments.set_rows(
            cases.appointments_between(start, paris_midnight(local.date() + timedelta(days=8)))
        )
        self.reminder_days = self.context.services.settings.questionnaire_reminder_days()
        held = cases.summaries(self.now, (Status.CALL_HELD,))
        held.sort(key=lambda r: r.last_call_at or r.call_held_at or r.received_at)
        self.calls_held.set_rows(held)
        overdue = sum(self._overdue(r) for r in held)
        states = [ack_state(r.received_at, None, self.now) for r in waiting]
        late = states.count(AckState.LATE)
        soon = states.count(AckState.DUE_SOON)
        urgent = sum(r.urgent for r in waiting)
        self.ack_title.setText(
            self.tr("<h3>Demandes à accuser réception : {0}</h3>").format(len(waiting))
            + (
                self.tr(
                    "<p><b>{0} en retard</b>, <b>{1} à accuser dans les 12 heures</b>,"
                    " {2} urgente(s).</p>"
                ).format(late, soon, urgent)
                if waiting
                else self.tr("<p>Aucune demande en attente.</p>")
            )
            + (
                self.tr("<p>Dont {0} suivie(s) par votre binôme {1}.</p>").format(
                    theirs, partner.display_name
                )
                if theirs and partner is not None
                else ""
            )
        )
        count = self.appointments.rowCount()
        self.appointment_title.setText(
            self.tr("<h3>Rendez-vous aujourd'hui et les 7 prochains jours : {0}</h3>").format(count)
            + ("" if count else self.tr("<p>Aucun rendez-vous prévu.</p>"))
        )
        reminder = ""
        if overdue:
            reminder = self.tr(
                "<p><b>{0} appel(s) effectué(s) il y a {1} jours ou plus sans questionnaire"
                " envoyé.</b></p>"
            ).format(overdue, self.reminder_days)
        self.call_title.setText(
            self.tr("<h3>Appels effectués, questionnaire à envoyer : {0}</h3>").format(len(held))
            + (reminder if held else self.tr("<p>Tous les questionnaires sont partis.</p>"))
        )
        for table in (self.ack_table, self.appointment_table, self.call_table):
            table.setVisible(table.source.rowCount() > 0)
            table.fit_to_contents()
        self.mailbox_line.refresh()
        self.twice_taken.refresh()
        self.refresh_setup()

    def refresh_setup(self) -> None:
        """The first-day parts: what to do with no case yet, the « Premiers pas » list."""
        services = self.context.services
        if not services.session.is_open:
            return
        first_day = services.cases.count() == 0
        self.empty_start.setVisible(first_day)
        self.empty_start.show_state(services.agenda.has_current_slot())
        for widget in self.sections:  # three « : 0 » headings say nothing on the first day
            if first_day:
                widget.setVisible(False)
            elif isinstance(widget, QLabel):
                widget.setVisible(True)
        self.first_steps.refresh()

    def edit_slots(self) -> None:
        """« Définir mes permanences… »: the slots dialog, then the lists read again."""
        from ecoute_desktop.ui.agenda.slots_dialog import edit_slots

        edit_slots(self.context, self)
        self.refresh_setup()  # what the dialog saved was told to the other views as it went

    def _open(self, row: object) -> None:
        # the appointments table holds AppointmentRow, the other two CaseSummary
        case_id = row.case_id if isinstance(row, AppointmentRow) else cast(CaseSummary, row).id
        self.context.events.open_case.emit(case_id)

    def clear_personal_data(self) -> None:
        for model in (self.to_acknowledge, self.appointments, self.calls_held):
            model.set_rows([])
        self.mailbox_line.clear_personal_data()
        self.twice_taken.clear_personal_data()


def create_view(context: AppContext, parent: QWidget | None = None) -> QWidget:
    return TodayView(context, parent)
