"""Persistence of weekly slots, absences, appointments and their history; booking rules.

Booking a case that is still "reçue" records two events in the same transaction as the
appointment: "reçue → accusée" then "accusée → rdv fixé" (the proposal of a time is the
reply to the member, so it stamps the acknowledgment). Cancelling the only appointment
of a case at "rdv fixé" sends it back to "accusée", ready to book again.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta

import sqlcipher3

from ecoute_desktop.domain import settings_spec
from ecoute_desktop.domain.models import Appointment, AppointmentStatus, WeeklySlot
from ecoute_desktop.domain.slots import (
    BookingError,
    BookingRules,
    FreeTime,
    SlotException,
    SlotWindow,
    cancelled,
    check_call_pending,
    check_no_overlap,
    check_not_past,
    free_times,
    rescheduled,
    slot_windows,
    within_slots,
)
from ecoute_desktop.domain.timeutil import as_utc, paris_day_range, utc_now
from ecoute_desktop.domain.workflow import Status
from ecoute_desktop.store.case_loading import APPOINTMENT_COLUMNS, appointment_from_row
from ecoute_desktop.store.cases import CaseRepository
from ecoute_desktop.store.database import Database
from ecoute_desktop.store.settings import SettingsRepository
from ecoute_desktop.store.timestamps import day_from_db, day_to_db, from_db, to_db


class AppointmentAction:
    """Words recorded in the history of an appointment (shown to the user)."""

    BOOKED = "fixé"
    MOVED = "déplacé"
    CANCELLED = "annulé"


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
    """Slots, absences and appointments of the pair; booking, moving and cancelling calls."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._cases = CaseRepository(db)
        self._settings = SettingsRepository(db)

    # ---- rules -----------------------------------------------------------
    def rules(self) -> BookingRules:
        return BookingRules(
            self._settings.get(settings_spec.APPOINTMENT_MINUTES),
            self._settings.get(settings_spec.PAUSE_MINUTES),
            self._settings.get(settings_spec.MAX_CALLS_PER_DAY),  # None: no limit
        )

    def set_rules(self, rules: BookingRules) -> None:
        if rules.length_minutes < 5 or rules.pause_minutes < 0:
            raise BookingError("La durée d'un appel doit être d'au moins 5 minutes.")
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
        if slot.end <= slot.start:
            raise BookingError("Un créneau doit finir après son début.")
        if slot.valid_to is not None and slot.valid_to < slot.valid_from:
            raise BookingError("La fin de validité d'un créneau précède son début.")
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
        if absence.last_day < absence.first_day:
            raise BookingError("La fin d'une absence précède son début.")
        with self._db.write() as conn:
            cursor = conn.execute(
                "INSERT INTO slot_exceptions (hotliner_id, first_day, last_day, reason)"
                " VALUES (?, ?, ?, ?)",
                (
                    absence.hotliner_id,
                    day_to_db(absence.first_day),
                    day_to_db(absence.last_day),
                    absence.reason.strip(),
                ),
            )
        return SlotException(
            absence.first_day,
            absence.last_day,
            absence.hotliner_id,
            absence.reason.strip(),
            cursor.lastrowid,
        )

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

    # ---- availability ------------------------------------------------------
    def windows(self, first_day: date, last_day: date) -> list[SlotWindow]:
        return slot_windows(self.slots(), self.exceptions(), first_day, last_day)

    def free_times(
        self, first_day: date, last_day: date, not_before: datetime | None = None
    ) -> list[FreeTime]:
        start, end = paris_day_range(first_day, last_day)
        return free_times(
            self.slots(),
            self.exceptions(),
            self.between(start - timedelta(days=1), end + timedelta(days=1)),
            first_day,
            last_day,
            self.rules(),
            not_before,
        )

    # ---- booking -----------------------------------------------------------
    def book(
        self,
        case_id: int,
        hotliner_id: int | None,
        starts_at: datetime,
        by: str,
        at: datetime | None = None,
    ) -> Appointment:
        """Book a call for a case and move it to "rdv fixé", all in one transaction.

        Outside the slots only an urgent case may be booked (recorded as out of slot).
        """
        at = at or utc_now()
        rules = self.rules()
        start = as_utc(starts_at)
        end = start + rules.length
        check_not_past(start, at)
        with self._db.write() as conn:
            case = self._cases.get(case_id)
            if case.status not in (Status.RECEIVED, Status.ACKNOWLEDGED, Status.SCHEDULED):
                raise BookingError(
                    f"La sollicitation {case.reference} est « {case.status} » : "
                    "on ne peut plus y fixer de rendez-vous."
                )
            if self.active_for_case(case_id) is not None:
                raise BookingError(
                    f"La sollicitation {case.reference} a déjà un rendez-vous : "
                    "déplacez-le ou annulez-le."
                )
            out_of_slot = self._check(conn, case.urgent, hotliner_id, start, end, None)
            appointment = Appointment(
                case_id,
                hotliner_id,
                start,
                end,
                out_of_slot=out_of_slot,
                uid=f"{uuid.uuid4()}@ecoute.local",
            )
            cursor = conn.execute(
                "INSERT INTO appointments (case_id, hotliner_id, starts_at, ends_at, status,"
                " out_of_slot, sequence, uid, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    case_id,
                    hotliner_id,
                    to_db(start),
                    to_db(end),
                    str(appointment.status),
                    int(out_of_slot),
                    0,
                    appointment.uid,
                    to_db(at),
                    to_db(at),
                ),
            )
            appointment.id = cursor.lastrowid
            self._log(conn, appointment, AppointmentAction.BOOKED, at)
            if case.status is Status.RECEIVED:
                self._cases.advance(
                    case_id,
                    Status.ACKNOWLEDGED,
                    by,
                    at=at,
                    comment="réponse avec la proposition de rendez-vous",
                )
            if case.status is not Status.SCHEDULED:
                comment = "hors créneau (urgence)" if out_of_slot else ""
                self._cases.advance(case_id, Status.SCHEDULED, by, at=at, comment=comment)
            if hotliner_id is not None and case.hotliner_id != hotliner_id:
                # Whoever holds the call follows the case (the list's « Écoutant » filter).
                self._cases.update_details(case_id, hotliner_id=hotliner_id)
        return appointment

    def reschedule(
        self, appointment_id: int, starts_at: datetime, at: datetime | None = None
    ) -> Appointment:
        """Move a booked call (same UID, SEQUENCE + 1); the old time stays in the history."""
        at = at or utc_now()
        with self._db.write() as conn:
            current = self.get(appointment_id)
            case = self._cases.get(current.case_id)
            check_call_pending(current, case.status, case.reference)
            check_not_past(as_utc(starts_at), at)
            moved = rescheduled(current, starts_at, self.rules().length)
            moved.out_of_slot = self._check(
                conn, case.urgent, moved.hotliner_id, moved.starts_at, moved.ends_at, appointment_id
            )
            conn.execute(
                "UPDATE appointments SET starts_at = ?, ends_at = ?, out_of_slot = ?,"
                " sequence = ?, updated_at = ? WHERE id = ?",
                (
                    to_db(moved.starts_at),
                    to_db(moved.ends_at),
                    int(moved.out_of_slot),
                    moved.sequence,
                    to_db(at),
                    appointment_id,
                ),
            )
            self._log(conn, moved, AppointmentAction.MOVED, at)
        return moved

    def cancel(self, appointment_id: int, by: str, at: datetime | None = None) -> Appointment:
        """Cancel a call (kept, SEQUENCE + 1); the case goes back to "accusée" if needed."""
        at = at or utc_now()
        with self._db.write() as conn:
            current = self.get(appointment_id)
            case = self._cases.get(current.case_id)
            check_call_pending(current, case.status, case.reference)
            gone = cancelled(current)
            conn.execute(
                "UPDATE appointments SET status = ?, sequence = ?, updated_at = ? WHERE id = ?",
                (str(gone.status), gone.sequence, to_db(at), appointment_id),
            )
            self._log(conn, gone, AppointmentAction.CANCELLED, at)
            if case.status is Status.SCHEDULED and self.active_for_case(case.id) is None:
                self._cases.advance(
                    case.id, Status.ACKNOWLEDGED, by, at=at, comment="rendez-vous annulé"
                )
        return gone

    def stamp_acknowledgment(self, case_id: int, by: str, at: datetime | None = None) -> bool:
        """Record that the member was answered, unless already stamped; True if stamped now."""
        at = at or utc_now()
        with self._db.write() as conn:
            case = self._cases.get(case_id)
            if case.acknowledged_at is not None:
                return False
            if case.status is Status.RECEIVED:
                self._cases.advance(case_id, Status.ACKNOWLEDGED, by, at=at)
            else:
                conn.execute(
                    "UPDATE cases SET acknowledged_at = ?, updated_at = ? WHERE id = ?",
                    (to_db(at), to_db(utc_now()), case_id),
                )
        return True

    # ---- helpers -----------------------------------------------------------
    def _check(
        self,
        conn: sqlcipher3.Connection,
        urgent: bool,
        hotliner_id: int | None,
        start: datetime,
        end: datetime,
        ignore_id: int | None,
    ) -> bool:
        """Refuse overlaps and non-urgent calls outside the slots; return out_of_slot."""
        others = self.between(start - timedelta(days=1), end + timedelta(days=1))
        check_no_overlap(
            others,
            hotliner_id,
            start,
            end,
            ignore_id,
            self.references({a.case_id for a in others}),
        )
        inside = hotliner_id is not None and within_slots(
            self.slots(), self.exceptions(), hotliner_id, start, end
        )
        if not inside and not urgent:
            raise BookingError(
                "Ce moment n'est pas sur un créneau de permanence : seule une sollicitation "
                "urgente peut être fixée hors créneau."
            )
        return not inside

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
