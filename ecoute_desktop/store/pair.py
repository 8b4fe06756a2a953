"""`store.pair`: the pair link and the exchange's reads and writes, one call each."""

from __future__ import annotations

from datetime import datetime

import sqlcipher3

from ecoute_desktop.domain.hlc import Clock
from ecoute_desktop.domain.twice_taken import TakenCase
from ecoute_desktop.store.database import Database
from ecoute_desktop.store.pair_file import Received
from ecoute_desktop.store.pair_merging import Merged, merge
from ecoute_desktop.store.pair_shadow import (
    Conflict,
    Link,
    Outgoing,
    conflicts,
    outgoing,
    read_link,
    self_gid,
    write_link,
)
from ecoute_desktop.store.twice_taken import shared_message_keys


class PairRepository:
    """The pair's key, clock and folder, and the shared state's stamps and merges."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def link(self) -> Link:
        with self._db.read() as conn:
            return read_link(conn)

    def me(self) -> str:
        """This base's global id as a hotliner (its export identity's random id)."""
        with self._db.read() as conn:
            return self_gid(conn)

    def set_key(self, pair_key: bytes | None, at: datetime | None) -> None:
        """Link (a key) or unlink (None): a new key forgets the partner's id."""
        with self._db.write() as conn:
            write_link(conn, pair_key=pair_key, linked_at=at, partner_gid=None)

    def set_folder(self, folder: str) -> None:
        with self._db.write() as conn:
            write_link(conn, folder=folder)

    def outgoing(self, now: datetime) -> Outgoing:
        """Stamp the changes since the last pass; the state a file carries."""
        with self._db.write() as conn:
            return outgoing(conn, now)

    def exchanged(self, at: datetime) -> None:
        with self._db.write() as conn:
            write_link(conn, last_exchange_at=at)

    def merge(self, received: Received, now: datetime) -> Merged:
        """Merge a checked file into the base (inside the caller's action)."""
        with self._db.write() as conn:
            merged = merge(conn, received.state, now, received.sender)
            clock = Clock(read_link(conn).clock)
            clock.observe(received.latest)
            write_link(
                conn, hlc=clock.value.text(), partner_gid=received.sender, last_exchange_at=now
            )
            _pair_up(conn, received.sender)
            return merged

    def person_gids(self) -> dict[int, str]:
        """Hotliner row id → global id (one's own is the export identity's hotliner id)."""
        with self._db.read() as conn:
            return dict(conn.execute("SELECT id, gid FROM hotliners WHERE gid IS NOT NULL"))

    def conflicts(self, case_id: int) -> list[Conflict]:
        with self._db.read() as conn:
            row = conn.execute("SELECT export_id FROM cases WHERE id = ?", (case_id,)).fetchone()
            return [] if row is None else conflicts(conn, row[0])

    def twice_taken(self) -> list[tuple[TakenCase, TakenCase]]:
        """Every two cases taken from the same e-mail (on this laptop or the partner's)."""
        with self._db.read() as conn:
            return shared_message_keys(conn)

    def all_conflicts(self) -> list[Conflict]:
        with self._db.read() as conn:
            return conflicts(conn)


def _pair_up(conn: sqlcipher3.Connection, sender: str) -> None:
    """Without a recorded pair, the user and the sender become it."""
    if conn.execute("SELECT 1 FROM binomes").fetchone():
        return
    me = conn.execute("SELECT id FROM hotliners WHERE is_self = 1").fetchone()
    them = conn.execute("SELECT id FROM hotliners WHERE gid = ?", (sender,)).fetchone()
    if me and them:
        conn.execute("INSERT INTO binomes (first_id, second_id) VALUES (?, ?)", (me[0], them[0]))
