"""French formatting of numbers, shares and dates for reports, exports and the screen.

Thousands and the space before `%` use the narrow no-break space (U+202F), as French
typography wants: `1 234`, `12,5 %`, `mars 2026`, `3 mars 2026`.
"""

from __future__ import annotations

from datetime import date, datetime

from ecoute_desktop.domain.french_dates import MONTHS, MONTHS_SHORT
from ecoute_desktop.domain.month import Month, range_label
from ecoute_desktop.domain.timeutil import as_paris

NNBSP = "\u202f"  # narrow no-break space: thousands separator and before "%"


def fr_int(value: int) -> str:
    """`1 234` (narrow no-break space between thousands), `-5` with a real minus sign."""
    text = f"{abs(value):,}".replace(",", NNBSP)
    return f"−{text}" if value < 0 else text


def fr_decimal(value: float, digits: int = 1) -> str:
    """`12,5`, `1 234,0`: French decimal comma, thousands grouped."""
    text = f"{abs(value):,.{digits}f}".replace(",", NNBSP).replace(".", ",")
    return f"−{text}" if value < 0 and text.strip("0,") else text


def fr_percent(part: float, whole: float, digits: int = 1) -> str:
    """Share of `part` in `whole` as `12,5 %`; an em dash when `whole` is zero."""
    if not whole:
        return "—"
    return f"{fr_decimal(100 * part / whole, digits)}{NNBSP}%"


def fr_points(now_part: int, now_whole: int, before_part: int, before_whole: int) -> str:
    """Change between two shares in percentage points: `+2,5 pt`, `−1,8 pt`; `—` if either
    share is undefined (no requests that month)."""
    if not now_whole or not before_whole:
        return "—"
    delta = round(100 * now_part / now_whole - 100 * before_part / before_whole, 1)
    return ("+" if delta > 0 else "") + f"{fr_decimal(delta, 1)}{NNBSP}pt"


def fr_signed(value: int) -> str:
    """A difference: `+3`, `−2`, `0`."""
    return f"+{fr_int(value)}" if value > 0 else fr_int(value)


def fr_hours(value: float | None) -> str:
    """A delay in hours: `12,5 h`, an em dash when unknown."""
    return "—" if value is None else f"{fr_decimal(value)}{NNBSP}h"


def _month(month: Month | str) -> Month:
    return month if isinstance(month, Month) else Month.parse(month)


def fr_month(month: Month | str, short: bool = False) -> str:
    """`mars 2026` from `2026-03` (or its Month); short: `févr. 2026`."""
    return _month(month).label(short)


def fr_date(day: date) -> str:
    """`1er mars 2026`, `12 mars 2026`."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{number} {MONTHS[day.month - 1]} {day.year}"


def fr_day_range(first: date, last: date) -> str:
    """`2–8 mars`, `30 mars–5 avr.`, `1er mars` for one day (no year)."""
    first_text = "1er" if first.day == 1 else str(first.day)
    if first == last:
        return f"{first_text} {MONTHS[first.month - 1]}"
    if first.month == last.month:
        return f"{first_text}–{last.day} {MONTHS[last.month - 1]}"
    return f"{first_text} {MONTHS_SHORT[first.month - 1]}–{last.day} {MONTHS_SHORT[last.month - 1]}"


def fr_datetime(moment: datetime) -> str:
    """`12 mars 2026 à 14:05`, shown in Paris time."""
    local = as_paris(moment)
    return f"{fr_date(local.date())} à {local:%H:%M}"


def fr_month_range(first: Month | str, last: Month | str) -> str:
    """`janvier 2026`, `janvier – juin 2026` or `novembre 2025 – février 2026`."""
    return range_label(_month(first), _month(last))
