"""The « Aide » menu: a quick guide and « À propos d'Écoute » a volunteer can read.

Pins: the main window has an « Aide » menu whose « Guide rapide » (also F1) opens a
scrollable French guide of the daily workflow read from the package's resources (48 h
acknowledgment, slots, charter, notes, themes and orientation, questionnaire, reports,
anonymised export, backups and locking, and that a forgotten passphrase cannot be
recovered); « À propos d'Écoute » gives the version, the database's place, that data never
leaves the computer except the files the user saves, and the bundled fonts' licence. Both
are still readable at 200 % text size (the text scrolls instead of being cut), and the guide
is listed as package data so wheels carry it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from ecoute_desktop import __version__
from ecoute_desktop.store import Store
from ecoute_desktop.ui.common import text_size
from ecoute_desktop.ui.common.help_dialogs import AboutDialog, GuideDialog
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.desk_support import isolated_settings, make_context, store_of  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def window(qtbot, store: Store) -> MainWindow:
    main = MainWindow(make_context(store))
    qtbot.addWidget(main)
    main.resize(1200, 800)
    main.show()
    return main


def _menu_titles(window: MainWindow) -> dict[str, list[str]]:
    menus = {}
    for action in window.menuBar().actions():
        menu = action.menu()
        menus[action.text().replace("&", "")] = [a.text() for a in menu.actions()]
    return menus


def test_help_menu_lists_guide_and_about(window: MainWindow) -> None:
    menus = _menu_titles(window)
    assert menus["Aide"] == ["Guide rapide", "À propos d'Écoute"]
    assert window.guide_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)


def test_guide_opens_and_explains_the_daily_work(qtbot, window: MainWindow) -> None:
    window.guide_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, GuideDialog))
    qtbot.waitExposed(dialog)
    text = dialog.plain_text()
    for words in (
        "48 heures",
        "Proposer un RDV",
        "charte de confidentialité",
        "notes",
        "thèmes",
        "Orienter vers",
        "questionnaire",
        "Rapports",
        "Export anonymisé",
        "sauvegarde",
        "Ctrl+L",
        "personne ne peut retrouver vos données",
    ):
        assert words in text, words
    assert dialog.windowTitle() == "Guide rapide"
    dialog.close()


def test_about_names_version_database_and_what_leaves(qtbot, window: MainWindow) -> None:
    window.about_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AboutDialog))
    qtbot.waitExposed(dialog)
    text = dialog.plain_text()
    assert f"Version {__version__}" in text
    assert str(store_of(window.context).path) in text
    assert "rien ne quitte l'ordinateur, sauf les fichiers" in text
    assert "DejaVu" in text and "licence" in text
    assert "Sauvegardes :" in text
    dialog.close()


@pytest.mark.parametrize("dialog_class", [GuideDialog, AboutDialog])
def test_readable_at_200_percent(qtbot, store: Store, dialog_class) -> None:
    text_size.apply_scale(200, remember=False)
    dialog = GuideDialog() if dialog_class is GuideDialog else AboutDialog(store.path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    browser = dialog.browser
    assert browser.font().pointSizeF() >= 2 * 8  # follows the application's text size
    document = browser.document()
    document.setTextWidth(browser.viewport().width())
    assert document.idealWidth() <= browser.viewport().width() + 1  # wraps, never sideways
    assert not browser.horizontalScrollBar().isVisible()
    if document.size().height() > browser.viewport().height():  # long text scrolls
        assert browser.verticalScrollBar().maximum() > 0
