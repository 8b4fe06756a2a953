"""Plain-Python change events and the one publisher that hands them to listeners (no Qt)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CaseChanged:
    """One case (its member, steps, notes, tags, referrals or appointment) changed."""

    case_id: int


@dataclass(frozen=True, slots=True)
class CasesChanged:
    """Many cases may have changed at once (import, restore, purge, erasure)."""


@dataclass(frozen=True, slots=True)
class AgendaChanged:
    """Weekly slots, absences or booking rules changed."""


@dataclass(frozen=True, slots=True)
class ReferenceChanged:
    """Taxonomy, directory or the people of the pair changed."""


@dataclass(frozen=True, slots=True)
class SettingsChanged:
    """A setting of the database changed (templates, report identity, backups…)."""


@dataclass(frozen=True, slots=True)
class MailboxChanged:
    """The shared mailbox was read, or a waiting message taken or dismissed."""


Event = (
    CaseChanged | CasesChanged | AgendaChanged | ReferenceChanged | SettingsChanged | MailboxChanged
)
Listener = Callable[[Event], None]


class Publisher:
    """Calls every listener with each event, on the thread that publishes it.

    Services publish only after their transaction committed; a listener that needs
    another thread (the Qt bridge) hops there itself.
    """

    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Start calling `listener`; returns the function that stops it."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, event: Event) -> None:
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(event)
