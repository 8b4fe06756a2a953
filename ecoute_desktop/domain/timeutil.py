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


def month_first_last(year: int, month: int) -> tuple[date, date]:
    """First and last day of a calendar month."""
    first = date(year, month, 1)
    following = date(year + (month == 12), month % 12 + 1, 1)
    return first, following - timedelta(days=1)


# Years a period may name: beyond them Paris days overflow `datetime` (year 1, 9999).
FIRST_YEAR, LAST_YEAR = 1900, 2999


def check_year(day: date) -> date:
    """`day` itself, or a French ValueError when its year is out of FIRST_YEAR..LAST_YEAR."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValueError(
            f"date invalide « {day.isoformat()} » (année de {FIRST_YEAR} à {LAST_YEAR})"
        )
    return day


def parse_month(text: str) -> tuple[int, int]:
    """Parse `YYYY-MM` into (year, month); raise ValueError in French otherwise."""
    try:
        year_text, month_text = text.strip().split("-")
        year, month = int(year_text), int(month_text)
        if len(year_text) != 4 or not 1 <= month <= 12 or not FIRST_YEAR <= year <= LAST_YEAR:
            raise ValueError
    except ValueError:
        raise ValueError(f"mois invalide « {text} » (attendu AAAA-MM)") from None
    return year, month


def month_key(moment: datetime) -> str:
    """`YYYY-MM` of the Paris month containing `moment`."""
    local = as_paris(moment)
    return f"{local.year:04d}-{local.month:02d}"


def iter_months(first: str, last: str) -> list[str]:
    """All `YYYY-MM` keys from `first` to `last` inclusive."""
    year, month = parse_month(first)
    end = parse_month(last)
    keys = []
    while (year, month) <= end:
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return keys
