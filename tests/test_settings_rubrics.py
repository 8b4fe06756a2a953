"""Paramètres' rubrics: one home for each thing, every name in sight at 200 %, the keyboard.

Pins: the rubrics are a list on the left, and at 200 % text on a 1366×768 laptop every
rubric name is whole and in sight (a tab bar scrolled sideways there, hiding rubrics behind
arrows); only one rubric is about the partner: « Binôme » holds the partner's details, then
the linking and the exchange folder, while « Profil » holds my profile, region and pseudonym;
the partner saved from « Binôme » is said there (and my missing name sends me to
« Profil »); the first steps open the right rubric; Tab
reaches the list, the arrows change the rubric, Ctrl+Tab / Ctrl+PgDown (and back with
Ctrl+Shift+Tab / Ctrl+PgUp) move between rubrics from inside a page, the focus kept in sight;
a long default backup path (a Windows one, which Qt does not break) wraps in « Sécurité ».
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from ecoute_desktop.store import Store
from ecoute_desktop.ui.common import text_size
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.desk_support import isolated_settings, make_context  # noqa: F401

RUBRICS = [
    "Thèmes",
    "Annuaire",
    "Profil",
    "Binôme",
    "Modèles",
    "Affichage",
    "Sécurité",
    "Messagerie",
]
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def _settings(qtbot, store: Store, scale: int = 100) -> QWidget:
    text_size.apply_scale(scale, remember=False)
    window = MainWindow(make_context(store))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    settings = window.show_view("settings")
    for _ in range(3):
        QApplication.processEvents()
    return settings


def test_every_rubric_name_is_whole_and_in_sight_at_200_percent(qtbot, store: Store) -> None:
    settings = _settings(qtbot, store, 200)
    names = settings.rubrics.list  # type: ignore[attr-defined]
    assert settings.rubrics.titles() == RUBRICS  # type: ignore[attr-defined]
    assert not names.horizontalScrollBar().isVisible()
    metrics = names.fontMetrics()
    for row in range(names.count()):
        item = names.item(row)
        rect = names.visualItemRect(item)
        assert names.viewport().rect().contains(rect), item.text()
        assert rect.width() >= metrics.horizontalAdvance(item.text()), item.text()


def test_each_thing_has_one_home(qtbot, store: Store) -> None:
    settings = _settings(qtbot, store)
    rubrics = settings.rubrics  # type: ignore[attr-defined]
    assert [t for t in rubrics.titles() if "binôme" in t.lower()] == ["Binôme"]
    people, pair = settings.people, settings.pair  # type: ignore[attr-defined]
    home = {
        "Profil": [people.me_form, settings.reporting.pseudonym_edit],  # type: ignore[attr-defined]
        "Binôme": [people.partner_form, pair.phrase_edit, pair.folder_edit],
    }
    for title, widgets in home.items():
        for widget in widgets:
            assert rubrics.title(rubrics.page_holding(widget)) == title, widget.accessibleName()
    page = rubrics.stack.widget(rubrics.page_holding(pair))
    top = {w: w.mapTo(page, w.rect().topLeft()).y() for w in (people.partner_form, pair)}
    assert top[people.partner_form] < top[pair]  # the partner's details come first
    for section, title in (("partner", "Binôme"), ("pair", "Binôme"), ("pseudonym", "Profil")):
        field = settings.show_section(section)  # type: ignore[attr-defined]
        assert rubrics.current_title() == title
        qtbot.waitUntil(field.hasFocus)


def test_the_partner_saved_from_binome_is_said_there(qtbot, store: Store) -> None:
    settings = _settings(qtbot, store)
    people = settings.people  # type: ignore[attr-defined]
    settings.show_section("partner")  # type: ignore[attr-defined]
    people.partner_form.edits["nom"].setText("Lenoir")
    people.partner_form.edits["prenom"].setText("Alain")
    people.me_form.edits["nom"].setText("")  # my own name is missing: said where it goes
    people.partner_save_button.click()
    assert people.partner_status_label.text() == "Votre nom est nécessaire (rubrique « Profil »)."
    assert store.people.binome() is None
    people.me_form.edits["nom"].setText("Morel")
    people.partner_save_button.click()
    pair = store.people.binome()
    assert pair is not None and pair.second.nom == "Lenoir"
    assert people.partner_status_label.text() == "Profils enregistrés."
    assert people.partner_status_label.isVisible()


def _focused(qtbot) -> QWidget:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


@pytest.mark.parametrize(
    "forward, backward",
    [
        ((Qt.Key.Key_Tab, CTRL), (Qt.Key.Key_Backtab, CTRL | SHIFT)),
        ((Qt.Key.Key_PageDown, CTRL), (Qt.Key.Key_PageUp, CTRL)),
    ],
)
def test_the_keyboard_moves_between_rubrics(qtbot, store: Store, forward, backward) -> None:
    settings = _settings(qtbot, store)
    rubrics = settings.rubrics  # type: ignore[attr-defined]
    field = settings.show_section("pseudonym")  # type: ignore[attr-defined]
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(_focused(qtbot), *forward)  # from inside « Profil »
    assert rubrics.current_title() == "Binôme"
    focused = _focused(qtbot)
    assert focused.isVisible() and settings.isAncestorOf(focused)  # not lost in a hidden page
    qtbot.keyClick(focused, *backward)
    qtbot.keyClick(_focused(qtbot), *backward)
    assert rubrics.current_title() == "Annuaire"
    for _ in range(2):
        qtbot.keyClick(_focused(qtbot), *backward)
    assert rubrics.current_title() == "Messagerie"  # round from the first to the last


def test_tab_reaches_the_rubrics_and_the_arrows_change_them(qtbot, store: Store) -> None:
    settings = _settings(qtbot, store)
    rubrics = settings.rubrics  # type: ignore[attr-defined]
    window = settings.window()
    window.navigation.setFocus()  # type: ignore[attr-defined]
    for _ in range(10):
        if _focused(qtbot) is rubrics.list:
            break
        qtbot.keyClick(_focused(qtbot), Qt.Key.Key_Tab)
    assert _focused(qtbot) is rubrics.list
    assert rubrics.list.accessibleName() == "Rubriques des paramètres"
    for expected in RUBRICS[1:4]:
        qtbot.keyClick(rubrics.list, Qt.Key.Key_Down)
        assert rubrics.current_title() == expected
        assert rubrics.stack.currentWidget().accessibleName()  # the page, named
    qtbot.keyClick(rubrics.list, Qt.Key.Key_Up)
    assert rubrics.current_title() == "Profil"


def test_a_long_backup_path_wraps_beside_the_rubrics_at_200_percent(
    qtbot, store: Store, monkeypatch
) -> None:
    """The default backup folder is named in a sentence: a long path wraps at its folders
    instead of widening « Sécurité » into a sideways scroll."""
    from pathlib import Path

    from ecoute_desktop.services.app.settings import SettingsService

    deep = Path(r"C:\Users\jacqueline_morel\AppData\Local\Ecoute\sauvegardes")
    monkeypatch.setattr(SettingsService, "default_backup_dir", lambda self: deep)
    settings = _settings(qtbot, store, 200)
    settings.show_page(settings.safety)  # type: ignore[attr-defined]
    settings.safety.refresh()  # type: ignore[attr-defined]
    for _ in range(3):
        QApplication.processEvents()
    scroll = settings.rubrics.current_scroll()  # type: ignore[attr-defined]
    assert settings.safety.default_hint.isVisible()  # type: ignore[attr-defined]
    assert not scroll.horizontalScrollBar().isVisible()
