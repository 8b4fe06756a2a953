"""Every main view opens with a title in the same style (the one of Aujourd'hui), and the
month pickers of Export read « Du mois de : » like Rapports."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from ecoute_desktop.store import Store
from ecoute_desktop.ui.window.main_window import MainWindow
from ecoute_desktop.ui.window.views import VIEWS
from tests.desk_support import isolated_settings, make_context  # noqa: F401


def test_views_share_one_title_style(qtbot, store: Store) -> None:
    window = MainWindow(make_context(store))
    qtbot.addWidget(window)
    window.show()
    for spec in VIEWS:
        view = window.show_view(spec.key)
        qtbot.wait(1)
        titles = [
            label
            for label in view.findChildren(QLabel)
            if label.property("page_title") and label.isVisible()
        ]
        assert len(titles) == 1, spec.key
        assert titles[0].text().startswith("<h1>"), spec.key
    export = window.view("export")
    labels = [label.text() for label in export.findChildren(QLabel)]
    assert "Du mois de :" in labels and "au mois de :" in labels
