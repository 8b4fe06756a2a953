"""The demo database's agenda is plausible: never two calls of the hotliner at once.

Pins: `populate(..., one_agenda=True)` (the demo database) books each call on a free hour
of the user's demo slots, so the agenda shown has no double booking (it once had four at
15 h 00); a big statistical data set keeps its calls near their requests instead (it once
pushed 10,000 cases' calls to 2054, so the benchmarks had almost no held calls nor notes).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from itertools import pairwise

from ecoute_desktop.services.demo import populate
from ecoute_desktop.store import Store
from tests.agenda_helpers import add_pair

NOW = datetime(2026, 6, 30, 12, tzinfo=UTC)


def test_demo_calls_never_overlap(store: Store) -> None:
    add_pair(store)
    populate(store, 200, date(2026, 1, 1), date(2026, 6, 15), seed=3, now=NOW, one_agenda=True)
    calls = sorted(
        (a.hotliner_id, a.starts_at, a.ends_at)
        for a in store.agenda.between(
            datetime(2025, 1, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC)
        )
    )
    assert len(calls) > 50
    for (who, _, end), (other, start, _) in pairwise(calls):
        assert who != other or end <= start


def test_big_data_sets_keep_calls_near_their_requests(store: Store) -> None:
    populate(store, 1500, date(2025, 1, 1), date(2025, 12, 31), seed=4, now=NOW)
    starts = [
        a.starts_at
        for a in store.agenda.between(
            datetime(2024, 1, 1, tzinfo=UTC), datetime(2060, 1, 1, tzinfo=UTC)
        )
    ]
    assert len(starts) > 1000
    assert max(starts) < datetime(2026, 2, 1, tzinfo=UTC)
