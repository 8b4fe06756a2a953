"""Persistence of cases (sollicitations) with their member, tags, referrals and history."""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterable
from datetime import datetime

import sqlcipher3

from ecoute_desktop.domain.aggregation import SATISFACTION_SCORES
from ecoute_desktop.domain.models import MEMBER_FIELDS, Case, Member
from ecoute_desktop.domain.references import (
    LETTERS,
    default_letter,
    is_old_form,
    make_reference,
    renumbered,
)
from ecoute_desktop.domain.timeutil import as_paris, utc_now
from ecoute_desktop.domain.workflow import StatusEvent
from ecoute_desktop.store.agenda import insert_appointment
from ecoute_desktop.store.case_loading import CASE_FROM, load_cases
from ecoute_desktop.store.database import Database
from ecoute_desktop.store.message_keys import message_key
from ecoute_desktop.store.questionnaire_codes import free_code
from ecoute_desktop.store.search import reindex_case
from ecoute_desktop.store.timestamps import from_db, to_db

LETTER_SETTING = "reference_letter"


def reference_letter(conn: sqlcipher3.Connection) -> str:
    """This laptop's letter: the setting, else the pair rule of domain/references.py."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (LETTER_SETTING,)).fetchone()
    if row is not None:
        value = json.loads(row[0])
        if isinstance(value, str) and value in LETTERS:
            return value
    people = conn.execute(
        "SELECT h.nom, h.prenom, h.is_self FROM binomes b"
        " JOIN hotliners h ON h.id IN (b.first_id, b.second_id)"
    ).fetchall()
    me = next(((n, p) for n, p, is_self in people if is_self), None)
    partner = next(((n, p) for n, p, is_self in people if not is_self), None)
    return default_letter(me, partner)


def next_reference(conn: sqlcipher3.Connection, year: int) -> str:
    """`2026-A-042`: the next free number of the year behind this laptop's letter."""
    letter = reference_letter(conn)
    (last,) = conn.execute(
        "SELECT max(CAST(substr(reference, 8) AS INTEGER)) FROM cases WHERE reference LIKE ?",
        (f"{year:04d}-{letter}-%",),
    ).fetchone()
    return make_reference(year, letter, (last or 0) + 1)


def _renumbered_if_free(conn: sqlcipher3.Connection, old_reference: str) -> str:
    """`2025-0042` → `2025-A-042` when free here, else "" (the next number is drawn)."""
    candidate = renumbered(old_reference, reference_letter(conn))
    taken = conn.execute("SELECT 1 FROM cases WHERE reference = ?", (candidate,)).fetchone()
    return "" if taken else candidate


def _stamp_values(case: Case) -> tuple:
    """status, drop_reason, acknowledged_at, call_held_at, questionnaire_sent_at, closed_at,
    calls_held, last_call_at."""
    return (
        str(case.status),
        str(case.drop_reason) if case.drop_reason else None,
        to_db(case.acknowledged_at),
        to_db(case.call_held_at),
        to_db(case.questionnaire_sent_at),
        to_db(case.closed_at),
        # a case given only its first call (spreadsheet import) held one call
        max(case.calls_held, int(case.call_held_at is not None)),
        to_db(case.last_call_at or case.call_held_at),
    )


class CaseRepository:
    """Cases and everything attached to them."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # ---- reading -------------------------------------------------------
    def get(self, case_id: int) -> Case:
        cases = self._load(" WHERE c.id = ?", (case_id,), with_notes=True)
        if not cases:
            raise KeyError(case_id)
        return cases[0]

    def get_by_reference(self, reference: str) -> Case | None:
        """The case with this reference, or whose reference was this before renumbering."""
        cases = self._load(
            " WHERE c.reference = ? OR c.former_reference = ? ORDER BY c.reference = ? DESC",
            (reference, reference, reference),
            with_notes=True,
        )
        return cases[0] if cases else None

    def existing_references(self, references: Iterable[str]) -> set[str]:
        """Those of `references` that name a case here (as its reference or former one)."""
        wanted = list(references)
        found: set[str] = set()
        with self._db.read() as conn:
            for start in range(0, len(wanted), 400):
                chunk = wanted[start : start + 400]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(
                    f"SELECT reference, former_reference FROM cases WHERE reference IN ({marks})"
                    f" OR former_reference IN ({marks})",
                    chunk * 2,
                )
                found.update(ref for row in rows for ref in row if ref in chunk)
        return found

    def received_between(
        self, start: datetime, end: datetime, with_notes: bool = False, with_history: bool = True
    ) -> list[Case]:
        """Cases received in the half-open UTC interval [start, end), oldest first.

        `with_history=False` leaves appointments and status events out (indicators
        need neither, and they are most of the loading time).
        """
        return self._load(
            " WHERE c.received_at >= ? AND c.received_at < ? ORDER BY c.received_at, c.id",
            (to_db(start), to_db(end)),
            with_notes=with_notes,
            with_history=with_history,
        )

    def all(self, with_notes: bool = False) -> list[Case]:
        return self._load(" ORDER BY c.received_at, c.id", (), with_notes=with_notes)

    def count(self) -> int:
        with self._db.read() as conn:
            return conn.execute("SELECT count(*) FROM cases").fetchone()[0]

    def _load(
        self, where: str, params: tuple, with_notes: bool, with_history: bool = True
    ) -> list[Case]:
        with self._db.read() as conn:
            return load_cases(conn, where, params, with_notes, with_history)

    # ---- writing -------------------------------------------------------
    def create(self, case: Case) -> Case:
        """Insert a new case with its member, tags, referrals, notes and events."""
        now = utc_now()
        with self._db.write() as conn:
            if case.reference and is_old_form(case.reference):  # « 2025-0042 » from a sheet
                case.former_reference = case.reference  # kept findable
                case.reference = _renumbered_if_free(conn, case.reference)
            if not case.reference:
                case.reference = next_reference(conn, as_paris(case.received_at).year)
            member = case.member
            cursor = conn.execute(
                f"INSERT INTO members ({', '.join(MEMBER_FIELDS)}) VALUES (?, ?, ?, ?, ?, ?)",
                tuple(getattr(member, f).strip() for f in MEMBER_FIELDS),
            )
            member.id = cursor.lastrowid
            cursor = conn.execute(
                "INSERT INTO cases (reference, former_reference, member_id, hotliner_id,"
                " received_at, urgent, status, drop_reason, acknowledged_at, call_held_at,"
                " questionnaire_sent_at, closed_at, calls_held, last_call_at, satisfaction,"
                " export_id, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    case.reference,
                    case.former_reference,
                    member.id,
                    case.hotliner_id,
                    to_db(case.received_at),
                    int(case.urgent),
                    *_stamp_values(case),
                    case.satisfaction,
                    secrets.token_hex(16),
                    to_db(now),
                    to_db(now),
                ),
            )
            case.id = cursor.lastrowid
            conn.execute(
                "UPDATE cases SET questionnaire_code = ? WHERE id = ?", (free_code(conn), case.id)
            )
            self._write_themes(conn, case.id, [t.id for t in case.themes])
            for orientation in case.orientations:
                conn.execute(
                    "INSERT INTO case_orientations (case_id, target_id, at) VALUES (?, ?, ?)",
                    (case.id, orientation.target.id, to_db(orientation.at)),
                )
            for appointment in case.appointments:
                appointment.case_id = case.id
                insert_appointment(conn, appointment, now)
            for event in case.events:
                _insert_event(conn, case.id, event)
            for note in case.notes:
                cursor = conn.execute(
                    "INSERT INTO call_notes (case_id, body, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?)",
                    (case.id, note.body, to_db(note.created_at), to_db(note.updated_at)),
                )
                note.id, note.case_id = cursor.lastrowid, case.id
            reindex_case(conn, case.id)
        return case

    def record_step(self, case: Case, event: StatusEvent) -> None:
        """Write a workflow step already applied to `case` (domain `Case.advance`): its
        event and the case's status, reason and stamps."""
        with self._db.write() as conn:
            assert case.id is not None  # a stored case
            _insert_event(conn, case.id, event)
            self._write_stamps(conn, case)

    def stamp_acknowledgment(self, case_id: int, at: datetime) -> None:
        """Record when the member was answered, without a workflow step."""
        with self._db.write() as conn:
            conn.execute(
                "UPDATE cases SET acknowledged_at = ?, updated_at = ? WHERE id = ?",
                (to_db(at), to_db(utc_now()), case_id),
            )

    def update_member(self, case_id: int, member: Member) -> None:
        with self._db.write() as conn:
            assignments = ", ".join(f"{f} = ?" for f in MEMBER_FIELDS)
            conn.execute(
                f"UPDATE members SET {assignments}"
                " WHERE id = (SELECT member_id FROM cases WHERE id = ?)",
                (*(getattr(member, f).strip() for f in MEMBER_FIELDS), case_id),
            )
            self._touch(conn, case_id)
            reindex_case(conn, case_id)

    def update_details(
        self,
        case_id: int,
        *,
        urgent: bool | None = None,
        received_at: datetime | None = None,
        hotliner_id: int | None = None,
        satisfaction: int | None = None,
        clear_satisfaction: bool = False,
    ) -> None:
        """Change plain fields of a case (None leaves a field as it is).

        `satisfaction` is a questionnaire score 1–5; `clear_satisfaction=True` forgets it.
        """
        if satisfaction is not None and satisfaction not in SATISFACTION_SCORES:
            raise ValueError("la satisfaction est une note de 1 à 5")
        changes = {
            "urgent": None if urgent is None else int(urgent),
            "received_at": to_db(received_at),
            "hotliner_id": hotliner_id,
            "satisfaction": satisfaction,
        }
        with self._db.write() as conn:
            for column, value in changes.items():
                if value is not None:
                    conn.execute(f"UPDATE cases SET {column} = ? WHERE id = ?", (value, case_id))
            if clear_satisfaction:
                conn.execute("UPDATE cases SET satisfaction = NULL WHERE id = ?", (case_id,))
            self._touch(conn, case_id)

    def set_satisfactions(self, scores: dict[str, int]) -> int:
        """Record questionnaire scores by case reference, all in one transaction; rows changed."""
        if any(score not in SATISFACTION_SCORES for score in scores.values()):
            raise ValueError("la satisfaction est une note de 1 à 5")
        now, changed = to_db(utc_now()), 0
        with self._db.write() as conn:
            for reference, score in scores.items():
                changed += conn.execute(
                    "UPDATE cases SET satisfaction = ?, updated_at = ?"
                    " WHERE reference = ? OR former_reference = ?",
                    (score, now, reference, reference),
                ).rowcount
        return changed

    def set_themes(self, case_id: int, theme_ids: Iterable[int]) -> None:
        with self._db.write() as conn:
            conn.execute("DELETE FROM case_themes WHERE case_id = ?", (case_id,))
            self._write_themes(conn, case_id, theme_ids)
            self._touch(conn, case_id)

    def add_orientation(self, case_id: int, target_id: int, at: datetime | None = None) -> None:
        with self._db.write() as conn:
            conn.execute(
                "INSERT INTO case_orientations (case_id, target_id, at) VALUES (?, ?, ?)",
                (case_id, target_id, to_db(at or utc_now())),
            )
            self._touch(conn, case_id)

    def undo_orientation(self, case_id: int, target_id: int) -> None:
        """Remove the latest referral of the case to this entry (a click made by mistake)."""
        with self._db.write() as conn:
            conn.execute(
                "DELETE FROM case_orientations WHERE id = (SELECT max(id) FROM case_orientations"
                " WHERE case_id = ? AND target_id = ?)",
                (case_id, target_id),
            )
            self._touch(conn, case_id)

    def delete(self, case_id: int) -> None:
        with self._db.write() as conn:
            (member_id,) = conn.execute(
                "SELECT member_id FROM cases WHERE id = ?", (case_id,)
            ).fetchone()
            conn.execute("DELETE FROM case_search WHERE rowid = ?", (case_id,))
            conn.execute("DELETE FROM cases WHERE id = ?", (case_id,))
            conn.execute("DELETE FROM members WHERE id = ?", (member_id,))

    def taken_from_message(self, message_id: str) -> tuple[int, str] | None:
        """(id, reference) of the case already taken from this e-mail, if any."""
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT id, reference FROM cases WHERE message_id = ? OR message_key = ?",
                (message_id, message_key(message_id)),
            ).fetchone()
        return (int(row[0]), str(row[1])) if row else None

    def record_message(self, case_id: int, message_id: str) -> None:
        """Remember the e-mail a case was taken from (one case per e-mail)."""
        with self._db.write() as conn:
            conn.execute(
                "UPDATE cases SET message_id = ?, message_key = ? WHERE id = ?",
                (message_id, message_key(message_id), case_id),
            )

    def matching_contacts(
        self, telephone: str, email: str, exclude_id: int | None = None
    ) -> list[tuple[int, str, datetime]]:
        """Earlier cases of a returning member: same phone digits or same email."""
        digits = _phone_key(telephone)
        email = email.strip().casefold()
        if not digits and not email:
            return []
        matches: dict[int, tuple[int, str, datetime]] = {}
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT c.id, c.reference, c.received_at, m.telephone, m.email"
                + CASE_FROM
                + " WHERE c.id IS NOT ? ORDER BY c.received_at DESC",
                (exclude_id,),
            )
            for case_id, reference, received, phone, mail in rows:
                same_phone = bool(digits) and _phone_key(phone) == digits
                same_mail = bool(email) and mail.strip().casefold() == email
                if same_phone or same_mail:
                    matches[case_id] = (case_id, reference, from_db(received))
        return list(matches.values())

    # ---- helpers -------------------------------------------------------
    @staticmethod
    def _write_themes(conn: sqlcipher3.Connection, case_id: int, theme_ids: Iterable[int]) -> None:
        conn.executemany(
            "INSERT OR IGNORE INTO case_themes (case_id, theme_id) VALUES (?, ?)",
            ((case_id, theme_id) for theme_id in theme_ids),
        )

    @staticmethod
    def _write_stamps(conn: sqlcipher3.Connection, case: Case) -> None:
        conn.execute(
            "UPDATE cases SET status = ?, drop_reason = ?, acknowledged_at = ?, call_held_at = ?,"
            " questionnaire_sent_at = ?, closed_at = ?, calls_held = ?, last_call_at = ?,"
            " updated_at = ? WHERE id = ?",
            (
                *_stamp_values(case),
                to_db(utc_now()),
                case.id,
            ),
        )

    @staticmethod
    def _touch(conn: sqlcipher3.Connection, case_id: int) -> None:
        conn.execute("UPDATE cases SET updated_at = ? WHERE id = ?", (to_db(utc_now()), case_id))


def _insert_event(conn: sqlcipher3.Connection, case_id: int, event: StatusEvent) -> None:
    conn.execute(
        "INSERT INTO status_events (case_id, at, by_name, from_status, to_status, reason, comment,"
        " gid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            case_id,
            to_db(event.at),
            event.by,
            str(event.from_status),
            str(event.to_status),
            str(event.reason) if event.reason else None,
            event.comment,
            secrets.token_hex(16),  # its global id for the binôme exchange (docs/binome.md)
        ),
    )


def _phone_key(phone: str) -> str:
    """Last nine digits: `06 12 34 56 78` and `+33 6 12 34 56 78` are the same number."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    return digits[-9:] if len(digits) >= 9 else ""
