"""The Month value: read from `YYYY-MM`, shown in French, ordered, and bounded in Paris time.

Pins: bad text is refused with a French message quoting it; `str()` gives back the text a
file or option holds; months order by time across years; next/previous cross years; the
first and last instants follow Paris time (winter and summer offsets); ranges are inclusive.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from ecoute_desktop.domain.month import Month, month_range, range_label
from ecoute_desktop.domain.timeutil import PARIS


@pytest.mark.parametrize("text", ["26-03", "2026-13", "2026-00", "mars", "", "2026/03"])
def test_bad_text_is_refused_in_french_naming_it(text: str) -> None:
    with pytest.raises(ValueError, match=f"mois invalide « {text} » \\(attendu AAAA-MM\\)"):
        Month.parse(text)


def test_text_round_trips_and_spaces_are_forgiven() -> None:
    assert str(Month.parse(" 2026-03 ")) == str(Month.parse("2026-3")) == "2026-03"
    assert Month.parse("1900-01") == Month(1900, 1)
    with pytest.raises(ValueError):
        Month.parse("3000-01")


def test_french_labels() -> None:
    assert Month(2026, 11).label() == "novembre 2026"
    assert Month(2026, 2).label(short=True) == "févr. 2026"
    assert range_label(Month(2026, 1), Month(2026, 1)) == "janvier 2026"
    assert range_label(Month(2026, 1), Month(2026, 6)) == "janvier – juin 2026"
    assert range_label(Month(2025, 11), Month(2026, 2)) == "novembre 2025 – février 2026"


def test_order_follows_time_across_years() -> None:
    months = [Month(2026, 1), Month(2025, 12), Month(2025, 2), Month(2026, 10)]
    assert sorted(months) == [Month(2025, 2), Month(2025, 12), Month(2026, 1), Month(2026, 10)]
    assert Month(2025, 12) < Month(2026, 1)


def test_next_and_previous_cross_the_year() -> None:
    assert Month(2025, 12).next() == Month(2026, 1)
    assert Month(2026, 1).previous() == Month(2025, 12)
    assert Month(2026, 3).shifted(-15) == Month(2024, 12)


def test_days_and_paris_instants() -> None:
    assert Month(2024, 2).days == (date(2024, 2, 1), date(2024, 2, 29))
    assert Month(2026, 12).last_day == date(2026, 12, 31)
    start, end = Month(2026, 3).utc_range  # winter start (UTC+1), summer end (UTC+2)
    assert start == datetime(2026, 2, 28, 23, 0, tzinfo=UTC)
    assert end == datetime(2026, 3, 31, 22, 0, tzinfo=UTC)
    assert Month(2026, 3).paris_range[0] == datetime(2026, 3, 1, tzinfo=PARIS)


def test_month_of_an_instant_is_the_paris_month() -> None:
    new_year_in_paris = datetime(2025, 12, 31, 23, 30, tzinfo=UTC)  # 00:30 on 1 January
    assert Month.of(new_year_in_paris) == Month(2026, 1)
    assert Month.of(date(2025, 12, 31)) == Month(2025, 12)


def test_ranges_are_inclusive_and_empty_when_reversed() -> None:
    assert [str(m) for m in month_range(Month(2025, 11), Month(2026, 2))] == [
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
    ]
    assert month_range(Month(2026, 2), Month(2026, 1)) == []
