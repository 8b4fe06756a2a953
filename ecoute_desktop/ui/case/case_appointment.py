"""The appointment of a case: book, move or cancel it, and send the member's confirmation."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ecoute_desktop.domain.booking import BOOKABLE
from ecoute_desktop.domain.french_dates import long_datetime
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.domain.who_calls import WhoCalls
from ecoute_desktop.domain.workflow import Status
from ecoute_desktop.ui.agenda import booking_dialog
from ecoute_desktop.ui.common.context import AppContext


class AppointmentPanel(QWidget):
    """Shows the current call and the buttons that act on it (dialogs behind one module)."""

    changed = Signal()
    booked = Signal()  # a time was chosen: the confirmation comes next

    def __init__(self, context: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.case_id = case_id
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Rendez-vous téléphonique"))
        self.way_label = QLabel()
        self.way_label.setWordWrap(True)
        self.way_label.setAccessibleName(self.tr("Qui appelle"))
        self.way_combo = QComboBox()
        self.way_combo.setAccessibleName(self.tr("Qui appelle qui pour ce rendez-vous"))
        for way in WhoCalls:
            self.way_combo.addItem(way.label, way)
        self.way_combo.activated.connect(lambda _: self.change_way(self.way_combo.currentData()))
        self.book_button = QPushButton()
        self.book_button.clicked.connect(self.book)
        self.cancel_button = QPushButton(self.tr("Annuler le RDV"))
        self.cancel_button.setAccessibleName(self.tr("Annuler le rendez-vous"))
        self.cancel_button.clicked.connect(self.cancel)
        self.confirm_button = QPushButton(self.tr("Confirmation à l'adhérent…"))
        self.confirm_button.setAccessibleName(
            self.tr("Préparer la confirmation avec la charte et l'invitation")
        )
        self.confirm_button.clicked.connect(self.confirm)
        buttons = QHBoxLayout()
        for button in (self.book_button, self.cancel_button, self.confirm_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("<h3>Rendez-vous</h3>")))
        layout.addWidget(self.summary)
        layout.addWidget(self.way_label)
        way_row = QHBoxLayout()
        way_title = QLabel(self.tr("Qui appelle :"))
        way_title.setBuddy(self.way_combo)
        way_row.addWidget(way_title)
        way_row.addWidget(self.way_combo)
        way_row.addStretch(1)
        self.way_row = QWidget()
        self.way_row.setLayout(way_row)
        way_row.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.way_row)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        services = self.context.services
        case = services.cases.get(self.case_id)
        current = services.agenda.active_for_case(self.case_id)
        bookable = case.status in BOOKABLE
        upcoming = False
        if current is None:
            self.summary.setText(
                self.tr("Aucun rendez-vous fixé.")
                if bookable
                else self.tr("Pas de rendez-vous à fixer à cette étape.")
            )
        else:
            extra = self.tr(" (hors créneaux, urgence)") if current.out_of_slot else ""
            # once held, closed or dropped (or simply past), the call is told in the past
            upcoming = case.status is Status.SCHEDULED and current.starts_at > utc_now()
            if upcoming and case.calls_held:
                text = self.tr("Rappel prévu le <b>{0}</b>{1}.")
            elif upcoming:
                text = self.tr("Appel prévu le <b>{0}</b>{1}.")
            else:
                text = self.tr("Appel du <b>{0}</b>{1}.")
            text = text.format(long_datetime(current.starts_at), extra)
            if case.calls_held > 1:
                text += " " + self.tr("{0} appels effectués.").format(case.calls_held)
            self.summary.setText(text)
        if case.status is Status.CALL_HELD:
            self.book_button.setText(self.tr("Rappel convenu…"))
            self.book_button.setToolTip(
                self.tr("Fixer un nouvel appel avec l'adhérent (la sollicitation reste ouverte)")
            )
        elif case.status is Status.SCHEDULED and current is not None:
            self.book_button.setText(self.tr("Déplacer le RDV…"))
            self.book_button.setToolTip("")
        else:
            self.book_button.setText(self.tr("Proposer un RDV…"))
            self.book_button.setToolTip("")
        self.book_button.setAccessibleName(self.book_button.text().rstrip("…"))
        self.book_button.setEnabled(bookable)
        self.cancel_button.setVisible(current is not None and case.status is Status.SCHEDULED)
        # nothing left to confirm once the call is held or the case closed or dropped
        pending = current if case.status is Status.SCHEDULED else None
        self.confirm_button.setEnabled(pending is not None)
        # who calls whom: said for the call to come, changed there (calendars follow)
        self.way_row.setVisible(pending is not None)
        self.way_label.setVisible(pending is not None)
        if pending is not None and pending.id is not None:
            self.way_label.setText(services.agenda.call_sentence(pending.id))
            self.way_combo.setCurrentIndex(self.way_combo.findData(pending.who_calls))

    def change_way(self, way: WhoCalls) -> None:
        """Who calls whom for the call to come (the confirmation should be sent again)."""
        pending = self.context.services.agenda.pending_for_case(self.case_id)
        if pending is None or pending.id is None or pending.who_calls is way:
            return
        self.context.services.agenda.set_who_calls(pending.id, way)
        self._changed()
        self.confirm_button.setFocus()  # tell the member the new way

    def book(self) -> None:
        """Open « Proposer un RDV »; one click there books and moves the case on."""
        if booking_dialog.open_booking(self.context, self.case_id, self) is not None:
            self._changed()
            if self.confirm_button.isEnabled():
                self.confirm_button.setFocus()  # Enter (or Space) prepares the confirmation
            self.booked.emit()

    def cancel(self) -> None:
        current = self.context.services.agenda.pending_for_case(self.case_id)
        if (
            current is not None
            and current.id is not None
            and booking_dialog.cancel_appointment(self.context, current.id, self)
        ):
            self._changed()

    def confirm(self) -> None:
        booking_dialog.open_confirmation(self.context, self.case_id, self)
        self._changed()

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()
