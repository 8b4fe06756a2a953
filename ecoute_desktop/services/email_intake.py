"""Read a member's request from an email (.eml file or pasted text) to prefill a new case."""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import parseaddr, parsedate_to_datetime
from html.parser import HTMLParser

# French numbers: 06 12 34 56 78, 06.12.34.56.78, 0612345678, +33 6 12 34 56 78, +33 (0)6 …
_PHONE = re.compile(
    r"(?<![\d+])(?:(?:\+|00)33[\s.\-]?(?:\(0\)[\s.\-]?)?|0)([1-9](?:[\s.\-]?\d{2}){4})(?!\d)"
)
_HEADER_LINE = re.compile(r"^(From|De|Date|Subject|Objet|To|À|Envoyé)\s*:", re.IGNORECASE)


@dataclass(slots=True)
class EmailRequest:
    """What an email tells about a new request; everything stays editable."""

    received_at: datetime | None = None
    nom: str = ""
    prenom: str = ""
    email: str = ""
    subject: str = ""
    body: str = ""
    phones: list[str] = field(default_factory=list)

    @property
    def first_note(self) -> str:
        """The email kept as the case's first note."""
        head = f"Objet : {self.subject}\n\n" if self.subject else ""
        return (head + self.body).strip()


def normalise_phone(raw: str) -> str:
    """`+33 6 12-34.56.78` → `06 12 34 56 78`."""
    match = _PHONE.search(raw)
    if not match:
        return raw.strip()
    digits = "0" + re.sub(r"\D", "", match.group(1))
    return " ".join(digits[i : i + 2] for i in range(0, 10, 2))


def find_phones(text: str) -> list[str]:
    """French phone numbers in `text`, normalised, in order, without duplicates."""
    found: list[str] = []
    for match in _PHONE.finditer(text):
        number = normalise_phone(match.group(0))
        if number not in found:
            found.append(number)
    return found


def split_name(display: str) -> tuple[str, str]:
    """(nom, prénom) from `Anne Bellerive`, `BELLERIVE Anne` or `Bellerive, Anne`."""
    display = " ".join(display.replace('"', " ").split())
    if not display:
        return "", ""
    if "," in display:
        nom, _, prenom = display.partition(",")
        return nom.strip(), prenom.strip()
    words = display.split()
    if len(words) == 1:
        return words[0], ""
    upper = [w for w in words if w.isupper() and len(w) > 1]
    if upper and len(upper) < len(words):
        return " ".join(upper), " ".join(w for w in words if w not in upper)
    return " ".join(words[1:]), words[0]


class _TextOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("br", "p", "div", "li", "tr"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _html_to_text(html: str) -> str:
    parser = _TextOfHtml()
    parser.feed(html)
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _body_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, UnicodeDecodeError):
        payload = part.get_payload(decode=True) or b""
        content = payload.decode("utf-8", errors="replace")
    if part.get_content_subtype() == "html":
        return _html_to_text(content)
    return content.replace("\r\n", "\n").strip()


def _date_of(message: EmailMessage) -> datetime | None:
    raw = message.get("Date")
    if not raw:
        return None
    try:
        moment = parsedate_to_datetime(str(raw))
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def from_message(message: EmailMessage) -> EmailRequest:
    name, address = parseaddr(str(message.get("From", "")))
    nom, prenom = split_name(name)
    body = _body_of(message)
    request = EmailRequest(
        received_at=_date_of(message),
        nom=nom,
        prenom=prenom,
        email=address.strip(),
        subject=" ".join(str(message.get("Subject", "")).split()),
        body=body,
    )
    request.phones = find_phones(body)
    return request


def parse_eml(data: bytes) -> EmailRequest:
    """Read an `.eml` file's bytes (RFC 5322, any encoding)."""
    message = email.message_from_bytes(data, policy=email.policy.default)
    return from_message(message)  # type: ignore[arg-type]


def parse_text(text: str) -> EmailRequest:
    """Read pasted email text: headers if the paste starts with them, else the body alone."""
    text = text.replace("\r\n", "\n").strip()
    first = text.split("\n", 1)[0]
    if _HEADER_LINE.match(first):
        translated = _translate_headers(text)
        message = email.message_from_string(translated, policy=email.policy.default)
        request = from_message(message)  # type: ignore[arg-type]
        if request.body:
            return request
    return EmailRequest(body=text, phones=find_phones(text))


_FRENCH_HEADERS = {"de": "From", "objet": "Subject", "à": "To", "envoyé": "Date"}


def _translate_headers(text: str) -> str:
    """Headers as Outlook copies them in French (`De :`, `Objet :`) → RFC names."""
    head, _, rest = text.partition("\n\n")
    lines = []
    for line in head.split("\n"):
        key, sep, value = line.partition(":")
        name = key.strip()
        if sep and name.casefold() in _FRENCH_HEADERS:
            line = f"{_FRENCH_HEADERS[name.casefold()]}: {value.strip()}"
        elif sep and _HEADER_LINE.match(line):
            line = f"{name}: {value.strip()}"
        lines.append(line)
    return "\n".join(lines) + "\n\n" + rest
