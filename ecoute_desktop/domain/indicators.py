"""The monthly indicators (`ecoute indicators --json`), a cohort by date of receipt (Paris time).

They are counted by `domain.aggregation`, from cases or from anonymised records.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ecoute_desktop.domain.call_delay import CALL_BANDS, CallBand, median_band
from ecoute_desktop.domain.models import Case
from ecoute_desktop.domain.satisfaction import SatisfactionFigures
from ecoute_desktop.domain.timeutil import as_paris
from ecoute_desktop.domain.twice_taken import is_duplicate
from ecoute_desktop.domain.workflow import DropReason

# The keys of `ecoute indicators --json`, in order; scripts rely on them.
INDICATOR_KEYS: tuple[str, ...] = (
    "period",
    "requests",
    "urgent",
    "acknowledged",
    "acknowledged_within_48h",
    "median_ack_hours",
    "calls_held",
    "cases_with_call",
    "questionnaires_sent",
    "closed",
    "national_referrals",
    "themes",
    "orientations",
    "satisfaction",
    "median_hours_to_call",
    "closed_without_call",
)


@dataclass(slots=True)
class Indicators:
    """The figures reported each month for one period."""

    period_from: date
    period_to: date
    requests: int = 0
    urgent: int = 0
    acknowledged: int = 0
    acknowledged_within_48h: int = 0
    median_ack_hours: float | None = None
    calls_held: int = 0  # calls, a « rappel convenu » counted again
    cases_with_call: int = 0  # requests with at least one call held
    questionnaires_sent: int = 0
    closed: int = 0
    national_referrals: int = 0
    themes: dict[str, int] = field(default_factory=dict)
    orientations: dict[str, int] = field(default_factory=dict)
    # Questionnaire responses submitted in the period (not tied to the cases' cohort).
    satisfaction: SatisfactionFigures = field(default_factory=SatisfactionFigures)
    # Receipt to first call held, over the requests that had a call (None after a merge:
    # exports carry bands, see call_bands).
    median_hours_to_call: float | None = None
    call_bands: dict[str, int] = field(default_factory=dict)  # band → requests with a call
    closed_without_call: dict[str, int] = field(default_factory=dict)  # reason → count

    @property
    def median_call_band(self) -> str | None:
        return median_band(Counter(self.call_bands).elements())

    def to_json(self) -> dict[str, Any]:
        """The JSON object printed by `ecoute indicators --json`."""
        return {
            "period": {"from": self.period_from.isoformat(), "to": self.period_to.isoformat()},
            "requests": self.requests,
            "urgent": self.urgent,
            "acknowledged": self.acknowledged,
            "acknowledged_within_48h": self.acknowledged_within_48h,
            "median_ack_hours": self.median_ack_hours,
            "calls_held": self.calls_held,
            "cases_with_call": self.cases_with_call,
            "questionnaires_sent": self.questionnaires_sent,
            "closed": self.closed,
            "national_referrals": self.national_referrals,
            "themes": dict(self.themes),
            "orientations": dict(self.orientations),
            "satisfaction": self.satisfaction.to_json(),
            "median_hours_to_call": self.median_hours_to_call,
            "closed_without_call": dict(self.closed_without_call),
        }


# A duplicate is no request: it is never counted, so it has no column.
DROP_REASON_LABELS: tuple[str, ...] = tuple(
    str(reason) for reason in DropReason if reason is not DropReason.DUPLICATE
)


def call_band_counts(bands: Counter[str]) -> dict[str, int]:
    """Requests with a call by band, in band order (every band present)."""
    return {band: bands[band] for band in CALL_BANDS if band != CallBand.NONE}


def in_period(case: Case, first: date, last: date) -> bool:
    """Whether the case is a request received between Paris days `first` and `last`
    inclusive (the copy of a request taken on both laptops is none)."""
    if is_duplicate(case.status, case.drop_reason):
        return False
    return first <= as_paris(case.received_at).date() <= last


def sorted_counts(counter: Counter[str], seed: Iterable[str] = ()) -> dict[str, int]:
    """Counts by decreasing value then label; labels of `seed` appear even at zero."""
    for label in seed:
        counter.setdefault(label, 0)
    return dict(sorted(counter.items(), key=lambda item: (-item[1], item[0])))
