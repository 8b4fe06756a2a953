"""Coordination view: month range, « Commentaires » and the small-number threshold.

Pins: ticking « Seulement les mois » and choosing a range re-merges only those months
(like `ecoute merge --from/--to`) and the CSV has only their rows, a reversed range is
refused on screen; the comment typed in the view is printed in the committee PDF; the
threshold is explained in words, remembered, and the CSV hides cells below it (0: none);
before any file the period offered is the current month, not « Janvier 2000 ».
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from ecoute_desktop.domain.settings_spec import SMALL_CELL_THRESHOLD
from ecoute_desktop.services.app import Services
from ecoute_desktop.store import Store
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.background import BackgroundRunner
from ecoute_desktop.ui.common.context import AppContext, Events
from ecoute_desktop.ui.coordination.coordination_view import CoordinationView
from tests.desk_support import store_of
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
    january = [record("2026-01") for _ in range(4)]
    february = [record("2026-02") for _ in range(3)]
    shown.add_paths(
        [
            write(tmp_path / "a.json", document(january, "Mésange")),
            write(tmp_path / "b.json", document(february, "Pinson")),
        ]
    )
    qtbot.waitUntil(lambda: "7 sollicitation(s)" in shown.summary.text())
    return shown


def _save(view: CoordinationView, qtbot, monkeypatch, target: Path, kind: str) -> Path:
    monkeypatch.setattr(prompts, "ask_save_path", lambda *a: target)
    (view.pdf_button if kind == "pdf" else view.csv_button).click()
    qtbot.waitUntil(lambda: target.exists() and "enregistré" in view.summary.text())
    return target


def _csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig")), delimiter=";"))


def test_month_range_merges_only_those_months(view, qtbot, monkeypatch, tmp_path) -> None:
    options = view.options
    assert (options.first.value(), options.last.value()) == ("2026-01", "2026-03")
    assert not options.first.isEnabled()  # offered, not applied until ticked
    options.limit.setChecked(True)
    options.first.set_value("2026-02")
    options.last.set_value("2026-02")
    qtbot.waitUntil(lambda: "3 sollicitation(s)" in view.summary.text())
    assert "février 2026" in view.summary.text()
    kept = {row[0].header.pseudonym: row[1] for row in view.model.rows()}
    assert kept == {"Mésange": 0, "Pinson": 3}
    rows = _csv_rows(_save(view, qtbot, monkeypatch, tmp_path / "f.csv", "csv"))
    months = [row[0] for row in rows[1:] if row and not row[0].startswith("Note")]
    assert months == ["2026-02", "Total"]
    assert rows[2][1] == "3"

    options.first.set_value("2026-03")  # now after the last month
    assert view.summary.text() == "Le dernier mois précède le premier."
    assert not view.pdf_button.isEnabled() and not view.csv_button.isEnabled()
    options.limit.setChecked(False)  # back to every month of the files
    qtbot.waitUntil(lambda: "7 sollicitation(s)" in view.summary.text())
    assert view.pdf_button.isEnabled()


def test_comment_is_printed_in_the_committee_pdf(view, qtbot, monkeypatch, tmp_path) -> None:
    view.options.comment.setPlainText("  Réunion du comité : hausse des demandes en février.  ")
    pdf = _save(view, qtbot, monkeypatch, tmp_path / "comite.pdf", "pdf")
    text = " ".join(pdf_text(pdf).split())
    assert "Commentaires" in text
    assert "Réunion du comité : hausse des demandes en février." in text


def test_threshold_is_explained_remembered_and_applied(
    view, context, qtbot, monkeypatch, tmp_path
) -> None:
    explanation = view.options.threshold_text
    assert explanation.isVisible()
    assert "moins de 3 (zéro compris)" in explanation.text()
    assert "< 3" in explanation.text().replace("\xa0", " ")
    view.threshold.setValue(5)
    assert "< 5" in explanation.text().replace("\xa0", " ")
    context.runner.wait()
    assert store_of(context).settings.get(SMALL_CELL_THRESHOLD) == 5
    hidden = _save(view, qtbot, monkeypatch, tmp_path / "seuil5.csv", "csv").read_bytes()
    assert b"< 5" in hidden  # counts of January below 5 (its 4 requests, a volume, stay)

    view.threshold.setValue(0)
    assert "Aucune case n'est masquée" in explanation.text()
    shown = _save(view, qtbot, monkeypatch, tmp_path / "seuil0.csv", "csv").read_bytes()
    assert b"< " not in shown


def test_period_before_any_file_is_the_current_month(context: AppContext, qtbot) -> None:
    from ecoute_desktop.domain.timeutil import as_paris, utc_now

    shown = CoordinationView(context)
    qtbot.addWidget(shown)
    this_month = as_paris(utc_now()).strftime("%Y-%m")
    assert shown.options.first.value() == this_month == shown.options.last.value()
