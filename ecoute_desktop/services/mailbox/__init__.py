"""The listening line's shared mailbox, read over IMAP (issue 15).

`connection.open_mailbox` opens it with `imapclient` (TLS or STARTTLS, pinned
certificate, French errors in `errors`); `fetching.waiting_messages` lists what Écoute has
not yet taken nor dismissed, peeking only. The user actions are in `services/app/mailbox.py`
(`Services.mailbox`).
"""

from ecoute_desktop.services.mailbox.errors import (
    CertificateChanged,
    CertificateUntrusted,
    MailboxError,
    MailboxFolderMissing,
    MailboxLoginRefused,
    MailboxNotConfigured,
    MailboxUnreachable,
    MessageNotWaiting,
)
from ecoute_desktop.services.mailbox.fetching import WaitingMessage

__all__ = [
    "CertificateChanged",
    "CertificateUntrusted",
    "MailboxError",
    "MailboxFolderMissing",
    "MailboxLoginRefused",
    "MailboxNotConfigured",
    "MailboxUnreachable",
    "MessageNotWaiting",
    "WaitingMessage",
]
