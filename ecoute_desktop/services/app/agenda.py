"""Agenda actions: book, move and cancel calls, weekly slots, absences and booking rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

from ecoute_desktop.domain.booking import (
    AppointmentAction,
    check_bookable,
    check_pending,
    check_place,
    check_rules,
    check_slot,
    cleaned_absence,
    pending_call,
)
from ecoute_desktop.domain.models import Appointment, Case, WeeklySlot
from ecoute_desktop.domain.slots import (
    BookingRules,
    FreeTime,
    SlotException,
    SlotWindow,
    cancelled,
    check_call_pending,
    check_not_past,
    free_times,
    rescheduled,
    slot_windows,
)
from ecoute_desktop.domain.timeutil import as_utc, paris_day_range, utc_now
from ecoute_desktop.domain.who_calls import WhoCalls
from ecoute_desktop.domain.workflow import Status
from ecoute_desktop.services.app.base import Area
from ecoute_desktop.services.app.events import AgendaChanged, CaseChanged
from ecoute_desktop.services.app.transactions import Changes
from ecoute_desktop.services.app.workflow import advance_case
from ecoute_desktop.services.calendar_ics import appointment_sentence
from ecoute_desktop.services.first_steps import has_current_slot


class AgendaService(Area):
    """The pair's agenda: reading the week, booking and the slots that make it."""

    # ---- reading ---------------------------------------------------------
    def rules(self) -> BookingRules:
        return self._store.agenda.rules()

    def slots(self) -> list[WeeklySlot]:
        return self._store.agenda.slots()

    def absences(self) -> list[SlotException]:
        return self._store.agenda.exceptions()

    def has_current_slot(self, today: date | None = None) -> bool:
        return has_current_slot(self._store, today)

    def get(self, appointment_id: int) -> Appointment:
        return self._store.agenda.get(appointment_id)

    def active_for_case(self, case_id: int) -> Appointment | None:
        """The latest booked call of the case (to come, or the last one held)."""
        return self._store.agenda.active_for_case(case_id)

    def pending_for_case(self, case_id: int) -> Appointment | None:
        """The call still to come of the case, if any (what « Déplacer » would move)."""
        case = self._store.cases.get(case_id)
        return pending_call(case, self._store.agenda.active_for_case(case_id))

    def between(self, start: datetime, end: datetime) -> list[Appointment]:
        """Booked appointments overlapping the UTC interval [start, end)."""
        return self._store.agenda.between(start, end)

    def history(self, appointment_id: int) -> list[tuple[datetime, str, datetime, datetime]]:
        return self._store.agenda.history(appointment_id)

    def windows(self, first_day: date, last_day: date) -> list[SlotWindow]:
        return slot_windows(self.slots(), self.absences(), first_day, last_day)

    def free_times(
        self, first_day: date, last_day: date, not_before: datetime | None = None
    ) -> list[FreeTime]:
        """Bookable times of the pair between two Paris days (booked calls left out)."""
        start, end = paris_day_range(first_day, last_day)
        return free_times(
            self.slots(),
            self.absences(),
            self._store.agenda.between(start - timedelta(days=1), end + timedelta(days=1)),
            first_day,
            last_day,
            self.rules(),
            not_before,
        )

    # ---- calls -----------------------------------------------------------
    def book(
        self,
        case_id: int,
        hotliner_id: int | None,
        starts_at: datetime,
        by: str | None = None,
        at: datetime | None = None,
        who_calls: WhoCalls = WhoCalls.HOTLINER_CALLS,
    ) -> Appointment:
        """Book a call and move the case to « rdv fixé », in one transaction.

        A case still « reçue » passes « accusée » without an acknowledgment stamp: the
        48-hour clock stops when the confirmation is marked sent.

        Outside the slots only an urgent case may be booked (recorded as out of slot).
        `who_calls`: by default the hotliner calls the member back.
        """
        at = at or utc_now()
        start = as_utc(starts_at)
        end = start + self.rules().length
        check_not_past(start, at)
        with self._tx.action(CaseChanged(case_id)):
            by = by or self._actor()
            case = self._store.cases.get(case_id)
            check_bookable(case, pending_call(case, self._store.agenda.active_for_case(case_id)))
            out_of_slot = self._check_place(case, hotliner_id, start, end, None)
            appointment = Appointment(
                case_id, hotliner_id, start, end, out_of_slot=out_of_slot, who_calls=who_calls
            )
            self._store.agenda.insert(appointment, at)
            if case.status is Status.RECEIVED:
                advance_case(
                    self._store,
                    case_id,
                    Status.ACKNOWLEDGED,
                    by,
                    at=at,
                    comment="réponse avec la proposition de rendez-vous",
                    stamp_ack=False,  # counted when the confirmation is marked sent
                )
            if case.status is not Status.SCHEDULED:
                comment = "hors créneau (urgence)" if out_of_slot else ""
                if case.status is Status.CALL_HELD:
                    comment = ", ".join(filter(None, ("rappel convenu", comment)))
                advance_case(self._store, case_id, Status.SCHEDULED, by, at=at, comment=comment)
            if hotliner_id is not None and case.hotliner_id != hotliner_id:
                # Whoever holds the call follows the case (the list's « Écoutant » filter).
                self._store.cases.update_details(case_id, hotliner_id=hotliner_id)
        return appointment

    def move(
        self, appointment_id: int, starts_at: datetime, at: datetime | None = None
    ) -> Appointment:
        """Move a booked call (same UID, SEQUENCE + 1); the old time stays in the history."""
        at = at or utc_now()
        with self._tx.action() as changes:
            current, case = self._pending_call(appointment_id, changes)
            check_not_past(as_utc(starts_at), at)
            moved = rescheduled(current, starts_at, self.rules().length)
            moved.out_of_slot = self._check_place(
                case, moved.hotliner_id, moved.starts_at, moved.ends_at, appointment_id
            )
            self._store.agenda.update(moved, AppointmentAction.MOVED, at)
        return moved

    def cancel(
        self, appointment_id: int, by: str | None = None, at: datetime | None = None
    ) -> Appointment:
        """Cancel the call to come (kept, SEQUENCE + 1); the case goes back to « accusée »,
        or to « appel effectué » when a call was already held."""
        at = at or utc_now()
        with self._tx.action() as changes:
            by = by or self._actor()
            current, case = self._pending_call(appointment_id, changes)
            gone = cancelled(current)
            self._store.agenda.update(gone, AppointmentAction.CANCELLED, at)
            if case.status is Status.SCHEDULED:
                event = case.step_back(case.step_back_target, at, by, "rendez-vous annulé")
                self._store.cases.record_step(case, event)
        return gone

    def book_or_move(
        self,
        case_id: int,
        hotliner_id: int | None,
        starts_at: datetime,
        who_calls: WhoCalls | None = None,
    ) -> Appointment:
        """« Proposer un RDV »: book a case without a call, or move its call there.

        With another hotliner of the pair the call is cancelled and booked anew (a new
        calendar event for the other person), all in one transaction. `who_calls` None
        keeps the way of the call being moved (the default way for a new one).
        """
        with self._tx.action(CaseChanged(case_id)):
            current = self.pending_for_case(case_id)
            if current is None:
                return self.book(
                    case_id, hotliner_id, starts_at, who_calls=who_calls or WhoCalls.HOTLINER_CALLS
                )
            way = who_calls or current.who_calls
            assert current.id is not None  # read from the store
            if hotliner_id != current.hotliner_id:
                self.cancel(current.id)
                return self.book(case_id, hotliner_id, starts_at, who_calls=way)
            moved = self.move(current.id, starts_at)
            if way is not moved.who_calls:
                assert moved.id is not None
                moved = self.set_who_calls(moved.id, way)
            return moved

    def set_who_calls(
        self, appointment_id: int, who_calls: WhoCalls, at: datetime | None = None
    ) -> Appointment:
        """Change who calls whom for the call to come (SEQUENCE + 1: calendars update)."""
        at = at or utc_now()
        with self._tx.action() as changes:
            current, _case = self._pending_call(appointment_id, changes)
            if current.who_calls is who_calls:
                return current
            changed = replace(current, who_calls=who_calls, sequence=current.sequence + 1)
            self._store.agenda.update(changed, f"{AppointmentAction.WHO_CALLS} {who_calls}", at)
        return changed

    def _pending_call(self, appointment_id: int, changes: Changes) -> tuple[Appointment, Case]:
        """The call to come and its case, inside an action; refused when it is not pending."""
        current = self._store.agenda.get(appointment_id)
        case = self._store.cases.get(current.case_id)
        changes.add(CaseChanged(current.case_id))
        check_call_pending(current, case.status, case.reference)
        check_pending(case, current, self._store.agenda.active_for_case(current.case_id))
        return current, case

    def call_sentence(self, appointment_id: int) -> str:
        """Who calls whom at this appointment, in the words of the confirmation and calendars."""
        return appointment_sentence(self._store, self._store.agenda.get(appointment_id))

    # ---- slots, absences, rules -----------------------------------------
    def save_rules(self, rules: BookingRules) -> None:
        check_rules(rules)
        with self._tx.action(AgendaChanged()):
            self._store.agenda.set_rules(rules)

    def save_slot(self, slot: WeeklySlot) -> WeeklySlot:
        check_slot(slot)
        with self._tx.action(AgendaChanged()):
            return self._store.agenda.save_slot(slot)

    def delete_slot(self, slot_id: int) -> None:
        """Remove a weekly slot; appointments already booked on it are kept."""
        with self._tx.action(AgendaChanged()):
            self._store.agenda.delete_slot(slot_id)

    def add_absence(self, absence: SlotException) -> SlotException:
        cleaned = cleaned_absence(absence)
        with self._tx.action(AgendaChanged()):
            return self._store.agenda.add_exception(cleaned)

    def delete_absence(self, absence_id: int) -> None:
        with self._tx.action(AgendaChanged()):
            self._store.agenda.delete_exception(absence_id)

    # ---- helpers ---------------------------------------------------------
    def _check_place(
        self,
        case: Case,
        hotliner_id: int | None,
        start: datetime,
        end: datetime,
        ignore_id: int | None,
    ) -> bool:
        agenda = self._store.agenda
        nearby = agenda.between(start - timedelta(days=1), end + timedelta(days=1))
        return check_place(
            urgent=case.urgent,
            hotliner_id=hotliner_id,
            start=start,
            end=end,
            nearby=nearby,
            references=agenda.references({a.case_id for a in nearby}),
            slots=agenda.slots(),
            exceptions=agenda.exceptions(),
            ignore_id=ignore_id,
        )
