"""The 48-hour acknowledgment rule: deadline and state of any case."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from enum import StrEnum

from ecoute_desktop.domain.timeutil import as_paris, as_utc

ACK_DELAY = timedelta(hours=48)
DUE_SOON_WINDOW = timedelta(hours=12)


class AckState(StrEnum):
    """Where a case stands against its acknowledgment deadline."""

    ON_TIME = "dans les délais"
    DUE_SOON = "échéance proche"
    LATE = "en retard"


def ack_deadline(received_at: datetime) -> datetime:
    """The instant (UTC) by which a request must be acknowledged: 48 real hours later.

    Computed in UTC: adding 48 h to a Paris wall-clock time would be an hour off across
    a clock change.
    """
    return as_utc(received_at) + ACK_DELAY


def ack_state(received_at: datetime, acknowledged_at: datetime | None, now: datetime) -> AckState:
    """On time, due soon (< 12 h left) or late; exactly 48 h is still on time."""
    deadline = ack_deadline(received_at)
    if acknowledged_at is not None:
        return AckState.ON_TIME if as_utc(acknowledged_at) <= deadline else AckState.LATE
    now = as_utc(now)
    if now > deadline:
        return AckState.LATE
    if deadline - now < DUE_SOON_WINDOW:
        return AckState.DUE_SOON
    return AckState.ON_TIME


def time_left(received_at: datetime, now: datetime) -> timedelta:
    """Time left before the deadline (negative when late)."""
    return ack_deadline(received_at) - as_utc(now)


def ack_delay_hours(received_at: datetime, acknowledged_at: datetime | None) -> float | None:
    """Hours between receipt and acknowledgment, or None if not acknowledged."""
    if acknowledged_at is None:
        return None
    return (as_utc(acknowledged_at) - as_utc(received_at)).total_seconds() / 3600


def format_duration_fr(delta: timedelta) -> str:
    """`2 j 5 h`, `5 h 03`, `12 min`: a short French duration (absolute value)."""
    minutes = int(abs(delta).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days:
        return f"{days} j {hours} h"
    if hours:
        return f"{hours} h {mins:02d}"
    return f"{mins} min"


def days_since(at: datetime, now: datetime) -> int:
    """Calendar days (Paris) from `at` to `now`: a call on Monday is 2 days old on Wednesday."""
    return (as_paris(now).date() - as_paris(at).date()).days


def questionnaire_overdue(last_call_at: datetime | None, now: datetime, days: int) -> bool:
    """A call held `days` or more calendar days ago still waits for its questionnaire."""
    return last_call_at is not None and days_since(last_call_at, now) >= days


NOTIFY_WINDOW = timedelta(hours=6)


def deadlines_to_notify(deadlines: Iterable[datetime], now: datetime) -> list[datetime]:
    """The deadlines still ahead and at most 6 hours away, soonest first."""
    now = as_utc(now)
    return sorted(d for d in deadlines if timedelta(0) < as_utc(d) - now <= NOTIFY_WINDOW)


def notification_text(deadlines: Iterable[datetime], now: datetime) -> str:
    """« 1 demande attend un accusé de réception avant 14 h »: counts and an hour only,
    never a name or a reference ("" when nothing is due within 6 hours)."""
    due = deadlines_to_notify(deadlines, now)
    if not due:
        return ""
    first = as_paris(due[0])
    hour = f"{first.hour} h" if first.minute == 0 else f"{first.hour} h {first.minute:02d}"
    if first.date() != as_paris(now).date():
        hour = f"demain {hour}"
    if len(due) == 1:
        return f"1 demande attend un accusé de réception avant {hour}"
    return f"{len(due)} demandes attendent un accusé de réception, la première avant {hour}"
