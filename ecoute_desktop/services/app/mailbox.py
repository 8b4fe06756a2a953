"""The shared mailbox (issue 15): its settings, « Relever la boîte », take, dismiss.

Network work (`fetch`, `take`, `server_fingerprint`, `mark_seen_on_server`) may take
seconds: the GUI calls it on the background runner. `fetch` writes nothing; a message's
body reaches the database only when it is taken as a case (its first note).
"""

from __future__ import annotations

import threading
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from ecoute_desktop.domain import settings_spec as spec
from ecoute_desktop.domain.mailbox_settings import MailboxSettings, check, normalise_fingerprint
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.services.app.base import Area
from ecoute_desktop.services.app.events import MailboxChanged, SettingsChanged
from ecoute_desktop.services.app.intake import IntakeService
from ecoute_desktop.services.app.transactions import Transactions
from ecoute_desktop.services.intake.taking import NewRequest, TakenRequest
from ecoute_desktop.services.mailbox.errors import MailboxError, MessageNotWaiting
from ecoute_desktop.services.mailbox.fetching import WaitingMessage, uids_of, waiting_messages
from ecoute_desktop.store import Store

DISMISSED_HEADERS_DAYS = 30  # then a dismissed message's sender and subject are forgotten


@dataclass(frozen=True, slots=True)
class WaitingSummary:
    """What the dashboard says: how many messages wait, since when, checked when."""

    count: int
    oldest: datetime | None
    checked_at: datetime


class MailboxService(Area):
    """Settings in the encrypted database; pickups through IMAPClient, peek only."""

    def __init__(self, store: Store, transactions: Transactions, intake: IntakeService) -> None:
        super().__init__(store, transactions)
        self._intake = intake
        self._lock = threading.Lock()
        self._last: tuple[datetime, list[tuple[str, datetime]]] | None = None
        self._problem = ""

    # ---- settings ---------------------------------------------------------
    def settings(self) -> MailboxSettings:
        return self._store.settings.get(spec.MAILBOX)

    def save_settings(self, settings: MailboxSettings) -> MailboxSettings:
        """Check and keep them (ValueError in French); a new server forgets the trusted
        certificate, which belonged to the old one."""
        cleaned = check(settings)
        before = self.settings()
        same_server = (cleaned.host, cleaned.port) == (before.host, before.port)
        cleaned = replace(cleaned, pinned_sha256=before.pinned_sha256 if same_server else "")
        with self._tx.action(SettingsChanged()):
            self._store.settings.set(spec.MAILBOX, cleaned.to_dict())
        return cleaned

    def trust_certificate(self, fingerprint: str) -> None:
        """Accept this certificate (and no other) from now on: the user said so."""
        pin = normalise_fingerprint(fingerprint)
        if not pin:
            raise ValueError("Empreinte : 64 chiffres hexadécimaux (SHA-256) attendus.")
        with self._tx.action(SettingsChanged()):
            self._store.settings.set(spec.MAILBOX, self.settings().with_pin(pin).to_dict())

    def server_fingerprint(self) -> str:
        """The SHA-256 of the certificate the server presents now (network)."""
        from ecoute_desktop.services.mailbox.connection import server_fingerprint

        return server_fingerprint(self.settings())

    # ---- pickup -----------------------------------------------------------
    def fetch(self) -> list[WaitingMessage]:
        """Messages not yet taken nor dismissed, oldest first; nothing is written anywhere."""
        try:
            from ecoute_desktop.services.mailbox.connection import open_mailbox

            with open_mailbox(self.settings()) as client:
                waiting = waiting_messages(client, self._store.mailbox.known_keys)
        except MailboxError as error:
            with self._lock:
                self._problem = str(error)
            self._tx.publish(MailboxChanged())
            raise
        with self._lock:
            self._last = (utc_now(), [(m.key, m.arrived_at) for m in waiting])
            self._problem = ""
        self._tx.publish(MailboxChanged())
        return waiting

    def last_problem(self) -> str:
        """Why the last pickup stopped (French), "" when it went well or none was tried."""
        with self._lock:
            return self._problem

    def handled(self, keys: list[str]) -> set[str]:
        """Those of `keys` now taken as a case or dismissed (here or by the partner)."""
        return self._store.mailbox.known_keys(keys)

    def waiting_summary(self) -> WaitingSummary | None:
        """The last pickup's messages still waiting (None before any pickup)."""
        with self._lock:
            last = self._last
        if last is None:
            return None
        checked_at, messages = last
        known = self._store.mailbox.known_keys(key for key, _ in messages)
        left = [arrived for key, arrived in messages if key not in known]
        return WaitingSummary(len(left), min(left, default=None), checked_at)

    def take(self, key: str) -> TakenRequest:
        """Create the case of the message `key`, received when it arrived in the mailbox.

        Already taken (here or through the partner's exchange): the case it gave.
        """
        earlier = self._intake.already_taken(key)
        if earlier is not None:
            return earlier
        settings = self.settings()
        from ecoute_desktop.services.mailbox.connection import open_mailbox

        with open_mailbox(settings) as client:
            found = waiting_messages(client, self._store.mailbox.known_keys, only_key=key)
        if not found:
            raise MessageNotWaiting(key)
        taken = self.create_case(found[0])
        if settings.mark_seen and taken.created:
            with suppress(MailboxError):  # the case is made; the flag is only a courtesy
                self.mark_seen_on_server(key)
        return taken

    def create_case(self, message: WaitingMessage) -> TakenRequest:
        """The case of a fetched message as read (the GUI goes through the form instead)."""
        new = NewRequest.from_request(message.as_request())
        taken = self._intake.create_case_from_request(new)
        self._tx.publish(MailboxChanged())
        return taken

    def mark_seen_on_server(self, key: str) -> bool:
        """Set `\\Seen` on the message `key`, when the user turned that on; True if done."""
        settings = self.settings()
        if not settings.mark_seen:
            return False
        from ecoute_desktop.services.mailbox.connection import open_mailbox

        with open_mailbox(settings, readonly=False) as client:
            uids = uids_of(client, key)
            if uids:
                client.add_flags(uids, [b"\\Seen"], silent=True)
        return bool(uids)

    def dismiss(self, message: WaitingMessage) -> None:
        """« Ce n'est pas une demande »: never offered again; only its headers are kept,
        for 30 days."""
        now = utc_now()
        with self._tx.action(MailboxChanged()):
            self._store.mailbox.dismiss(
                message.key, message.sender, message.subject, message.arrived_at, now
            )
            self._store.mailbox.forget_headers_before(now - timedelta(days=DISMISSED_HEADERS_DAYS))

    def forget_old_dismissals(self, now: datetime | None = None) -> int:
        """Blank the headers of messages dismissed more than 30 days ago; how many."""
        cutoff = (now or utc_now()) - timedelta(days=DISMISSED_HEADERS_DAYS)
        with self._tx.action():
            return self._store.mailbox.forget_headers_before(cutoff)
