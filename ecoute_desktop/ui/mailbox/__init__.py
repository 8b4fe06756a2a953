"""The shared mailbox in the desk: « Relever la boîte », Paramètres › Messagerie, auto pickup.

`fetch_outcome` is the work the background runner does: the messages waiting, or the
`MailboxError` that says in French why not (an expected outcome, not a failed task).
The automatic pickup also forgets old dismissals once when the window is built.
"""

from __future__ import annotations

from ecoute_desktop.services.app.mailbox import MailboxService
from ecoute_desktop.services.mailbox import MailboxError, MailboxNotConfigured, WaitingMessage


def fetch_outcome(mailbox: MailboxService) -> list[WaitingMessage] | MailboxError:
    """Read the mailbox (network); run it on the background runner.

    The desk's pickups also blank the headers of messages dismissed over 30 days ago
    (`ecoute mailbox fetch` writes nothing, so it does not).
    """
    if not mailbox.settings().configured:
        return MailboxNotConfigured()
    mailbox.forget_old_dismissals()
    try:
        return mailbox.fetch()
    except MailboxError as error:
        return error
