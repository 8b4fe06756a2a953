"""A new hotliner's first day on an empty database: the views say what to do next, and the
« Premiers pas » list leads to each missing setting and disappears once all are done."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QDialog

from ecoute_desktop.domain.models import Hotliner
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.services import first_steps as steps
from ecoute_desktop.services.app import Services
from ecoute_desktop.store import Store
from ecoute_desktop.ui.agenda.slots_dialog import SlotsDialog
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.background import BackgroundRunner
from ecoute_desktop.ui.common.context import AppContext, Events
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.desk_support import add_case, isolated_settings  # noqa: F401


@pytest.fixture
def window(qtbot, store: Store) -> MainWindow:
    """The main window just after the first-run assistant: a name, nothing else."""
    store.people.save(Hotliner("Morel", "Jacqueline", "", is_self=True))
    main = MainWindow(AppContext(Services(store), BackgroundRunner(), Events()))
    qtbot.addWidget(main)
    main.resize(1280, 720)
    main.show()
    return main


def add_slot_in_dialog(dialog: SlotsDialog) -> int:
    """What the user does in the slots dialog: the form's defaults, « Ajouter ce créneau »."""
    dialog.show()
    dialog.add_slot_button.click()
    dialog.reject()
    return int(QDialog.DialogCode.Rejected)


def visible_texts(widget) -> str:
    from PySide6.QtWidgets import QLabel, QPushButton

    found = [*widget.findChildren(QLabel), *widget.findChildren(QPushButton)]
    return " ".join(w.text() for w in found if w.isVisibleTo(widget) and w.text())


def test_today_on_an_empty_database_says_what_to_do_next(window, store, monkeypatch) -> None:
    today = window.view("today")
    start = today.empty_start
    assert start.isVisible()
    assert "Aucune sollicitation pour l'instant." in visible_texts(start)
    for section in today.sections:  # no « : 0 » headings, no empty tables
        assert not section.isVisible()
    assert start.new_button.text() == "Nouvelle sollicitation (Ctrl+N)"
    assert start.slots_button.isVisible()

    start.new_button.click()  # through events.new_case_requested, not the main window
    assert len(window.new_case_dialogs) == 1
    window.new_case_dialogs[0].reject()

    asked: list[str] = []
    monkeypatch.setattr(prompts, "ask_open_path", lambda _p, title, _f: asked.append(title))
    start.import_button.click()
    assert asked == ["Importer un tableur de sollicitations"]

    monkeypatch.setattr(SlotsDialog, "exec", add_slot_in_dialog)
    start.slots_button.click()
    assert len(store.agenda.slots()) == 1
    assert not start.slots_button.isVisible()  # a slot exists now
    assert today.first_steps.marks[steps.SLOTS].accessibleName() == "fait"

    add_case(store, "Fontclair", utc_now() - timedelta(hours=2))
    window.context.events.cases_changed.emit()
    assert not start.isVisible()
    assert today.ack_title.isVisible() and today.ack_table.isVisible()
    assert not today.call_table.isVisible()  # still no row there
    assert today.call_title.isVisible()


def test_the_cases_list_without_any_case_offers_both_ways_in(window, monkeypatch) -> None:
    cases = window.show_view("cases")
    window.context.runner.wait()
    QApplication.processEvents()
    assert cases.count_label.text() == "Aucune sollicitation pour l'instant."
    assert cases.new_button.isVisible() and cases.import_button.isVisible()
    assert not cases.table.isVisible()
    cases.new_button.click()
    assert len(window.new_case_dialogs) == 1
    window.new_case_dialogs[0].reject()
    monkeypatch.setattr(prompts, "ask_open_path", lambda *_: None)
    window.set_text_scale(200)  # stacked under the count, never crushed
    QApplication.processEvents()
    assert cases.count_label.width() >= cases.count_label.fontMetrics().horizontalAdvance(
        cases.count_label.text()
    )
    window.set_text_scale(100)


def test_the_cases_list_with_cases_has_no_empty_state(window, store) -> None:
    add_case(store, "Fontclair", utc_now() - timedelta(hours=2))
    cases = window.show_view("cases")
    window.context.runner.wait()
    QApplication.processEvents()
    assert cases.count_label.text() == "1 sollicitation(s) sur 1"
    assert not cases.new_button.isVisible()
    assert cases.table.isVisible()


def test_agenda_without_slot_offers_to_define_them(window, store, monkeypatch) -> None:
    agenda = window.show_view("agenda")
    assert agenda.no_slot_box.isVisible()
    assert "Aucune permanence définie" in agenda.no_slot_label.text()
    monkeypatch.setattr(SlotsDialog, "exec", add_slot_in_dialog)
    agenda.define_slots_button.click()
    assert len(store.agenda.slots()) == 1
    assert not agenda.no_slot_box.isVisible()


def test_first_steps_lead_to_each_setting_and_disappear_when_done(
    window, store, monkeypatch, tmp_path: Path
) -> None:
    today = window.view("today")
    panel = today.first_steps
    assert panel.isVisible()
    assert [k for k, b in panel.buttons.items() if b.isVisible()] == list(steps.LABELS)
    assert "0 sur 6" in panel.summary.text()

    # Profile: the button opens Paramètres on the empty phone field.
    panel.buttons[steps.PROFILE].click()
    settings = window.stack.currentWidget()
    assert settings is window.view("settings")
    me = settings.people.me_form.edits
    assert QApplication.focusWidget() is me["telephone"]
    me["telephone"].setText("06 39 98 00 01")
    me["email"].setText("j.morel@example.org")
    settings.people.save_button.click()
    # Partner in the same place.
    window.show_view("today")
    panel.buttons[steps.PARTNER].click()
    partner = settings.people.partner_form.edits
    assert QApplication.focusWidget() is partner["nom"]
    partner["nom"].setText("Lestrade")
    partner["prenom"].setText("Paul")
    settings.people.partner_save_button.click()
    # Region and pseudonym: a pseudonym with one's own name is refused, nothing saved.
    window.show_view("today")
    panel.buttons[steps.PSEUDONYM].click()
    assert QApplication.focusWidget() is settings.reporting.pseudonym_edit
    combo = settings.reporting.region_combo
    combo.setCurrentIndex(combo.findText("Bretagne"))
    settings.reporting.pseudonym_edit.setText("Jacqueline M")
    assert not settings.reporting.save()
    assert "nom" in settings.reporting.status_label.text()
    assert store.settings.get("region") == ""
    settings.reporting.pseudonym_edit.setText("Jean Dupont 06 12 34 56")  # a phone number
    assert not settings.reporting.save()
    assert "six chiffres" in settings.reporting.status_label.text()
    assert store.settings.get("pseudonym") == ""
    settings.reporting.pseudonym_edit.setText("Mésange")
    settings.reporting.save_button.click()
    assert store.settings.get("region") == "FR-BRE"
    # Backup folder: Sécurité tab; a folder chosen is kept at once.
    window.show_view("today")
    panel.buttons[steps.BACKUP].click()
    assert QApplication.focusWidget() is settings.safety.choose_button
    monkeypatch.setattr(prompts, "ask_directory", lambda *_: tmp_path / "cle-usb")
    settings.safety.choose_button.click()

    window.show_view("today")
    assert [k for k, b in panel.buttons.items() if b.isVisible()] == [steps.SLOTS]
    assert "5 sur 6" in panel.summary.text()
    monkeypatch.setattr(SlotsDialog, "exec", add_slot_in_dialog)
    panel.buttons[steps.SLOTS].click()
    assert not panel.isVisible()  # all done: the list is gone
    assert steps.missing_steps(store) == []
    # The export view picks up the pseudonym, reports the region.
    from ecoute_desktop.services.reports.data import region_of

    assert region_of(store) == "Bretagne"
    export = window.show_view("export")
    window.context.runner.wait()
    QApplication.processEvents()
    assert export.pseudonym.text() == "Mésange"


def test_an_expired_slot_does_not_count(store: Store) -> None:
    from datetime import date, time

    from ecoute_desktop.domain.models import WeeklySlot

    me = store.people.save(Hotliner("Morel", "Jacqueline", "", is_self=True))
    store.agenda.save_slot(
        WeeklySlot(me.id, 0, time(14), time(17), date(2020, 1, 6), date(2020, 6, 29))  # type: ignore[arg-type]
    )
    assert not steps.has_current_slot(store)
    assert steps.SLOTS in [s.key for s in steps.missing_steps(store)]


def test_export_of_an_empty_period_says_so(window) -> None:
    export = window.show_view("export")
    export.prepare_button.click()
    window.context.runner.wait()
    QApplication.processEvents()
    assert export.status.text().startswith("Aucune sollicitation reçue de")


def test_the_first_steps_list_can_be_hidden_for_good(window, store) -> None:
    """A hotliner without a partner, or who never exports, is not nagged forever."""
    panel = window.view("today").first_steps
    assert panel.isVisible()
    panel.hide_button.click()
    assert not panel.isVisible()
    window.view("today").refresh()
    assert not panel.isVisible()
    assert steps.is_hidden(store)  # remembered in the encrypted settings


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _contrast(one: QColor, two: QColor) -> float:
    light, dark = sorted((_luminance(one), _luminance(two)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_done_steps_stay_readable(window, store: Store) -> None:
    """A done step keeps its normal text colour (not greyed) and says « fait » in green,
    both with a contrast of at least 4.5:1 on the panel's background."""
    from datetime import time

    from ecoute_desktop.domain.models import WeeklySlot
    from ecoute_desktop.ui.common.palette import colours

    me = store.people.me()
    store.agenda.save_slot(WeeklySlot(me.id, 0, time(14), time(17), utc_now().date(), None))  # type: ignore[arg-type]
    panel = window.view("today").first_steps
    panel.refresh()
    label, state = panel.labels[steps.SLOTS], panel.states[steps.SLOTS]
    assert label.isEnabled() and state.isVisible() and "fait" in state.text()
    background = panel.palette().color(QPalette.ColorRole.Window)
    text = label.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    assert _contrast(text, background) >= 4.5
    assert _contrast(QColor(colours().done), background) >= 4.5
    assert panel.labels[steps.PARTNER].text() != "" and panel.buttons[steps.PARTNER].isVisible()
