"""The annual review in Rapports: chosen, previewed on one page, saved as PDF or PNG.

Pins: choosing « Bilan annuel » shows the « Actions à envisager » field instead of the
comments; the preview is one page carrying those actions and, by default, the committee's
small-cell rule; it saves as a 150 dpi PNG (1240 × 1754) or as the previewed PDF; a text
too long for the page is refused with a French message and no preview.
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from ecoute_desktop.services.app import Services
from ecoute_desktop.services.demo import populate
from ecoute_desktop.store import Store
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.background import BackgroundRunner
from ecoute_desktop.ui.common.context import AppContext, Events
from ecoute_desktop.ui.reports.reports_view import ReportsView, create_view

ACTIONS = "- Ouvrir une permanence le jeudi soir.\n- Relancer les centres de gestion."


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
    runner = BackgroundRunner()
    widget = create_view(AppContext(Services(store), runner, Events()), None)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    runner.wait()


def _review(view: ReportsView, actions: str = ACTIONS) -> None:
    view.review.setChecked(True)
    view.first.set_value("2026-01")
    view.last.set_value("2026-03")
    view.actions_text.setPlainText(actions)


def _text(data: bytes) -> str:
    pages = PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(page.extract_text() for page in pages).split())


def test_the_review_is_previewed_on_one_page_with_its_actions(view: ReportsView, qtbot) -> None:
    assert not view.actions_text.isVisible() and view.comment.isVisible()
    _review(view)
    assert view.actions_text.isVisible() and not view.comment.isVisible()
    assert view.first.isEnabled() and view.for_committee.isEnabled()
    with qtbot.waitSignal(view.generated, timeout=60_000) as blocker:
        view.generate_button.click()
    assert blocker.args == [1]
    text = _text(view.pdf_bytes)
    assert "Bilan de la ligne d'écoute" in text and "janvier – mars 2026" in text
    assert "Ouvrir une permanence le jeudi soir." in text
    assert "moins de 3" in text  # the committee's rule, as the setting says
    assert "bilan janvier – mars 2026" in view.status.text()


def test_the_review_saves_as_a_150_dpi_png_or_as_the_pdf(
    view: ReportsView, qtbot, tmp_path: Path, monkeypatch
) -> None:
    _review(view)
    with qtbot.waitSignal(view.generated, timeout=60_000):
        view.generate_button.click()
    asked: list[str] = []

    def save_as(name: str):
        def ask(parent, title, suggested, filters):
            asked.append(filters)
            return tmp_path / name

        return ask

    monkeypatch.setattr(prompts, "ask_save_path", save_as("bilan.png"))
    view.save_button.click()
    assert "(*.png)" in asked[0]
    with Image.open(tmp_path / "bilan.png") as image:
        assert image.size == (1240, 1754)
        assert [round(d) for d in image.info["dpi"]] == [150, 150]
    monkeypatch.setattr(prompts, "ask_save_path", save_as("bilan"))
    view.save_button.click()
    assert (tmp_path / "bilan.pdf").read_bytes() == view.pdf_bytes


def test_actions_too_long_for_the_page_are_refused_in_french(
    view: ReportsView, qtbot, monkeypatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(prompts, "warn", lambda parent, title, text: warnings.append(text))
    _review(view, "\n".join(f"- Action {n} à discuter avec le bureau." for n in range(60)))
    with qtbot.waitSignal(view.failed, timeout=60_000):
        view.generate_button.click()
    assert warnings and "trop long" in warnings[0]
    assert view.pdf_bytes is None and not view.save_button.isEnabled()
