"""Sollicitations on a long base (issue 21): the newest rows fill the first screen at once,
« Chargement… » says the rest is coming, then every case is listed, newest first."""

from __future__ import annotations

from datetime import timedelta

from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.services.demo import populate
from ecoute_desktop.store import Store
from ecoute_desktop.ui.cases.cases_view import FIRST_SCREEN
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.desk_support import isolated_settings, make_context  # noqa: F401

CASES = FIRST_SCREEN + 60


def test_first_screen_then_every_case_newest_first(qtbot, store: Store) -> None:
    now = utc_now()
    populate(store, CASES, (now - timedelta(days=400)).date(), now.date())
    window = MainWindow(make_context(store))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    seen: list[tuple[int, str]] = []
    view = window.view("cases")
    view.model.modelReset.connect(
        lambda: seen.append((view.model.rowCount(), view.count_label.text()))
    )
    window.show_view("cases")
    with qtbot.waitSignal(view.loaded, timeout=20_000):
        pass
    qtbot.waitUntil(lambda: not view.loading)
    assert seen[0] == (FIRST_SCREEN, seen[0][1])  # the first screen, before the rest…
    assert view.count_label.text() == f"{CASES} sollicitation(s) sur {CASES}"  # …then all
    received = [view.model.row_at(r).received_at for r in range(view.model.rowCount())]
    assert received == sorted(received, reverse=True)
    assert view.model.row_at(0).received_at == max(received)
