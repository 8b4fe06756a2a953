"""Any number of calls on one case (issue 19): « Rappel convenu » after « appel effectué ».

The case page books the next call in two clicks (the button, then a free time), the
case stays open, cancelling the follow-up goes back to « appel effectué », and the
indicators count calls (`calls_held`) apart from requests (`cases_with_call`).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from ecoute_desktop.domain.aggregation import compute_indicators
from ecoute_desktop.domain.models import Case, Member
from ecoute_desktop.domain.slots import BookingError
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.domain.workflow import Status
from ecoute_desktop.services.app import Services
from ecoute_desktop.store import Store
from ecoute_desktop.ui.case.case_view import CaseView
from ecoute_desktop.ui.common import prompts
from tests.desk_support import add_case, isolated_settings  # noqa: F401

# The main window with free times and the booking dialog without its modal loop.
pytest_plugins = ["tests.booking_support"]


def test_a_second_call_is_booked_after_the_first_is_held(
    window, store: Store, dialogs, monkeypatch
) -> None:
    case = add_case(store, "Rochebrune", utc_now() - timedelta(hours=3))
    view = window.open_case(case.id)
    assert isinstance(view, CaseView)
    view.workflow.next_button.click()  # « Accusé de réception envoyé »
    view.workflow.next_button.click()  # « RDV fixé » through the dialog
    first = store.agenda.active_for_case(case.id)
    view.workflow.next_button.click()  # « Appel effectué »
    assert store.cases.get(case.id).status is Status.CALL_HELD
    first_held = store.cases.get(case.id).call_held_at

    # « Rappel convenu » in two clicks: the button, then a free time
    assert view.appointment.book_button.text() == "Rappel convenu…"
    assert view.appointment.book_button.isEnabled()
    view.appointment.book_button.click()
    assert len(dialogs) == 2
    assert dialogs[1].windowTitle().startswith("Rappel convenu")
    second = store.agenda.active_for_case(case.id)
    assert second is not None and second.id != first.id  # a new call, the first one kept
    after = store.cases.get(case.id)
    assert after.status is Status.SCHEDULED and after.status.is_open
    assert after.events[-1].comment == "rappel convenu"
    assert "Rappel prévu le" in view.appointment.summary.text()
    assert view.appointment.confirm_button.isEnabled()  # the member is told the new time

    # cancelling the follow-up goes back to « appel effectué », not « accusée »
    monkeypatch.setattr(prompts, "confirm_action", lambda *args: True)
    view.appointment.cancel_button.click()
    assert store.cases.get(case.id).status is Status.CALL_HELD
    assert store.cases.get(case.id).calls_held == 1

    view.appointment.book_button.click()  # booked again, then held
    view.workflow.next_button.click()  # « Appel effectué » a second time
    done = store.cases.get(case.id)
    assert done.status is Status.CALL_HELD and done.calls_held == 2
    assert done.call_held_at == first_held  # the delay reported runs to the first call
    assert "2 appels effectués" in view.appointment.summary.text()


def test_an_earlier_call_cannot_be_moved_once_a_follow_up_is_booked(store: Store) -> None:
    services = Services(store)
    hotliner = None  # an urgent case is booked outside the slots
    case = store.cases.create(
        Case("", utc_now() - timedelta(days=3), Member("Valcombe"), urgent=True)
    )
    first = services.agenda.book(case.id, hotliner, utc_now() + timedelta(hours=1))
    services.cases.hold_call(case.id)
    services.agenda.book(case.id, hotliner, utc_now() + timedelta(days=2))
    with pytest.raises(BookingError, match="a déjà eu lieu"):
        services.agenda.cancel(first.id)
    with pytest.raises(BookingError, match="a déjà un rendez-vous"):
        services.agenda.book(case.id, hotliner, utc_now() + timedelta(days=3))


def test_indicators_count_calls_and_requests_apart() -> None:
    t0 = datetime(2026, 3, 2, 9, tzinfo=UTC)
    twice = Case("2026-0001", t0, Member("Un"))
    for step in (Status.ACKNOWLEDGED, Status.SCHEDULED, Status.CALL_HELD):
        twice.advance(step, t0 + timedelta(hours=2), "Test")
    twice.advance(Status.SCHEDULED, t0 + timedelta(days=1), "Test")
    twice.advance(Status.CALL_HELD, t0 + timedelta(days=3), "Test")
    once = Case("2026-0002", t0, Member("Deux"), call_held_at=t0 + timedelta(days=1))
    never = Case("2026-0003", t0, Member("Trois"))
    result = compute_indicators([twice, once, never], date(2026, 3, 1), date(2026, 3, 31))
    assert result.calls_held == 3
    assert result.cases_with_call == 2
    assert result.to_json()["cases_with_call"] == 2
