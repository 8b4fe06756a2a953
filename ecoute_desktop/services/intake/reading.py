"""One reader for a request: an e-mail's bytes (or pasted text) → an IntakeRequest.

The desk's `.eml` drop, `ecoute intake` and the mailbox pickup all call `read_request`.
"""

from __future__ import annotations

import contextlib
import re
from email.errors import HeaderParseError
from email.message import EmailMessage
from email.policy import SMTP

from ecoute_desktop.services.intake.employer import guess_employment
from ecoute_desktop.services.intake.forwarded import find_forwarded, french_datetime
from ecoute_desktop.services.intake.mime import (
    MailContent,
    decode_words,
    header_date,
    message_id,
    read_mail,
    sender,
)
from ecoute_desktop.services.intake.names import name_from_address, split_name
from ecoute_desktop.services.intake.phones import find_phones
from ecoute_desktop.services.intake.request import IntakeRequest, header_key
from ecoute_desktop.services.intake.text import one_line
from ecoute_desktop.services.intake.urgency import urgency

# A reply's quoted part (« Le 2 mars 2026 à 09:14, X a écrit : » and below) is not the
# member's new text.
_QUOTE_INTRO = re.compile(
    r"^[ \t]*(?:Le .{4,160} a écrit[ \t\u00a0]*:|On .{4,160} wrote:)[ \t]*$", re.M
)


def read_request(data: bytes) -> IntakeRequest:
    """Read a member's request from an e-mail's bytes (RFC 5322, any charset).

    Raises IntakeRefused, with a French reason, for a message too big or too deep
    to read safely; any other message gives a request (possibly with empty fields).
    """
    return _request_of(read_mail(data))


def _request_of(mail: MailContent) -> IntakeRequest:
    headers = mail.headers
    name, address = sender(headers.get("from", ""))
    subject = decode_words(headers.get("subject", ""))
    received_at = header_date(headers.get("date", ""))
    body = mail.body
    own_text = _without_quotes(body)
    guessed: set[str] = set()

    original = find_forwarded(own_text)
    if original is not None:
        name, address = original.name, original.address or address
        received_at = original.sent_at or received_at
        subject = original.subject or subject
        own_text = _without_quotes(original.text) or own_text
    if not name and address:
        name = name_from_address(address)
        guessed.update({"nom", "prenom"} if name else ())

    own_text = own_text.replace("\u2019", "'")  # « j’occupe » as « j'occupe »
    employment = guess_employment(own_text, name)
    if not name and employment.signature_name:
        name = employment.signature_name
        guessed.update({"nom", "prenom"})
    phones = find_phones(own_text)
    urgent, reason = urgency(subject, body)
    guessed.update(
        key
        for key, value in (
            ("fonction", employment.fonction),
            ("collectivite", employment.collectivite),
            ("telephone", phones),
            ("urgent", urgent),
        )
        if value
    )
    nom, prenom = split_name(name)
    return IntakeRequest(
        name=one_line(name),
        prenom=prenom,
        nom=nom,
        email=address,
        phones=phones,
        fonction=employment.fonction,
        collectivite=employment.collectivite,
        urgent=urgent,
        urgent_reason=reason,
        received_at=received_at,
        subject=subject,
        message_id=message_id(headers.get("message-id", "")),
        body=body,
        guessed=frozenset(guessed),
        header_key=_header_key(headers),
    )


def _header_key(headers: dict[str, str]) -> str:
    """A hash of From, To, Date and Subject; '' without a sender and a date (a paste)."""
    if not (headers.get("from", "").strip() and headers.get("date", "").strip()):
        return ""
    return header_key(*(headers.get(k, "") for k in ("from", "to", "date", "subject")))


def _without_quotes(text: str) -> str:
    intro = _QUOTE_INTRO.search(text)
    if intro:
        text = text[: intro.start()]
    return "\n".join(line for line in text.split("\n") if not line.lstrip().startswith(">"))


# Headers as Outlook copies them in French (« De : », « Objet : ») → RFC names.
_PASTED_HEADERS = {"de": "From", "from": "From", "objet": "Subject", "subject": "Subject"}
_PASTED_HEADERS |= {"à": "To", "a": "To", "to": "To", "envoyé": "Date", "date": "Date"}


def read_pasted(text: str) -> IntakeRequest:
    """Read e-mail text pasted by the hotliner: headers if the paste starts with them."""
    text = text.replace("\r\n", "\n").strip()
    head, _, rest = text.partition("\n\n")
    message = EmailMessage(policy=SMTP)
    lines = head.split("\n")
    found = False
    for line in lines:
        key, sep, value = line.partition(":")
        name = _PASTED_HEADERS.get(key.strip().casefold())
        if not sep or name is None:
            found = False
            break
        if name == "Date":
            moment = french_datetime(value)
            value = moment.strftime("%a, %d %b %Y %H:%M:%S +0000") if moment else ""
        if value.strip() and name not in message:
            with contextlib.suppress(ValueError, TypeError, IndexError, HeaderParseError):
                message[name] = one_line(value)
        found = True
    body = rest if found else text
    message.set_content(body)
    return read_request(message.as_bytes())
