"""The application layer: one method per user action, one transaction each, plain events.

`Services` is imported on first use: the areas import `services.app.base`, and an eager
import of the facade (which imports every area) would make that a cycle.
"""

from typing import TYPE_CHECKING, Any

from ecoute_desktop.services.app.events import (
    AgendaChanged,
    CaseChanged,
    CasesChanged,
    Event,
    MailboxChanged,
    Publisher,
    ReferenceChanged,
    SettingsChanged,
)

if TYPE_CHECKING:
    from ecoute_desktop.services.app.facade import Services


def __getattr__(name: str) -> Any:
    if name == "Services":
        from ecoute_desktop.services.app.facade import Services

        return Services
    raise AttributeError(name)


__all__ = [
    "AgendaChanged",
    "CaseChanged",
    "CasesChanged",
    "Event",
    "MailboxChanged",
    "Publisher",
    "ReferenceChanged",
    "Services",
    "SettingsChanged",
]
