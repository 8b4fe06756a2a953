"""The line of « Aujourd'hui » about the shared mailbox: how many messages wait, since when.

Shown only once the mailbox is configured (offline, or without a mailbox, the dashboard
is unchanged). It says what the last pickup found, minus what was taken or dismissed
since, or why the pickup stopped; « Relever la boîte » opens the pickup.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ecoute_desktop.domain.french_dates import clock
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.formatting import short_datetime


class MailboxLine(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleName(self.tr("Boîte aux lettres"))
        self.button = QPushButton(self.tr("Relever la boîte"))
        self.button.setAccessibleName(self.tr("Relever la boîte"))
        self.button.clicked.connect(context.events.mailbox_pickup_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        context.events.mailbox_changed.connect(self.refresh)
        context.events.settings_changed.connect(self.refresh)
        self.setVisible(False)

    def refresh(self) -> None:
        services = self.context.services
        if not services.session.is_open:
            return
        mailbox = services.mailbox
        configured = mailbox.settings().configured
        self.setVisible(configured)
        if not configured:
            return
        problem = mailbox.last_problem()
        summary = mailbox.waiting_summary()
        if problem:
            text = self.tr("Boîte aux lettres : {0}").format(problem)
        elif summary is None:
            text = self.tr("Boîte aux lettres : pas encore relevée depuis l'ouverture d'Écoute.")
        elif summary.count == 0:
            text = self.tr("Boîte aux lettres : aucun message en attente (relevée à {0}).").format(
                clock(summary.checked_at)
            )
        else:
            text = self.tr(
                "Boîte aux lettres : {0} message(s) en attente depuis le {1} (relevée à {2})."
            ).format(
                summary.count,
                short_datetime(summary.oldest),
                clock(summary.checked_at),
            )
        self.label.setText(text)

    def clear_personal_data(self) -> None:
        self.label.clear()
