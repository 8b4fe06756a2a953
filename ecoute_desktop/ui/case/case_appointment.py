"""The appointment of a case: book, move or cancel it, and send the member's confirmation."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ecoute_desktop.domain.booking import BOOKABLE
from ecoute_desktop.domain.french_dates import long_datetime
from ecoute_desktop.domain.timeutil import utc_now
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
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        services = self.context.services
        case = services.cases.get(self.case_id)
        current = services.agenda.active_for_case(self.case_id)
        bookable = case.status in BOOKABLE
        if current is None:
            self.summary.setText(
                self.tr("Aucun rendez-vous fixé.")
                if bookable
                else self.tr("Pas de rendez-vous à fixer à cette étape.")
            )
            self.book_button.setText(self.tr("Proposer un RDV…"))
        else:
            extra = self.tr(" (hors créneaux, urgence)") if current.out_of_slot else ""
            # once held, closed or dropped (or simply past), the call is told in the past
            upcoming = case.status is Status.SCHEDULED and current.starts_at > utc_now()
            text = (
                self.tr("Appel prévu le <b>{0}</b>{1}.")
                if upcoming
                else self.tr("Appel du <b>{0}</b>{1}.")
            )
            self.summary.setText(text.format(long_datetime(current.starts_at), extra))
            self.book_button.setText(self.tr("Déplacer le RDV…"))
        self.book_button.setAccessibleName(self.book_button.text().rstrip("…"))
        self.book_button.setEnabled(bookable)
        self.cancel_button.setVisible(current is not None and case.status is Status.SCHEDULED)
        # nothing left to confirm once the call is held or the case closed or dropped
        self.confirm_button.setEnabled(current is not None and case.status is Status.SCHEDULED)

    def book(self) -> None:
        """Open « Proposer un RDV »; one click there books and moves the case on."""
        if booking_dialog.open_booking(self.context, self.case_id, self) is not None:
            self._changed()
            if self.confirm_button.isEnabled():
                self.confirm_button.setFocus()  # Enter (or Space) prepares the confirmation
            self.booked.emit()

    def cancel(self) -> None:
        current = self.context.services.agenda.active_for_case(self.case_id)
        if current is not None and booking_dialog.cancel_appointment(
            self.context, current.id, self
        ):
            self._changed()

    def confirm(self) -> None:
        booking_dialog.open_confirmation(self.context, self.case_id, self)
        self._changed()

    def _changed(self) -> None:
        self.refresh()
        self.changed.emit()
