"""Booking, moving and cancelling calls in the encrypted store, as the hotliner sees it.

Pins: booking moves the case to "rdv fixé" (through "accusée" from "reçue", both events
kept) in one transaction; double booking refused and nothing written; urgent cases
booked out of slot (recorded); reschedule keeps the UID, increments SEQUENCE and keeps
the history; cancel keeps the appointment and sends the case back to "accusée";
slots, absences and rules persist.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from ecoute_desktop.domain.models import (
    AppointmentStatus,
    Case,
    Hotliner,
    Member,
    WeeklySlot,
)
from ecoute_desktop.domain.slots import BookingError, BookingRules, SlotException
from ecoute_desktop.domain.timeutil import PARIS
from ecoute_desktop.domain.workflow import Status
from ecoute_desktop.services.app import Services
from ecoute_desktop.store import Store

NOW = datetime(2026, 4, 10, 8, 0, tzinfo=UTC)


def paris(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS)


@pytest.fixture
def pair(store: Store) -> tuple[Hotliner, Hotliner]:
    me = store.people.save(Hotliner("Testeur", "Agathe", "06 39 98 00 01", is_self=True))
    partner = store.people.save(Hotliner("Essai", "Bruno", "06 39 98 00 02"))
    store.people.set_binome(me, partner)
    store.agenda.save_slot(WeeklySlot(me.id, 1, time(14), time(17), date(2026, 1, 1)))
    store.agenda.save_slot(WeeklySlot(partner.id, 3, time(9), time(12), date(2026, 1, 1)))
    return me, partner


def new_case(store: Store, urgent: bool = False) -> int:
    case = Case("", datetime(2026, 4, 9, 9, 0, tzinfo=UTC), Member("Fictif"), urgent=urgent)
    return store.cases.create(case).id


def test_booking_a_received_case_records_acknowledgment_then_appointment(store, pair) -> None:
    me, _ = pair
    case_id = new_case(store)
    appointment = Services(store).agenda.book(
        case_id, me.id, paris(2026, 4, 14, 15), "Agathe", at=NOW
    )
    case = store.cases.get(case_id)
    assert case.status is Status.SCHEDULED
    assert [(e.from_status, e.to_status) for e in case.events] == [
        (Status.RECEIVED, Status.ACKNOWLEDGED),
        (Status.ACKNOWLEDGED, Status.SCHEDULED),
    ]
    assert case.acknowledged_at is None  # counted when the confirmation is marked sent
    assert case.hotliner_id == me.id
    assert appointment.out_of_slot is False and appointment.sequence == 0
    assert appointment.starts_at == paris(2026, 4, 14, 15)
    assert appointment.ends_at == paris(2026, 4, 14, 15, 45)
    assert [a.uid for a in case.appointments] == [appointment.uid]


def test_booked_time_is_no_longer_offered(store, pair) -> None:
    me, _ = pair
    Services(store).agenda.book(new_case(store), me.id, paris(2026, 4, 14, 15), "Agathe", at=NOW)
    free = Services(store).agenda.free_times(date(2026, 4, 13), date(2026, 4, 19), not_before=NOW)
    mine = [f.starts_at.astimezone(PARIS).hour for f in free if f.hotliner_id == me.id]
    assert mine == [14, 16]


def test_double_booking_is_refused_and_nothing_changes(store, pair) -> None:
    me, partner = pair
    Services(store).agenda.book(new_case(store), me.id, paris(2026, 4, 14, 15), "Agathe", at=NOW)
    second = new_case(store, urgent=True)
    with pytest.raises(BookingError, match="déjà un rendez-vous"):
        Services(store).agenda.book(second, me.id, paris(2026, 4, 14, 15, 30), "Agathe", at=NOW)
    assert store.cases.get(second).status is Status.RECEIVED
    assert store.agenda.for_case(second) == []
    # The partner is free at that time (an urgent case may be booked out of their slot).
    Services(store).agenda.book(second, partner.id, paris(2026, 4, 14, 15, 30), "Agathe", at=NOW)


def test_non_urgent_case_out_of_slot_is_refused(store, pair) -> None:
    me, _ = pair
    case_id = new_case(store)
    with pytest.raises(BookingError, match="hors créneau"):
        Services(store).agenda.book(case_id, me.id, paris(2026, 4, 15, 10), "Agathe", at=NOW)
    with pytest.raises(BookingError, match="hors créneau"):  # 14 juillet is a holiday
        Services(store).agenda.book(case_id, me.id, paris(2026, 7, 14, 14), "Agathe", at=NOW)
    assert store.cases.get(case_id).status is Status.RECEIVED


def test_urgent_case_is_booked_out_of_slot_and_recorded(store, pair) -> None:
    me, _ = pair
    case_id = new_case(store, urgent=True)
    appointment = Services(store).agenda.book(
        case_id, me.id, paris(2026, 4, 11, 10), "Agathe", at=NOW
    )
    assert appointment.out_of_slot is True
    assert store.agenda.get(appointment.id).out_of_slot is True
    assert store.cases.get(case_id).events[-1].comment == "hors créneau (urgence)"


def test_reschedule_keeps_uid_increments_sequence_and_history(store, pair) -> None:
    me, _ = pair
    case_id = new_case(store)
    first = Services(store).agenda.book(case_id, me.id, paris(2026, 4, 14, 14), "Agathe", at=NOW)
    moved = Services(store).agenda.move(first.id, paris(2026, 4, 21, 16), at=NOW)
    again = Services(store).agenda.move(first.id, paris(2026, 4, 28, 15), at=NOW)
    stored = store.agenda.get(first.id)
    assert stored.uid == first.uid == moved.uid
    assert (moved.sequence, again.sequence, stored.sequence) == (1, 2, 2)
    assert stored.starts_at == paris(2026, 4, 28, 15)
    history = store.agenda.history(first.id)
    assert [(action, start.astimezone(PARIS).day) for _, action, start, _ in history] == [
        ("fixé", 14),
        ("déplacé", 21),
        ("déplacé", 28),
    ]
    assert store.cases.get(case_id).status is Status.SCHEDULED


def test_reschedule_onto_another_call_is_refused(store, pair) -> None:
    me, _ = pair
    Services(store).agenda.book(new_case(store), me.id, paris(2026, 4, 14, 14), "Agathe", at=NOW)
    other = Services(store).agenda.book(
        new_case(store), me.id, paris(2026, 4, 14, 16), "Agathe", at=NOW
    )
    with pytest.raises(BookingError, match="déjà un rendez-vous"):
        Services(store).agenda.move(other.id, paris(2026, 4, 14, 14, 30), at=NOW)
    assert store.agenda.get(other.id).sequence == 0


def test_cancel_keeps_the_appointment_and_reopens_the_case(store, pair) -> None:
    me, _ = pair
    case_id = new_case(store)
    booked = Services(store).agenda.book(case_id, me.id, paris(2026, 4, 14, 14), "Agathe", at=NOW)
    gone = Services(store).agenda.cancel(booked.id, "Agathe", at=NOW)
    assert gone.status is AppointmentStatus.CANCELLED and gone.sequence == 1
    case = store.cases.get(case_id)
    assert case.status is Status.ACKNOWLEDGED
    assert case.events[-1].comment == "rendez-vous annulé"
    assert [a.status for a in store.agenda.for_case(case_id)] == [AppointmentStatus.CANCELLED]
    assert [h[1] for h in store.agenda.history(booked.id)] == ["fixé", "annulé"]
    with pytest.raises(BookingError):
        Services(store).agenda.cancel(booked.id, "Agathe", at=NOW)
    # The freed time is offered again and the case can be booked anew.
    free = Services(store).agenda.free_times(date(2026, 4, 14), date(2026, 4, 14), not_before=NOW)
    assert paris(2026, 4, 14, 14) in [f.starts_at for f in free]
    Services(store).agenda.book(case_id, me.id, paris(2026, 4, 14, 14), "Agathe", at=NOW)
    assert store.cases.get(case_id).status is Status.SCHEDULED


def test_a_case_with_an_appointment_cannot_be_booked_twice(store, pair) -> None:
    me, _ = pair
    case_id = new_case(store)
    Services(store).agenda.book(case_id, me.id, paris(2026, 4, 14, 14), "Agathe", at=NOW)
    with pytest.raises(BookingError, match="déjà un rendez-vous : déplacez-le"):
        Services(store).agenda.book(case_id, me.id, paris(2026, 4, 14, 16), "Agathe", at=NOW)


def test_rules_absences_and_slots_persist(store, pair, db_path) -> None:
    me, _ = pair
    Services(store).agenda.save_rules(BookingRules(30, 10, 2))
    Services(store).agenda.add_absence(
        SlotException(date(2026, 4, 14), date(2026, 4, 14), me.id, "congé")
    )
    store.close()
    with Store.open(db_path, "cheval correct agrafe batterie 42") as reopened:
        assert reopened.agenda.rules() == BookingRules(30, 10, 2)
        assert [e.reason for e in reopened.agenda.exceptions()] == ["congé"]
        assert len(reopened.agenda.slots()) == 2
        free = Services(reopened).agenda.free_times(date(2026, 4, 13), date(2026, 4, 19))
        assert {f.starts_at.astimezone(PARIS).weekday() for f in free} == {3}


def test_stamping_acknowledgment_only_once(store, pair) -> None:
    case_id = new_case(store)
    assert Services(store).cases.stamp_acknowledgment(case_id, "Agathe", at=NOW) is True
    assert Services(store).cases.stamp_acknowledgment(case_id, "Agathe") is False
    case = store.cases.get(case_id)
    assert case.acknowledged_at == NOW and case.status is Status.ACKNOWLEDGED


def test_a_call_cannot_be_booked_or_moved_to_a_time_already_gone(store, pair) -> None:
    """Even an urgent case, booked outside the slots, gets a time to come."""
    me, _ = pair
    case_id = new_case(store, urgent=True)
    now = datetime(2026, 4, 10, 10, 0, tzinfo=UTC)
    with pytest.raises(BookingError, match="déjà passé"):
        Services(store).agenda.book(case_id, me.id, now - timedelta(hours=2), "Agathe", at=now)
    booked = Services(store).agenda.book(case_id, me.id, now + timedelta(hours=2), "Agathe", at=now)
    with pytest.raises(BookingError, match="déjà passé"):
        Services(store).agenda.move(booked.id, now - timedelta(days=1), at=now)
    assert store.agenda.get(booked.id).starts_at == now + timedelta(hours=2)


def test_a_call_held_before_its_time_no_longer_takes_the_booked_time(store, pair) -> None:
    """« Appel effectué » pressed before the booked call: the appointment moves to then."""
    me, _ = pair
    case_id = new_case(store)
    booked_at = datetime(2026, 4, 10, 8, 0, tzinfo=UTC)
    tuesday = paris(2026, 4, 14, 14)  # the user's slot
    booked = Services(store).agenda.book(case_id, me.id, tuesday, "Agathe", at=booked_at)
    held_at = datetime(2026, 4, 13, 10, 0, tzinfo=UTC)  # the member called back early
    Services(store).cases.advance(case_id, Status.CALL_HELD, "Agathe", at=held_at)
    call = store.agenda.get(booked.id)
    assert (
        call.ends_at == held_at
        and call.ends_at - call.starts_at == booked.ends_at - booked.starts_at
    )
    assert call.sequence == booked.sequence + 1
    assert [action for _, action, _, _ in store.agenda.history(booked.id)][
        -1
    ] == "avancé (appel tenu)"
    assert store.agenda.upcoming(now=held_at) == []
    freed = Services(store).agenda.free_times(
        date(2026, 4, 14), date(2026, 4, 14), not_before=held_at
    )
    assert tuesday.astimezone(UTC) in {free.starts_at for free in freed}
