"""Paramètres: editing themes and the directory keeps the history of tagged cases; profiles."""

from __future__ import annotations

from datetime import timedelta

from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.services.app import Services
from ecoute_desktop.store import Store
from ecoute_desktop.ui.case.case_tags import ThemeTags
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.settings.settings_view import SettingsView
from tests.desk_support import add_case, isolated_settings, make_context  # noqa: F401


def _view(qtbot, store: Store, qtmodeltester) -> SettingsView:
    view = SettingsView(make_context(store))
    qtbot.addWidget(view)
    view.show()
    qtmodeltester.check(view.taxonomy.model)
    qtmodeltester.check(view.directory.model)
    return view


def test_add_rename_and_retire_themes_keeps_tagged_cases(qtbot, qtmodeltester, store, monkeypatch):
    view = _view(qtbot, store, qtmodeltester)
    answers = iter(["Santé au travail", "Épuisement", "Santé et travail"])
    monkeypatch.setattr(prompts, "ask_text", lambda *a, **k: next(answers))
    view.taxonomy.add_theme()
    top = next(t for t in store.themes.all() if t.label == "Santé au travail")
    assert view.taxonomy.selected().id == top.id
    view.taxonomy.add_sub_theme()
    child = next(t for t in store.themes.all() if t.label == "Épuisement")
    assert child.parent_id == top.id
    view.taxonomy.select(top.id)
    view.taxonomy.rename()
    assert store.themes.get(top.id).label == "Santé et travail"

    case = add_case(store, "Orsenne", utc_now() - timedelta(days=2))
    store.cases.set_themes(case.id, [child.id])
    view.taxonomy.select(child.id)
    view.taxonomy.toggle_retired()
    assert store.themes.get(child.id).retired
    assert [t.label for t in store.cases.get(case.id).themes] == ["Épuisement"]
    other = add_case(store, "Piedmont", utc_now())
    assert child.id not in ThemeTags(Services(store), other.id, []).buttons  # not offered any more
    assert child.id in ThemeTags(Services(store), case.id, store.cases.get(case.id).themes).buttons
    view.taxonomy.toggle_retired()
    assert not store.themes.get(child.id).retired


def test_directory_entry_added_edited_and_retired(qtbot, qtmodeltester, store: Store) -> None:
    view = _view(qtbot, store, qtmodeltester)
    panel = view.directory
    panel.new_entry()
    panel.label_edit.setText("Maison des élus")
    panel.telephone_edit.setText("01 39 98 11 22")
    panel.national_box.setChecked(True)
    panel.save()
    entry = next(t for t in store.directory.all() if t.label == "Maison des élus")
    assert entry.national and entry.telephone == "01 39 98 11 22"
    case = add_case(store, "Quintal", utc_now())
    store.cases.add_orientation(case.id, entry.id)
    panel.label_edit.setText("Maison des élus locaux")
    panel.save()
    panel.toggle_retired()
    assert entry.id not in {t.id for t in store.directory.all()}
    (kept,) = store.cases.get(case.id).orientations
    assert kept.target.label == "Maison des élus locaux"


def test_profile_and_partner_are_saved(qtbot, qtmodeltester, store: Store) -> None:
    view = _view(qtbot, store, qtmodeltester)
    people = view.people
    assert people.me_form.edits["nom"].text() == "Morel"
    people.me_form.edits["telephone"].setText("06 39 98 00 09")
    people.partner_form.edits["nom"].setText("Lenoir")
    people.partner_form.edits["prenom"].setText("Alain")
    people.save_button.click()
    assert store.people.me().telephone == "06 39 98 00 09"
    pair = store.people.binome()
    assert pair is not None and pair.second.nom == "Lenoir"
    assert "enregistrés" in people.status_label.text()
