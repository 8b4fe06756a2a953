"""Run long work off the GUI thread; callbacks come back on it. No widget is touched in `work`."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    @Slot()
    def run(self) -> None:
        try:
            result = self._work()
        except BaseException as error:  # reported on the GUI thread
            self._relay.failed.emit(error)
        else:
            self._relay.done.emit(result)


class BackgroundRunner(QObject):
    """`run_in_background(work, on_done, on_error)` with a private thread pool."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # one database connection: one worker
        self._relays: set[_Relay] = set()

    def run(
        self,
        work: Callable[[], Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        relay = _Relay()
        self._relays.add(relay)

        def finish(result: Any) -> None:
            self._relays.discard(relay)
            if on_done is not None:
                on_done(result)

        def fail(error: BaseException) -> None:
            self._relays.discard(relay)
            log.warning("background task failed: %s", type(error).__name__)
            if on_error is not None:
                on_error(error)

        relay.done.connect(finish)
        relay.failed.connect(fail)
        self._pool.start(_Job(work, relay))

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until queued work is finished (used when locking and in tests)."""
        return self._pool.waitForDone(msecs)
