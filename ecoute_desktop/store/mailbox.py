"""What the shared mailbox's pickup remembers: the keys already taken or dismissed.

A case taken from an e-mail keeps its key in `cases.message_id` (schema v4). A message
marked « Ce n'est pas une demande » is kept in `mailbox_dismissals` by the SHA-256 of its
key; its sender, subject and arrival are blanked after 30 days (`forget_headers_before`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from ecoute_desktop.store.database import Database
from ecoute_desktop.store.message_keys import message_key
from ecoute_desktop.store.timestamps import from_db, to_db

_CHUNK = 400  # keys per query (SQLite's limit of bound parameters is far above)


def key_hash(key: str) -> str:
    """How a dismissed message's key is kept: its SHA-256, so no header stays readable."""
    return message_key(key)


@dataclass(frozen=True, slots=True)
class Dismissal:
    """One message marked « pas une demande » (headers blank after 30 days)."""

    sender: str
    subject: str
    arrived_at: datetime | None
    dismissed_at: datetime


class MailboxRepository:
    """Keys of messages already dealt with; the dismissals' headers."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def known_keys(self, keys: Iterable[str]) -> set[str]:
        """Those of `keys` already taken as a case or dismissed."""
        wanted = [key for key in dict.fromkeys(keys) if key]
        known: set[str] = set()
        by_hash = {key_hash(key): key for key in wanted}
        with self._db.read() as conn:
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(
                    f"SELECT message_id FROM cases WHERE message_id IN ({marks})", chunk
                )
                known.update(row[0] for row in rows)
                hashes = [key_hash(key) for key in chunk]
                rows = conn.execute(  # taken by the partner (binôme exchange)
                    f"SELECT message_key FROM cases WHERE message_key IN ({marks})", hashes
                )
                known.update(by_hash[row[0]] for row in rows)
                rows = conn.execute(
                    f"SELECT key_hash FROM mailbox_dismissals WHERE key_hash IN ({marks})", hashes
                )
                known.update(by_hash[row[0]] for row in rows)
        return known

    def dismiss(
        self, key: str, sender: str, subject: str, arrived_at: datetime | None, at: datetime
    ) -> None:
        with self._db.write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO mailbox_dismissals"
                " (key_hash, sender, subject, arrived_at, dismissed_at) VALUES (?, ?, ?, ?, ?)",
                (key_hash(key), sender, subject, to_db(arrived_at), to_db(at)),
            )

    def dismissals(self) -> list[Dismissal]:
        """Every dismissal, latest first (headers blank once forgotten)."""
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT sender, subject, arrived_at, dismissed_at FROM mailbox_dismissals"
                " ORDER BY dismissed_at DESC"
            ).fetchall()
        return [Dismissal(r[0] or "", r[1] or "", from_db(r[2]), from_db(r[3])) for r in rows]

    def forget_headers_before(self, cutoff: datetime) -> int:
        """Blank the headers of messages dismissed before `cutoff`; return how many."""
        with self._db.write() as conn:
            cursor = conn.execute(
                "UPDATE mailbox_dismissals SET sender = NULL, subject = NULL, arrived_at = NULL"
                " WHERE dismissed_at < ? AND (sender IS NOT NULL OR subject IS NOT NULL"
                " OR arrived_at IS NOT NULL)",
                (to_db(cutoff),),
            )
            return int(cursor.rowcount)
