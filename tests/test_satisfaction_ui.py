"""Satisfaction in the desk: the score on a case, the questionnaire link, the import action.

Pins: the « Satisfaction » field appears only once the questionnaire is sent and saves a
score or « non renseignée » (cleared); with a questionnaire address set (in the templates
dialog), a case whose call is held offers « Copier le lien du questionnaire », whose link
carries the case reference; « Importer les réponses au questionnaire… » in Rapports reads
the chosen CSV off the GUI thread, asks before writing and records the scores; a file with
an unknown reference is refused with its line and nothing is written.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication

from ecoute_desktop.domain.workflow import Status
from ecoute_desktop.services.app import Services
from ecoute_desktop.store import Store
from ecoute_desktop.ui.case.case_view import CaseView
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.reports.reports_view import create_view
from ecoute_desktop.ui.settings.templates_dialog import TemplatesDialog
from tests.desk_support import add_case, isolated_settings, make_context, store_of  # noqa: F401

RECEIVED = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _advance(store: Store, case_id: int, *steps: Status) -> None:
    for step in steps:
        Services(store).cases.advance(case_id, step, "Jacqueline Morel")


@pytest.fixture
def context(store: Store):
    ctx = make_context(store)
    yield ctx
    ctx.runner.wait()


def test_score_appears_after_the_questionnaire_and_can_be_cleared(qtbot, context) -> None:
    store = store_of(context)
    case = add_case(store, "Fictif", RECEIVED)
    _advance(store, case.id, Status.ACKNOWLEDGED, Status.SCHEDULED, Status.CALL_HELD)
    view = CaseView(context, case.id)
    qtbot.addWidget(view)
    view.show()
    assert not view.satisfaction.score_combo.isVisible()
    _advance(store, case.id, Status.CLOSED)
    view = CaseView(context, case.id)
    qtbot.addWidget(view)
    view.show()
    panel = view.satisfaction
    assert panel.score_combo.isVisible()
    assert panel.score_combo.currentText() == "non renseignée"
    with qtbot.waitSignal(context.events.case_changed):
        panel.set_score(4)
    assert store.cases.get(case.id).satisfaction == 4
    again = CaseView(context, case.id)
    qtbot.addWidget(again)
    assert again.satisfaction.score_combo.currentText() == "4 — Satisfait(e)"
    again.satisfaction.set_score(None)
    assert store.cases.get(case.id).satisfaction is None


def test_questionnaire_link_carries_the_reference(qtbot, context, monkeypatch) -> None:
    store = store_of(context)
    dialog = TemplatesDialog(context)
    qtbot.addWidget(dialog)
    dialog.questionnaire_edit.setText("pas un lien")
    warnings: list[str] = []
    monkeypatch.setattr(prompts, "warn", lambda parent, title, text: warnings.append(text))
    assert not dialog.save()
    dialog.questionnaire_edit.setText("https://framaforms.org/satisfaction-ecoute?lang=fr")
    assert dialog.save()
    assert warnings and "https://" in warnings[0]
    case = add_case(store, "Fictif", RECEIVED)
    _advance(store, case.id, Status.ACKNOWLEDGED, Status.SCHEDULED, Status.CALL_HELD)
    view = CaseView(context, case.id)
    qtbot.addWidget(view)
    view.show()
    assert view.satisfaction.link_button.isVisible()
    view.satisfaction.link_button.click()
    assert QGuiApplication.clipboard().text() == (
        f"https://framaforms.org/satisfaction-ecoute?lang=fr&reference={case.reference}"
    )


def test_without_a_link_the_case_offers_to_enter_it(qtbot, context, monkeypatch) -> None:
    store = store_of(context)
    case = add_case(store, "Fictif", RECEIVED)
    _advance(store, case.id, Status.ACKNOWLEDGED, Status.SCHEDULED, Status.CALL_HELD)
    view = CaseView(context, case.id)
    qtbot.addWidget(view)
    view.show()
    panel = view.satisfaction
    assert panel.setup_button.isVisible() and not panel.link_button.isVisible()

    def enter_link(dialog: TemplatesDialog) -> int:  # what the user types in the dialog
        dialog.questionnaire_edit.setText("https://framaforms.org/satisfaction-ecoute")
        assert dialog.save()
        return 1

    monkeypatch.setattr(TemplatesDialog, "exec", enter_link)
    panel.setup_button.click()
    assert view.satisfaction.link_button.isVisible()
    assert not view.satisfaction.setup_button.isVisible()


def _reports(qtbot, context):
    view = create_view(context, None)
    qtbot.addWidget(view)
    return view


def test_import_from_the_reports_view(qtbot, context, tmp_path: Path, monkeypatch) -> None:
    store = store_of(context)
    first = add_case(store, "Fictif", RECEIVED)
    second = add_case(store, "Autre", RECEIVED)
    csv = tmp_path / "reponses.csv"
    csv.write_text(
        f"Référence;Satisfaction\n{first.reference};Très satisfait(e)\n{second.reference};2\n;4\n",
        encoding="utf-8",
    )
    asked: list[str] = []
    monkeypatch.setattr(prompts, "ask_open_path", lambda *args: csv)
    monkeypatch.setattr(prompts, "ask_yes_no", lambda p, t, text: asked.append(text) or True)
    monkeypatch.setattr(prompts, "inform", lambda *args: None)
    view = _reports(qtbot, context)
    with qtbot.waitSignal(view.importer.finished, timeout=20_000) as blocker:
        view.import_button.click()
    assert blocker.args == ["Satisfaction enregistrée pour 2 sollicitation(s)."]
    assert "2 sollicitation(s)" in asked[0] and "1 ligne(s)" in asked[0]
    assert store.cases.get(first.id).satisfaction == 5
    assert store.cases.get(second.id).satisfaction == 2


def test_an_unknown_reference_refuses_the_file(qtbot, context, tmp_path, monkeypatch) -> None:
    store = store_of(context)
    case = add_case(store, "Fictif", RECEIVED)
    csv = tmp_path / "reponses.csv"
    csv.write_text(f"reference;satisfaction\n{case.reference};5\n2026-0999;4\n", "utf-8")
    warnings: list[str] = []
    monkeypatch.setattr(prompts, "ask_open_path", lambda *args: csv)
    monkeypatch.setattr(prompts, "warn", lambda p, t, text: warnings.append(text))
    view = _reports(qtbot, context)
    with qtbot.waitSignal(view.importer.finished, timeout=20_000):
        view.import_button.click()
    assert "ligne 3, colonne reference : aucune sollicitation 2026-0999" in warnings[0]
    assert store.cases.get(case.id).satisfaction is None
