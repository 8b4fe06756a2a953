"""Weekly slots become the bookable times a hotliner would expect on the Paris clock.

Pins: Paris wall-clock hours kept across both daylight-saving changes, public holidays
and absences never offered, the length/pause/max-per-day rules, booked calls removed,
overlaps refused with a French message, French date wording.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from ecoute_desktop.domain.french_dates import long_datetime
from ecoute_desktop.domain.models import Appointment, AppointmentStatus, WeeklySlot
from ecoute_desktop.domain.slots import (
    BookingError,
    BookingRules,
    SlotException,
    check_no_overlap,
    free_times,
    public_holiday,
    slot_windows,
    within_slots,
)
from ecoute_desktop.domain.timeutil import PARIS

TUESDAY_AFTERNOON = WeeklySlot(1, 1, time(14, 0), time(17, 0), date(2026, 1, 1), id=1)


def paris(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS)


def local_starts(times) -> list[str]:
    return [f.starts_at.astimezone(PARIS).strftime("%Y-%m-%d %H:%M") for f in times]


def test_a_slot_is_cut_into_45_minute_calls_with_15_minute_pauses() -> None:
    times = free_times([TUESDAY_AFTERNOON], [], [], date(2026, 4, 13), date(2026, 4, 19))
    assert local_starts(times) == ["2026-04-14 14:00", "2026-04-14 15:00", "2026-04-14 16:00"]
    assert all((f.ends_at - f.starts_at).total_seconds() == 45 * 60 for f in times)


@pytest.mark.parametrize(
    ("before", "after", "utc_before", "utc_after"),
    [
        # last Sunday of March 2026 is the 29th: Paris goes from UTC+1 to UTC+2
        (date(2026, 3, 24), date(2026, 3, 31), 13, 12),
        # last Sunday of October 2026 is the 25th: back from UTC+2 to UTC+1
        (date(2026, 10, 20), date(2026, 10, 27), 12, 13),
    ],
)
def test_slots_keep_their_paris_hours_across_daylight_saving(
    before: date, after: date, utc_before: int, utc_after: int
) -> None:
    times = free_times([TUESDAY_AFTERNOON], [], [], before, after)
    firsts = [f for f in times if f.starts_at.astimezone(PARIS).hour == 14]
    assert [f.starts_at.astimezone(PARIS).date() for f in firsts] == [before, after]
    assert [f.starts_at.astimezone(UTC).hour for f in firsts] == [utc_before, utc_after]
    assert all(f.starts_at.astimezone(PARIS).time() == time(14, 0) for f in firsts)


def test_a_night_slot_on_the_change_days_counts_real_minutes() -> None:
    sunday = WeeklySlot(1, 6, time(1, 0), time(4, 0), date(2026, 1, 1))
    spring = free_times([sunday], [], [], date(2026, 3, 29), date(2026, 3, 29))
    autumn = free_times([sunday], [], [], date(2026, 10, 25), date(2026, 10, 25))
    # 01:00–04:00 lasts two real hours in March and four in October.
    assert local_starts(spring) == ["2026-03-29 01:00", "2026-03-29 03:00"]
    assert len(autumn) == 4


def test_public_holidays_are_never_offered() -> None:
    assert public_holiday(date(2026, 7, 14)) == "Fête nationale"
    times = free_times([TUESDAY_AFTERNOON], [], [], date(2026, 7, 6), date(2026, 7, 26))
    days = {f.starts_at.astimezone(PARIS).date() for f in times}
    assert days == {date(2026, 7, 7), date(2026, 7, 21)}
    # Easter Monday comes from the library (moves every year), not from a list.
    monday = WeeklySlot(1, 0, time(9, 0), time(10, 0), date(2026, 1, 1))
    assert free_times([monday], [], [], date(2026, 4, 6), date(2026, 4, 6)) == []
    assert free_times([monday], [], [], date(2027, 3, 29), date(2027, 3, 29)) == []


def test_absences_remove_slots_of_that_hotliner_or_of_the_pair() -> None:
    partner = WeeklySlot(2, 1, time(9, 0), time(10, 0), date(2026, 1, 1))
    mine_away = SlotException(date(2026, 4, 14), date(2026, 4, 20), hotliner_id=1)
    windows = slot_windows(
        [TUESDAY_AFTERNOON, partner], [mine_away], date(2026, 4, 13), date(2026, 4, 26)
    )
    assert [(w.hotliner_id, w.day) for w in windows] == [
        (2, date(2026, 4, 14)),
        (2, date(2026, 4, 21)),
        (1, date(2026, 4, 21)),
    ]
    both_away = SlotException(date(2026, 4, 21), date(2026, 4, 21))
    windows = slot_windows(
        [TUESDAY_AFTERNOON, partner], [both_away], date(2026, 4, 20), date(2026, 4, 26)
    )
    assert windows == []


def test_validity_period_bounds_the_slot() -> None:
    spring_only = WeeklySlot(1, 1, time(14, 0), time(15, 0), date(2026, 4, 1), date(2026, 4, 15))
    windows = slot_windows([spring_only], [], date(2026, 3, 1), date(2026, 5, 31))
    assert [w.day for w in windows] == [date(2026, 4, 7), date(2026, 4, 14)]


def booked(start: datetime, minutes: int = 45, hotliner: int = 1, ident: int = 9) -> Appointment:
    end = start + (paris(2000, 1, 1, 0, minutes) - paris(2000, 1, 1))
    return Appointment(7, hotliner, start.astimezone(UTC), end.astimezone(UTC), id=ident)


def test_booked_calls_and_their_pause_are_not_offered_again() -> None:
    taken = booked(paris(2026, 4, 14, 15, 0))
    times = free_times([TUESDAY_AFTERNOON], [], [taken], date(2026, 4, 14), date(2026, 4, 14))
    assert local_starts(times) == ["2026-04-14 14:00", "2026-04-14 16:00"]
    # An urgent call put at 14:20 blocks 14:00 (overlap) and 15:00 (pause after it).
    urgent = booked(paris(2026, 4, 14, 14, 20), ident=10)
    times = free_times([TUESDAY_AFTERNOON], [], [urgent], date(2026, 4, 14), date(2026, 4, 14))
    assert local_starts(times) == ["2026-04-14 16:00"]
    # A cancelled call frees its time again; another hotliner's call does not block.
    gone = booked(paris(2026, 4, 14, 15, 0))
    gone.status = AppointmentStatus.CANCELLED
    other = booked(paris(2026, 4, 14, 16, 0), hotliner=2)
    times = free_times([TUESDAY_AFTERNOON], [], [gone, other], date(2026, 4, 14), date(2026, 4, 14))
    assert len(times) == 3


def test_rules_change_the_cut_and_cap_the_day() -> None:
    hour_calls = BookingRules(length_minutes=60, pause_minutes=30)
    times = free_times(
        [TUESDAY_AFTERNOON], [], [], date(2026, 4, 14), date(2026, 4, 14), hour_calls
    )
    assert local_starts(times) == ["2026-04-14 14:00", "2026-04-14 15:30"]
    capped = BookingRules(max_per_day=1)
    taken = booked(paris(2026, 4, 14, 16, 0))
    assert (
        free_times([TUESDAY_AFTERNOON], [], [taken], date(2026, 4, 14), date(2026, 4, 14), capped)
        == []
    )


def test_past_times_are_not_offered() -> None:
    times = free_times(
        [TUESDAY_AFTERNOON],
        [],
        [],
        date(2026, 4, 14),
        date(2026, 4, 14),
        not_before=paris(2026, 4, 14, 14, 30),
    )
    assert local_starts(times) == ["2026-04-14 15:00", "2026-04-14 16:00"]


def test_double_booking_of_one_hotliner_is_refused_in_french() -> None:
    taken = booked(paris(2026, 4, 14, 15, 0))
    with pytest.raises(
        BookingError, match=r"déjà un rendez-vous le mardi 14\u00a0avril 2026 de 15\u00a0h\u00a000"
    ):
        check_no_overlap(
            [taken],
            1,
            paris(2026, 4, 14, 15, 30).astimezone(UTC),
            paris(2026, 4, 14, 16, 15).astimezone(UTC),
            references={7: "2026-0007"},
        )
    # Back to back is allowed, and so is the partner at the same time.
    check_no_overlap([taken], 1, taken.ends_at, paris(2026, 4, 14, 16, 30))
    check_no_overlap([taken], 2, taken.starts_at, taken.ends_at)
    # Moving an appointment does not collide with itself.
    check_no_overlap([taken], 1, taken.starts_at, taken.ends_at, ignore_id=taken.id)


def test_within_slots_tells_in_slot_from_out_of_slot() -> None:
    inside = paris(2026, 4, 14, 16, 15)
    assert within_slots([TUESDAY_AFTERNOON], [], 1, inside, paris(2026, 4, 14, 17, 0))
    assert not within_slots([TUESDAY_AFTERNOON], [], 1, inside, paris(2026, 4, 14, 17, 1))
    assert not within_slots(
        [TUESDAY_AFTERNOON], [], 1, paris(2026, 7, 14, 14), paris(2026, 7, 14, 15)
    )


def test_french_long_date_in_summer_and_winter() -> None:
    summer = long_datetime(datetime(2026, 4, 14, 12, 30, tzinfo=UTC))
    winter = long_datetime(datetime(2026, 12, 1, 8, 5, tzinfo=UTC))
    # non-breaking spaces keep "14 h 30" and "14 avril" together when a line wraps
    assert summer == "mardi 14\u00a0avril 2026 à 14\u00a0h\u00a030"
    assert winter == "mardi 1er\u00a0décembre 2026 à 9\u00a0h\u00a005"
