"""Closing with the questionnaire (issue 19): the ready e-mail, « envoyé » closes the case,
and « Aujourd'hui » reminds calls held days ago with no questionnaire sent.

The dialog is the real one shown without its modal loop; the save-path question goes
through the prompts seam and the clipboard is read back.
"""

from __future__ import annotations

from datetime import timedelta
from email import message_from_bytes
from email.policy import default

import pytest
from PySide6.QtGui import QGuiApplication

from ecoute_desktop.domain.models import Case, Member
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.domain.workflow import Status
from ecoute_desktop.services.charter import TemplateError
from ecoute_desktop.store import Store
from ecoute_desktop.ui.case import questionnaire_dialog
from ecoute_desktop.ui.case.case_view import CaseView
from ecoute_desktop.ui.case.questionnaire_dialog import QuestionnaireDialog
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.settings.templates_dialog import TemplatesDialog
from ecoute_desktop.ui.today.today_view import TodayView
from tests.desk_support import isolated_settings, make_context  # noqa: F401

URL = "https://framaforms.org/avis-point-ecoute"


def _held(store: Store, nom: str, days_ago: float) -> Case:
    """A case whose (only) call was held `days_ago` days ago, questionnaire not sent."""
    held = utc_now() - timedelta(days=days_ago)
    case = Case(
        "",
        held - timedelta(days=2),
        Member(nom, "Anne", email=f"{nom.lower()}@example.org"),
        status=Status.CALL_HELD,
        acknowledged_at=held - timedelta(days=1),
        call_held_at=held,
    )
    return store.cases.create(case)


@pytest.fixture
def context(qtbot, store: Store):
    context = make_context(store)
    context.services.settings.save_templates(
        *context.services.settings.confirmation_templates(),
        context.services.settings.charter_template(),
        URL,
    )
    return context


def test_questionnaire_drafted_marked_sent_and_case_closed(
    qtbot, context, store: Store, tmp_path, monkeypatch
) -> None:
    case = _held(store, "Chantebois", 0)
    page = CaseView(context, case.id)
    qtbot.addWidget(page)
    page.show()
    assert page.satisfaction.send_button.isVisible()
    opened: list[QuestionnaireDialog] = []

    def without_modal_loop(ctx, case_id, parent):
        dialog = QuestionnaireDialog(ctx, case_id, parent)
        qtbot.addWidget(dialog)
        opened.append(dialog)
        target = tmp_path / "Questionnaire.eml"
        monkeypatch.setattr(prompts, "ask_save_path", lambda *args: target)
        monkeypatch.setattr(questionnaire_dialog, "show_in_system", lambda path: None)
        dialog.eml_button.click()
        message = message_from_bytes(target.read_bytes(), policy=default)
        body = message.get_body(("plain",)).get_content()
        code = context.services.satisfaction.code_of(case_id)
        assert f"{URL}?code={code}" in body and case.reference not in body
        assert message["X-Unsent"] == "1" and message["From"] is None
        assert message["To"].addresses[0].addr_spec == "chantebois@example.org"
        assert store.cases.get(case_id).status is Status.CALL_HELD  # a draft is not sent
        dialog.copy_button.click()
        assert QGuiApplication.clipboard().text().startswith("Objet : Point d'écoute")
        assert f"?code={code}" in QGuiApplication.clipboard().text()
        dialog.sent_button.click()
        return dialog.result() == dialog.DialogCode.Accepted

    monkeypatch.setattr(questionnaire_dialog, "open_questionnaire", without_modal_loop)
    page.satisfaction.send_button.click()
    assert len(opened) == 1
    closed = store.cases.get(case.id)
    assert closed.status is Status.CLOSED
    assert closed.questionnaire_sent_at is not None and closed.closed_at is not None
    assert not page.satisfaction.send_button.isVisible()  # nothing left to send
    assert "clôturée" in page.title_label.text()


def test_the_questionnaire_template_is_edited_in_settings(qtbot, context, store: Store) -> None:
    dialog = TemplatesDialog(context)
    qtbot.addWidget(dialog)
    dialog.q_body_edit.setPlainText("Bonjour {membre}, votre avis : {lien}")
    assert dialog.save()
    case = _held(store, "Granmont", 0)
    built = context.services.cases.build_questionnaire(case.id)
    assert built.body.startswith("Bonjour Anne GRANMONT, votre avis : https://framaforms.org/")
    with pytest.raises(TemplateError):  # without the link the member could not answer
        context.services.settings.save_templates(
            *context.services.settings.confirmation_templates(),
            context.services.settings.charter_template(),
            URL,
            ("Objet", "Bonjour {membre}"),
        )


def test_today_reminds_questionnaires_not_sent_after_the_delay(qtbot, context, store) -> None:
    old = _held(store, "Rochebrune", 3)
    recent = _held(store, "Valcombe", 0)
    today = TodayView(context)
    qtbot.addWidget(today)
    today.refresh()
    rows = today.calls_held.rows()
    assert [r.id for r in rows] == [old.id, recent.id]  # oldest call first
    assert "1 appel(s) effectué(s) il y a 2 jours ou plus" in today.call_title.text()
    first_cell = today.calls_held.index(0, 0).data()
    assert "il y a 3 jours" in first_cell
    assert "il y a" not in today.calls_held.index(1, 0).data()

    dialog = TemplatesDialog(context)  # the delay is a setting
    qtbot.addWidget(dialog)
    dialog.reminder_spin.setValue(5)
    assert dialog.save()
    today.refresh()
    assert "il y a" not in today.call_title.text()

    context.services.cases.questionnaire_sent(old.id)
    today.refresh()
    assert [r.id for r in today.calls_held.rows()] == [recent.id]
