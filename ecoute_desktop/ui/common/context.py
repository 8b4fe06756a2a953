"""What a view needs from the application, handed to it instead of the main window."""

from __future__ import annotations

from dataclasses import dataclass, field

from ecoute_desktop.services.app import Services
from ecoute_desktop.ui.common.background import BackgroundRunner
from ecoute_desktop.ui.common.event_bridge import EventBridge, Events

__all__ = ["AppContext", "Events"]


@dataclass
class AppContext:
    """The application layer, the background runner and the change signals.

    Widgets act through `services` (one method per user action) and listen to `events`;
    the bridge between the two is made here, once per context.
    """

    services: Services
    runner: BackgroundRunner
    events: Events
    bridge: EventBridge = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.bridge = EventBridge(self.services.publisher, self.events)
