"""What the window's CSV imports share: one at a time, the file asked, checked and written off
the GUI thread, a failure reported in a warning and `finished(message)` at the end."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ecoute_desktop.services.app import Services
from ecoute_desktop.services.csv_import import ImportFileError
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.context import AppContext


class ImportJob(QObject):
    """Base of an import; `busy` from the file's check to the end, `finished(message)` after."""

    finished = Signal(str)

    def __init__(self, context: AppContext, window: QWidget) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.busy = False

    def _check_file(
        self,
        path: Path | None,
        title: str,
        filters: str,
        parse: Callable[[Services, Path], Any],
        on_plan: Callable[[Any, Path], None],
    ) -> bool:
        """Ask for the file (unless given) and parse it on the runner; False if none was chosen."""
        if path is None:
            path = prompts.ask_open_path(self.window, title, filters)
        if path is None:
            return False
        self.busy = True
        services = self.context.services
        chosen = Path(path)
        self.context.runner.run(
            lambda: parse(services, chosen), lambda plan: on_plan(plan, chosen), self._on_error
        )
        return True

    def _write(self, work: Callable[[Services], Any], on_done: Callable[[Any], None]) -> None:
        """Run `work(services)` on the runner; a failure goes to `_on_error`."""
        services = self.context.services
        self.context.runner.run(lambda: work(services), on_done, self._on_error)

    def _on_error(self, error: BaseException) -> None:
        raise NotImplementedError

    def _fail(self, error: BaseException, title: str, otherwise: str) -> None:
        """Warn with the file's own problem (a French `ImportFileError`), else `otherwise`."""
        message = str(error) if isinstance(error, ImportFileError) else otherwise
        prompts.warn(self.window, title, message)
        self._finish(message)

    def _finish(self, message: str) -> None:
        self.busy = False
        self.finished.emit(message)
