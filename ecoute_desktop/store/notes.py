"""Call notes and the drafts of notes being typed (autosaved, survive a crash)."""

from __future__ import annotations

import secrets
from datetime import datetime

from ecoute_desktop.domain.models import CallNote
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.store.database import Database
from ecoute_desktop.store.search import reindex_case
from ecoute_desktop.store.timestamps import from_db, to_db

_COLUMNS = "id, case_id, body, created_at, updated_at"


def note_from_row(row: tuple) -> CallNote:
    return CallNote(row[2], from_db(row[3]), from_db(row[4]), row[1], row[0])


class NoteRepository:
    """Dated notes of what was said during calls."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def for_case(self, case_id: int) -> list[CallNote]:
        with self._db.read() as conn:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM call_notes WHERE case_id = ? ORDER BY created_at, id",
                (case_id,),
            )
            return [note_from_row(r) for r in rows]

    def add(self, case_id: int, body: str, at: datetime | None = None) -> CallNote:
        """Save a new note and drop the draft it came from."""
        at = at or utc_now()
        with self._db.write() as conn:
            cursor = conn.execute(
                "INSERT INTO call_notes (case_id, body, created_at, updated_at, author, gid)"
                " VALUES (?, ?, ?, ?, coalesce((SELECT gid FROM hotliners WHERE is_self = 1), ''),"
                " ?)",
                (case_id, body, to_db(at), to_db(at), secrets.token_hex(16)),
            )
            conn.execute(
                "DELETE FROM note_drafts WHERE case_id = ? AND note_id IS NULL", (case_id,)
            )
            reindex_case(conn, case_id)
        return CallNote(body, at, at, case_id, cursor.lastrowid)

    def update(self, note_id: int, body: str, at: datetime | None = None) -> None:
        at = at or utc_now()
        with self._db.write() as conn:
            row = conn.execute("SELECT case_id FROM call_notes WHERE id = ?", (note_id,)).fetchone()
            if row is None:
                raise KeyError(note_id)
            conn.execute(
                "UPDATE call_notes SET body = ?, updated_at = ? WHERE id = ?",
                (body, to_db(at), note_id),
            )
            conn.execute("DELETE FROM note_drafts WHERE note_id = ?", (note_id,))
            reindex_case(conn, row[0])

    def save_draft(self, case_id: int, body: str, note_id: int | None = None) -> None:
        """Keep what is being typed, inside the encrypted database."""
        with self._db.write() as conn:
            conn.execute(
                "DELETE FROM note_drafts WHERE case_id = ? AND note_id IS ?", (case_id, note_id)
            )
            conn.execute(
                "INSERT INTO note_drafts (case_id, note_id, body, updated_at) VALUES (?, ?, ?, ?)",
                (case_id, note_id, body, to_db(utc_now())),
            )

    def draft(self, case_id: int, note_id: int | None = None) -> str | None:
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT body FROM note_drafts WHERE case_id = ? AND note_id IS ?",
                (case_id, note_id),
            ).fetchone()
        return None if row is None else row[0]

    def discard_draft(self, case_id: int, note_id: int | None = None) -> None:
        with self._db.write() as conn:
            conn.execute(
                "DELETE FROM note_drafts WHERE case_id = ? AND note_id IS ?", (case_id, note_id)
            )
