"""How long a member waited for their first call: exact hours at home, bands in exports.

The delay runs from the receipt of the request to its first call held, in real hours
(UTC: a clock change neither adds nor removes an hour). The anonymised export carries
only its band (< 48 h, 2–7 j, 8–14 j, > 14 j); whole days are counted down.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timedelta
from enum import StrEnum

from ecoute_desktop.domain.median import median_of_counts
from ecoute_desktop.domain.timeutil import as_utc


class CallBand(StrEnum):
    """The delay to the first call, in the export (no exact figure leaves the laptop)."""

    UNDER_48H = "<48h"
    DAYS_2_7 = "2-7j"
    DAYS_8_14 = "8-14j"
    OVER_14_DAYS = ">14j"
    NONE = "none"  # no call held


CALL_BANDS: tuple[str, ...] = tuple(str(band) for band in CallBand)
CALL_BAND_LABELS: dict[str, str] = {
    "<48h": "moins de 48 h",
    "2-7j": "2 à 7 jours",
    "8-14j": "8 à 14 jours",
    ">14j": "plus de 14 jours",
    "none": "sans appel",
}


def hours_to_call(received_at: datetime, first_call_at: datetime | None) -> float | None:
    """Real hours from receipt to the first call held (None without a call)."""
    if first_call_at is None:
        return None
    return (as_utc(first_call_at) - as_utc(received_at)).total_seconds() / 3600


def call_band(hours: float | None) -> CallBand:
    """The band of a delay in hours: under 48 h, then whole days (7 j 23 h is « 2–7 j »)."""
    if hours is None:
        return CallBand.NONE
    if hours < 48:
        return CallBand.UNDER_48H
    days = int(timedelta(hours=hours).total_seconds() // 86400)
    if days <= 7:
        return CallBand.DAYS_2_7
    if days <= 14:
        return CallBand.DAYS_8_14
    return CallBand.OVER_14_DAYS


def median_band(bands: Iterable[str]) -> str | None:
    """The band holding the median delay of the requests that had a call (None if none)."""
    order = [b for b in CALL_BANDS if b != CallBand.NONE]
    return median_of_counts(Counter(bands), order)
