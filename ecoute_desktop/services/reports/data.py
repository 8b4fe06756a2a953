"""What a report shows, as plain data, and how it is read from the store.

The renderers take these dataclasses, never a Store. The coordinator's committee
summary has its own data (services/committee.py): every count there is disclosed by the
rule of domain/disclosure.py, which these hotliner reports do not apply.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from ecoute_desktop.domain import settings_spec
from ecoute_desktop.domain.header_fields import region_name
from ecoute_desktop.domain.indicators import Indicators
from ecoute_desktop.domain.month import Month, month_range
from ecoute_desktop.domain.report_data import (
    ReportFigures,
    Satisfaction,
    monthly_indicators,
    report_figures,
    weekly_counts,
)
from ecoute_desktop.domain.timeutil import paris_day_range, utc_now
from ecoute_desktop.services.satisfaction.figures import period_satisfaction
from ecoute_desktop.store import Store


@dataclass
class ReportTable:
    """A ready-formatted table: header cells and rows of text (the first column is a label)."""

    title: str
    header: list[str]
    rows: list[list[str]]
    note: str = ""


@dataclass
class MonthlyReport:
    """Everything the monthly indicator report shows."""

    month: str  # YYYY-MM
    region: str
    figures: ReportFigures
    previous: Indicators  # the month before, for the comparison
    national_labels: frozenset[str] = frozenset()
    comment: str = ""
    generated_at: datetime = field(default_factory=utc_now)

    @property
    def indicators(self) -> Indicators:
        return self.figures.indicators


@dataclass
class PeriodReport:
    """Totals of a range of months and the month-by-month trend."""

    first_month: str  # YYYY-MM
    last_month: str  # YYYY-MM
    region: str
    total: Indicators
    months: list[tuple[str, Indicators]]
    sub_themes: dict[str, dict[str, int]] = field(default_factory=dict)
    satisfaction: Satisfaction | None = None
    national_labels: frozenset[str] = frozenset()
    comment: str = ""
    generated_at: datetime = field(default_factory=utc_now)
    title: str = "Synthèse de la période"
    # None: theme × month and orientation × month tables are built from `months`.
    cross_tables: list[ReportTable] | None = None
    extra_tables: list[ReportTable] = field(default_factory=list)


def _labels(store: Store) -> tuple[list[str], list[str], frozenset[str]]:
    """Top-level theme labels, directory labels and the national ones (as the indicators)."""
    themes = [t.label for t in store.themes.all() if t.parent_id is None]
    targets = store.directory.all()
    national = frozenset(t.label for t in targets if t.national)
    return themes, [t.label for t in targets], national


def region_of(store: Store) -> str:
    """The printed name of the chosen region (the setting holds a code of the fixed list)."""
    return region_name(store.settings.get(settings_spec.REGION) or None)


def counted_figures(
    store: Store, first: date, last: date, themes: list[str], targets: list[str]
) -> ReportFigures:
    """`report_figures` of [first, last], added up by the database: no case is loaded, so
    the cost follows the period's cases, not the base's."""
    start, end = paris_day_range(first, last)
    counted = store.queries.cohort_counts(start, end).tally(first, last, themes, targets)
    return ReportFigures(
        indicators=counted.indicators,
        sub_themes=counted.sub_themes,
        weekly=weekly_counts(store.queries.received_instants(start, end), first, last),
        satisfaction=counted.satisfaction,
    )


def monthly_report(store: Store, month: str, comment: str = "") -> MonthlyReport:
    """The figures of `YYYY-MM` and of the month before, read in one query."""
    first, last = Month.parse(month).days
    before_first, before_last = Month.parse(month).previous().days
    themes, targets, national = _labels(store)
    figures = counted_figures(store, first, last, themes, targets)
    previous = counted_figures(store, before_first, before_last, themes, targets).indicators
    figures.indicators.satisfaction = period_satisfaction(store, first, last)
    return MonthlyReport(
        month=month,
        region=region_of(store),
        figures=figures,
        previous=previous,
        national_labels=national,
        comment=comment.strip(),
    )


def period_report(
    store: Store, first_month: str, last_month: str, comment: str = ""
) -> PeriodReport:
    """Totals over the months `first_month`..`last_month` and each month's indicators."""
    months = [str(m) for m in month_range(Month.parse(first_month), Month.parse(last_month))]
    if not months:
        raise ValueError("Le dernier mois précède le premier.")
    first, last = Month.parse(months[0]).first_day, Month.parse(months[-1]).last_day
    cases = store.cases.received_between(*paris_day_range(first, last), with_history=False)
    themes, targets, national = _labels(store)
    figures = report_figures(cases, first, last, themes, targets)
    figures.indicators.satisfaction = period_satisfaction(store, first, last)
    return PeriodReport(
        first_month=months[0],
        last_month=months[-1],
        region=region_of(store),
        total=figures.indicators,
        months=monthly_indicators(cases, months, themes, targets),
        sub_themes=figures.sub_themes,
        satisfaction=figures.satisfaction,
        national_labels=national,
        comment=comment.strip(),
    )
