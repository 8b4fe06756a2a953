"""Daily work through the widgets: email intake, workflow, notes, tags, orientation, search."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.domain.workflow import NEXT_STEP_LABELS, DropReason, Status
from ecoute_desktop.services.app import Services
from ecoute_desktop.store import Store
from ecoute_desktop.ui.agenda import booking_dialog
from ecoute_desktop.ui.case.case_view import CaseView
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.desk_support import add_case, isolated_settings, make_context, store_of, write_eml  # noqa: F401


@pytest.fixture
def window(qtbot, store: Store) -> MainWindow:
    main = MainWindow(make_context(store))
    qtbot.addWidget(main)
    main.resize(1200, 800)
    main.show()
    return main


def _case_view(window: MainWindow, case_id: int) -> CaseView:
    view = window.open_case(case_id)
    assert isinstance(view, CaseView)
    return view


def test_case_created_from_a_dropped_eml(qtbot, window: MainWindow, tmp_path: Path) -> None:
    eml = write_eml(
        tmp_path / "demande.eml",
        "Bonjour,\nje souhaite un échange. Mon portable : 06.39.98.12.34.\nCordialement",
    )
    (dialog,) = window.open_email_files([eml])
    assert dialog.edits["nom"].text() == "Fontclair"
    assert dialog.edits["prenom"].text() == "Élodie"
    assert dialog.email_edit.text() == "elodie.fontclair@example.org"
    assert dialog.phone_combo.currentText() == "06 39 98 12 34"
    assert dialog.received_edit.text() == "03/03/2026 à 9 h 14"  # the app's one clock format
    dialog.edits["collectivite"].setText("Ville de Valbourg")  # editable before saving
    dialog.save_button.click()  # the number was read in the text: « à vérifier » first
    assert dialog.created is None and "Téléphone" in dialog.error_label.text()
    dialog.marks.marks["telephone"].click()
    dialog.save_button.click()
    case = store_of(window.context).cases.get(dialog.created.id)
    assert case.received_at == datetime(2026, 3, 3, 8, 14, 27, tzinfo=UTC)
    assert case.member.collectivite == "Ville de Valbourg"
    assert "Mon portable" in case.notes[0].body
    assert isinstance(window.case_view, CaseView)  # the new case is shown

    again = write_eml(tmp_path / "relance.eml", "Relance : 06 39 98 12 34", sender="x@example.org")
    (second,) = window.open_email_files([again])
    assert second.returning_label.isVisible()
    assert case.reference in second.returning_label.text()
    # By keyboard: Tab reaches the link, Enter follows it.
    second.activateWindow()
    qtbot.waitUntil(second.isActiveWindow)
    second.returning_label.setFocus(Qt.FocusReason.TabFocusReason)
    assert second.returning_label.hasFocus()
    qtbot.keyClick(second.returning_label, Qt.Key.Key_Tab)  # onto its first link
    with qtbot.waitSignal(window.context.events.open_case) as blocker:
        qtbot.keyClick(second.returning_label, Qt.Key.Key_Return)
    assert blocker.args == [case.id]


def test_plain_new_case_form_requires_a_name(window: MainWindow) -> None:
    dialog = window.new_case()
    dialog.save_button.click()
    assert "nom" in dialog.error_label.text()
    assert store_of(window.context).cases.count() == 0
    dialog.edits["nom"].setText("Aubrac")
    dialog.urgent_box.setChecked(True)
    dialog.save_button.click()
    (row,) = store_of(window.context).queries.summaries(utc_now())
    assert row.nom == "Aubrac" and row.urgent


def test_next_step_button_walks_the_whole_workflow(
    qtmodeltester, window, store: Store, monkeypatch
) -> None:
    case = add_case(store, "Bellerive", utc_now() - timedelta(hours=50))
    store.cases.update_details(case.id, urgent=True)  # may be booked outside any slot
    start = utc_now() + timedelta(days=2)
    # « RDV fixé » opens the booking dialog (tested in test_case_appointment); here it books.
    monkeypatch.setattr(
        booking_dialog,
        "open_booking",
        lambda context, case_id, parent: context.services.agenda.book(case_id, None, start, "Moi"),
    )
    view = _case_view(window, case.id)
    assert "en retard de 2 h" in view.deadline_label.text()
    seen = []
    for target in (Status.ACKNOWLEDGED, Status.SCHEDULED, Status.CALL_HELD, Status.CLOSED):
        assert view.workflow.next_button.text() == NEXT_STEP_LABELS[target]
        view.workflow.next_button.click()
        seen.append(store.cases.get(case.id).status)
    assert seen == [Status.ACKNOWLEDGED, Status.SCHEDULED, Status.CALL_HELD, Status.CLOSED]
    assert not view.workflow.next_button.isVisible()
    assert view.workflow.history.rowCount() == 4
    qtmodeltester.check(view.workflow.history)
    final = store.cases.get(case.id)
    assert final.acknowledged_at and final.call_held_at and final.questionnaire_sent_at


def test_sans_suite_with_reason_after_confirmation(window, store, monkeypatch) -> None:
    case = add_case(store, "Chantebois", utc_now())
    view = _case_view(window, case.id)
    answers = iter([False, True])
    monkeypatch.setattr(prompts, "confirm_action", lambda *a: next(answers))
    view.workflow.reason_combo.setCurrentIndex(
        view.workflow.reason_combo.findData(DropReason.WITHDRAWN)
    )
    view.workflow.drop_button.click()
    assert store.cases.get(case.id).status is Status.RECEIVED  # user said no
    view.workflow.drop_button.click()
    dropped = store.cases.get(case.id)
    assert (dropped.status, dropped.drop_reason) == (Status.DROPPED, DropReason.WITHDRAWN)
    assert not view.workflow.drop_button.isVisible()


def test_notes_add_edit_and_draft_survives_closing(qtbot, window: MainWindow, store) -> None:
    case = add_case(store, "Delaunoy", utc_now())
    view = _case_view(window, case.id)
    view.notes.editor.setFocus()
    view.notes.editor.setPlainText("Premier échange, l'adhérent est soulagé.")
    qtbot.keyClick(view.notes.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    (note,) = store.notes.for_case(case.id)
    assert note.body == "Premier échange, l'adhérent est soulagé."
    assert (
        len(view.notes.cards) == 1
        and "Note du"
        in view.notes.cards[0]
        .findChild(QWidget.__mro__[0].__subclasses__()[0] if False else type(view.notes.mode_label))
        .text()
    )

    view.notes.cards[0].edit_button.click()
    assert view.notes.editor.toPlainText() == note.body
    view.notes.editor.setPlainText("Premier échange, l'adhérent est très soulagé.")
    view.notes.save_note()
    assert store.notes.for_case(case.id)[0].body.endswith("très soulagé.")

    view.notes.editor.setPlainText("Brouillon en cours de frappe")
    qtbot.waitUntil(lambda: store.notes.draft(case.id) == "Brouillon en cours de frappe")
    view.notes.editor.setPlainText("Brouillon en cours de frappe, suite")
    window.close_case()  # flushes at once, no waiting for the timer
    assert store.notes.draft(case.id) == "Brouillon en cours de frappe, suite"
    reopened = _case_view(window, case.id)
    assert reopened.notes.editor.toPlainText() == "Brouillon en cours de frappe, suite"
    assert "Brouillon retrouvé" in reopened.notes.draft_label.text()


def test_themes_are_checkable_tags(window: MainWindow, store: Store) -> None:
    case = add_case(store, "Estérel", utc_now())
    elus = next(t for t in store.themes.all() if t.label == "Élus")
    view = _case_view(window, case.id)
    view.themes.buttons[elus.id].click()
    assert [t.label for t in store.cases.get(case.id).themes] == ["Élus"]
    view.themes.buttons[elus.id].click()
    assert store.cases.get(case.id).themes == []


def test_orientation_in_two_clicks_shows_contact(qtbot, window: MainWindow, store) -> None:
    cnfpt = next(t for t in store.directory.all() if t.label == "CNFPT")
    store.directory.update(cnfpt.id, "CNFPT", False, telephone="01 39 98 00 00")
    case = add_case(store, "Fontclair", utc_now())
    view = _case_view(window, case.id)
    clicks = 0

    def click(widget: QWidget) -> None:
        nonlocal clicks
        clicks += 1
        qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)

    click(view.orientation.open_button)
    popup = view.orientation.popup
    assert popup is not None and popup.isVisible()
    click(popup.button_for("CNFPT"))
    assert clicks == 2
    assert [o.target.label for o in store.cases.get(case.id).orientations] == ["CNFPT"]
    assert "01 39 98 00 00" in view.orientation.contact_label.text()
    assert view.orientation.contact_label.isVisible()


def test_an_orientation_clicked_by_mistake_can_be_taken_back(window: MainWindow, store) -> None:
    case = add_case(store, "Estérel", utc_now())
    view = _case_view(window, case.id)
    view.orientation.show_directory().button_for("CNFPT").click()
    view.orientation.show_directory().button_for("SNDGCT").click()  # meant CNFPT only
    assert view.orientation.undo_button.isVisible()
    view.orientation.undo_button.click()
    assert [o.target.label for o in store.cases.get(case.id).orientations] == ["CNFPT"]
    assert not view.orientation.undo_button.isVisible()
    assert not view.orientation.contact_label.isVisible()


def test_search_finds_a_word_only_present_in_a_note(qtbot, qtmodeltester, window, store) -> None:
    add_case(store, "Granmont", utc_now(), note="Question sur le télétravail")
    target = add_case(store, "Hautecour", utc_now(), note="Il évoque un zeppelin imaginaire")
    view = window.show_view("cases")
    assert view.count_label.text() == "Chargement…"  # the rows come from the background runner
    qtbot.waitUntil(lambda: not view.loading)
    qtmodeltester.check(view.model)
    view.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # by member name
    assert [r.nom for r in view.model.rows()] == ["Granmont", "Hautecour"]
    view.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert [r.nom for r in view.model.rows()] == ["Hautecour", "Granmont"]
    qtmodeltester.check(view.model)
    assert view.model.rowCount() == 2
    window.search_action.trigger()
    assert view.search_edit.hasFocus()
    qtbot.keyClicks(view.search_edit, "zeppel")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=5000)
    assert view.model.row_at(0).id == target.id
    with qtbot.waitSignal(window.context.events.open_case) as blocker:
        qtbot.keyClick(view.search_edit, Qt.Key.Key_Return)
    assert blocker.args == [target.id]
    view.search_edit.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=5000)


def test_filter_by_theme_then_open_with_enter(qtbot, window: MainWindow, store) -> None:
    relationnel = next(t for t in store.themes.all() if t.label == "Relationnel")
    elus = next(t for t in store.themes.all() if t.label == "Élus")
    tagged = add_case(store, "Isambert", utc_now() - timedelta(days=1))
    add_case(store, "Joncquière", utc_now())
    store.cases.set_themes(tagged.id, [elus.id])
    view = window.show_view("cases")
    qtbot.waitUntil(lambda: not view.loading)
    view.select_theme(relationnel.id)  # a top theme includes its sub-themes
    assert [r.id for r in view.model.rows()] == [tagged.id]
    assert "1 sollicitation(s) sur 2" in view.count_label.text()
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(0, 0))
    with qtbot.waitSignal(window.context.events.open_case) as blocker:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert blocker.args == [tagged.id]


def test_today_lists_requests_by_time_left(qtmodeltester, window, store: Store) -> None:
    late = add_case(store, "Kervelec", utc_now() - timedelta(hours=53, minutes=3))
    fresh = add_case(store, "Lavandier", utc_now() - timedelta(hours=1))
    soon = add_case(store, "Montjoyeux", utc_now() - timedelta(hours=40))
    store.cases.update_details(soon.id, urgent=True)
    done = add_case(store, "Noirval", utc_now() - timedelta(hours=5))
    Services(store).cases.advance(done.id, Status.ACKNOWLEDGED, "Moi")
    Services(store).cases.advance(done.id, Status.SCHEDULED, "Moi")
    Services(store).cases.advance(done.id, Status.CALL_HELD, "Moi")
    window.context.events.cases_changed.emit()
    today = window.show_view("today")
    rows = today.to_acknowledge.rows()
    assert [r.id for r in rows] == [late.id, soon.id, fresh.id]
    first = today.to_acknowledge.index(0, 0)
    assert today.to_acknowledge.data(first).startswith("en retard de 5 h 0")
    assert today.to_acknowledge.data(first, Qt.ItemDataRole.ForegroundRole) is not None
    assert today.to_acknowledge.data(today.to_acknowledge.index(1, 1)) == "URGENT"
    assert [r.id for r in today.calls_held.rows()] == [done.id]
    for model in (today.to_acknowledge, today.appointments, today.calls_held):
        qtmodeltester.check(model)


def test_clicking_the_highlighted_view_leaves_the_case(qtbot, window: MainWindow, store) -> None:
    case_id = add_case(store, "Fictif", utc_now() - timedelta(hours=2)).id
    today = window.show_view("today")
    _case_view(window, case_id)
    assert window.stack.currentWidget() is window.case_view
    row = window.navigation.currentRow()
    item = window.navigation.item(row)
    rect = window.navigation.visualItemRect(item)
    qtbot.mouseClick(window.navigation.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.case_view is None
    assert window.stack.currentWidget() is today
