"""The agenda week and the free times are real Qt models, checked by Qt's model tester.

Pins: the week model has seven day rows with their lines as children, today's day
carries the highlight and the today role, booked calls carry their appointment and case
ids in custom roles; the free-times model lists day, hour and hotliner; at 200 % text
size a long member name wraps onto more lines in a taller row instead of being cut.
"""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics

from ecoute_desktop.domain.models import WeeklySlot
from ecoute_desktop.domain.timeutil import as_paris, utc_now
from ecoute_desktop.services.app import Services
from ecoute_desktop.ui.agenda.agenda_model import (
    APPOINTMENT_ID_ROLE,
    CASE_ID_ROLE,
    KIND_ROLE,
    MEMBER,
    TODAY_ROLE,
    AgendaWeekModel,
    build_week,
)
from ecoute_desktop.ui.agenda.agenda_view import AgendaView
from ecoute_desktop.ui.agenda.booking_dialog import BookingDialog
from ecoute_desktop.ui.common import text_size
from ecoute_desktop.ui.common.background import BackgroundRunner
from ecoute_desktop.ui.common.context import AppContext, Events
from tests.agenda_helpers import add_case, add_pair

LONG_NAME = "Bérangère-Marie-Constance DE LA ROCHEFOUCAULD-MONTBAZON"


@pytest.fixture
def context(store, qtbot):
    me, _ = add_pair(store)
    for weekday in range(7):  # every day, so free times exist whatever today is
        store.agenda.save_slot(WeeklySlot(me.id, weekday, time(8), time(20), date(2020, 1, 1)))
    runner = BackgroundRunner()
    yield AppContext(Services(store), runner, Events())
    runner.wait()


def _book(store, context, nom: str = "Fictif", prenom: str = "Élodie") -> tuple[int, object]:
    case_id = add_case(store, nom=nom, prenom=prenom, urgent=True)
    dialog = BookingDialog(context, case_id)
    first = dialog.free_times()[0]
    appointment = Services(store).agenda.book(case_id, first.hotliner_id, first.starts_at, "test")
    dialog.deleteLater()
    return case_id, appointment


def test_week_model_passes_the_model_tester_and_carries_ids(qtmodeltester, store, context) -> None:
    case_id, appointment = _book(store, context)
    today = as_paris(utc_now()).date()
    monday = as_paris(appointment.starts_at).date()
    monday = monday.fromordinal(monday.toordinal() - monday.weekday())
    model = AgendaWeekModel()
    model.set_days(build_week(Services(store), monday, today))
    qtmodeltester.check(model)
    assert model.rowCount() == 7
    (index,) = model.appointment_indexes()
    assert index.data(KIND_ROLE) == "appointment"
    assert index.data(APPOINTMENT_ID_ROLE) == appointment.id
    assert index.data(CASE_ID_ROLE) == case_id
    member = index.siblingAtColumn(MEMBER)
    assert member.data() == "Élodie FICTIF"
    assert "urgent" in index.siblingAtColumn(1).data()
    assert "Élodie FICTIF" in index.data(Qt.ItemDataRole.AccessibleTextRole)
    day = index.parent()
    assert day.data(KIND_ROLE) == "day" and not day.parent().isValid()
    assert model.rowCount(day) >= 2  # the slot and the booked call at least
    kinds = {model.index(r, 0, day).data(KIND_ROLE) for r in range(model.rowCount(day))}
    assert "slot" in kinds


def test_today_is_marked_by_role_in_this_week(qtmodeltester, store, context) -> None:
    today = as_paris(utc_now()).date()
    model = AgendaWeekModel()
    model.set_days(
        build_week(Services(store), today.fromordinal(today.toordinal() - today.weekday()), today)
    )
    qtmodeltester.check(model)
    marked = [model.index(r, 0) for r in range(7) if model.index(r, 0).data(TODAY_ROLE)]
    assert len(marked) == 1 and marked[0].row() == today.weekday()
    child = model.index(0, 2, marked[0])
    assert child.data(TODAY_ROLE) is True
    assert child.data(Qt.ItemDataRole.BackgroundRole) is not None


def test_free_times_model_passes_the_model_tester(qtbot, qtmodeltester, store, context) -> None:
    dialog = BookingDialog(context, add_case(store))
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    free = dialog.free_times()
    assert free and dialog.model.rowCount() == len(free)
    assert [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Jour",
        "Heure",
        "Avec",
    ]


def test_long_names_wrap_at_200_percent_instead_of_being_cut(qtbot, store, context) -> None:
    text_size.apply_scale(200, remember=False)
    try:
        _, appointment = _book(store, context, nom=LONG_NAME.split(" ", 1)[1], prenom="Bérangère")
        view = AgendaView(context)
        qtbot.addWidget(view)
        view.resize(1040, 800)
        view.show()
        view.show_week(as_paris(appointment.starts_at).date())
        assert view.select_appointment(appointment.id)
        member = view.tree.currentIndex().siblingAtColumn(MEMBER)
        qtbot.waitUntil(lambda: view.tree.header().sectionSize(1) > 1)
        rect = view.tree.visualRect(member)
        font = QFont(view.tree.font())
        font.setBold(True)
        metrics = QFontMetrics(font)
        text = member.data()
        assert metrics.horizontalAdvance(text) > rect.width()  # too long for one line
        needed = metrics.boundingRect(
            QRect(0, 0, rect.width() - 8, 0), Qt.TextFlag.TextWordWrap, text
        )
        assert rect.height() >= needed.height() >= 2 * metrics.height()
        assert view.tree.textElideMode() == Qt.TextElideMode.ElideNone
    finally:
        text_size.apply_scale(100, remember=False)
