"""A case that ends keeps no call booked ahead, and a held call cannot be undone from the agenda.

Pins: classing a case « sans suite » cancels its appointments still to come in the same
transaction (kept in the history as « annulé », SEQUENCE + 1, so the member's calendar file
says CANCELLED; the time is offered again and leaves the agenda's upcoming calls), while a
past appointment stays as it was; once the call is held (or the case closed or dropped),
its appointment can be neither moved nor cancelled.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from ecoute_desktop.domain.models import AppointmentStatus
from ecoute_desktop.domain.slots import BookingError
from ecoute_desktop.domain.workflow import DropReason, Status
from ecoute_desktop.services import calendar_ics
from ecoute_desktop.services.app import Services
from ecoute_desktop.store import Store
from tests.agenda_helpers import add_case, add_pair, paris

BOOKED_AT = datetime(2026, 4, 9, 10, 0, tzinfo=UTC)
CALL = paris(2026, 4, 14, 14)  # a Tuesday afternoon slot of the user


def test_dropping_a_case_cancels_its_coming_appointment(store: Store) -> None:
    me, _ = add_pair(store)
    case_id = add_case(store)
    booked = Services(store).agenda.book(case_id, me.id, CALL, "Agathe", at=BOOKED_AT)
    dropped_at = BOOKED_AT + timedelta(days=1)

    Services(store).cases.advance(
        case_id, Status.DROPPED, "Agathe", DropReason.WITHDRAWN, at=dropped_at
    )

    gone = store.agenda.get(booked.id)
    assert gone.status is AppointmentStatus.CANCELLED
    assert gone.sequence == booked.sequence + 1
    assert [action for _, action, *_ in store.agenda.history(booked.id)] == ["fixé", "annulé"]
    assert store.agenda.upcoming(BOOKED_AT) == []
    day = CALL.date()
    assert any(f.starts_at == CALL for f in Services(store).agenda.free_times(day, day, BOOKED_AT))
    calendar = calendar_ics.case_calendar(store, case_id, for_member=True).decode()
    assert "STATUS:CANCELLED" in calendar
    assert store.cases.get(case_id).status is Status.DROPPED


def test_dropping_after_a_missed_call_keeps_the_past_appointment(store: Store) -> None:
    me, _ = add_pair(store)
    case_id = add_case(store)
    booked = Services(store).agenda.book(case_id, me.id, CALL, "Agathe", at=BOOKED_AT)

    later = CALL + timedelta(days=2)
    Services(store).cases.advance(
        case_id, Status.DROPPED, "Agathe", DropReason.UNREACHABLE, at=later
    )

    assert store.agenda.get(booked.id).status is AppointmentStatus.BOOKED
    assert len(store.agenda.history(booked.id)) == 1


@pytest.mark.parametrize("final", [Status.CALL_HELD, Status.CLOSED, Status.DROPPED])
def test_a_held_call_can_be_neither_moved_nor_cancelled(store: Store, final: Status) -> None:
    me, _ = add_pair(store)
    case_id = add_case(store)
    booked = Services(store).agenda.book(case_id, me.id, CALL, "Agathe", at=BOOKED_AT)
    held = CALL + timedelta(hours=1)
    if final is Status.DROPPED:
        Services(store).cases.advance(case_id, final, "Agathe", DropReason.OTHER, at=held)
    else:
        Services(store).cases.advance(case_id, Status.CALL_HELD, "Agathe", at=held)
        if final is Status.CLOSED:
            Services(store).cases.advance(case_id, Status.CLOSED, "Agathe", at=held)

    with pytest.raises(BookingError, match=str(final)):
        Services(store).agenda.cancel(booked.id, "Agathe", at=held)
    with pytest.raises(BookingError, match=str(final)):
        Services(store).agenda.move(booked.id, paris(2026, 4, 21, 14), at=held)

    kept = store.agenda.get(booked.id)
    assert (kept.status, kept.starts_at, kept.sequence) == (
        AppointmentStatus.BOOKED,
        booked.starts_at,
        booked.sequence,
    )
    assert store.cases.get(case_id).status is final
