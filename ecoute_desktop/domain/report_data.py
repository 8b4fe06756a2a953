"""Figures the reports show beyond the JSON indicators: sub-themes, weeks, satisfaction, months.

Every function counts the same cohort as `compute_indicators` (cases received in the
period, Paris days), through `domain.aggregation` like the committee summary, so a report
never disagrees with `ecoute indicators --json` nor orders themes differently.
Only closed vocabularies and counts come out of here: never a name, a phone or a note.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ecoute_desktop.domain.aggregation import (
    Satisfaction,
    case_tally,
    compute_indicators,
)
from ecoute_desktop.domain.indicators import Indicators, in_period
from ecoute_desktop.domain.models import Case
from ecoute_desktop.domain.month import Month
from ecoute_desktop.domain.timeutil import as_paris


@dataclass(frozen=True, slots=True)
class WeekCount:
    """Cases received in one Monday-to-Sunday week, clipped to the reported period."""

    first_day: date
    last_day: date
    count: int


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


def weekly_arrivals(cases: Iterable[Case], first: date, last: date) -> list[WeekCount]:
    """Cases received per Monday-based week of [first, last], weeks clipped to the period."""
    return weekly_counts((case.received_at for case in cases), first, last)


def weekly_counts(received: Iterable[datetime], first: date, last: date) -> list[WeekCount]:
    """Instants of receipt per Monday-based week of [first, last] (Paris days), clipped."""
    per_day = Counter(as_paris(moment).date() for moment in received)
    weeks: list[WeekCount] = []
    start = first
    while start <= last:
        end = min(start + timedelta(days=6 - start.weekday()), last)
        total = sum(n for day, n in per_day.items() if start <= day <= end)
        weeks.append(WeekCount(start, end, total))
        start = end + timedelta(days=1)
    return weeks


def report_figures(
    cases: Iterable[Case],
    first: date,
    last: date,
    theme_labels: Iterable[str] = (),
    orientation_labels: Iterable[str] = (),
) -> ReportFigures:
    """Indicators of [first, last] plus sub-themes, weekly arrivals and satisfaction."""
    members = cohort(cases, first, last)
    counted = case_tally(members, first, last, theme_labels, orientation_labels)
    return ReportFigures(
        indicators=counted.indicators,
        sub_themes=counted.sub_themes,
        weekly=weekly_arrivals(members, first, last),
        satisfaction=counted.satisfaction,
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
