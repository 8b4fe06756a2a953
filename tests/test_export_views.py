"""Export anonymisé and Coordination views: preview what leaves, save, merge dropped files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ecoute_desktop.services.app import Services
from ecoute_desktop.services.demo import populate
from ecoute_desktop.store import Store
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.background import BackgroundRunner
from ecoute_desktop.ui.common.context import AppContext, Events
from tests.export_factory import document, record, write

HOSTILE = Path(__file__).parent / "data" / "hostile_exports"


@pytest.fixture
def context(store: Store, qtbot) -> AppContext:
    populate(store, 30, date(2026, 1, 1), date(2026, 3, 31), seed=7)
    runner = BackgroundRunner()
    yield AppContext(Services(store), runner, Events())
    runner.wait()


def test_export_view_previews_and_saves(
    context: AppContext, qtbot, qtmodeltester, tmp_path, monkeypatch
) -> None:
    from ecoute_desktop.ui.coordination.export_view import create_view

    view = create_view(context, None)
    qtbot.addWidget(view)
    view.first.set_value("2026-01")
    view.last.set_value("2026-03")
    view.pseudonym.setText("Mésange")
    view.prepare_button.click()
    qtbot.waitUntil(lambda: view.save_button.isEnabled())
    assert view.model.rowCount() == 30
    qtmodeltester.check(view.model)
    qtmodeltester.check(view.issues_model)
    issues = view.issues_model.rows()
    assert issues, "the demo data has incomplete cases"
    opened: list[int] = []
    context.events.open_case.connect(opened.append)
    view.issues.setCurrentIndex(view.issues_model.index(0, 0))
    qtbot.keyClick(view.issues, Qt.Key.Key_Return)  # Enter opens the case to complete it
    assert opened == [issues[0].case_id]
    assert view.issues_model.index(0, 0).data() == issues[0].reference
    assert "30 sollicitation(s)" in view.status.text()
    assert "noms" in view.not_included.text()
    horizontal = Qt.Orientation.Horizontal
    headers = [view.model.headerData(i, horizontal) for i in range(view.model.columnCount())]
    assert "Nom" not in headers and "Identifiant aléatoire" in headers
    target = tmp_path / "export.json"
    monkeypatch.setattr(prompts, "ask_save_path", lambda *a: target)
    view.save_button.click()
    qtbot.waitUntil(lambda: target.exists() and "Export enregistré" in view.status.text())
    assert "(30 sollicitation(s)," in view.status.text()
    saved = json.loads(target.read_text("utf-8"))
    assert saved["pseudonym"] == "Mésange"
    assert sorted(r["id"] for r in saved["records"]) == sorted(r["id"] for r in view.model.rows())


def test_coordination_view_lists_files_refusals_and_writes_pdf(
    context: AppContext, qtbot, qtmodeltester, tmp_path, monkeypatch
) -> None:
    from ecoute_desktop.ui.coordination.coordination_view import create_view

    view = create_view(context, None)
    qtbot.addWidget(view)
    a = write(tmp_path / "a.json", document([record("2026-01") for _ in range(4)], "Mésange"))
    b = write(tmp_path / "b.json", document([record("2026-02") for _ in range(3)], "Pinson"))
    view.add_paths([a, b, a, HOSTILE / "edited_after_signing.json", HOSTILE / "utf16.json"])
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    assert view.refused_model.rowCount() == 3  # two refused, one duplicate
    refused = dict(view.refused_model.rows())
    assert "signature invalide" in refused["edited_after_signing.json"]
    assert "compté une fois" in refused["a.json"]
    qtmodeltester.check(view.refused_model)
    assert "7 sollicitation(s)" in view.summary.text()
    target = tmp_path / "comite.pdf"
    monkeypatch.setattr(prompts, "ask_save_path", lambda *a: target)
    view.pdf_button.click()
    qtbot.waitUntil(lambda: target.exists() and "enregistré" in view.summary.text())
    assert target.read_bytes().startswith(b"%PDF")
    assert "7 sollicitation(s)" in view.summary.text()  # what was merged is still told


def test_coordination_lists_who_is_missing_and_pseudonym_clashes(
    context: AppContext, qtbot, tmp_path
) -> None:
    """The Coordination view says what `ecoute merge` says: the hotliners of earlier merges
    with no export for the period, and two hotliners sharing a pseudonym (both counted)."""
    from ecoute_desktop.ui.coordination.coordination_view import create_view

    def export(name: str, pseudonym: str, months: tuple[str, str], hotliner: str) -> Path:
        doc = document([record(months[0])], pseudonym, months, hotliner=hotliner)
        return write(tmp_path / name, doc)

    first = create_view(context, None)
    qtbot.addWidget(first)
    first.add_paths([export("iroise.json", "Iroise", ("2026-01", "2026-03"), "iroise")])
    qtbot.waitUntil(lambda: first.model.rowCount() == 1)

    view = create_view(context, None)
    qtbot.addWidget(view)
    view.add_paths(
        [
            export("m1.json", "Mésange", ("2026-04", "2026-06"), "un"),
            export("m2.json", "Mésange", ("2026-04", "2026-06"), "deux"),
        ]
    )
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    notices = view.notices.text()
    assert "Pas encore reçu : Iroise (dernier export : mars 2026)" in notices
    assert "même pseudonyme « Mésange »" in notices
    assert view.notices.isVisibleTo(view)
    shown = sorted(view.model.data(view.model.index(r, 1)) for r in range(2))
    assert shown[0] != shown[1] and all(name.startswith("Mésange (") for name in shown)
    assert "2 sollicitation(s)" in view.summary.text()


def test_coordination_brings_the_committee_pdf_button_in_sight(
    context: AppContext, qtbot, tmp_path
) -> None:
    """On a laptop screen the PDF button sits below the fold (seen at 1280×720, 100 %);
    once files are merged the page scrolls to it, so the next step is on screen."""
    from PySide6.QtCore import QPoint, QRect

    from ecoute_desktop.ui.window.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1280, 500)  # the test's fonts are smaller than the desktop's
    window.show()
    view = window.show_view("coordination")
    viewport = view.scroll_area.viewport()

    def in_sight() -> bool:
        corner = view.pdf_button.mapTo(viewport, QPoint(0, 0))
        return viewport.rect().contains(QRect(corner, view.pdf_button.size()))

    qtbot.waitUntil(lambda: view.isVisible() and viewport.height() > 0)
    qtbot.wait(10)
    assert not in_sight()
    a = write(tmp_path / "a.json", document([record("2026-01") for _ in range(4)], "Mésange"))
    view.add_paths([a])
    qtbot.waitUntil(lambda: view.pdf_button.isEnabled() and in_sight())


@pytest.mark.parametrize("scale", [100, 200])
def test_export_view_fits_a_laptop_without_sideways_scrolling(
    context: AppContext, qtbot, scale: int
) -> None:
    """At 100 % and 200 % on 1280×720: the page never scrolls sideways, and preview rows
    are one line of text high (not two), so the issues list shows several of them."""
    from PySide6.QtWidgets import QScrollArea

    from ecoute_desktop.ui.common import text_size
    from ecoute_desktop.ui.window.main_window import MainWindow

    text_size.apply_scale(scale, remember=False)
    try:
        window = MainWindow(context)
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        view = window.show_view("export")
        view.first.set_value("2026-01")
        view.last.set_value("2026-03")
        view.prepare_button.click()
        qtbot.waitUntil(lambda: view.save_button.isEnabled())
        qtbot.wait(10)
        page = view.findChild(QScrollArea)
        assert not page.horizontalScrollBar().isVisible()
        line = view.fontMetrics().height()
        assert view.table.rowHeight(0) <= line * 1.6
        single = next(
            r for r, issue in enumerate(view.issues_model.rows()) if len(issue.reasons) == 1
        )
        assert view.issues.rowHeight(single) <= line * 1.6
    finally:
        text_size.apply_scale(100, remember=False)
