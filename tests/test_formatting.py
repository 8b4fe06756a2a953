"""French formatting of figures and dates as printed in reports: `1 234`, `12,5 %`, `mars 2026`.

Pins: thousands grouped with a narrow no-break space, decimal comma, a no-break space
before `%` and `h`, an em dash for a share of nothing or an unknown delay, French
month names, `1er` for the first day, and week ranges within or across months.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from ecoute_desktop.services.formatting import (
    NNBSP,
    fr_date,
    fr_datetime,
    fr_day_range,
    fr_decimal,
    fr_hours,
    fr_int,
    fr_month,
    fr_month_range,
    fr_percent,
    fr_signed,
)


def test_numbers() -> None:
    assert fr_int(1234) == f"1{NNBSP}234"
    assert fr_int(1234567) == f"1{NNBSP}234{NNBSP}567"
    assert fr_int(12) == "12"
    assert fr_decimal(12.25, 1) in ("12,2", "12,3")
    assert fr_decimal(1234.5) == f"1{NNBSP}234,5"
    assert fr_percent(1, 8) == f"12,5{NNBSP}%"
    assert fr_percent(3, 0) == "—"
    assert fr_hours(None) == "—" and fr_hours(40) == f"40,0{NNBSP}h"
    assert fr_signed(3) == "+3" and fr_signed(-2) == "−2" and fr_signed(0) == "0"


def test_dates() -> None:
    assert fr_month("2026-03") == "mars 2026"
    assert fr_month("2026-02", short=True) == "févr. 2026"
    assert fr_date(date(2026, 3, 1)) == "1er mars 2026"
    assert fr_day_range(date(2026, 3, 2), date(2026, 3, 8)) == "2–8 mars"
    assert fr_day_range(date(2026, 3, 1), date(2026, 3, 1)) == "1er mars"
    assert fr_day_range(date(2026, 3, 30), date(2026, 4, 5)) == "30 mars–5 avr."
    assert fr_month_range("2026-01", "2026-06") == "janvier – juin 2026"
    assert fr_month_range("2025-11", "2026-02") == "novembre 2025 – février 2026"
    # 13:05 UTC in summer is 15:05 in Paris.
    assert fr_datetime(datetime(2026, 7, 14, 13, 5, tzinfo=UTC)) == "14 juillet 2026 à 15:05"
