"""From the case view: « RDV fixé » opens « Proposer un RDV », one click books; move and cancel.

The booking dialog is the real one, shown without its modal loop; only the yes/no
question of the cancellation is answered through the prompts seam.
"""

from __future__ import annotations

from datetime import timedelta

from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.domain.workflow import Status
from ecoute_desktop.store import Store
from ecoute_desktop.ui.agenda import booking_dialog
from ecoute_desktop.ui.case.case_view import CaseView
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.desk_support import add_case, isolated_settings  # noqa: F401

# The main window with free times and the booking dialog without its modal loop.
pytest_plugins = ["tests.booking_support"]


def _open(window: MainWindow, case_id: int) -> CaseView:
    view = window.open_case(case_id)
    assert isinstance(view, CaseView)
    return view


def test_next_step_books_through_the_dialog_then_move_and_cancel(
    window, store: Store, dialogs, monkeypatch
) -> None:
    case = add_case(store, "Rochebrune", utc_now() - timedelta(hours=3))
    view = _open(window, case.id)
    view.workflow.next_button.click()  # « Accusé de réception envoyé »
    assert view.appointment.book_button.text() == "Proposer un RDV…"
    view.workflow.next_button.click()  # « RDV fixé » → the booking dialog
    assert len(dialogs) == 1
    booked = store.agenda.active_for_case(case.id)
    assert booked is not None and store.cases.get(case.id).status is Status.SCHEDULED
    assert "Appel prévu le" in view.appointment.summary.text()
    assert view.appointment.book_button.text() == "Déplacer le RDV…"
    assert view.appointment.confirm_button.isEnabled()

    view.appointment.book_button.click()  # move to the next free time
    moved = store.agenda.active_for_case(case.id)
    assert moved.id == booked.id and moved.starts_at != booked.starts_at
    assert moved.sequence == booked.sequence + 1

    monkeypatch.setattr(prompts, "confirm_action", lambda *args: True)
    view.appointment.cancel_button.click()
    assert store.agenda.active_for_case(case.id) is None
    final = store.cases.get(case.id)
    assert final.status is Status.ACKNOWLEDGED
    assert [e.to_status for e in final.events][-2:] == [Status.SCHEDULED, Status.ACKNOWLEDGED]
    assert len(store.agenda.history(booked.id)) == 3  # booked, moved, cancelled
    assert view.appointment.summary.text() == "Aucun rendez-vous fixé."


def test_closing_the_booking_dialog_without_choosing_changes_nothing(
    window, store: Store, monkeypatch
) -> None:
    monkeypatch.setattr(booking_dialog, "open_booking", lambda *args: None)
    case = add_case(store, "Granmont", utc_now() - timedelta(hours=1))
    view = _open(window, case.id)
    view.workflow.next_button.click()
    view.workflow.next_button.click()
    assert store.cases.get(case.id).status is Status.ACKNOWLEDGED
    assert store.agenda.active_for_case(case.id) is None


def test_a_held_call_is_told_in_the_past_and_needs_no_confirmation(
    window, store: Store, dialogs
) -> None:
    case = add_case(store, "Valcombe", utc_now() - timedelta(hours=3))
    view = _open(window, case.id)
    view.workflow.next_button.click()  # accusée
    view.workflow.next_button.click()  # rdv fixé, through the dialog
    assert view.appointment.confirm_button.isEnabled()
    view.workflow.next_button.click()  # « Appel effectué »
    assert store.cases.get(case.id).status is Status.CALL_HELD
    text = view.appointment.summary.text()
    assert "Appel du" in text and "prévu" not in text
    assert not view.appointment.confirm_button.isEnabled()
    view.workflow.next_button.click()  # clôturée
    assert "Appel du" in view.appointment.summary.text()
    assert not view.appointment.confirm_button.isEnabled()
