"""What a view needs from the application, handed to it instead of the main window."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from ecoute_desktop.store import Store
from ecoute_desktop.ui.common.background import BackgroundRunner


class Events(QObject):
    """Application-wide notifications re-emitted on the GUI thread."""

    cases_changed = Signal()  # any case was created or changed
    case_changed = Signal(int)  # this case id changed
    open_case = Signal(int)  # ask the main window to show a case
    reference_data_changed = Signal()  # taxonomy, directory, people or slots changed
    new_case_requested = Signal()  # ask the main window for the « Nouvelle sollicitation » form
    import_requested = Signal()  # ask the main window to import a spreadsheet (CSV)
    settings_requested = Signal(str)  # show Paramètres at a section (SettingsView.show_section)


@dataclass
class AppContext:
    """The open store, the background runner and the event bridge."""

    store: Store
    runner: BackgroundRunner
    events: Events
