"""Satisfaction in the desk: the questionnaire link on a case, the import, the suggestions.

Pins: the link copied from a case carries `?code=` with the case's anonymous code and
the reference appears nowhere in it (nor a `reference` parameter of the address); the
case page shows the code to read out; the first import of a form shows the detected
mapping, a correction is applied and remembered, the next download of the same form
imports with no dialog; a refused file writes nothing; chosen suggestions, as edited,
go into the committee summary's comment; the score on a case still saves.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from ecoute_desktop.domain.satisfaction import Role
from ecoute_desktop.domain.workflow import Status
from ecoute_desktop.services.app import Services
from ecoute_desktop.store import Store
from ecoute_desktop.ui.case.case_view import CaseView
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.reports import satisfaction_mapping
from ecoute_desktop.ui.reports.reports_view import create_view
from ecoute_desktop.ui.settings.templates_dialog import TemplatesDialog
from tests.desk_support import add_case, isolated_settings, make_context, store_of  # noqa: F401

RECEIVED = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
DATA = Path(__file__).parent / "data" / "framaforms"


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
    _advance(store, case.id, Status.ACKNOWLEDGED, Status.SCHEDULED, Status.CALL_HELD, Status.CLOSED)
    view = CaseView(context, case.id)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(context.events.case_changed):
        view.satisfaction.set_score(4)
    assert store.cases.get(case.id).satisfaction == 4
    view.satisfaction.set_score(None)
    assert store.cases.get(case.id).satisfaction is None


def test_questionnaire_link_carries_the_code_never_the_reference(
    qtbot, context, monkeypatch
) -> None:
    store = store_of(context)
    dialog = TemplatesDialog(context)
    qtbot.addWidget(dialog)
    # an address pasted from an old message, still asking for the reference
    dialog.questionnaire_edit.setText(
        "https://framaforms.org/satisfaction-ecoute?lang=fr&reference=2026-0001"
    )
    assert dialog.save()
    case = add_case(store, "Fictif", RECEIVED)
    _advance(store, case.id, Status.ACKNOWLEDGED, Status.SCHEDULED, Status.CALL_HELD)
    view = CaseView(context, case.id)
    qtbot.addWidget(view)
    view.show()
    code = store.satisfaction.code_of(case.id)
    assert view.satisfaction.code_label.text() == f"Code du questionnaire : {code}"
    assert view.satisfaction.link_button.isVisible()
    view.satisfaction.link_button.click()
    link = QGuiApplication.clipboard().text()
    assert link == f"https://framaforms.org/satisfaction-ecoute?lang=fr&code={code}"
    assert parse_qs(urlsplit(link).query) == {"lang": ["fr"], "code": [code]}
    number = case.reference.split("-")[-1]  # « 2026-A-001 » → « 001 »
    assert case.reference not in link and number not in link and "reference" not in link


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


def test_mapping_confirmed_once_then_silent(qtbot, context, tmp_path: Path, monkeypatch) -> None:
    store = store_of(context)
    case = add_case(store, "Fictif", RECEIVED)
    with store.db.write() as conn:
        conn.execute("UPDATE cases SET questionnaire_code = 'K7Q2' WHERE id = ?", (case.id,))
    first = tmp_path / "mars.csv"
    shutil.copy(DATA / "fr-point-virgule.csv", first)
    shown: list[str] = []
    informed: list[str] = []

    def confirm(dialog: satisfaction_mapping.MappingDialog) -> int:
        # what the user sees: the code column and each question with its scale
        texts = {c.accessibleName(): c.currentText() for c in dialog.combos}
        shown.append(dialog.status.text())
        assert texts == {
            "Lecture de la colonne « Code »": "Code du questionnaire",
            "Lecture de la colonne « Êtes-vous satisfait de l'écoute ? »": (
                "Question notée : 4 niveaux (Pas du tout … Très satisfait)"
            ),
            "Lecture de la colonne « Êtes-vous satisfait de l'orientation proposée ? »": (
                "Question notée : 5 niveaux avec « Ni satisfait ni insatisfait »"
            ),
            "Lecture de la colonne « Commentaire »": "Texte libre (suggestion)",
        }
        assert "3 réponse(s) à enregistrer, dont 1 rattachée(s)" in dialog.status.text()
        dialog.choose("Commentaire", "Ignorée")  # one correction: the comment is not kept
        assert dialog.import_button.isEnabled()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(satisfaction_mapping.MappingDialog, "exec", confirm)
    monkeypatch.setattr(prompts, "ask_open_path", lambda *args: first)
    monkeypatch.setattr(prompts, "inform", lambda p, t, text: informed.append(text))
    monkeypatch.setattr(prompts, "warn", lambda p, t, text: informed.append(text))
    view = _reports(qtbot, context)
    with qtbot.waitSignal(view.importer.finished, timeout=20_000) as blocker:
        view.import_button.click()
    assert blocker.args == ["3 réponse(s) enregistrée(s), dont 1 rattachée(s) à une sollicitation."]
    assert len(shown) == 1
    assert store.satisfaction.suggestions() == []  # the corrected column was ignored
    form = store.satisfaction.form(Services(store).satisfaction.preview(first).layout.key)
    assert form is not None and form.confirmed
    assert [c.role for c in form.mapping.columns][-1] is Role.IGNORED

    # April's download of the same form, labels only: no dialog, imported at once
    second = tmp_path / "avril.csv"
    shutil.copy(DATA / "fr-point-virgule-cp1252-titres-seuls.csv", second)
    with store.db.write() as conn:
        conn.execute("DELETE FROM satisfaction_responses WHERE sid = '204'")
    monkeypatch.setattr(prompts, "ask_open_path", lambda *args: second)
    with qtbot.waitSignal(view.importer.finished, timeout=20_000) as blocker:
        view.import_button.click()
    assert len(shown) == 1  # the mapping dialog did not open again
    assert blocker.args == ["1 réponse(s) enregistrée(s), dont 0 rattachée(s) à une sollicitation."]
    assert store.satisfaction.response_count() == 3


def test_answer_outside_the_scale_refuses_the_file(qtbot, context, monkeypatch) -> None:
    store = store_of(context)
    service = Services(store).satisfaction
    service.confirm_import(service.preview(DATA / "fr-point-virgule.csv"))
    with store.db.write() as conn:
        conn.execute("DELETE FROM satisfaction_responses")
    warnings: list[str] = []
    monkeypatch.setattr(
        prompts, "ask_open_path", lambda *args: DATA / "fr-reponse-hors-echelle.csv"
    )
    monkeypatch.setattr(prompts, "warn", lambda p, t, text: warnings.append(text))
    view = _reports(qtbot, context)
    with qtbot.waitSignal(view.importer.finished, timeout=20_000):
        view.import_button.click()
    assert "ligne 5, colonne 11 « Êtes-vous satisfait de l'écoute ? »" in warnings[0]
    assert store.satisfaction.response_count() == 0


def test_suggestions_go_into_the_committee_comment_as_edited(qtbot, context, monkeypatch) -> None:
    from ecoute_desktop.ui.coordination.coordination_view import CoordinationView
    from ecoute_desktop.ui.reports import suggestions_dialog

    store = store_of(context)
    service = Services(store).satisfaction
    service.confirm_import(service.preview(DATA / "fr-point-virgule.csv"))
    listed: list[str] = []

    def choose(dialog: suggestions_dialog.SuggestionsDialog) -> int:
        model = dialog.model
        listed.extend(model.data(model.index(r, 0)) for r in range(model.rowCount()))
        model.setData(model.index(0, 0), 2, 10)  # Qt.CheckStateRole: tick the newest
        dialog.take_checked()
        dialog.editor.setPlainText(dialog.editor.toPlainText() + " (délai signalé)")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(suggestions_dialog.SuggestionsDialog, "exec", choose)
    view = CoordinationView(context)
    qtbot.addWidget(view)
    view.options.comment.setPlainText("Bilan du trimestre.")
    view.suggestions_button.click()
    assert listed[0].startswith("31 mars 2026 — Commentaire :")  # newest first
    assert "SUGGESTION-MARQUEUR" in listed[1]
    assert view.options.comment_text() == "Bilan du trimestre.\n\nDélai trop long (délai signalé)"
