"""Dates and times written the French way, in Paris time ("mardi 14 avril 2026 à 14 h 30").

Non-breaking spaces (U+00A0) hold "14 h 30" and "14 avril" together, so a wrapped
line never ends on "14 h" nor starts with "avril".
"""

from __future__ import annotations

from datetime import date, datetime, time

from ecoute_desktop.domain.timeutil import as_paris

NBSP = "\u00a0"
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
MONTHS_SHORT = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)


def clock(moment: time | datetime) -> str:
    """`14 h 30`, `9 h 00` (a datetime is shown in Paris time)."""
    if isinstance(moment, datetime):
        moment = as_paris(moment).time()
    return f"{moment.hour}{NBSP}h{NBSP}{moment.minute:02d}"


def long_day(day: date) -> str:
    """`mardi 14 avril 2026` (`1er` for the first of the month)."""
    number = "1er" if day.day == 1 else str(day.day)
    return f"{WEEKDAYS[day.weekday()]} {number}{NBSP}{MONTHS[day.month - 1]} {day.year}"


def long_datetime(moment: datetime) -> str:
    """`mardi 14 avril 2026 à 14 h 30`, in Paris time."""
    local = as_paris(moment)
    return f"{long_day(local.date())} à {clock(local.time())}"
