"""One word for the people who call: the visible UI says « adhérent », never « membre »
(labels, buttons, menu entries and column headers of every view and of a case page)."""

from __future__ import annotations

import re
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QLabel, QTableView, QTreeView

from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.services.demo import populate
from ecoute_desktop.store import Store
from ecoute_desktop.ui.window.main_window import MainWindow
from ecoute_desktop.ui.window.views import VIEWS
from tests.desk_support import isolated_settings, make_context  # noqa: F401

MEMBER = re.compile(r"\bmembres?\b", re.IGNORECASE)


def _texts(widget) -> list[str]:
    texts = [w.text() for w in widget.findChildren(QLabel)]
    texts += [w.text() for w in widget.findChildren(QAbstractButton)]
    texts += [a.text() for a in widget.findChildren(QAction)]
    for view in widget.findChildren(QTableView) + widget.findChildren(QTreeView):
        header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
        model, columns = view.model(), header.count()
        if model is not None:
            texts += [
                str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(columns)
            ]
    return texts


def test_visible_text_says_adherent(qtbot, store: Store) -> None:
    now = utc_now()
    populate(store, 10, (now - timedelta(days=30)).date(), now.date())
    window = MainWindow(make_context(store))
    qtbot.addWidget(window)
    window.show()
    for spec in VIEWS:
        window.view(spec.key)
    cases = window.show_view("cases")
    qtbot.waitUntil(lambda: not cases.loading)
    page = window.open_case(cases.model.row_at(0).id)
    texts = _texts(window) + _texts(page) + [a.text() for a in page.privacy.menu().actions()]
    assert [t for t in texts if MEMBER.search(t)] == []
