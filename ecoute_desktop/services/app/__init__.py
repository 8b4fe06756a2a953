"""The application layer: one method per user action, one transaction each, plain events."""

from ecoute_desktop.services.app.events import (
    AgendaChanged,
    CaseChanged,
    CasesChanged,
    Event,
    Publisher,
    ReferenceChanged,
    SettingsChanged,
)
from ecoute_desktop.services.app.facade import Services

__all__ = [
    "AgendaChanged",
    "CaseChanged",
    "CasesChanged",
    "Event",
    "Publisher",
    "ReferenceChanged",
    "Services",
    "SettingsChanged",
]
