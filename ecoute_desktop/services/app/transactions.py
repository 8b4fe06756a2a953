"""One transaction per user action; its events are published once it has committed."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from ecoute_desktop.services.app.events import Event, Publisher
from ecoute_desktop.store import Store


class Changes:
    """What an action changed, collected while its transaction runs."""

    def __init__(self) -> None:
        self.events: list[Event] = []

    def add(self, *events: Event) -> None:
        for event in events:
            if event not in self.events:
                self.events.append(event)


class Transactions:
    """`with transactions.action() as changes:` one write transaction; nested actions join it.

    The events added to `changes` are published after the outermost transaction commits,
    and dropped if it rolls back.
    """

    def __init__(self, store: Store, publisher: Publisher) -> None:
        self._store = store
        self._publisher = publisher
        self._local = threading.local()

    @contextmanager
    def action(self, *events: Event) -> Iterator[Changes]:
        outer: Changes | None = getattr(self._local, "changes", None)
        changes = outer or Changes()
        with self._store.db.write():
            self._local.changes = changes
            try:
                yield changes
            finally:
                self._local.changes = outer
            changes.add(*events)
        if outer is None:
            for event in changes.events:
                self._publisher.publish(event)

    def publish(self, *events: Event) -> None:
        """Events of a change made outside a transaction (a file replaced, a reconnection)."""
        for event in events:
            self._publisher.publish(event)
