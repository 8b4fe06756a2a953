"""The agenda and the booking dialog, driven through their widgets as a hotliner would.

Pins: one click on a free time books the case ("rdv fixé"); an urgent case is booked
outside the slots from the dialog, a non-urgent one is not offered that; a double booking
shows the French refusal; "Déplacer…" and "Annuler le rendez-vous" from the agenda move
and cancel (history kept); the week view navigates and highlights today; the confirmation
dialog writes the .eml and the attachments where chosen and stamps the acknowledgment;
slots, absences and the pair are edited from the dialog.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, Qt, QTimer, QTimeZone
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from ecoute_desktop.domain.french_dates import clock
from ecoute_desktop.domain.models import AppointmentStatus, WeeklySlot
from ecoute_desktop.domain.slots import week_start
from ecoute_desktop.domain.timeutil import as_paris, utc_now
from ecoute_desktop.domain.workflow import Status
from ecoute_desktop.services.app import Services
from ecoute_desktop.ui.agenda.agenda_model import TODAY_ROLE
from ecoute_desktop.ui.agenda.agenda_view import AgendaView
from ecoute_desktop.ui.agenda.booking_dialog import BookingDialog
from ecoute_desktop.ui.agenda.slots_dialog import SlotsDialog
from ecoute_desktop.ui.case import confirmation_dialog
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.background import BackgroundRunner
from ecoute_desktop.ui.common.context import AppContext, Events
from ecoute_desktop.ui.common.palette import qcolour
from tests.agenda_helpers import add_case, add_pair


@pytest.fixture
def context(store, qtbot):
    me, _ = add_pair(store)
    for weekday in range(7):  # every day, so free times exist whatever today is
        store.agenda.save_slot(WeeklySlot(me.id, weekday, time(8), time(20), date(2020, 1, 1)))
    runner = BackgroundRunner()
    yield AppContext(Services(store), runner, Events())
    runner.wait()


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    seen: list[str] = []
    monkeypatch.setattr(prompts, "warn", lambda parent, title, text: seen.append(text))
    return seen


def click_index(qtbot, view, index) -> None:
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def book_first(qtbot, context, case_id: int) -> BookingDialog:
    dialog = BookingDialog(context, case_id)
    qtbot.addWidget(dialog)
    dialog.show()
    click_index(qtbot, dialog.times, dialog.index_of(dialog.free_times()[0]))
    return dialog


def test_one_click_on_a_free_time_books_the_case(qtbot, context, store) -> None:
    case_id = add_case(store)
    dialog = BookingDialog(context, case_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.urgent_box.isVisibleTo(dialog)  # not urgent: no out-of-slot booking
    chosen = dialog.free_times()[2]
    shown = [dialog.model.index(2, c).data() for c in range(3)]
    names = {h.id: h.display_name for h in store.people.all()}
    assert shown[1] == clock(chosen.starts_at) and shown[2] == names[chosen.hotliner_id]
    with qtbot.waitSignal(context.events.case_changed):
        click_index(qtbot, dialog.times, dialog.model.index(2, 1))
    case = store.cases.get(case_id)
    assert case.status is Status.SCHEDULED
    (appointment,) = case.appointments
    assert appointment.starts_at == chosen.starts_at
    assert dialog.result_appointment is not None and not dialog.isVisible()


def test_urgent_case_is_booked_outside_the_slots(qtbot, context, store, warnings) -> None:
    store.agenda.delete_slot(store.agenda.slots()[-1].id)  # no slot on Sundays now
    case_id = add_case(store, urgent=True)
    dialog = BookingDialog(context, case_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.urgent_box.isVisibleTo(dialog)
    sunday = week_start(as_paris(utc_now()).date()) + timedelta(days=13)
    paris = QTimeZone(b"Europe/Paris")
    dialog.when_edit.setDateTime(QDateTime(sunday, time(10, 0), paris))
    qtbot.mouseClick(dialog.urgent_button, Qt.MouseButton.LeftButton)
    assert warnings == []
    appointment = store.agenda.active_for_case(case_id)
    assert appointment.out_of_slot is True
    assert as_paris(appointment.starts_at).date() == sunday
    assert as_paris(appointment.starts_at).time() == time(10, 0)


def test_double_booking_is_refused_with_a_clear_message(qtbot, context, store, warnings) -> None:
    first = book_first(qtbot, context, add_case(store)).result_appointment
    other = add_case(store, nom="Autre", urgent=True)
    dialog = BookingDialog(context, other)
    qtbot.addWidget(dialog)
    dialog.show()
    when = as_paris(first.starts_at + timedelta(minutes=15))
    dialog.when_edit.setDateTime(QDateTime(when.date(), when.time(), QTimeZone(b"Europe/Paris")))
    qtbot.mouseClick(dialog.urgent_button, Qt.MouseButton.LeftButton)
    assert len(warnings) == 1 and "déjà un rendez-vous" in warnings[0]
    assert store.agenda.for_case(other) == []
    assert dialog.isVisible()


def agenda_on(qtbot, context, appointment) -> AgendaView:
    view = AgendaView(context)
    qtbot.addWidget(view)
    view.show()
    view.show_week(as_paris(appointment.starts_at).date())
    assert view.select_appointment(appointment.id)
    return view


def test_move_then_cancel_from_the_agenda(qtbot, context, store, monkeypatch) -> None:
    case_id = add_case(store)
    booked = book_first(qtbot, context, case_id).result_appointment
    view = agenda_on(qtbot, context, booked)
    assert view.move_button.isEnabled() and view.cancel_button.isEnabled()
    chosen: list[str] = []

    def pick_a_new_time() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, BookingDialog) and dialog.current is not None
        same_hotliner = [f for f in dialog.free_times() if f.hotliner_id == booked.hotliner_id]
        target = dialog.index_of(same_hotliner[3])
        chosen.append(same_hotliner[3].starts_at)
        dialog.times.setFocus()  # keyboard: arrows down to the time, then Enter
        for _ in range(target.row() + 1):
            qtbot.keyClick(dialog.times, Qt.Key.Key_Down)
        assert dialog.times.currentIndex().row() == target.row()
        qtbot.keyClick(dialog.times, Qt.Key.Key_Return)

    QTimer.singleShot(0, pick_a_new_time)
    qtbot.mouseClick(view.move_button, Qt.MouseButton.LeftButton)
    moved = store.agenda.get(booked.id)
    assert moved.starts_at == chosen[0] and moved.sequence == 1
    assert moved.uid == booked.uid

    view.show_week(as_paris(moved.starts_at).date())
    assert view.select_appointment(moved.id)
    monkeypatch.setattr(prompts, "confirm_action", lambda *args: True)
    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    gone = store.agenda.get(booked.id)
    assert gone.status is AppointmentStatus.CANCELLED and gone.sequence == 2
    assert [h[1] for h in store.agenda.history(booked.id)] == ["fixé", "déplacé", "annulé"]
    assert store.cases.get(case_id).status is Status.ACKNOWLEDGED
    assert view.appointment_indexes() == []  # no longer shown in the week


def test_week_navigation_and_today_highlight(qtbot, context) -> None:
    view = AgendaView(context)
    qtbot.addWidget(view)
    today = as_paris(utc_now()).date()
    this_week = view.title.text()
    assert view.monday == week_start(today)
    model = view.model
    days = [model.index(i, 0) for i in range(model.rowCount())]
    backgrounds = [day.data(Qt.ItemDataRole.BackgroundRole) for day in days]
    highlighted = [
        day.data()
        for day, brush in zip(days, backgrounds, strict=True)
        if brush is not None and brush.color() == qcolour("today_background")
    ]
    assert len(days) == 7 and len(highlighted) == 1 and "aujourd'hui" in highlighted[0]
    assert [day.data(TODAY_ROLE) for day in days].count(True) == 1
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert view.monday == week_start(today) + timedelta(days=7)
    assert view.title.text() != this_week
    qtbot.mouseClick(view.today_button, Qt.MouseButton.LeftButton)
    assert view.title.text() == this_week
    qtbot.mouseClick(view.previous_button, Qt.MouseButton.LeftButton)
    assert view.monday == week_start(today) - timedelta(days=7)


def test_confirmation_dialog_writes_draft_and_attachments_and_stamps(
    qtbot, context, store, tmp_path, monkeypatch
) -> None:
    case_id = add_case(store, nom="Chantebois")
    book_first(qtbot, context, case_id)
    opened: list[Path] = []
    monkeypatch.setattr(confirmation_dialog, "show_in_system", opened.append)
    monkeypatch.setattr(prompts, "ask_save_path", lambda *a: tmp_path / "brouillon")
    monkeypatch.setattr(prompts, "ask_directory", lambda *a: tmp_path / "pièces")
    dialog = confirmation_dialog.ConfirmationDialog(context, case_id)
    qtbot.addWidget(dialog)
    assert "Élodie CHANTEBOIS" in dialog.body.toPlainText()
    qtbot.mouseClick(dialog.eml_button, Qt.MouseButton.LeftButton)
    eml = tmp_path / "brouillon.eml"
    message = message_from_bytes(eml.read_bytes(), policy=default)
    assert len(list(message.iter_attachments())) == 2
    assert opened == [eml]
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert sorted(p.name for p in (tmp_path / "pièces").iterdir()) == [
        "Charte de confidentialité.pdf",
        "Rendez-vous point d'écoute.ics",
    ]
    assert QGuiApplication.clipboard().text().startswith("Objet : Point d'écoute")
    assert store.cases.get(case_id).acknowledged_at is None  # drafts are not replies
    qtbot.mouseClick(dialog.sent_button, Qt.MouseButton.LeftButton)
    assert store.cases.get(case_id).acknowledged_at is not None


def test_slots_absences_rules_and_pair_are_edited(qtbot, qtmodeltester, context, store) -> None:
    dialog = SlotsDialog(context)
    qtbot.addWidget(dialog)
    before = dialog.slot_model.rowCount()
    dialog.slot_day.setCurrentIndex(2)
    qtbot.mouseClick(dialog.add_slot_button, Qt.MouseButton.LeftButton)
    assert dialog.slot_model.rowCount() == before + 1
    assert any(s.weekday == 2 and s.start == time(14) for s in store.agenda.slots())
    qtmodeltester.check(dialog.slot_model)
    first = dialog.slot_model.row_at(0)
    shown = [dialog.slot_model.index(0, c).data() for c in range(4)]
    assert (
        shown[0]
        == ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")[
            first.weekday
        ].capitalize()
    )
    assert shown[2] == "Agathe Testeur" and shown[3].startswith("du ")
    dialog.slot_list.selectRow(0)
    qtbot.mouseClick(dialog.remove_slot_button, Qt.MouseButton.LeftButton)
    assert len(store.agenda.slots()) == before
    assert first.id not in {s.id for s in store.agenda.slots()}
    dialog.absence_reason.setText("congés")
    qtbot.mouseClick(dialog.add_absence_button, Qt.MouseButton.LeftButton)
    assert [e.reason for e in store.agenda.exceptions()] == ["congés"]
    qtmodeltester.check(dialog.absence_model)
    assert dialog.absence_model.index(0, 2).data() == "Tout le binôme"
    assert dialog.absence_model.index(0, 3).data() == "congés"
    dialog.absence_list.selectRow(0)
    qtbot.mouseClick(dialog.remove_absence_button, Qt.MouseButton.LeftButton)
    assert store.agenda.exceptions() == [] and dialog.absence_model.rowCount() == 0
    dialog.length_spin.setValue(30)
    dialog.max_spin.setValue(3)
    qtbot.mouseClick(dialog.save_rules_button, Qt.MouseButton.LeftButton)
    assert (store.agenda.rules().length_minutes, store.agenda.rules().max_per_day) == (30, 3)
    dialog.person_edits[1][2].setText("06 39 98 00 09")
    qtbot.mouseClick(dialog.save_pair_button, Qt.MouseButton.LeftButton)
    assert store.people.binome().second.telephone == "06 39 98 00 09"


def test_remove_buttons_need_a_selection_and_are_never_default(qtbot, context, store) -> None:
    dialog = SlotsDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.add_slot_button, Qt.MouseButton.LeftButton)
    dialog.absence_reason.setText("congés")
    qtbot.mouseClick(dialog.add_absence_button, Qt.MouseButton.LeftButton)
    for button, view in (
        (dialog.remove_slot_button, dialog.slot_list),
        (dialog.remove_absence_button, dialog.absence_list),
    ):
        assert not button.isEnabled() and not button.isDefault() and not button.autoDefault()
        view.selectRow(0)
        assert button.isEnabled()
        view.clearSelection()
        assert not button.isEnabled()
    dialog.close()
    count = len(store.agenda.slots())
    fresh = SlotsDialog(context)  # Enter on a selected slot closes the dialog, deletes nothing
    qtbot.addWidget(fresh)
    fresh.show()
    fresh.slot_list.selectRow(0)
    qtbot.keyClick(fresh.slot_list, Qt.Key.Key_Return)
    assert len(store.agenda.slots()) == count and not fresh.isVisible()
