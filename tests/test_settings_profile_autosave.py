"""Profile edits in Paramètres are kept without « Enregistrer »: leaving a field saves them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ecoute_desktop.store import Store
from ecoute_desktop.ui.settings.settings_view import SettingsView
from tests.desk_support import isolated_settings, make_context  # noqa: F401


def test_leaving_a_field_saves_the_profile(qtbot, store: Store) -> None:
    view = SettingsView(make_context(store))
    qtbot.addWidget(view)
    view.show()
    phone = view.people.me_form.edits["telephone"]
    phone.setFocus()
    phone.clear()
    qtbot.keyClicks(phone, "06 39 98 11 22")
    qtbot.keyClick(phone, Qt.Key.Key_Return)  # editingFinished, as a focus change would
    assert store.people.me().telephone == "06 39 98 11 22"


def test_a_profile_being_typed_survives_the_lock(qtbot, store: Store) -> None:
    view = SettingsView(make_context(store))
    qtbot.addWidget(view)
    partner = view.people.partner_form.edits
    qtbot.keyClicks(partner["nom"], "Lenoir")
    qtbot.keyClicks(partner["prenom"], "Alain")
    view.clear_personal_data()  # what locking does to every view
    pair = store.people.binome()
    assert pair is not None and {pair.first.nom, pair.second.nom} >= {"Lenoir"}
    assert view.people.partner_form.edits["nom"].text() == ""


def test_untouched_forms_write_nothing(qtbot, store: Store, monkeypatch) -> None:
    view = SettingsView(make_context(store))
    qtbot.addWidget(view)
    saved: list[object] = []
    monkeypatch.setattr(store.people, "save", lambda person: saved.append(person))
    view.people.me_form.edits["nom"].editingFinished.emit()
    view.clear_personal_data()
    assert saved == []
