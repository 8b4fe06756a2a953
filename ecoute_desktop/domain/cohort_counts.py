"""A cohort's counts as the database adds them up: the indicators without loading cases.

`store.queries.cohort_counts` fills a `CohortCounts` with a few aggregate queries over
the cases received in a period (sums, counts by label, and the delays in whole seconds
that medians and call bands need). `tally` turns it into the same `Tally` as
`aggregation.case_tally` over the loaded cases, finished by the same `finish_tally`
(tests/test_cohort_counts.py compares both, the exact 48-hour boundary included).
"""

from __future__ import annotations

import statistics
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from ecoute_desktop.domain.aggregation import Counts, Satisfaction, Tally, finish_tally
from ecoute_desktop.domain.call_delay import call_band
from ecoute_desktop.domain.deadlines import ACK_DELAY
from ecoute_desktop.domain.indicators import Indicators

ACK_DELAY_SECONDS = int(ACK_DELAY.total_seconds())
_DAY = 86_400
# `call_band` of whole seconds: under 48 h, then whole days 2–7, 8–14, 15 and more. Each
# band is a range of seconds, counted in the sorted delays by bisection, not one by one.
_BAND_STARTS = (2 * _DAY, 8 * _DAY, 15 * _DAY)


def _bands(sorted_seconds: list[int]) -> Counter[str]:
    """Calls by band of `call_band`, from the receipt-to-call delays in seconds, sorted."""
    edges = [0, *(bisect_left(sorted_seconds, start) for start in _BAND_STARTS)]
    edges.append(len(sorted_seconds))
    firsts = [0, *(start / 3600 for start in _BAND_STARTS)]  # an hour count in each band
    return Counter(
        {str(call_band(hours)): edges[i + 1] - edges[i] for i, hours in enumerate(firsts)}
    )


@dataclass(slots=True)
class CohortCounts:
    """What the figures of a cohort count, as sums and counts by label."""

    requests: int = 0
    urgent: int = 0
    ack_seconds: list[int] = field(default_factory=list)  # receipt → acknowledgment
    call_seconds: list[int] = field(default_factory=list)  # receipt → first call held
    calls_held: int = 0
    cases_with_call: int = 0
    questionnaires_sent: int = 0
    closed: int = 0
    national_referrals: int = 0
    dropped_without_call: Counter[str] = field(default_factory=Counter)  # reason → cases
    themes: Counter[str] = field(default_factory=Counter)  # top-level label → cases
    sub_themes: dict[str, Counter[str]] = field(default_factory=dict)  # top → sub → cases
    orientations: Counter[str] = field(default_factory=Counter)  # target label → cases
    scores: Counter[int] = field(default_factory=Counter)  # satisfaction score → cases

    def tally(
        self,
        first: date,
        last: date,
        theme_labels: Iterable[str] = (),
        orientation_labels: Iterable[str] = (),
    ) -> Tally:
        """The tally of the cohort of [first, last] (Paris days) these counts describe."""
        result = Indicators(first, last)
        result.requests = self.requests
        result.urgent = self.urgent
        result.acknowledged = len(self.ack_seconds)
        result.acknowledged_within_48h = sum(s <= ACK_DELAY_SECONDS for s in self.ack_seconds)
        result.calls_held = self.calls_held
        result.cases_with_call = self.cases_with_call
        result.questionnaires_sent = self.questionnaires_sent
        result.closed = self.closed
        result.national_referrals = self.national_referrals
        if self.ack_seconds:
            hours = [s / 3600 for s in self.ack_seconds]
            result.median_ack_hours = round(statistics.median(hours), 1)
        bands: Counter[str] = Counter()
        if self.call_seconds:
            hours = [s / 3600 for s in self.call_seconds]
            result.median_hours_to_call = round(statistics.median(hours), 1)
            bands = _bands(sorted(self.call_seconds))
        satisfaction = Satisfaction()
        for score, count in self.scores.items():
            if score in satisfaction.counts:
                satisfaction.counts[score] += count
        counts = Counts(
            bands,
            Counter(self.dropped_without_call),
            Counter(self.themes),
            Counter(self.orientations),
            {top: Counter(subs) for top, subs in self.sub_themes.items()},
            satisfaction,
        )
        return finish_tally(result, counts, theme_labels, orientation_labels)
