"""Coordination's « Bilan annuel (PDF)… »: the one-page review of the merged exports.

Pins: with two exports dropped, the button (reachable, named) asks the period (the
merge's own, as `ecoute merge --review`, first; each calendar year after), the
« Actions à envisager » and the file, then writes one PDF page whose text has the year,
the merged count (both files) and the actions; a year chosen merges that year again;
small counts stay hidden by the committee's threshold; an « Actions à envisager » too
long for the page is refused in French on the view's status line and nothing is
written; before any merge the button is disabled and the view says nothing is merged.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ecoute_desktop.services.app import Services
from ecoute_desktop.store import Store
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.background import BackgroundRunner
from ecoute_desktop.ui.common.context import AppContext, Events
from ecoute_desktop.ui.coordination.coordination_view import CoordinationView
from tests.export_factory import document, record, write
from tests.report_helpers import pdf_text


@pytest.fixture
def context(store: Store, qtbot) -> AppContext:
    runner = BackgroundRunner()
    yield AppContext(Services(store), runner, Events())
    runner.wait()


@pytest.fixture
def view(context: AppContext, qtbot, tmp_path: Path) -> CoordinationView:
    shown = CoordinationView(context)
    qtbot.addWidget(shown)
    shown.show()
    return shown


WINTER = ("2025-12", "2026-01")


def _merge_two(view: CoordinationView, qtbot, tmp_path: Path) -> None:
    december = [record("2025-12") for _ in range(2)]
    january = [record("2026-01") for _ in range(4)]
    february = [record("2026-02") for _ in range(3)]
    view.add_paths(
        [
            write(tmp_path / "a.json", document(december + january, "Mésange", WINTER)),
            write(tmp_path / "b.json", document(february, "Pinson")),
        ]
    )
    qtbot.waitUntil(lambda: "9 sollicitation(s)" in view.summary.text())


def _answer(monkeypatch, target: Path, period: int = 0, actions: str = "") -> list[list[str]]:
    offered: list[list[str]] = []

    def choose(parent, title, label, choices):
        offered.append(choices)
        return choices[period]

    monkeypatch.setattr(prompts, "ask_choice", choose)
    monkeypatch.setattr(prompts, "ask_text", lambda *a, **k: actions)
    monkeypatch.setattr(prompts, "ask_save_path", lambda *a: target)
    return offered


def _requests(text: str) -> str:
    """The first headline figure (« sollicitations reçues »), under the title band."""
    return text.split("exports fusionnés", 1)[1].split()[0]


def test_the_review_of_the_merged_files_is_saved(view, qtbot, monkeypatch, tmp_path) -> None:
    button = view.review_button
    assert button.text() == "Bilan annuel (PDF)…"
    assert button.accessibleName() == "Bilan annuel (PDF)"
    assert button.focusPolicy() & button.focusPolicy().TabFocus
    _merge_two(view, qtbot, tmp_path)
    assert button.isEnabled()
    target = tmp_path / "bilan.pdf"
    offered = _answer(monkeypatch, target, 0, "Former deux écoutants.")
    button.click()
    qtbot.waitUntil(lambda: "Bilan annuel enregistré" in view.summary.text())
    assert offered == [
        [
            "Période de la synthèse : décembre 2025 – mars 2026",
            "Année 2025 (janvier à décembre)",
            "Année 2026 (janvier à décembre)",
        ]
    ]
    assert target.read_bytes().startswith(b"%PDF")
    text = " ".join(pdf_text(target).split())
    assert "Bilan de la ligne d'écoute" in text
    assert "décembre 2025 – mars 2026" in text  # the period of the merge, as on screen
    assert _requests(text) == "9"  # 2 + 4 of one export, 3 of the other
    assert "2 exports fusionnés" in text
    assert "Former deux écoutants." in text
    assert "9 sollicitation(s)" in view.summary.text()  # the merge stays told


def test_a_chosen_year_is_merged_again(view, qtbot, monkeypatch, tmp_path) -> None:
    _merge_two(view, qtbot, tmp_path)
    target = tmp_path / "bilan-2026.pdf"
    _answer(monkeypatch, target, 2)  # « Année 2026 »
    view.review_button.click()
    qtbot.waitUntil(lambda: "Bilan annuel enregistré" in view.summary.text())
    text = " ".join(pdf_text(target).split())
    assert "janvier – décembre 2026" in text
    assert _requests(text) == "7"  # January's 4 and February's 3


def test_small_counts_stay_hidden(view, qtbot, monkeypatch, tmp_path) -> None:
    _merge_two(view, qtbot, tmp_path)
    target = tmp_path / "seuil.pdf"
    _answer(monkeypatch, target)
    view.threshold.setValue(5)
    view.review_button.click()
    qtbot.waitUntil(lambda: "Bilan annuel enregistré" in view.summary.text())
    assert "< 5" in pdf_text(target)


def test_actions_too_long_are_refused_in_french(view, qtbot, monkeypatch, tmp_path) -> None:
    _merge_two(view, qtbot, tmp_path)
    target = tmp_path / "long.pdf"
    _answer(monkeypatch, target, 0, " ".join(["Une action à mener sans tarder."] * 400))
    warned: list[str] = []
    monkeypatch.setattr(prompts, "warn", lambda parent, title, text: warned.append(text))
    view.review_button.click()
    qtbot.waitUntil(lambda: bool(warned))
    assert "trop long pour tenir sur la page du bilan" in view.summary.text()
    assert warned == [view.summary.text()]
    assert not target.exists()


def test_nothing_merged_the_button_is_disabled(view, qtbot, tmp_path) -> None:
    assert not view.review_button.isEnabled()
    assert "Aucun export fusionné" in view.summary.text()
    _merge_two(view, qtbot, tmp_path)
    assert view.review_button.isEnabled()
    view.clear_button.click()
    assert not view.review_button.isEnabled()
