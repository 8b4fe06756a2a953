"""Reading what waits in the mailbox, without changing anything on the server.

The folder is selected read-only (EXAMINE) and every fetch is a `BODY.PEEK`: the server
sets no `\\Seen` flag and nothing is ever deleted or moved. Headers of the last
`LOOKBACK_DAYS` days are read first; messages whose key (Message-ID, else a hash of the
headers) is already known to Écoute are left there, and only the others' bodies are read,
through the `.eml` intake's reader (`services/intake`), for the suggested member.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from ecoute_desktop.domain.timeutil import as_utc, utc_now
from ecoute_desktop.services.intake import IntakeRefused, IntakeRequest, read_request
from ecoute_desktop.services.intake.mime import MAX_MESSAGE_BYTES

if TYPE_CHECKING:  # imapclient (~28 ms) is imported when the mailbox is opened
    from imapclient import IMAPClient

LOOKBACK_DAYS = 30  # older messages were answered long ago (48 h rule): never offered
_BATCH = 100  # messages per FETCH command
_HEADER = b"BODY[HEADER]"
_BODY = b"BODY[]"


@dataclass(frozen=True, slots=True)
class WaitingMessage:
    """One message of the mailbox not yet taken nor dismissed by Écoute."""

    key: str  # Message-ID, else `sha256:` of the headers: what `mailbox take` is given
    uid: int
    arrived_at: datetime  # the server's INTERNALDATE (UTC): the 48-hour clock starts here
    request: IntakeRequest  # sender, subject, suggested member (body only in memory)
    problem: str = ""  # why the body could not be read (too big, refused), French

    @property
    def sender(self) -> str:
        request = self.request
        if request.name and request.email:
            return f"{request.name} <{request.email}>"
        return request.name or request.email

    @property
    def subject(self) -> str:
        return self.request.subject

    def as_request(self) -> IntakeRequest:
        """The request to take in: received at arrival, keyed as the pickup keys it."""
        if self.request.message_id:
            return replace(self.request, received_at=self.arrived_at)
        return replace(self.request, received_at=self.arrived_at, header_key=self.key)


@dataclass(frozen=True, slots=True)
class _Header:
    uid: int
    key: str
    arrived_at: datetime
    size: int
    request: IntakeRequest


def waiting_messages(
    client: IMAPClient,
    known: Callable[[Iterable[str]], set[str]],
    today: date | None = None,
    only_key: str = "",
) -> list[WaitingMessage]:
    """Messages of the selected folder not yet `known`, oldest first (or only `only_key`)."""
    headers = _recent_headers(client, today)
    if only_key:
        headers = [header for header in headers if header.key == only_key]
    already = known(header.key for header in headers)
    fresh: dict[str, _Header] = {}
    for header in headers:
        if header.key not in already and header.key not in fresh:
            fresh[header.key] = header
    bodies = _bodies(client, [h.uid for h in fresh.values() if h.size <= MAX_MESSAGE_BYTES])
    waiting = [_waiting(header, bodies.get(header.uid)) for header in fresh.values()]
    return sorted(waiting, key=lambda message: (message.arrived_at, message.uid))


def uids_of(client: IMAPClient, key: str, today: date | None = None) -> list[int]:
    """The UIDs of the recent messages with this key (headers only are read)."""
    return [header.uid for header in _recent_headers(client, today) if header.key == key]


def _recent_headers(client: IMAPClient, today: date | None) -> list[_Header]:
    since = (today or utc_now().date()) - timedelta(days=LOOKBACK_DAYS)
    uids = sorted(int(uid) for uid in client.search(["SINCE", since]))
    return [header for batch in _batches(uids) for header in _headers(client, batch)]


def _batches(uids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(uids), _BATCH):
        yield uids[start : start + _BATCH]


def _headers(client: IMAPClient, uids: list[int]) -> list[_Header]:
    if not uids:
        return []
    found = client.fetch(uids, ["BODY.PEEK[HEADER]", "INTERNALDATE", "RFC822.SIZE"])
    headers = []
    for uid, data in found.items():
        raw = bytes(data.get(_HEADER) or b"")
        try:
            request = read_request(raw + b"\r\n")
        except IntakeRefused:
            request = IntakeRequest()
        arrived = _instant(data.get(b"INTERNALDATE"))
        key = request.dedupe_key or "sha256:" + hashlib.sha256(raw).hexdigest()
        size = int(data.get(b"RFC822.SIZE") or 0)
        headers.append(_Header(int(uid), key, arrived, size, request))
    return headers


def _bodies(client: IMAPClient, uids: list[int]) -> dict[int, bytes]:
    bodies: dict[int, bytes] = {}
    for batch in _batches(uids):
        for uid, data in client.fetch(batch, ["BODY.PEEK[]"]).items():
            bodies[int(uid)] = bytes(data.get(_BODY) or b"")
    return bodies


def _waiting(header: _Header, body: bytes | None) -> WaitingMessage:
    if body is None:
        mega = MAX_MESSAGE_BYTES // (1024 * 1024)
        problem = f"message de plus de {mega} Mo : ouvrez-le dans la messagerie"
        return WaitingMessage(header.key, header.uid, header.arrived_at, header.request, problem)
    try:
        request = read_request(body)
    except IntakeRefused as refusal:
        return WaitingMessage(
            header.key, header.uid, header.arrived_at, header.request, str(refusal)
        )
    return WaitingMessage(header.key, header.uid, header.arrived_at, request)


def _instant(value: Any) -> datetime:
    """INTERNALDATE as a UTC instant (a server without one: now)."""
    if isinstance(value, datetime):
        return as_utc(value) if value.tzinfo is not None else as_utc(value.astimezone())
    return utc_now()
