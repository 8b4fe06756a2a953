"""Weekly slots expanded into bookable times, and the rules every booking must respect.

Slots are Paris wall-clock times ("Tuesday 14:00–17:00"): a slot keeps its local
hours across the daylight-saving changes, so its UTC instants move by one hour.
French public holidays (the `holidays` library) and absences are never offered.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import cache

from ecoute_desktop.domain.french_dates import clock, long_day
from ecoute_desktop.domain.models import Appointment, AppointmentStatus, WeeklySlot
from ecoute_desktop.domain.timeutil import PARIS, as_paris, as_utc
from ecoute_desktop.domain.workflow import Status

DEFAULT_LENGTH_MINUTES = 45
DEFAULT_PAUSE_MINUTES = 15


class BookingError(ValueError):
    """A booking that breaks a rule; the message is French and free of personal data."""


@dataclass(frozen=True, slots=True)
class SlotException:
    """An absence: no slot is offered from `first_day` to `last_day` (inclusive).

    `hotliner_id` None means the whole pair is away.
    """

    first_day: date
    last_day: date
    hotliner_id: int | None = None
    reason: str = ""
    id: int | None = None

    def covers(self, day: date, hotliner_id: int) -> bool:
        mine = self.hotliner_id is None or self.hotliner_id == hotliner_id
        return mine and self.first_day <= day <= self.last_day


@dataclass(frozen=True, slots=True)
class BookingRules:
    """How slots are cut into calls."""

    length_minutes: int = DEFAULT_LENGTH_MINUTES
    pause_minutes: int = DEFAULT_PAUSE_MINUTES
    max_per_day: int | None = None

    @property
    def length(self) -> timedelta:
        return timedelta(minutes=self.length_minutes)

    @property
    def pause(self) -> timedelta:
        return timedelta(minutes=self.pause_minutes)


@dataclass(frozen=True, slots=True)
class SlotWindow:
    """One occurrence of a weekly slot on a given Paris day, as UTC instants."""

    hotliner_id: int
    day: date
    starts_at: datetime
    ends_at: datetime
    slot_id: int | None = None


@dataclass(frozen=True, slots=True)
class FreeTime:
    """A time that can be booked with one click."""

    hotliner_id: int
    starts_at: datetime
    ends_at: datetime


@cache
def _holidays_of(year: int) -> dict[date, str]:
    import holidays

    return dict(holidays.France(years=year, language="fr").items())


def warm_up_holidays(today: date) -> None:
    """Load the holidays library and this year's and next year's French holidays ahead
    of the agenda's first opening (called on a background thread after unlocking)."""
    for year in (today.year, today.year + 1):
        _holidays_of(year)


def public_holiday(day: date) -> str | None:
    """The name of the French public holiday on `day`, or None."""
    return _holidays_of(day.year).get(day)


def _paris_instant(day: date, wall: time) -> datetime:
    """The UTC instant of a Paris wall-clock time; a time skipped in spring moves forward."""
    local = datetime.combine(day, wall, tzinfo=PARIS)
    instant = local.astimezone(UTC)
    if instant.astimezone(PARIS).replace(tzinfo=None) != local.replace(tzinfo=None):
        # 02:xx on the last Sunday of March does not exist: take the first real minute after.
        instant = datetime.combine(day, time(3, 0), tzinfo=PARIS).astimezone(UTC)
    return instant


def _days(first: date, last: date) -> Iterable[date]:
    for offset in range((last - first).days + 1):
        yield first + timedelta(days=offset)


def slot_windows(
    slots: Iterable[WeeklySlot],
    exceptions: Iterable[SlotException],
    first_day: date,
    last_day: date,
) -> list[SlotWindow]:
    """Occurrences of the slots on Paris days `first_day`..`last_day`, minus holidays/absences."""
    slots, exceptions = list(slots), list(exceptions)
    windows = []
    for day in _days(first_day, last_day):
        if public_holiday(day):
            continue
        for slot in slots:
            if slot.weekday != day.weekday() or day < slot.valid_from:
                continue
            if slot.valid_to is not None and day > slot.valid_to:
                continue
            if any(e.covers(day, slot.hotliner_id) for e in exceptions):
                continue
            start, end = _paris_instant(day, slot.start), _paris_instant(day, slot.end)
            if end > start:
                windows.append(SlotWindow(slot.hotliner_id, day, start, end, slot.id))
    windows.sort(key=lambda w: (w.starts_at, w.hotliner_id))
    return windows


def _active(appointments: Iterable[Appointment]) -> list[Appointment]:
    return [a for a in appointments if a.status is AppointmentStatus.BOOKED]


def _calls_on(appointments: Sequence[Appointment], hotliner_id: int, day: date) -> int:
    return sum(
        1
        for a in appointments
        if a.hotliner_id == hotliner_id and as_paris(a.starts_at).date() == day
    )


def free_times(
    slots: Iterable[WeeklySlot],
    exceptions: Iterable[SlotException],
    appointments: Iterable[Appointment],
    first_day: date,
    last_day: date,
    rules: BookingRules = BookingRules(),
    not_before: datetime | None = None,
) -> list[FreeTime]:
    """Bookable times: each slot cut into `length + pause` steps, minus booked calls.

    A time is not offered when it would overlap a booked call of the same hotliner
    (pause included), when it starts before `not_before`, or when the hotliner
    already has `max_per_day` calls that Paris day.
    """
    booked = _active(appointments)
    step = rules.length + rules.pause
    offered = []
    for window in slot_windows(slots, exceptions, first_day, last_day):
        if rules.max_per_day and (
            _calls_on(booked, window.hotliner_id, window.day) >= rules.max_per_day
        ):
            continue
        start = window.starts_at
        while start + rules.length <= window.ends_at:
            end = start + rules.length
            clash = any(
                a.hotliner_id == window.hotliner_id
                and start < a.ends_at + rules.pause
                and a.starts_at < end + rules.pause
                for a in booked
            )
            if not clash and (not_before is None or start >= not_before):
                offered.append(FreeTime(window.hotliner_id, start, end))
            start += step
    offered.sort(key=lambda f: (f.starts_at, f.hotliner_id))
    return offered


def within_slots(
    slots: Iterable[WeeklySlot],
    exceptions: Iterable[SlotException],
    hotliner_id: int,
    starts_at: datetime,
    ends_at: datetime,
) -> bool:
    """True when the call lies entirely inside one offered slot of that hotliner."""
    day = as_paris(starts_at).date()
    return any(
        w.hotliner_id == hotliner_id and w.starts_at <= starts_at and ends_at <= w.ends_at
        for w in slot_windows(slots, exceptions, day, day)
    )


def check_no_overlap(
    appointments: Iterable[Appointment],
    hotliner_id: int | None,
    starts_at: datetime,
    ends_at: datetime,
    ignore_id: int | None = None,
    references: dict[int, str] | None = None,
) -> None:
    """Refuse a second call of one hotliner at the same time (BookingError in French)."""
    if ends_at <= starts_at:
        raise BookingError("L'heure de fin d'un rendez-vous doit suivre son heure de début.")
    for other in _active(appointments):
        if other.id is not None and other.id == ignore_id:
            continue
        if other.hotliner_id != hotliner_id:
            continue
        if starts_at < other.ends_at and other.starts_at < ends_at:
            local = as_paris(other.starts_at)
            where = (references or {}).get(other.case_id)
            suffix = f" (sollicitation {where})" if where else ""
            raise BookingError(
                "Cet écoutant a déjà un rendez-vous le "
                f"{long_day(local.date())} de {clock(other.starts_at)} à "
                f"{clock(other.ends_at)}{suffix} : choisissez un autre moment."
            )


def check_call_pending(appointment: Appointment, case_status: str, reference: str) -> None:
    """Refuse to move or cancel a call that is over (BookingError in French).

    Over: the appointment is cancelled, or its case has gone past « rdv fixé » (call
    held, closed, dropped), so the history keeps the call that took place.
    """
    if appointment.status is not AppointmentStatus.BOOKED:
        raise BookingError("Ce rendez-vous est annulé : il ne peut plus être déplacé ni annulé.")
    if case_status in (Status.CALL_HELD, Status.CLOSED, Status.DROPPED):
        raise BookingError(
            f"La sollicitation {reference} est « {case_status} » : son rendez-vous ne peut "
            "plus être déplacé ni annulé."
        )


def check_not_past(starts_at: datetime, now: datetime) -> None:
    """Refuse a call booked or moved to a time already gone (a minute's grace)."""
    if starts_at < now - timedelta(minutes=1):
        raise BookingError("Ce moment est déjà passé : choisissez une date et une heure à venir.")


def rescheduled(appointment: Appointment, starts_at: datetime, length: timedelta) -> Appointment:
    """The same appointment moved: same UID, SEQUENCE incremented (RFC 5545)."""
    start = as_utc(starts_at)
    return replace(
        appointment,
        starts_at=start,
        ends_at=start + length,
        sequence=appointment.sequence + 1,
    )


def cancelled(appointment: Appointment) -> Appointment:
    """The same appointment cancelled: SEQUENCE incremented, times kept for the history."""
    return replace(
        appointment, status=AppointmentStatus.CANCELLED, sequence=appointment.sequence + 1
    )


def week_start(day: date) -> date:
    """The Monday of the week containing `day`."""
    return day - timedelta(days=day.weekday())
