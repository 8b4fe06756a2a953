"""Instants are stored as sortable UTC text and read back as the same aware instants.

Pins: a Paris time is stored as its UTC instant (`2026-03-29T01:30:00Z`), read back equal
and in UTC; text that is not a stored UTC instant is refused rather than guessed.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from ecoute_desktop.domain.timeutil import PARIS
from ecoute_desktop.store.timestamps import from_db, to_db


@pytest.mark.parametrize(
    ("moment", "text"),
    [
        (datetime(2026, 3, 29, 3, 30, tzinfo=PARIS), "2026-03-29T01:30:00Z"),  # just after DST
        (datetime(2026, 10, 25, 2, 30, tzinfo=PARIS), "2026-10-25T00:30:00Z"),  # first 02:30
        (datetime(2026, 1, 1, 0, 0, tzinfo=UTC), "2026-01-01T00:00:00Z"),
    ],
)
def test_round_trip_in_utc(moment: datetime, text: str) -> None:
    assert to_db(moment) == text
    back = from_db(text)
    # (compared in UTC: PEP 495 makes ambiguous wall times unequal across zones)
    assert back == moment.astimezone(UTC) and back.tzinfo is UTC


def test_none_stays_none() -> None:
    assert to_db(None) is None and from_db(None) is None


@pytest.mark.parametrize("text", ["2026-03-01T09:00:00", "2026-03-01T09:00:00+01:00", "hier"])
def test_text_that_is_not_a_stored_instant_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        from_db(text)
