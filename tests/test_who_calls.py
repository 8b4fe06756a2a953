"""Who calls whom, one choice per appointment, said the same way everywhere (issue 19).

The way is chosen in « Proposer un RDV »; the confirmation e-mail, the member's and the
hotliner's calendar events, « Aujourd'hui » and the case page all show the sentence of
`domain.who_calls.call_sentence`, word for word, for both ways. The help quotes both.
"""

from __future__ import annotations

import html
import re
from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt

from ecoute_desktop.domain.models import WeeklySlot
from ecoute_desktop.domain.timeutil import PARIS, as_paris, utc_now
from ecoute_desktop.domain.who_calls import WhoCalls, call_sentence
from ecoute_desktop.resource_files import read_resource
from ecoute_desktop.services import calendar_ics
from ecoute_desktop.store import Store
from ecoute_desktop.ui.agenda.booking_dialog import BookingDialog
from ecoute_desktop.ui.case.case_view import CaseView
from ecoute_desktop.ui.today.today_view import TodayView
from tests.desk_support import add_case, isolated_settings, make_context  # noqa: F401
from tests.ics_reader import parse, prop, unescape

MEMBER_PHONE = "06 12 34 56 78"
MY_PHONE = "06 39 98 00 01"  # make_context's hotliner


def _descriptions(ics: bytes) -> list[str]:
    root = parse(ics.decode("utf-8"))
    events = [c for cal in root["children"] for c in cal["children"] if c["name"] == "VEVENT"]
    return [unescape(prop(event, "DESCRIPTION")[1]) for event in events]


@pytest.fixture
def context(qtbot, store: Store):
    context = make_context(store)
    me = store.people.me()
    for weekday in range(7):
        store.agenda.save_slot(WeeklySlot(me.id, weekday, time(8), time(20), date(2020, 1, 1)))
    return context


@pytest.mark.parametrize("way", list(WhoCalls))
def test_the_same_sentence_in_confirmation_calendars_and_desk(
    qtbot, context, store: Store, way: WhoCalls
) -> None:
    case = add_case(store, "Fontclair", utc_now() - timedelta(hours=2), telephone=MEMBER_PHONE)
    dialog = BookingDialog(context, case.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.way_buttons[way], Qt.MouseButton.LeftButton)
    assert dialog.chosen_way() is way
    index = dialog.index_of(dialog.free_times()[0])
    rect = dialog.times.visualRect(index)
    qtbot.mouseClick(dialog.times.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    booked = dialog.result_appointment
    assert booked is not None and booked.who_calls is way

    expected = call_sentence(way, MEMBER_PHONE, MY_PHONE)
    other = call_sentence(next(w for w in WhoCalls if w is not way), MEMBER_PHONE, MY_PHONE)
    services = context.services
    confirmation = services.cases.build_confirmation(case.id)
    member_ics = _descriptions(confirmation.invitation_ics)
    hotliner_ics = _descriptions(calendar_ics.case_calendar(store, case.id, for_member=False))
    today = TodayView(context)
    qtbot.addWidget(today)
    today.refresh()
    column = [
        today.appointments.headerData(c, Qt.Orientation.Horizontal)
        for c in range(today.appointments.columnCount())
    ].index("Qui appelle")
    desk = today.appointments.index(0, column).data()
    page = CaseView(context, case.id)
    qtbot.addWidget(page)

    for said in (
        confirmation.body,
        member_ics[0],
        hotliner_ics[0],
        desk,
        page.appointment.way_label.text(),
    ):
        assert expected in said
        assert other not in said


def test_the_way_changes_on_the_case_page_and_the_calendar_follows(
    qtbot, context, store: Store
) -> None:
    case = add_case(store, "Granmont", utc_now() - timedelta(hours=2), telephone=MEMBER_PHONE)
    me = store.people.me()
    tomorrow = as_paris(utc_now()).date() + timedelta(days=1)
    at_ten = datetime.combine(tomorrow, time(10), tzinfo=PARIS)  # inside the 8–20 slots
    booked = context.services.agenda.book(case.id, me.id, at_ten)
    page = CaseView(context, case.id)
    qtbot.addWidget(page)
    combo = page.appointment.way_combo
    combo.setCurrentIndex(combo.findData(WhoCalls.MEMBER_CALLS))
    combo.activated.emit(combo.currentIndex())
    changed = store.agenda.get(booked.id)
    assert changed.who_calls is WhoCalls.MEMBER_CALLS
    assert changed.sequence == booked.sequence + 1  # calendars replace the old event
    sentence = call_sentence(WhoCalls.MEMBER_CALLS, MEMBER_PHONE, MY_PHONE)
    assert page.appointment.way_label.text() == sentence
    assert sentence in context.services.cases.build_confirmation(case.id).body


def test_the_help_quotes_both_sentences() -> None:
    text = " ".join(
        html.unescape(re.sub(r"<[^>]+>", "", read_resource("help", "guide.html"))).split()
    )
    for way in WhoCalls:
        assert call_sentence(way, "[numéro de l'adhérent]", "[votre numéro]") in text
