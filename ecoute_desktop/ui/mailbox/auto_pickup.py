"""The optional pickup every N minutes (Paramètres › Messagerie), while the base is open.

Each tick reads the mailbox on the background runner (never on the GUI thread); what it
found, or why it failed, is what the dashboard's mailbox line shows. A changed
certificate stops the automatic pickup until the settings are saved again: the user
must look at it first.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QObject, QTimer

from ecoute_desktop.services.mailbox import CertificateChanged
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.mailbox import fetch_outcome


class AutoPickup(QObject):
    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.stopped = False  # by a changed certificate, until the settings change
        self.busy = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        context.events.settings_changed.connect(self.reload)
        self.reload()
        if context.services.session.is_open:  # « pas une demande » headers: 30 days only
            context.runner.run(context.services.mailbox.forget_old_dismissals)

    def reload(self) -> None:
        """Follow the interval of the settings (0: no automatic pickup)."""
        services = self.context.services
        if not services.session.is_open:
            return
        settings = services.mailbox.settings()
        self.stopped = False
        if settings.configured and settings.interval_minutes:
            self.timer.start(settings.interval_minutes * 60_000)
        else:
            self.timer.stop()

    def tick(self) -> bool:
        """One pickup on the runner, unless locked, stopped or one is under way."""
        if self.stopped or self.busy or not self.context.services.session.is_open:
            return False
        self.busy = True
        mailbox = self.context.services.mailbox
        self.context.runner.run(partial(fetch_outcome, mailbox), self._done, self._done)
        return True

    def _done(self, outcome: object) -> None:
        self.busy = False
        if isinstance(outcome, CertificateChanged):
            self.stopped = True


def install(context: AppContext, parent: QObject) -> AutoPickup:
    return AutoPickup(context, parent)
