"""The one bridge from the core's plain events to Qt signals, always on the GUI thread.

Services publish `CaseChanged`, `CasesChanged`, `AgendaChanged`, `ReferenceChanged` and
`SettingsChanged` after their transaction commits, on whichever thread ran the action
(the background runner included). `EventBridge` re-emits them as the `Events` signals
below; widgets connect to those and never emit them by hand.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QThread, Signal, Slot

from ecoute_desktop.services.app import (
    AgendaChanged,
    CaseChanged,
    CasesChanged,
    Event,
    MailboxChanged,
    Publisher,
    ReferenceChanged,
    SettingsChanged,
)


class Events(QObject):
    """Application-wide notifications on the GUI thread.

    Changes (emitted only by `EventBridge`): `cases_changed`, `case_changed`,
    `reference_data_changed`, `settings_changed`. Requests between widgets (UI intents,
    emitted by the widgets themselves): `open_case`, `new_case_requested`,
    `import_requested`, `settings_requested`, `new_case_from_email`,
    `mailbox_pickup_requested`.
    """

    cases_changed = Signal()  # any case was created or changed
    case_changed = Signal(int)  # this case id changed
    reference_data_changed = Signal()  # taxonomy, directory, people or slots changed
    settings_changed = Signal()  # a setting of the base changed
    mailbox_changed = Signal()  # the mailbox was read, or a waiting message taken or dismissed
    open_case = Signal(int)  # ask the main window to show a case
    new_case_requested = Signal()  # ask the main window for the « Nouvelle sollicitation » form
    import_requested = Signal()  # ask the main window to import a spreadsheet (CSV)
    settings_requested = Signal(str)  # show Paramètres at a section (SettingsView.show_section)
    new_case_from_email = Signal(object)  # the form prefilled from an IntakeRequest (mailbox)
    mailbox_pickup_requested = Signal()  # ask the main window for « Relever la boîte »


class EventBridge(QObject):
    """Subscribes to the publisher; re-emits each event as `Events` signals on the GUI thread."""

    _relayed = Signal(object)

    def __init__(self, publisher: Publisher, events: Events) -> None:
        super().__init__(events)
        self._events = events
        self._relayed.connect(self._dispatch)  # queued when published off the GUI thread
        self._unsubscribe = publisher.subscribe(self._on_event)
        self.destroyed.connect(lambda *_: self._unsubscribe())

    def _on_event(self, event: Event) -> None:
        if QThread.currentThread() is self.thread():
            self._dispatch(event)
        else:
            self._relayed.emit(event)

    @Slot(object)
    def _dispatch(self, event: Event) -> None:
        events = self._events
        if isinstance(event, CaseChanged):
            events.case_changed.emit(event.case_id)
            events.cases_changed.emit()
        elif isinstance(event, CasesChanged):
            events.cases_changed.emit()
        elif isinstance(event, ReferenceChanged | AgendaChanged):
            events.reference_data_changed.emit()
        elif isinstance(event, SettingsChanged):
            events.settings_changed.emit()
        elif isinstance(event, MailboxChanged):
            events.mailbox_changed.emit()
