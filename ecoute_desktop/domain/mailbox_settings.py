"""The shared mailbox's connection settings (Paramètres › Messagerie): plain values, checked.

Kept in the encrypted database as one setting (`settings_spec.MAILBOX`), password
included: never in Qt's settings nor the operating system's keyring. `pinned_sha256` is
the fingerprint of a certificate the user trusted on their own say-so (Proton Mail
Bridge's, a self-signed one); once set, only that certificate is accepted.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

TLS = "tls"  # TLS from the first byte (IMAPS, usually port 993)
STARTTLS = "starttls"  # plain connection upgraded with STARTTLS (usually port 143, Bridge 1143)
SECURITY_LABELS = {TLS: "TLS (SSL)", STARTTLS: "STARTTLS"}
DEFAULT_PORTS = {TLS: 993, STARTTLS: 143}
MIN_INTERVAL, MAX_INTERVAL = 5, 240  # minutes between automatic pickups, when turned on


@dataclass(frozen=True, slots=True)
class MailboxSettings:
    """Where and how to read the listening line's mailbox."""

    host: str = ""
    port: int = 993
    security: str = TLS
    user: str = ""
    password: str = ""
    folder: str = "INBOX"
    mark_seen: bool = False  # mark a message read on the server once taken as a case
    interval_minutes: int = 0  # 0: no automatic pickup
    pinned_sha256: str = ""  # the trusted certificate's fingerprint (hex), "" when none

    @property
    def configured(self) -> bool:
        """Enough to try a connection."""
        return bool(self.host and self.user and self.password)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def with_pin(self, fingerprint: str) -> MailboxSettings:
        return replace(self, pinned_sha256=normalise_fingerprint(fingerprint))

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> MailboxSettings:
        """What is stored, each field cleaned (an odd value gives its default)."""
        default = cls()

        def text(key: str, fallback: str) -> str:
            value = raw.get(key)
            return value.strip() if isinstance(value, str) else fallback

        def whole(key: str, fallback: int, low: int, high: int) -> int:
            value = raw.get(key)
            if isinstance(value, bool) or not isinstance(value, int):
                return fallback
            return min(max(value, low), high)

        security = text("security", default.security)
        password = raw.get("password")
        interval = whole("interval_minutes", 0, 0, MAX_INTERVAL)
        return cls(
            host=text("host", ""),
            port=whole("port", default.port, 1, 65535),
            security=security if security in SECURITY_LABELS else TLS,
            user=text("user", ""),
            password=password if isinstance(password, str) else "",
            folder=text("folder", default.folder) or default.folder,
            mark_seen=bool(raw.get("mark_seen", False)),
            interval_minutes=interval if interval >= MIN_INTERVAL else 0,
            pinned_sha256=normalise_fingerprint(text("pinned_sha256", "")),
        )


def check(settings: MailboxSettings) -> MailboxSettings:
    """The settings cleaned, or ValueError with a French reason naming the field."""
    host = settings.host.strip()
    if not host or any(ch.isspace() for ch in host):
        raise ValueError("Serveur : indiquez le nom du serveur IMAP (sans espace).")
    if not 1 <= settings.port <= 65535:
        raise ValueError("Port : un nombre entre 1 et 65535.")
    if settings.security not in SECURITY_LABELS:
        raise ValueError("Sécurité : choisissez TLS ou STARTTLS.")
    if not settings.user.strip():
        raise ValueError("Identifiant : indiquez l'identifiant de la boîte.")
    if not settings.folder.strip():
        raise ValueError("Dossier : indiquez le dossier à relever (INBOX le plus souvent).")
    interval = settings.interval_minutes
    if interval and not MIN_INTERVAL <= interval <= MAX_INTERVAL:
        raise ValueError(
            f"Relève automatique : entre {MIN_INTERVAL} et {MAX_INTERVAL} minutes, ou 0."
        )
    return replace(settings, host=host, user=settings.user.strip(), folder=settings.folder.strip())


def normalise_fingerprint(text: str) -> str:
    """A SHA-256 fingerprint as 64 lowercase hex digits ("" when it is not one)."""
    digits = "".join(ch for ch in text.lower() if ch in "0123456789abcdef")
    return digits if len(digits) == 64 else ""


def shown_fingerprint(hex_digits: str) -> str:
    """A fingerprint as people compare it: « AB:CD:… » (32 pairs)."""
    return ":".join(hex_digits[i : i + 2] for i in range(0, len(hex_digits), 2)).upper()
