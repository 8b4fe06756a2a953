"""The monthly indicators (`ecoute indicators --json`), a cohort by date of receipt (Paris time).

They are counted by `domain.aggregation`, from cases or from anonymised records.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ecoute_desktop.domain.models import Case
from ecoute_desktop.domain.satisfaction import SatisfactionFigures
from ecoute_desktop.domain.timeutil import as_paris

# The keys of `ecoute indicators --json`, in order; scripts rely on them.
INDICATOR_KEYS: tuple[str, ...] = (
    "period",
    "requests",
    "urgent",
    "acknowledged",
    "acknowledged_within_48h",
    "median_ack_hours",
    "calls_held",
    "questionnaires_sent",
    "closed",
    "national_referrals",
    "themes",
    "orientations",
    "satisfaction",
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
    calls_held: int = 0
    questionnaires_sent: int = 0
    closed: int = 0
    national_referrals: int = 0
    themes: dict[str, int] = field(default_factory=dict)
    orientations: dict[str, int] = field(default_factory=dict)
    # Questionnaire responses submitted in the period (not tied to the cases' cohort).
    satisfaction: SatisfactionFigures = field(default_factory=SatisfactionFigures)

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
            "questionnaires_sent": self.questionnaires_sent,
            "closed": self.closed,
            "national_referrals": self.national_referrals,
            "themes": dict(self.themes),
            "orientations": dict(self.orientations),
            "satisfaction": self.satisfaction.to_json(),
        }


def in_period(case: Case, first: date, last: date) -> bool:
    """Whether the case was received between Paris days `first` and `last` inclusive."""
    return first <= as_paris(case.received_at).date() <= last


def sorted_counts(counter: Counter[str], seed: Iterable[str] = ()) -> dict[str, int]:
    """Counts by decreasing value then label; labels of `seed` appear even at zero."""
    for label in seed:
        counter.setdefault(label, 0)
    return dict(sorted(counter.items(), key=lambda item: (-item[1], item[0])))
