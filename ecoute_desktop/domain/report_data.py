"""Figures the reports show beyond the JSON indicators: sub-themes, weeks, satisfaction, months.

Every function counts the same cohort as `compute_indicators` (cases received in the
period, Paris days), so a report never disagrees with `ecoute indicators --json`.
Only closed vocabularies and counts come out of here: never a name, a phone or a note.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from ecoute_desktop.domain.indicators import Indicators, compute_indicators, in_period
from ecoute_desktop.domain.models import Case
from ecoute_desktop.domain.month import Month
from ecoute_desktop.domain.timeutil import as_paris

SATISFACTION_SCORES: tuple[int, ...] = (1, 2, 3, 4, 5)


@dataclass(frozen=True, slots=True)
class WeekCount:
    """Cases received in one Monday-to-Sunday week, clipped to the reported period."""

    first_day: date
    last_day: date
    count: int


@dataclass(slots=True)
class Satisfaction:
    """Questionnaire answers (scores 1 to 5) of the cases of the period."""

    counts: dict[int, int] = field(default_factory=lambda: dict.fromkeys(SATISFACTION_SCORES, 0))

    @property
    def answers(self) -> int:
        return sum(self.counts.values())

    @property
    def mean(self) -> float | None:
        if not self.answers:
            return None
        return sum(score * n for score, n in self.counts.items()) / self.answers

    @property
    def satisfied(self) -> int:
        """Answers of 4 or 5."""
        return self.counts.get(4, 0) + self.counts.get(5, 0)


@dataclass(slots=True)
class ReportFigures:
    """One period's indicators and the details a report adds to them."""

    indicators: Indicators
    sub_themes: dict[str, dict[str, int]] = field(default_factory=dict)
    weekly: list[WeekCount] = field(default_factory=list)
    satisfaction: Satisfaction = field(default_factory=Satisfaction)


def cohort(cases: Iterable[Case], first: date, last: date) -> list[Case]:
    """The cases received between Paris days `first` and `last` inclusive."""
    return [case for case in cases if in_period(case, first, last)]


def sub_theme_counts(cases: Iterable[Case]) -> dict[str, dict[str, int]]:
    """Top-level theme → sub-theme → number of cases tagged with it (once per case)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for case in cases:
        subs = {(t.parent_label, t.label) for t in case.themes if t.parent_label}
        for top, sub in subs:
            counts[top][sub] += 1
    return {
        top: dict(sorted(subs.items(), key=lambda item: (-item[1], item[0])))
        for top, subs in counts.items()
    }


def weekly_arrivals(cases: Iterable[Case], first: date, last: date) -> list[WeekCount]:
    """Cases received per Monday-based week of [first, last], weeks clipped to the period."""
    per_day = Counter(as_paris(case.received_at).date() for case in cases)
    weeks: list[WeekCount] = []
    start = first
    while start <= last:
        end = min(start + timedelta(days=6 - start.weekday()), last)
        total = sum(n for day, n in per_day.items() if start <= day <= end)
        weeks.append(WeekCount(start, end, total))
        start = end + timedelta(days=1)
    return weeks


def satisfaction_of(scores: Iterable[int | None]) -> Satisfaction:
    """Distribution of the known scores (unknown or out-of-range ones are ignored)."""
    result = Satisfaction()
    for score in scores:
        if score in result.counts:
            result.counts[score] += 1
    return result


def report_figures(
    cases: Iterable[Case],
    first: date,
    last: date,
    theme_labels: Iterable[str] = (),
    orientation_labels: Iterable[str] = (),
) -> ReportFigures:
    """Indicators of [first, last] plus sub-themes, weekly arrivals and satisfaction."""
    theme_labels, orientation_labels = list(theme_labels), list(orientation_labels)
    members = cohort(cases, first, last)
    return ReportFigures(
        indicators=compute_indicators(members, first, last, theme_labels, orientation_labels),
        sub_themes=sub_theme_counts(members),
        weekly=weekly_arrivals(members, first, last),
        satisfaction=satisfaction_of(case.satisfaction for case in members),
    )


def monthly_indicators(
    cases: Iterable[Case],
    months: Sequence[str],
    theme_labels: Iterable[str] = (),
    orientation_labels: Iterable[str] = (),
) -> list[tuple[str, Indicators]]:
    """Indicators of each `YYYY-MM` month, in the order given."""
    theme_labels, orientation_labels = list(theme_labels), list(orientation_labels)
    by_month: dict[Month, list[Case]] = defaultdict(list)
    for case in cases:
        by_month[Month.of(case.received_at)].append(case)
    result = []
    for month in months:
        first, last = Month.parse(month).days
        result.append(
            (
                month,
                compute_indicators(
                    by_month.get(Month.parse(month), []),
                    first,
                    last,
                    theme_labels,
                    orientation_labels,
                ),
            )
        )
    return result
