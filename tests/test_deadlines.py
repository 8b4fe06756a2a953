"""The 48-hour acknowledgment rule: on time, due soon (< 12 h left) or late, across clock changes.

Pins: an acknowledgment exactly 48 h after receipt is on time and one a minute later is
late; an open case is due soon when less than 12 h are left and late once the deadline
has passed; 48 h are real hours, so the spring and autumn clock changes in Paris move the
deadline on the wall clock, whatever time zone the instants are given in.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from ecoute_desktop.domain.deadlines import (
    AckState,
    ack_deadline,
    ack_delay_hours,
    ack_state,
    format_duration_fr,
    time_left,
)
from ecoute_desktop.domain.models import Case, Member
from ecoute_desktop.domain.timeutil import PARIS, as_paris

RECEIVED = datetime(2026, 5, 4, 9, 30, tzinfo=UTC)
H = timedelta(hours=1)
MIN = timedelta(minutes=1)


@pytest.mark.parametrize(
    ("ack_after", "expected"),
    [
        (timedelta(0), AckState.ON_TIME),
        (2 * H, AckState.ON_TIME),
        (47 * H + 59 * MIN, AckState.ON_TIME),
        (48 * H, AckState.ON_TIME),  # exactly 48 h: on time
        (48 * H + MIN, AckState.LATE),  # one minute more: late
        (72 * H, AckState.LATE),
    ],
)
def test_acknowledged_case_is_judged_on_its_acknowledgment(
    ack_after: timedelta, expected: AckState
) -> None:
    # Once acknowledged, the present moment no longer matters.
    for now in (RECEIVED + ack_after, RECEIVED + 30 * 24 * H):
        assert ack_state(RECEIVED, RECEIVED + ack_after, now) is expected


@pytest.mark.parametrize(
    ("elapsed", "expected"),
    [
        (timedelta(0), AckState.ON_TIME),
        (36 * H, AckState.ON_TIME),  # exactly 12 h left: not yet "due soon"
        (36 * H + MIN, AckState.DUE_SOON),  # 11 h 59 left
        (47 * H + 59 * MIN, AckState.DUE_SOON),
        (48 * H, AckState.DUE_SOON),  # the deadline itself: still not late
        (48 * H + MIN, AckState.LATE),
        (10 * 24 * H, AckState.LATE),
    ],
)
def test_open_case_state_depends_on_time_left(elapsed: timedelta, expected: AckState) -> None:
    assert ack_state(RECEIVED, None, RECEIVED + elapsed) is expected


def test_case_exposes_deadline_and_state() -> None:
    case = Case("2026-0001", RECEIVED, Member("Fictif"))
    assert case.ack_deadline == datetime(2026, 5, 6, 9, 30, tzinfo=UTC)
    assert case.ack_state(RECEIVED + 40 * H) is AckState.DUE_SOON
    case.acknowledged_at = RECEIVED + 49 * H
    assert case.ack_state(RECEIVED + 49 * H) is AckState.LATE


def test_spring_clock_change_48_real_hours_end_an_hour_later_on_the_wall() -> None:
    # Saturday 28 March 2026, 10:00 in Paris (UTC+1); clocks go forward on Sunday 29 at 02:00.
    received = datetime(2026, 3, 28, 10, 0, tzinfo=PARIS)
    deadline = ack_deadline(received)
    assert deadline == datetime(2026, 3, 30, 9, 0, tzinfo=UTC)
    assert as_paris(deadline).strftime("%d/%m %H:%M") == "30/03 11:00"  # not 10:00
    # 10:30 on Monday on the wall clock is only 47 h 30 after receipt: on time.
    ack_1030 = datetime(2026, 3, 30, 10, 30, tzinfo=PARIS)
    assert ack_state(received, ack_1030, ack_1030) is AckState.ON_TIME
    assert ack_delay_hours(received, ack_1030) == 47.5
    ack_1101 = datetime(2026, 3, 30, 11, 1, tzinfo=PARIS)
    assert ack_state(received, ack_1101, ack_1101) is AckState.LATE
    # The same instants given in UTC give the same answers.
    assert ack_state(received.astimezone(UTC), ack_1030.astimezone(UTC), ack_1030) is (
        AckState.ON_TIME
    )
    # An open case at 10:30 on the wall has 30 min left, not "late".
    now = datetime(2026, 3, 30, 10, 30, tzinfo=PARIS)
    assert ack_state(received, None, now) is AckState.DUE_SOON
    assert time_left(received, now) == 30 * MIN


def test_autumn_clock_change_48_real_hours_end_an_hour_earlier_on_the_wall() -> None:
    # Saturday 24 October 2026, 10:00 in Paris (UTC+2); clocks go back on Sunday 25 at 03:00.
    received = datetime(2026, 10, 24, 10, 0, tzinfo=PARIS)
    assert as_paris(ack_deadline(received)).strftime("%d/%m %H:%M") == "26/10 09:00"
    ack_0930 = datetime(2026, 10, 26, 9, 30, tzinfo=PARIS)  # 48 h 30 after receipt
    assert ack_state(received, ack_0930, ack_0930) is AckState.LATE
    assert ack_delay_hours(received, ack_0930) == 48.5


def test_delay_and_time_left_helpers() -> None:
    assert ack_delay_hours(RECEIVED, None) is None
    assert ack_delay_hours(RECEIVED, RECEIVED + 30 * H) == 30.0
    assert time_left(RECEIVED, RECEIVED + 50 * H) == -2 * H


@pytest.mark.parametrize(
    ("delta", "text"),
    [
        (timedelta(minutes=12), "12 min"),
        (5 * H + 3 * MIN, "5 h 03"),
        (2 * 24 * H + 5 * H, "2 j 5 h"),
        (-(3 * H), "3 h 00"),
    ],
)
def test_durations_are_short_french_text(delta: timedelta, text: str) -> None:
    assert format_duration_fr(delta) == text
