"""Bulk loading: the light load used for indicators keeps every figure and drops only history."""

from __future__ import annotations

from datetime import date

from ecoute_desktop.domain.aggregation import compute_indicators
from ecoute_desktop.domain.timeutil import paris_day_range
from ecoute_desktop.services.demo import populate
from ecoute_desktop.store import Store


def test_light_load_has_same_cases_tags_and_stamps_without_history(store: Store) -> None:
    populate(store, 60, date(2026, 1, 1), date(2026, 3, 31), seed=11)
    span = paris_day_range(date(2026, 1, 1), date(2026, 3, 31))
    full = store.cases.received_between(*span)
    light = store.cases.received_between(*span, with_history=False)
    assert [c.reference for c in light] == [c.reference for c in full]
    assert any(c.events for c in full) and any(c.appointments for c in full)
    assert not any(c.events or c.appointments for c in light)
    for heavy, lean in zip(full, light, strict=True):
        assert (lean.status, lean.acknowledged_at, lean.closed_at) == (
            heavy.status,
            heavy.acknowledged_at,
            heavy.closed_at,
        )
        assert lean.themes == heavy.themes and lean.orientations == heavy.orientations
    first, last = date(2026, 1, 1), date(2026, 3, 31)
    assert compute_indicators(light, first, last) == compute_indicators(full, first, last)
