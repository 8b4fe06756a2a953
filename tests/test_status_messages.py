"""Status messages reach a screen reader without taking the focus (WCAG 4.1.3).

Pins: with assistive technology listening, saving a note announces « Note enregistrée. »
and the focus stays in the note; preparing the anonymised export announces how many
requests will leave; rich text is announced as its words; an unchanged or empty line is
not announced.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.store import Store
from ecoute_desktop.ui.common import status_label
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.desk_support import add_case, isolated_settings, make_context  # noqa: F401


@pytest.fixture
def said(monkeypatch) -> list[str]:
    """What a screen reader was asked to say."""
    spoken: list[str] = []
    monkeypatch.setattr(status_label.QAccessible, "isActive", lambda: True)
    monkeypatch.setattr(
        status_label.QAccessible,
        "updateAccessibility",
        lambda event: spoken.append(event.message()),
    )
    return spoken


@pytest.fixture
def window(qtbot, store: Store) -> MainWindow:
    main = MainWindow(make_context(store))
    qtbot.addWidget(main)
    main.resize(1400, 900)
    main.show()
    yield main
    main.context.runner.wait()


def test_saving_a_note_is_announced(qtbot, window: MainWindow, store: Store, said) -> None:
    case = add_case(store, "Annonce", utc_now() - timedelta(hours=2))
    view = window.open_case(case.id)  # type: ignore[arg-type]
    editor = view.notes.editor  # type: ignore[attr-defined]
    editor.setFocus()
    qtbot.keyClicks(editor, "Appel tenu.")
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert said[-1] == "Note enregistrée."
    assert QApplication.focusWidget() is editor


def test_the_export_preview_is_announced(qtbot, window: MainWindow, store: Store, said) -> None:
    add_case(store, "Annonce", utc_now() - timedelta(hours=2))
    export = window.show_view("export")
    export.pseudonym.setText("Mesange")  # type: ignore[attr-defined]
    export.prepare_button.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: any("seront exportées" in s for s in said))


def test_rich_text_is_said_as_words_and_repeats_are_not(qapp, said) -> None:
    label = status_label.StatusLabel()
    label.setText("<b>Rapport</b> enregistré")
    label.setText("<b>Rapport</b> enregistré")
    label.setText("")
    assert said == ["Rapport enregistré"]
