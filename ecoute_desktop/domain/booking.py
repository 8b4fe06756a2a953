"""The booking and workflow rules that decide what an action may do to a case's calls.

Booking a case that is still "reçue" moves it through "accusée" then "rdv fixé" (the
proposal of a time is the reply to the member, so it stamps the acknowledgment).
A case at "appel effectué" may book another call (« rappel convenu »): any number of
calls, one to come at a time. Cancelling the call to come sends the case back to
"accusée", or to "appel effectué" when a call was already held.
A dropped case keeps no call to come; a call held early ends when it was held.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta

from ecoute_desktop.domain.models import Appointment, AppointmentStatus, Case, WeeklySlot
from ecoute_desktop.domain.slots import (
    BookingError,
    BookingRules,
    SlotException,
    cancelled,
    check_no_overlap,
    within_slots,
)
from ecoute_desktop.domain.workflow import Status

BOOKABLE = (Status.RECEIVED, Status.ACKNOWLEDGED, Status.SCHEDULED, Status.CALL_HELD)


class AppointmentAction:
    """Words recorded in the history of an appointment (shown to the user)."""

    BOOKED = "fixé"
    MOVED = "déplacé"
    CANCELLED = "annulé"
    HELD_EARLY = "avancé (appel tenu)"
    WHO_CALLS = "qui appelle :"


def pending_call(case: Case, latest: Appointment | None) -> Appointment | None:
    """The call still to come of a case: its latest booked appointment while « rdv fixé »
    (after « appel effectué » the booked appointments are calls that took place)."""
    return latest if case.status is Status.SCHEDULED else None


def check_pending(case: Case, appointment: Appointment, latest: Appointment | None) -> None:
    """Refuse to move or cancel a call that already took place (an earlier call of the case)."""
    if latest is None or appointment.id != latest.id:
        raise BookingError(
            f"Cet appel de la sollicitation {case.reference} a déjà eu lieu : "
            "il ne peut plus être déplacé ni annulé."
        )


def check_bookable(case: Case, active: Appointment | None) -> None:
    """Refuse a new call for a closed or dropped case, or one that has a call to come."""
    if case.status not in BOOKABLE:
        raise BookingError(
            f"La sollicitation {case.reference} est « {case.status} » : "
            "on ne peut plus y fixer de rendez-vous."
        )
    if active is not None:
        raise BookingError(
            f"La sollicitation {case.reference} a déjà un rendez-vous : déplacez-le ou annulez-le."
        )


def check_place(
    *,
    urgent: bool,
    hotliner_id: int | None,
    start: datetime,
    end: datetime,
    nearby: Iterable[Appointment],
    references: dict[int, str],
    slots: Iterable[WeeklySlot],
    exceptions: Iterable[SlotException],
    ignore_id: int | None = None,
) -> bool:
    """Refuse overlaps and non-urgent calls outside the slots; return « out of slot »."""
    check_no_overlap(nearby, hotliner_id, start, end, ignore_id, references)
    inside = hotliner_id is not None and within_slots(slots, exceptions, hotliner_id, start, end)
    if not inside and not urgent:
        raise BookingError(
            "Ce moment n'est pas sur un créneau de permanence : seule une sollicitation "
            "urgente peut être fixée hors créneau."
        )
    return not inside


def check_rules(rules: BookingRules) -> None:
    if rules.length_minutes < 5 or rules.pause_minutes < 0:
        raise BookingError("La durée d'un appel doit être d'au moins 5 minutes.")


def check_slot(slot: WeeklySlot) -> None:
    if slot.end <= slot.start:
        raise BookingError("Un créneau doit finir après son début.")
    if slot.valid_to is not None and slot.valid_to < slot.valid_from:
        raise BookingError("La fin de validité d'un créneau précède son début.")


def cleaned_absence(absence: SlotException) -> SlotException:
    """The absence to record (reason trimmed); BookingError when it ends before it starts."""
    if absence.last_day < absence.first_day:
        raise BookingError("La fin d'une absence précède son début.")
    return replace(absence, reason=absence.reason.strip())


def booked_after(appointments: Iterable[Appointment], at: datetime) -> list[Appointment]:
    """Booked calls still to come at `at`."""
    return [a for a in appointments if a.status is AppointmentStatus.BOOKED and a.starts_at > at]


def cancelled_on_drop(appointments: Iterable[Appointment], at: datetime) -> list[Appointment]:
    """A dropped case keeps no call in the agenda, the calendar or the way of a booking."""
    return [cancelled(a) for a in booked_after(appointments, at)]


def held_early(appointments: Iterable[Appointment], at: datetime) -> list[Appointment]:
    """A call held before its booked time ends at `at` (its time is freed for others)."""
    moved = []
    for appointment in booked_after(appointments, at):
        length: timedelta = appointment.ends_at - appointment.starts_at
        moved.append(
            replace(
                appointment,
                starts_at=at - length,
                ends_at=at,
                sequence=appointment.sequence + 1,
            )
        )
    return moved
