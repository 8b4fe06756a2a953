"""An e-mail's bytes → its decoded headers and body text, with hostile messages refused.

The message is parsed with the `compat32` policy, which keeps header values as raw
text: only the few headers Écoute reads are decoded, each cut to MAX_HEADER_CHARS
first, so a Subject of 60,000 encoded words costs nothing. The size of the message
and of its header section, and the number of nested parts, are capped before parsing
(the standard parser recurses once per nested part).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email import message_from_bytes
from email.errors import HeaderParseError
from email.header import decode_header
from email.message import Message
from email.policy import compat32
from email.utils import getaddresses, parsedate_to_datetime

from ecoute_desktop.services.intake.text import decode_bytes, html_to_text, one_line

MAX_MESSAGE_BYTES = 25 * 1024 * 1024  # what mail servers commonly accept
MAX_HEADER_BYTES = 256 * 1024  # the top header section
MAX_NESTED_PARTS = 64  # multipart/* and message/* parts, all levels together
MAX_HEADER_CHARS = 2_000  # of a header value, read before decoding
_READ_HEADERS = ("from", "to", "date", "subject", "message-id")
_NESTED = re.compile(rb"^content-type[ \t]*:\s*[\"']?(?:multipart|message)/", re.I | re.M)
_HEADER_END = re.compile(rb"\r?\n\r?\n")
_ADDRESS = re.compile(r"[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[^@\s<>()\[\],;:\"]+")
_MESSAGE_ID = re.compile(r"<[^<>\s]{1,990}>")


class IntakeRefused(ValueError):
    """A message Écoute will not read; the text is a French reason for the user."""


@dataclass(frozen=True, slots=True)
class MailContent:
    """Decoded, one-line headers (lowercase names) and the body as plain text."""

    headers: dict[str, str]
    body: str
    html_only: bool = False


def read_mail(data: bytes) -> MailContent:
    """Parse an e-mail's bytes; IntakeRefused (in French) when it is too big or too deep."""
    _check_bounds(data)
    try:
        message = message_from_bytes(data, policy=compat32)
        headers = _raw_headers(message)
        body, html_only = _body_of(message)
    except IntakeRefused:
        raise
    except RecursionError:
        raise IntakeRefused("le courriel contient trop de parties imbriquées.") from None
    except Exception:  # hostile input: a French reason, never a traceback
        raise IntakeRefused("le courriel est mal formé et ne peut pas être lu.") from None
    return MailContent(headers, body, html_only)


def _check_bounds(data: bytes) -> None:
    if len(data) > MAX_MESSAGE_BYTES:
        mega = MAX_MESSAGE_BYTES // (1024 * 1024)
        raise IntakeRefused(f"le courriel dépasse {mega} Mo.")
    end = _HEADER_END.search(data, 0, MAX_HEADER_BYTES + 4)
    if end is None and len(data) > MAX_HEADER_BYTES:
        kilo = MAX_HEADER_BYTES // 1024
        raise IntakeRefused(f"les en-têtes du courriel dépassent {kilo} Ko.")
    for nested, _ in enumerate(_NESTED.finditer(data), start=1):
        if nested > MAX_NESTED_PARTS:
            raise IntakeRefused(
                f"le courriel contient plus de {MAX_NESTED_PARTS} parties imbriquées."
            )


def _raw_headers(message: Message) -> dict[str, str]:
    """The first value of each header Écoute reads, decoded to one line."""
    raw: dict[str, str] = {}
    for name, value in message.raw_items():
        key = name.strip().lower()
        if key in _READ_HEADERS and key not in raw:
            raw[key] = _undo_8bit(str(value)[:MAX_HEADER_CHARS])
    return raw


def _undo_8bit(value: str) -> str:
    """Raw 8-bit header bytes (kept as surrogates by the parser) as UTF-8 or Windows-1252."""
    if value.isascii():
        return value
    raw = value.encode("utf-8", "surrogateescape")
    return decode_bytes(raw, None)


def decode_words(raw: str) -> str:
    """A header value with its RFC 2047 encoded words decoded, on one line."""
    try:
        chunks = decode_header(raw)
    except (HeaderParseError, ValueError, LookupError):
        return one_line(raw)
    parts = []
    for chunk, charset in chunks:
        if isinstance(chunk, str):
            parts.append(chunk)
        elif charset is None:  # undecoded text between encoded words
            parts.append(chunk.decode("utf-8", errors="replace"))
        else:
            parts.append(decode_bytes(chunk, charset))
    return one_line("".join(parts))


def sender(raw_from: str) -> tuple[str, str]:
    """(display name, address) of a From value; the name decoded on one line."""
    try:
        pairs = getaddresses([raw_from])
    except (ValueError, IndexError):
        pairs = []
    for name, address in pairs:
        found = _ADDRESS.search(address)
        if found:
            return decode_words(name).strip(" '\""), found.group(0)
    found = _ADDRESS.search(raw_from)
    return "", found.group(0) if found else ""


def header_date(raw: str) -> datetime | None:
    """The Date header as a UTC instant; None when missing, malformed or absurd."""
    if not raw.strip():
        return None
    try:
        moment = parsedate_to_datetime(raw.strip())
        if moment.tzinfo is None:  # « -0000 »: zone unknown, taken as UTC
            moment = moment.replace(tzinfo=UTC)
        moment = moment.astimezone(UTC)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return moment if 1970 <= moment.year <= 2999 else None


def message_id(raw: str) -> str:
    """`<id@host>` from a Message-ID header, or the bare value when it has no brackets."""
    found = _MESSAGE_ID.search(raw)
    if found:
        return found.group(0)
    words = one_line(raw).split()
    return words[0][:990] if words else ""


def _body_of(message: Message) -> tuple[str, bool]:
    """The first plain-text part, else the first HTML part as text (not attachments)."""
    plain: Message | None = None
    html: Message | None = None
    stack: list[Message] = [message]
    while stack and plain is None:
        part = stack.pop()
        if part.is_multipart():
            payload = part.get_payload()
            if isinstance(payload, list):
                stack.extend(p for p in reversed(payload) if isinstance(p, Message))
            continue
        if (part.get("Content-Disposition") or "").strip().lower().startswith("attachment"):
            continue
        kind = part.get_content_type()
        if kind == "text/plain":
            plain = part
        elif kind == "text/html" and html is None:
            html = part
    if plain is not None:
        return _text_of(plain).replace("\r\n", "\n").replace("\r", "\n").strip(), False
    if html is not None:
        return html_to_text(_text_of(html)), True
    return "", False


def _text_of(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    try:
        charset = part.get_content_charset()
    except (ValueError, LookupError):
        charset = None
    return decode_bytes(payload, charset)
