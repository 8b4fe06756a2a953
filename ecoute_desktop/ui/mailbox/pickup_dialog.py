"""« Relever la boîte »: what waits in the shared mailbox, taken as a case or set aside.

The pickup runs on the background runner (a slow or absent network never freezes the
window); its French reason is shown in the dialog when it fails. Each message offers
« Créer la sollicitation » (the new-case form, prefilled, received at the message's
arrival in the mailbox) and « Ce n'est pas une demande ». Messages taken meanwhile (here,
or by the partner through the exchange) leave the list as soon as the cases change.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.services.mailbox import MailboxError, MailboxUnreachable, WaitingMessage
from ecoute_desktop.ui.common.case_table import RowTable
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.dialog_size import size_in_text
from ecoute_desktop.ui.common.formatting import short_datetime
from ecoute_desktop.ui.common.status_label import StatusLabel
from ecoute_desktop.ui.common.table_model import Column, RowTableModel
from ecoute_desktop.ui.common.translatable import QT_TRANSLATE_NOOP
from ecoute_desktop.ui.mailbox import fetch_outcome


def suggested_member(message: WaitingMessage) -> str:
    """« 06 39 98 33 44 · Responsable … · Mairie de … », what the text says of the member."""
    request = message.request
    if message.problem:
        return message.problem
    parts = (request.phone, request.fonction, request.collectivite)
    return " · ".join(part for part in parts if part) or "—"


COLUMNS: list[Column[WaitingMessage]] = [
    Column(
        QT_TRANSLATE_NOOP("MailboxPickupDialog", "Expéditeur"),
        lambda m: m.request.name or m.request.email,
        tooltip=lambda m: m.sender,
    ),
    Column(
        QT_TRANSLATE_NOOP("MailboxPickupDialog", "Objet"),
        lambda m: m.subject,
        tooltip=lambda m: m.subject,
    ),
    Column(
        QT_TRANSLATE_NOOP("MailboxPickupDialog", "Arrivé le"),
        lambda m: short_datetime(m.arrived_at),
        sort_key=lambda m: m.arrived_at,
    ),
    Column(
        QT_TRANSLATE_NOOP("MailboxPickupDialog", "Adhérent suggéré"),
        suggested_member,
        tooltip=suggested_member,
    ),
]


class MailboxPickupDialog(QDialog):
    """Lists the messages not yet seen by Écoute; not modal, so the form can open beside it."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Relever la boîte"))
        self.setAccessibleName(self.tr("Relever la boîte"))
        self.status = StatusLabel()  # « 3 messages attendent… », said by screen readers
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("État de la relève"))
        self.model: RowTableModel[WaitingMessage] = RowTableModel(
            [
                replace(c, header=QCoreApplication.translate("MailboxPickupDialog", c.header))
                for c in COLUMNS
            ],
            self,
        )
        self.table = RowTable(self.model, None, self.tr("Messages en attente"))
        self.table.keep_within_width([1, 3, 0])  # never sideways: subject, member, sender shrink
        self.table.doubleClicked.connect(lambda _: self.take())
        buttons = QDialogButtonBox()
        self.take_button = self._button(
            buttons, self.tr("Créer la sollicitation"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.take_button.setDefault(True)  # Enter in the list takes the selected message
        self.take_button.clicked.connect(self.take)
        self.dismiss_button = self._button(
            buttons, self.tr("Ce n'est pas une demande"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.dismiss_button.clicked.connect(self.dismiss)
        self.again_button = self._button(
            buttons, self.tr("Relever à nouveau"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.again_button.clicked.connect(self.pick_up)
        # Beside the status it answers, not in the button row (at 200 % five buttons made
        # the window wider than a 1366-pixel laptop screen).
        self.settings_button = QPushButton(self.tr("Paramètres › Messagerie…"))
        self.settings_button.setAccessibleName(self.tr("Paramètres › Messagerie…"))
        self.settings_button.setAutoDefault(False)
        self.settings_button.clicked.connect(self.open_settings)
        self.settings_button.hide()  # shown when the settings are what stopped the pickup
        close = self._button(buttons, self.tr("Fermer"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.settings_button)
        layout = QVBoxLayout(self)
        layout.addLayout(status_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        size_in_text(self, 110, 18)  # capped to the screen (fit_to_screen shrank it)
        self.busy = False
        context.events.cases_changed.connect(self.forget_handled)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._enable())
        self._enable()

    @staticmethod
    def _button(box: QDialogButtonBox, text: str, role: QDialogButtonBox.ButtonRole) -> QPushButton:
        button = box.addButton(text, role)
        button.setAccessibleName(text)
        button.setAutoDefault(False)
        return button

    # ---- the pickup ---------------------------------------------------------
    def pick_up(self) -> None:
        """Read the mailbox on the background runner; the list follows when it answers."""
        if self.busy:
            return
        self.busy = True
        self.status.setText(self.tr("Relève de la boîte en cours…"))
        self._enable()
        mailbox = self.context.services.mailbox
        self.context.runner.run(partial(fetch_outcome, mailbox), self._show, self._failed)

    def _show(self, messages: list[WaitingMessage] | MailboxError) -> None:
        if isinstance(messages, MailboxError):
            self._failed(messages)
            return
        self.busy = False
        self.settings_button.hide()
        self.model.set_rows(messages)
        self._say_count()
        if messages:
            self.table.selectRow(0)
            self.table.setCurrentIndex(self.model.index(0, 0))
            self.table.setFocus()
        self._enable()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.settings_button.setVisible(
            isinstance(error, MailboxError) and not isinstance(error, MailboxUnreachable)
        )
        if isinstance(error, MailboxError):
            self.status.setText(str(error))
        else:
            self.status.setText(self.tr("La relève a échoué ; rien n'a changé. Réessayez."))
        self._enable()

    def _say_count(self) -> None:
        count = self.model.rowCount()
        if count == 0:
            self.status.setText(self.tr("Aucun nouveau message dans la boîte."))
        elif count == 1:
            self.status.setText(self.tr("1 message attend une réponse."))
        else:
            self.status.setText(self.tr("{0} messages attendent une réponse.").format(count))

    def open_settings(self) -> None:
        """Paramètres › Messagerie, where the server, password and certificate are set."""
        self.context.events.settings_requested.emit("mailbox")
        self.hide()

    # ---- each message -------------------------------------------------------
    def current(self) -> WaitingMessage | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def take(self) -> None:
        """« Créer la sollicitation »: the new-case form, prefilled, received at arrival."""
        message = self.current()
        if message is not None:
            self.context.events.new_case_from_email.emit(message.as_request())

    def dismiss(self) -> None:
        """« Ce n'est pas une demande »: never offered again (headers kept 30 days)."""
        message = self.current()
        if message is None:
            return
        row = self.table.currentIndex().row()
        self.context.services.mailbox.dismiss(message)
        self._remove({message.key}, row)

    def forget_handled(self) -> None:
        """Drop the messages now taken as cases (here, in the form, or by the partner)."""
        rows = self.model.rows()
        if not rows or not self.context.services.session.is_open:
            return
        handled = self.context.services.mailbox.handled([m.key for m in rows])
        if not handled:
            return
        mailbox = self.context.services.mailbox
        for key in handled:  # only when the user turned « marquer comme lu » on
            self.context.runner.run(partial(mailbox.mark_seen_on_server, key))
        self._remove(handled, self.table.currentIndex().row())

    def _remove(self, keys: set[str], row: int) -> None:
        left = [m for m in self.model.rows() if m.key not in keys]
        self.model.set_rows(left)
        self._say_count()
        if left:
            row = min(max(row, 0), len(left) - 1)
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._enable()

    def _enable(self) -> None:
        chosen = self.table.currentIndex() != QModelIndex() and self.current() is not None
        self.take_button.setEnabled(chosen and not self.busy)
        self.dismiss_button.setEnabled(chosen and not self.busy)
        self.again_button.setEnabled(not self.busy)

    def clear_personal_data(self) -> None:
        self.model.set_rows([])
        self.status.clear()
