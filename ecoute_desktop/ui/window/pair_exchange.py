"""« Échanger avec mon binôme »: the toolbar action, and the folder exchange at lock, exit and
unlock (issue 11, docs/binome.md). The French summary of what came is shown after each import."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from ecoute_desktop.services.app.pair import SUFFIX, FolderExchange, PairFileError
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.formatting import short_datetime

log = logging.getLogger(__name__)


class PairExchange(QObject):
    """The exchange with the partner, from the window and around the lock."""

    def __init__(self, context: AppContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.action = QAction(self.tr("Échanger avec mon binôme"), window)
        self.action.setShortcut(QKeySequence("Ctrl+E"))
        self.action.triggered.connect(self.exchange)
        window.addAction(self.action)
        self.last_summary = ""
        context.events.reference_data_changed.connect(self.update_tooltip)
        self.update_tooltip()

    def update_tooltip(self) -> None:
        if not self.context.services.session.is_open:
            return
        status = self.context.services.pair.status()
        if not status.linked:
            tip = self.tr("Lier d'abord votre base à celle de votre binôme (Paramètres › Binôme)")
        elif status.last_exchange_at is None:
            tip = self.tr("Aucun échange encore")
        else:
            tip = self.tr("Dernier échange : {0}").format(short_datetime(status.last_exchange_at))
        self.action.setToolTip(f"{self.action.text()} (Ctrl+E) — {tip}")
        self.action.setStatusTip(tip)

    def last_exchange_text(self) -> str:
        """« — dernier échange avec votre binôme : 04/12/2026 10:05 » (status bar), or ""."""
        if not self.context.services.session.is_open:
            return ""
        status = self.context.services.pair.status()
        if not status.linked or status.last_exchange_at is None:
            return ""
        return self.tr(" — dernier échange avec votre binôme : {0}").format(
            short_datetime(status.last_exchange_at)
        )

    def _say(self, text: str) -> None:
        self.last_summary = text
        self.window.statusBar().showMessage(text.replace("\n", " — "), 60_000)
        prompts.inform(self.window, self.tr("Échange avec mon binôme"), text)

    def exchange(self) -> None:
        pair = self.context.services.pair
        if not pair.status().linked:
            self._say(self.tr("Votre base n'est liée à aucun binôme : Paramètres › Binôme."))
            self.context.events.settings_requested.emit("pair")
            return
        if pair.folder() is not None:
            self._say(pair.exchange_through_folder().text)
        else:
            self._exchange_by_hand()
        self.update_tooltip()

    def _exchange_by_hand(self) -> None:
        """Without a folder: open the partner's file (if any came), then save ours."""
        pair = self.context.services.pair
        filters = self.tr("Fichiers de binôme (*{0})").format(SUFFIX)
        received = prompts.ask_open_path(
            self.window, self.tr("Fichier reçu de mon binôme (ou Annuler)"), filters
        )
        lines = []
        if received is not None:
            try:
                lines.extend(pair.import_file(received).lines)
            except PairFileError as error:
                lines.append(str(error))
        target = prompts.ask_save_path(
            self.window,
            self.tr("Fichier à envoyer à mon binôme"),
            Path.home() / pair.exchange_file_name(),
            filters,
        )
        if target is not None:
            pair.export(target)
            lines.append(self.tr("Fichier écrit : {0}. Envoyez-le à votre binôme.").format(target))
        if lines:
            self._say("\n".join(lines))

    def at_lock(self) -> None:
        """Write our file into the folder (never blocks locking or quitting)."""
        try:
            self.context.services.pair.write_folder()
        except Exception as error:  # names no data
            log.warning("pair file not written: %s", type(error).__name__)

    def at_unlock(self) -> None:
        """Take the partner's files from the folder, on the background runner (a large
        base takes a few seconds); say what came in the status bar."""
        if not self.context.services.session.is_open or self.context.services.pair.folder() is None:
            return
        self.context.runner.run(self.context.services.pair.read_folder, self._taken, self._failed)

    def _taken(self, taken: FolderExchange) -> None:
        if taken.summaries or taken.refused:
            self.last_summary = taken.text
            self.window.statusBar().showMessage(taken.text.replace("\n", " — "), 60_000)
        self.update_tooltip()

    @staticmethod
    def _failed(error: BaseException) -> None:
        log.warning("pair files not read: %s", type(error).__name__)  # names no data


def install(context: AppContext, window: QMainWindow) -> PairExchange:
    exchange = PairExchange(context, window)
    QTimer.singleShot(0, exchange.at_unlock)  # the first unlock, at start
    return exchange
