"""The Rapports view: generate off the GUI thread, preview every page, print to a file, save.

Pins: the preview shows as many pages as the generated PDF has and the report is the
one asked for (month or period); printing goes through the print dialog seam to a PDF
file printer that receives every page; saving writes the same bytes; a period whose
end precedes its start is refused with a message and nothing is generated; print and
save stay disabled until a report exists.
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter

from ecoute_desktop.services.app import Services
from ecoute_desktop.services.demo import populate
from ecoute_desktop.store import Store
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.background import BackgroundRunner
from ecoute_desktop.ui.common.context import AppContext, Events
from ecoute_desktop.ui.reports.reports_view import ReportsView, create_view


@pytest.fixture
def view(store: Store, qtbot) -> ReportsView:
    populate(
        store,
        90,
        date(2026, 1, 1),
        date(2026, 3, 31),
        seed=9,
        now=datetime(2026, 4, 20, tzinfo=UTC),
    )
    store.settings.set("region", "FR-NOR")
    runner = BackgroundRunner()
    widget = create_view(AppContext(Services(store), runner, Events()), None)
    qtbot.addWidget(widget)
    yield widget
    runner.wait()


def generate(view: ReportsView, qtbot) -> int:
    with qtbot.waitSignal(view.generated, timeout=60_000) as blocker:
        view.generate_button.click()
    return blocker.args[0]


def test_preview_shows_every_page_of_the_monthly_report(view: ReportsView, qtbot) -> None:
    assert not view.print_button.isEnabled() and not view.save_button.isEnabled()
    view.month.set_value("2026-02")
    pages = generate(view, qtbot)
    reader = PdfReader(io.BytesIO(view.pdf_bytes))
    assert pages == view.document.pageCount() == len(reader.pages) >= 2
    assert "février 2026" in reader.pages[0].extract_text()
    assert "Normandie" in reader.pages[0].extract_text()
    assert view.print_button.isEnabled() and view.save_button.isEnabled()
    assert "février 2026" in view.status.text()


def test_period_summary_with_comment(view: ReportsView, qtbot) -> None:
    view.period.setChecked(True)
    view.first.set_value("2026-01")
    view.last.set_value("2026-03")
    view.comment.setPlainText("Bilan du premier trimestre.")
    generate(view, qtbot)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(view.pdf_bytes)).pages)
    assert "Synthèse de la période" in text and "janvier – mars 2026" in text
    assert "Bilan du premier trimestre." in text


def test_period_summary_for_the_committee_hides_small_counts_unless_unticked(
    view: ReportsView, qtbot
) -> None:
    """The period summary is for the committee: by default it follows the committee's rule
    (small counts hidden month by month); unticked, the hotliner gets their exact figures."""
    view.period.setChecked(True)
    view.first.set_value("2026-01")
    view.last.set_value("2026-03")
    assert view.for_committee.isEnabled() and view.for_committee.isChecked()
    generate(view, qtbot)
    hidden = " ".join(
        " ".join(
            page.extract_text() for page in PdfReader(io.BytesIO(view.pdf_bytes)).pages
        ).split()
    )
    assert "Synthèse de la période pour le comité" in hidden
    assert "Petits effectifs : tout effectif de moins de 3" in hidden
    assert "<3" in hidden.replace(" ", "")
    view.for_committee.setChecked(False)
    generate(view, qtbot)
    exact = "".join(page.extract_text() for page in PdfReader(io.BytesIO(view.pdf_bytes)).pages)
    assert "pour le comité" not in exact and "Petits effectifs" not in exact
    view.monthly.setChecked(True)
    assert not view.for_committee.isEnabled()


def test_print_goes_to_a_file_printer_with_every_page(
    view: ReportsView, qtbot, tmp_path: Path, monkeypatch
) -> None:
    view.month.set_value("2026-03")
    pages = generate(view, qtbot)
    target = tmp_path / "imprime.pdf"
    asked: list[int] = []

    def fake_dialog(parent, printer: QPrinter, page_count: int) -> bool:
        asked.append(page_count)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        printer.setResolution(96)
        return True

    monkeypatch.setattr(prompts, "ask_print", fake_dialog)
    view.print_button.click()
    assert asked == [pages]
    assert target.is_file()
    assert len(PdfReader(target).pages) == pages
    assert "envoyée" in view.status.text()


def test_cancelled_print_dialog_prints_nothing(
    view: ReportsView, qtbot, tmp_path, monkeypatch
) -> None:
    generate(view, qtbot)
    target = tmp_path / "imprime.pdf"

    def cancelled_dialog(parent, printer: QPrinter, page_count: int) -> bool:
        # The user chose a PDF file printer, then pressed « Annuler ».
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return False

    monkeypatch.setattr(prompts, "ask_print", cancelled_dialog)
    view.print_button.click()
    assert not target.exists()
    assert "envoyée" not in view.status.text()


def test_save_writes_the_previewed_report(
    view: ReportsView, qtbot, tmp_path: Path, monkeypatch
) -> None:
    generate(view, qtbot)
    monkeypatch.setattr(prompts, "ask_save_path", lambda *args: tmp_path / "rapport")
    view.save_button.click()
    saved = tmp_path / "rapport.pdf"
    assert saved.read_bytes() == view.pdf_bytes
    assert str(saved) in view.status.text()


def test_a_period_ending_before_it_starts_is_refused(view: ReportsView, qtbot, monkeypatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(prompts, "warn", lambda parent, title, text: warnings.append(text))
    view.period.setChecked(True)
    view.first.set_value("2026-03")
    view.last.set_value("2026-01")
    view.generate_button.click()
    assert warnings and "précède" in warnings[0]
    assert view.pdf_bytes is None and view.generate_button.isEnabled()


def test_generate_button_is_in_view_at_200_percent_on_a_laptop(qtbot, store) -> None:
    """« Générer l'aperçu » is on screen without scrolling at 200 % on 1280×720."""
    from ecoute_desktop.ui.common import text_size
    from ecoute_desktop.ui.window.main_window import MainWindow
    from tests.desk_support import make_context

    text_size.apply_scale(200, remember=False)
    try:
        window = MainWindow(make_context(store))
        qtbot.addWidget(window)
        window.resize(1280, 720)
        window.show()
        view = window.show_view("reports")
        qtbot.wait(10)
        button = view.generate_button
        _assert_whole_in_view(window, button)
    finally:
        text_size.apply_scale(100, remember=False)


def _assert_whole_in_view(window, button) -> None:
    assert button.isVisible() and button.width() >= button.sizeHint().width()
    top_left = button.mapTo(window, button.rect().topLeft())
    bottom_right = button.mapTo(window, button.rect().bottomRight())
    assert window.rect().contains(top_left) and window.rect().contains(bottom_right)
    assert not button.visibleRegion().isEmpty()
    assert button.visibleRegion().boundingRect().size() == button.size()


def test_a_save_the_system_refuses_is_explained_in_french(
    view: ReportsView, qtbot, tmp_path: Path, monkeypatch
) -> None:
    generate(view, qtbot)
    not_a_folder = tmp_path / "fichier"
    not_a_folder.write_text("x")
    monkeypatch.setattr(prompts, "ask_save_path", lambda *args: not_a_folder / "rapport")
    warnings: list[str] = []
    monkeypatch.setattr(prompts, "warn", lambda parent, title, text: warnings.append(text))
    view.save_button.click()
    assert len(warnings) == 1
    assert "Not a directory" not in warnings[0] and "Errno" not in warnings[0]
    assert "rapport.pdf" in warnings[0] and "dossier" in warnings[0]
