"""French display of instants (Paris time), durations and the 48 h deadline state."""

from __future__ import annotations

from datetime import datetime

from ecoute_desktop.domain import french_dates
from ecoute_desktop.domain.deadlines import AckState, ack_state, format_duration_fr, time_left
from ecoute_desktop.domain.french_dates import MONTHS
from ecoute_desktop.domain.french_dates import WEEKDAYS as DAYS
from ecoute_desktop.domain.month import Month
from ecoute_desktop.domain.timeutil import as_paris

# QDateTimeEdit display format of short_datetime: « 03/03/2026 à 9 h 14 », editable by section
CLOCK_FORMAT = "dd/MM/yyyy 'à' H 'h' mm"

__all__ = [
    "CLOCK_FORMAT",
    "DAYS",
    "MONTHS",
    "deadline_text",
    "long_datetime",
    "month_label",
    "short_datetime",
]


def short_datetime(moment: datetime | None) -> str:
    """`03/03/2026 à 9 h 14` in Paris time: the same clock as everywhere else in the app."""
    if moment is None:
        return ""
    return f"{as_paris(moment):%d/%m/%Y} à {french_dates.clock(moment)}"


def short_date(moment: datetime | None) -> str:
    return "" if moment is None else as_paris(moment).strftime("%d/%m/%Y")


def long_datetime(moment: datetime | None) -> str:
    """`mardi 3 mars 2026 à 9 h 14` in Paris time (empty for None)."""
    return "" if moment is None else french_dates.long_datetime(moment)


def month_label(key: str) -> str:
    """`2026-03` → `mars 2026`."""
    return Month.parse(key).label()


def deadline_text(received_at: datetime, acknowledged_at: datetime | None, now: datetime) -> str:
    """`reste 5 h 03`, `en retard de 2 j 4 h`, or how the acknowledgment went."""
    state = ack_state(received_at, acknowledged_at, now)
    if acknowledged_at is not None:
        delay = format_duration_fr(acknowledged_at - received_at)
        late = " (hors délai)" if state is AckState.LATE else ""
        return f"accusé en {delay}{late}"
    left = time_left(received_at, now)
    if state is AckState.LATE:
        return f"en retard de {format_duration_fr(left)}"
    return f"reste {format_duration_fr(left)}"
