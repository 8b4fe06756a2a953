"""What one member's request says, as read from their e-mail: a plain dataclass."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ecoute_desktop.domain.timeutil import as_paris, as_utc

# Form fields that hold a guess (read from free text) rather than a header: the form
# marks them « à vérifier » until the hotliner confirms them.
GUESSABLE = ("nom", "prenom", "fonction", "collectivite", "telephone", "urgent")

# The keys of `ecoute intake --json`, in order (plus `reference` when a case exists).
JSON_KEYS = (
    "name",
    "prenom",
    "nom",
    "email",
    "phone",
    "phones",
    "fonction",
    "collectivite",
    "urgent",
    "urgent_reason",
    "received_at",
    "received_at_paris",
    "subject",
    "message_id",
)


@dataclass(slots=True)
class IntakeRequest:
    """A request read from an e-mail; everything stays editable in the form."""

    name: str = ""
    prenom: str = ""
    nom: str = ""
    email: str = ""
    phones: list[str] = field(default_factory=list)
    fonction: str = ""
    collectivite: str = ""
    urgent: bool = False
    urgent_reason: str = ""
    received_at: datetime | None = None  # UTC
    subject: str = ""
    message_id: str = ""
    body: str = ""
    guessed: frozenset[str] = frozenset()  # keys of GUESSABLE filled from free text
    header_key: str = ""  # hash of the headers, the key when there is no Message-ID

    @property
    def phone(self) -> str:
        """The number to call back: the mobile when there are several."""
        return self.phones[0] if self.phones else ""

    @property
    def dedupe_key(self) -> str:
        """What identifies the message: its Message-ID, else a hash of its headers."""
        return self.message_id or self.header_key

    @property
    def first_note(self) -> str:
        """The e-mail kept as the case's first note."""
        head = f"Objet : {self.subject}\n\n" if self.subject else ""
        return (head + self.body).strip()

    def to_json(self) -> dict[str, Any]:
        """The `ecoute intake --json` object (times in ISO 8601, UTC and Paris)."""
        received = self.received_at
        return {
            "name": self.name,
            "prenom": self.prenom,
            "nom": self.nom,
            "email": self.email,
            "phone": self.phone,
            "phones": list(self.phones),
            "fonction": self.fonction,
            "collectivite": self.collectivite,
            "urgent": self.urgent,
            "urgent_reason": self.urgent_reason,
            "received_at": as_utc(received).isoformat() if received else None,
            "received_at_paris": as_paris(received).isoformat() if received else None,
            "subject": self.subject,
            "message_id": self.message_id or None,
        }


def header_key(*values: str) -> str:
    """`sha256:…` of a message's identifying headers (From, To, Date, Subject)."""
    digest = hashlib.sha256("\x00".join(values).encode("utf-8", "replace")).hexdigest()
    return f"sha256:{digest}"
