"""The application layer: one transaction per action, events heard only once it is committed.

Pins: a listener hears `CaseChanged` when another connection already sees the booking (so
after the commit); a refused action writes nothing and tells nobody; « Proposer un RDV »
with the other hotliner of the pair cancels the call and books a new one (a new calendar
event) in one transaction, told once; with the same hotliner it moves the call (same
UID); the Qt bridge re-emits an event published on a worker thread on the GUI thread.
"""

from __future__ import annotations

import threading
from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QThread

from ecoute_desktop.domain.models import AppointmentStatus
from ecoute_desktop.domain.slots import BookingError
from ecoute_desktop.domain.timeutil import PARIS, as_paris, utc_now
from ecoute_desktop.domain.workflow import DropReason, Status
from ecoute_desktop.services.app import CaseChanged, Event, Services
from ecoute_desktop.store import Store
from ecoute_desktop.ui.common.event_bridge import EventBridge, Events
from tests.agenda_helpers import add_case, add_pair
from tests.conftest import PASSPHRASE


def next_weekday_at(weekday: int, hour: int) -> datetime:
    """The next such Paris weekday (at least a day ahead) at `hour`."""
    day = as_paris(utc_now()).date() + timedelta(days=1)
    while day.weekday() != weekday:
        day += timedelta(days=1)
    return datetime.combine(day, time(hour), tzinfo=PARIS)


@pytest.fixture
def services(store: Store) -> Services:
    add_pair(store)  # me on Tuesday afternoons, the partner on Thursday mornings
    return Services(store)


def test_listeners_hear_of_a_booking_once_it_is_committed(store, services, db_path) -> None:
    case_id = add_case(store)
    seen_elsewhere: list[Status] = []

    def listener(event: Event) -> None:
        with Store.open(db_path, PASSPHRASE, lock=False) as other:  # another connection
            seen_elsewhere.append(other.cases.get(case_id).status)

    services.publisher.subscribe(listener)
    me = services.people.me()
    services.agenda.book(case_id, me.id, next_weekday_at(1, 14))
    assert seen_elsewhere == [Status.SCHEDULED]


def test_a_refused_action_writes_nothing_and_tells_nobody(store, services) -> None:
    case_id = add_case(store)
    services.cases.drop(case_id, DropReason.WITHDRAWN)
    heard: list[Event] = []
    services.publisher.subscribe(heard.append)
    with pytest.raises(BookingError, match="on ne peut plus y fixer"):
        services.agenda.book(case_id, services.people.me().id, next_weekday_at(1, 14))
    assert heard == []
    assert services.agenda.active_for_case(case_id) is None


def test_other_hotliner_cancels_and_books_anew_in_one_action(store, services) -> None:
    me, partner = services.people.me(), services.people.partner()
    case_id = add_case(store)
    first = services.agenda.book_or_move(case_id, me.id, next_weekday_at(1, 14))
    heard: list[Event] = []
    services.publisher.subscribe(heard.append)

    second = services.agenda.book_or_move(case_id, partner.id, next_weekday_at(3, 9))

    assert heard == [CaseChanged(case_id)]  # one action, told once
    assert store.agenda.get(first.id).status is AppointmentStatus.CANCELLED
    assert second.id != first.id and second.uid != first.uid  # a new calendar event
    case = store.cases.get(case_id)
    assert case.status is Status.SCHEDULED and case.hotliner_id == partner.id
    assert [(e.from_status, e.to_status) for e in case.events][-2:] == [
        (Status.SCHEDULED, Status.ACKNOWLEDGED),  # the cancellation
        (Status.ACKNOWLEDGED, Status.SCHEDULED),  # the new booking
    ]


def test_same_hotliner_moves_the_call_keeping_its_calendar_event(store, services) -> None:
    me = services.people.me()
    case_id = add_case(store)
    first = services.agenda.book_or_move(case_id, me.id, next_weekday_at(1, 14))
    moved = services.agenda.book_or_move(case_id, me.id, next_weekday_at(1, 15))
    assert moved.id == first.id and moved.uid == first.uid
    assert moved.sequence == first.sequence + 1
    assert as_paris(store.agenda.get(first.id).starts_at).hour == 15


def test_a_failing_step_inside_an_action_rolls_everything_back(store, services) -> None:
    """The cross-hotliner rule: when the new booking is refused the old call stays."""
    me, partner = services.people.me(), services.people.partner()
    case_id = add_case(store)
    first = services.agenda.book_or_move(case_id, me.id, next_weekday_at(1, 14))
    outside = datetime.combine(next_weekday_at(5, 9).date(), time(9), tzinfo=PARIS)
    with pytest.raises(BookingError, match="pas sur un créneau"):
        services.agenda.book_or_move(case_id, partner.id, outside)  # not urgent, no slot
    assert store.agenda.get(first.id).status is AppointmentStatus.BOOKED
    assert store.cases.get(case_id).status is Status.SCHEDULED


def test_the_bridge_delivers_worker_thread_events_on_the_gui_thread(qtbot, services) -> None:
    events = Events()
    bridge = EventBridge(services.publisher, events)
    received_on: list[QThread] = []
    events.case_changed.connect(lambda _: received_on.append(QThread.currentThread()))
    worker = threading.Thread(target=lambda: services.publisher.publish(CaseChanged(7)))
    with qtbot.waitSignal(events.case_changed) as blocker:
        worker.start()
    worker.join()
    assert blocker.args == [7]
    assert received_on == [events.thread()]
    assert bridge is not None


def test_slots_are_checked_before_anything_is_saved(services) -> None:
    from ecoute_desktop.domain.models import WeeklySlot

    heard: list[Event] = []
    services.publisher.subscribe(heard.append)
    before = services.agenda.slots()
    me = services.people.me()
    with pytest.raises(BookingError, match="finir après son début"):
        services.agenda.save_slot(WeeklySlot(me.id, 0, time(12), time(9), date(2026, 1, 1)))
    assert services.agenda.slots() == before and heard == []
