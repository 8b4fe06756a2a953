"""Time helpers: everything is stored in UTC and shown in Europe/Paris."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")


def utc_now() -> datetime:
    """The current instant, timezone-aware, in UTC, to the second."""
    return datetime.now(UTC).replace(microsecond=0)


def as_utc(moment: datetime) -> datetime:
    """Convert an aware datetime to UTC; a naive one is taken as Paris time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=PARIS)
    return moment.astimezone(UTC)


def as_paris(moment: datetime) -> datetime:
    """Convert an aware datetime to Paris time."""
    return as_utc(moment).astimezone(PARIS)


def paris_midnight(day: date) -> datetime:
    """The UTC instant at which `day` starts in Paris."""
    return datetime.combine(day, time(0, 0), tzinfo=PARIS).astimezone(UTC)


def paris_day_range(first: date, last: date) -> tuple[datetime, datetime]:
    """Half-open UTC interval covering Paris days `first`..`last` inclusive."""
    return paris_midnight(first), paris_midnight(last + timedelta(days=1))


# Years a period may name: beyond them Paris days overflow `datetime` (year 1, 9999).
FIRST_YEAR, LAST_YEAR = 1900, 2999


def check_year(day: date) -> date:
    """`day` itself, or a French ValueError when its year is out of FIRST_YEAR..LAST_YEAR."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(
            f"date invalide « {day.isoformat()} » (année de {FIRST_YEAR} à {LAST_YEAR})"
        )
    return day
