"""Persistence of weekly slots, absences, booking rules, appointments and their history.

The rules that decide what a booking may do live in `domain.booking`; the application
layer (`services.app.agenda`) applies them and writes through this repository.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime, time

import sqlcipher3

from ecoute_desktop.domain import settings_spec
from ecoute_desktop.domain.booking import AppointmentAction
from ecoute_desktop.domain.models import Appointment, AppointmentStatus, WeeklySlot
from ecoute_desktop.domain.slots import BookingRules, SlotException
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.store.case_loading import APPOINTMENT_COLUMNS, appointment_from_row
from ecoute_desktop.store.database import Database
from ecoute_desktop.store.settings import SettingsRepository
from ecoute_desktop.store.timestamps import day_from_db, day_to_db, from_db, to_db


def _slot(row: tuple) -> WeeklySlot:
    return WeeklySlot(
        row[1],
        row[2],
        time.fromisoformat(row[3]),
        time.fromisoformat(row[4]),
        day_from_db(row[5]),
        day_from_db(row[6]),
        row[0],
    )


class AgendaRepository:
    """Slots, absences, rules and appointments of the pair, as stored."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._settings = SettingsRepository(db)

    # ---- rules -----------------------------------------------------------
    def rules(self) -> BookingRules:
        return BookingRules(
            self._settings.get(settings_spec.APPOINTMENT_MINUTES),
            self._settings.get(settings_spec.PAUSE_MINUTES),
            self._settings.get(settings_spec.MAX_CALLS_PER_DAY),  # None: no limit
        )

    def set_rules(self, rules: BookingRules) -> None:
        with self._db.write():
            self._settings.set(settings_spec.APPOINTMENT_MINUTES, rules.length_minutes)
            self._settings.set(settings_spec.PAUSE_MINUTES, rules.pause_minutes)
            self._settings.set(settings_spec.MAX_CALLS_PER_DAY, rules.max_per_day or None)

    # ---- weekly slots and absences ----------------------------------------
    def slots(self) -> list[WeeklySlot]:
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT id, hotliner_id, weekday, start_time, end_time, valid_from, valid_to"
                " FROM weekly_slots ORDER BY weekday, start_time, hotliner_id"
            ).fetchall()
        return [_slot(r) for r in rows]

    def save_slot(self, slot: WeeklySlot) -> WeeklySlot:
        values = (
            slot.hotliner_id,
            slot.weekday,
            slot.start.strftime("%H:%M"),
            slot.end.strftime("%H:%M"),
            day_to_db(slot.valid_from),
            day_to_db(slot.valid_to),
        )
        with self._db.write() as conn:
            if slot.id is None:
                cursor = conn.execute(
                    "INSERT INTO weekly_slots (hotliner_id, weekday, start_time, end_time,"
                    " valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?)",
                    values,
                )
                slot.id = cursor.lastrowid
            else:
                conn.execute(
                    "UPDATE weekly_slots SET hotliner_id = ?, weekday = ?, start_time = ?,"
                    " end_time = ?, valid_from = ?, valid_to = ? WHERE id = ?",
                    (*values, slot.id),
                )
        return slot

    def delete_slot(self, slot_id: int) -> None:
        """Remove a weekly slot; appointments already booked on it are kept."""
        with self._db.write() as conn:
            conn.execute("DELETE FROM weekly_slots WHERE id = ?", (slot_id,))

    def exceptions(self) -> list[SlotException]:
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT id, hotliner_id, first_day, last_day, reason FROM slot_exceptions"
                " ORDER BY first_day, id"
            ).fetchall()
        return [SlotException(day_from_db(r[2]), day_from_db(r[3]), r[1], r[4], r[0]) for r in rows]

    def add_exception(self, absence: SlotException) -> SlotException:
        with self._db.write() as conn:
            cursor = conn.execute(
                "INSERT INTO slot_exceptions (hotliner_id, first_day, last_day, reason)"
                " VALUES (?, ?, ?, ?)",
                (
                    absence.hotliner_id,
                    day_to_db(absence.first_day),
                    day_to_db(absence.last_day),
                    absence.reason,
                ),
            )
        return replace(absence, id=cursor.lastrowid)

    def delete_exception(self, exception_id: int) -> None:
        with self._db.write() as conn:
            conn.execute("DELETE FROM slot_exceptions WHERE id = ?", (exception_id,))

    # ---- reading appointments ------------------------------------------
    def get(self, appointment_id: int) -> Appointment:
        with self._db.read() as conn:
            row = conn.execute(
                f"SELECT {APPOINTMENT_COLUMNS} FROM appointments WHERE id = ?",
                (appointment_id,),
            ).fetchone()
        if row is None:
            raise KeyError(appointment_id)
        return appointment_from_row(row)

    def for_case(self, case_id: int) -> list[Appointment]:
        """All appointments of a case, cancelled ones included, oldest first."""
        with self._db.read() as conn:
            rows = conn.execute(
                f"SELECT {APPOINTMENT_COLUMNS} FROM appointments WHERE case_id = ?"
                " ORDER BY created_at, id",
                (case_id,),
            ).fetchall()
        return [appointment_from_row(r) for r in rows]

    def active_for_case(self, case_id: int) -> Appointment | None:
        active = [a for a in self.for_case(case_id) if a.status is AppointmentStatus.BOOKED]
        return active[-1] if active else None

    def between(
        self, start: datetime, end: datetime, include_cancelled: bool = False
    ) -> list[Appointment]:
        """Appointments overlapping the UTC interval [start, end), by start time."""
        status = "" if include_cancelled else " AND status = ?"
        params: tuple = (to_db(end), to_db(start))
        if not include_cancelled:
            params += (str(AppointmentStatus.BOOKED),)
        with self._db.read() as conn:
            rows = conn.execute(
                f"SELECT {APPOINTMENT_COLUMNS} FROM appointments"
                f" WHERE starts_at < ? AND ends_at > ?{status} ORDER BY starts_at, id",
                params,
            ).fetchall()
        return [appointment_from_row(r) for r in rows]

    def upcoming(self, now: datetime | None = None) -> list[Appointment]:
        """Booked appointments that have not ended yet."""
        far = datetime(9999, 1, 1, tzinfo=UTC)
        return self.between(now or utc_now(), far)

    def history(self, appointment_id: int) -> list[tuple[datetime, str, datetime, datetime]]:
        """(when, action, start, end) of every change of an appointment, oldest first."""
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT at, action, starts_at, ends_at FROM appointment_history"
                " WHERE appointment_id = ? ORDER BY id",
                (appointment_id,),
            ).fetchall()
        return [(from_db(r[0]), r[1], from_db(r[2]), from_db(r[3])) for r in rows]

    def references(self, case_ids: set[int]) -> dict[int, str]:
        """Case references by id (no personal data), for messages and the week view."""
        if not case_ids:
            return {}
        marks = ",".join("?" * len(case_ids))
        with self._db.read() as conn:
            rows = conn.execute(
                f"SELECT id, reference FROM cases WHERE id IN ({marks})", tuple(case_ids)
            ).fetchall()
        return dict(rows)

    # ---- writing appointments -----------------------------------------------
    def insert(self, appointment: Appointment, at: datetime) -> Appointment:
        """Record a new appointment (a UID is made if empty) and its « fixé » history line."""
        with self._db.write() as conn:
            insert_appointment(conn, appointment, at)
            self._log(conn, appointment, AppointmentAction.BOOKED, at)
        return appointment

    def update(self, appointment: Appointment, action: str, at: datetime) -> None:
        """Write an appointment's new times, status and sequence, with a history line."""
        with self._db.write() as conn:
            conn.execute(
                "UPDATE appointments SET starts_at = ?, ends_at = ?, status = ?, out_of_slot = ?,"
                " sequence = ?, who_calls = ?, updated_at = ? WHERE id = ?",
                (
                    to_db(appointment.starts_at),
                    to_db(appointment.ends_at),
                    str(appointment.status),
                    int(appointment.out_of_slot),
                    appointment.sequence,
                    str(appointment.who_calls),
                    to_db(at),
                    appointment.id,
                ),
            )
            self._log(conn, appointment, action, at)

    @staticmethod
    def _log(
        conn: sqlcipher3.Connection, appointment: Appointment, action: str, at: datetime
    ) -> None:
        conn.execute(
            "INSERT INTO appointment_history (appointment_id, at, action, starts_at, ends_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (
                appointment.id,
                to_db(at),
                action,
                to_db(appointment.starts_at),
                to_db(appointment.ends_at),
            ),
        )


def insert_appointment(conn: sqlcipher3.Connection, appointment: Appointment, at: datetime) -> None:
    """Insert an appointment row (a UID is made if empty); sets its id."""
    appointment.uid = appointment.uid or f"{uuid.uuid4()}@ecoute.local"
    cursor = conn.execute(
        "INSERT INTO appointments (case_id, hotliner_id, starts_at, ends_at, status,"
        " out_of_slot, sequence, uid, created_at, updated_at, who_calls)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            appointment.case_id,
            appointment.hotliner_id,
            to_db(appointment.starts_at),
            to_db(appointment.ends_at),
            str(appointment.status),
            int(appointment.out_of_slot),
            appointment.sequence,
            appointment.uid,
            to_db(at),
            to_db(at),
            str(appointment.who_calls),
        ),
    )
    appointment.id = cursor.lastrowid
