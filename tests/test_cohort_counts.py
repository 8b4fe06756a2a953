"""The database's counts of a cohort give the same figures, in the same order, as counting
the loaded cases (`aggregation.case_tally`): on fictitious months of the demo generator and
on the hand-checked March of tests/test_indicators.py (exact 48 h, Paris month ends)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from ecoute_desktop.domain.aggregation import case_tally
from ecoute_desktop.domain.report_data import report_figures
from ecoute_desktop.domain.timeutil import paris_day_range
from ecoute_desktop.services.demo import populate
from ecoute_desktop.services.reports import monthly_report
from ecoute_desktop.store import Store
from tests.test_indicators import march_store  # noqa: F401  (a fixture)


def _shape(tally):
    indicators = tally.indicators
    return (
        indicators.to_json(),
        list(indicators.themes.items()),
        list(indicators.orientations.items()),
        list(indicators.call_bands.items()),
        list(indicators.closed_without_call.items()),
        [(top, list(subs.items())) for top, subs in tally.sub_themes.items()],
        tally.satisfaction.counts,
    )


def _both(store: Store, first: date, last: date):
    themes = [t.label for t in store.themes.all() if t.parent_id is None]
    targets = [t.label for t in store.directory.all()]
    start, end = paris_day_range(first, last)
    counted = store.queries.cohort_counts(start, end).tally(first, last, themes, targets)
    cases = store.cases.received_between(start, end, with_history=False)
    loaded = case_tally(cases, first, last, themes, targets)
    return _shape(counted), _shape(loaded)


@pytest.mark.parametrize(
    ("first", "last"),
    [
        (date(2025, 1, 1), date(2025, 12, 31)),
        (date(2025, 3, 1), date(2025, 3, 31)),
        (date(2025, 10, 26), date(2025, 11, 2)),  # clocks go back in Paris on 26 October
        (date(2026, 2, 1), date(2026, 2, 28)),  # nothing received
    ],
)
def test_database_counts_are_the_counts_of_the_loaded_cases(
    store: Store, first: date, last: date
) -> None:
    populate(
        store,
        400,
        date(2025, 1, 1),
        date(2025, 12, 31),
        seed=7,
        now=datetime(2026, 1, 1, tzinfo=UTC),
    )
    counted, loaded = _both(store, first, last)
    assert counted == loaded


def test_hand_checked_march_is_counted_alike(march_store: Store) -> None:  # noqa: F811
    counted, loaded = _both(march_store, date(2026, 3, 1), date(2026, 3, 31))
    assert counted == loaded
    assert counted[0]["acknowledged_within_48h"] == loaded[0]["acknowledged_within_48h"]


def test_monthly_report_figures_are_those_of_the_loaded_cases(store: Store) -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    populate(store, 300, date(2025, 9, 1), date(2025, 11, 30), seed=11, now=now)
    themes = [t.label for t in store.themes.all() if t.parent_id is None]
    targets = [t.label for t in store.directory.all()]
    first, last = date(2025, 10, 1), date(2025, 10, 31)
    cases = store.cases.received_between(*paris_day_range(first, last), with_history=False)
    loaded = report_figures(cases, first, last, themes, targets)
    report = monthly_report(store, "2025-10")
    assert report.figures.weekly == loaded.weekly
    assert report.figures.sub_themes == loaded.sub_themes
    assert report.figures.indicators.to_json() == loaded.indicators.to_json() | {
        "satisfaction": report.figures.indicators.satisfaction.to_json()
    }


def test_call_bands_counted_by_range_are_those_of_call_band() -> None:
    from collections import Counter

    from ecoute_desktop.domain.call_delay import call_band
    from ecoute_desktop.domain.cohort_counts import _bands

    day = 86_400
    seconds = [-60, 0, 2 * day - 1, 2 * day, 8 * day - 1, 8 * day, 15 * day - 1, 15 * day, 40 * day]
    expected = Counter(str(call_band(s / 3600)) for s in seconds)
    assert +_bands(sorted(seconds)) == expected
