"""Erasure of personal data (RGPD): what a purge removes and what it keeps for statistics.

A purged case keeps only anonymous fields: reference, dates and stamps, status, urgent
flag, themes, orientations, appointments' times and the status history (without its
free comments), so indicators of past months stay identical. The member's identity and
contact details become empty, notes, drafts and the full-text entry are deleted, and the
case is stamped `purged_at`. With `secure_delete` on, SQLite overwrites the freed bytes;
the full-text index is then merged so no deleted word survives in its segments.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlcipher3

from ecoute_desktop.domain.models import MEMBER_FIELDS
from ecoute_desktop.store.database import Database
from ecoute_desktop.store.timestamps import from_db, to_db


@dataclass(frozen=True, slots=True)
class PurgeCandidate:
    """One case past its retention period (what the preview lists; no personal data)."""

    case_id: int
    reference: str
    received_at: datetime
    closed_at: datetime
    notes: int


class RetentionRepository:
    """Finding cases past retention and erasing their personal data."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def closed_before(self, cutoff: datetime) -> list[PurgeCandidate]:
        """Cases closed (or dropped) before `cutoff` and not purged yet, oldest first."""
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT c.id, c.reference, c.received_at, c.closed_at,"
                " (SELECT count(*) FROM call_notes n WHERE n.case_id = c.id)"
                " FROM cases c WHERE c.closed_at IS NOT NULL AND c.closed_at < ?"
                " AND c.purged_at IS NULL ORDER BY c.closed_at, c.id",
                (to_db(cutoff),),
            ).fetchall()
        return [PurgeCandidate(r[0], r[1], from_db(r[2]), from_db(r[3]), r[4]) for r in rows]

    def purged_ids(self) -> set[int]:
        with self._db.read() as conn:
            return {r[0] for r in conn.execute("SELECT id FROM cases WHERE purged_at IS NOT NULL")}

    def erase(self, case_ids: Iterable[int], at: datetime) -> int:
        """Erase the personal data of these cases in one transaction; return how many."""
        ids = sorted(set(case_ids))
        if not ids:
            return 0
        with self._db.write() as conn:
            for case_id in ids:
                erase_case_rows(conn, case_id, to_db(at))
        self.compact()
        return len(ids)

    def compact(self) -> None:
        """Merge the full-text index and fold the log, so erased words leave every page."""
        with self._db.read() as conn:
            conn.execute("INSERT INTO case_search (case_search) VALUES ('optimize')")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def erase_case_rows(
    conn: sqlcipher3.Connection, case_id: int, at: str, from_partner: bool = False
) -> None:
    """Erase one case's personal data. `from_partner`: the erasure was done on the
    partner's laptop at `at`; notes written since then (seconds included) are kept, as
    the partner's laptop keeps them (docs/binome.md)."""
    row = conn.execute("SELECT member_id FROM cases WHERE id = ?", (case_id,)).fetchone()
    if row is None:
        raise KeyError(case_id)
    blanks = ", ".join(f"{name} = ''" for name in MEMBER_FIELDS)
    conn.execute(f"UPDATE members SET {blanks} WHERE id = ?", (row[0],))
    _tombstone(conn, case_id, at)
    conn.execute("DELETE FROM note_drafts WHERE case_id = ?", (case_id,))
    newer = " AND created_at < ?" if from_partner else ""
    conn.execute(
        f"DELETE FROM call_notes WHERE case_id = ?{newer}", (case_id, at) if newer else (case_id,)
    )
    conn.execute("DELETE FROM case_search WHERE rowid = ?", (case_id,))
    # Questionnaire answers stay in the figures but no longer point at the member's case.
    conn.execute("UPDATE satisfaction_responses SET case_id = NULL WHERE case_id = ?", (case_id,))
    # The status history is kept (it dates the steps); only its free comments go.
    # History rows cannot be updated (trigger), so commented ones are re-inserted blank.
    commented = conn.execute(
        "SELECT id, at, by_name, from_status, to_status, reason, gid FROM status_events"
        f" WHERE case_id = ? AND comment <> ''{newer.replace('created_at', 'at')} ORDER BY id",
        (case_id, at) if newer else (case_id,),
    ).fetchall()
    for event_id, *values in commented:
        conn.execute("DELETE FROM status_events WHERE id = ?", (event_id,))
        conn.execute(
            "INSERT INTO status_events (id, case_id, at, by_name, from_status, to_status,"
            " reason, gid, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '')",
            (event_id, case_id, *values),
        )
    conn.execute("UPDATE cases SET purged_at = ?, updated_at = ? WHERE id = ?", (at, at, case_id))


def _tombstone(conn: sqlcipher3.Connection, case_id: int, at: str) -> None:
    """The erasure travels to the partner (docs/binome.md): a tombstone no older file can
    undo; the shadow's hashes of the erased words and the edits kept aside go with them."""
    (gid,) = conn.execute("SELECT export_id FROM cases WHERE id = ?", (case_id,)).fetchone()
    conn.execute(
        "INSERT OR IGNORE INTO sync_tombstones (gid, kind, at) VALUES (?, 'erased', ?)", (gid, at)
    )
    conn.execute("DELETE FROM sync_fields WHERE gid = ? AND field LIKE 'member.%'", (gid,))
    conn.execute(
        "DELETE FROM sync_fields WHERE gid IN (SELECT gid FROM call_notes WHERE case_id = ?)",
        (case_id,),
    )
    conn.execute(
        "DELETE FROM sync_fields WHERE field = 'comment'"
        " AND gid IN (SELECT gid FROM status_events WHERE case_id = ?)",
        (case_id,),
    )
    conn.execute("DELETE FROM sync_conflicts WHERE case_gid = ?", (gid,))
