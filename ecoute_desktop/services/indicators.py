"""Indicators of a period read from the store (the figures of every report and export).

The database adds them up (`store.queries.cohort_counts`): no case is loaded.
"""

from __future__ import annotations

from datetime import date

from ecoute_desktop.domain.indicators import Indicators
from ecoute_desktop.domain.month import Month
from ecoute_desktop.domain.timeutil import paris_day_range
from ecoute_desktop.services.satisfaction.figures import period_satisfaction
from ecoute_desktop.store import Store


def period_indicators(store: Store, first: date, last: date) -> Indicators:
    """Indicators of cases received between Paris days `first` and `last` inclusive."""
    if last < first:
        raise ValueError("La fin de la période précède son début.")
    counts = store.queries.cohort_counts(*paris_day_range(first, last))
    theme_labels = [t.label for t in store.themes.all() if t.parent_id is None]
    target_labels = [t.label for t in store.directory.all()]
    result = counts.tally(first, last, theme_labels, target_labels).indicators
    result.satisfaction = period_satisfaction(store, first, last)
    return result


def month_indicators(store: Store, month: Month | str) -> Indicators:
    """Indicators of one month (`YYYY-MM` text accepted)."""
    month = month if isinstance(month, Month) else Month.parse(month)
    return period_indicators(store, *month.days)
