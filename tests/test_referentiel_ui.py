"""The référentiel in the GUI: the import dialog lists every change before anything is
applied; « Appliquer » (Enter) applies them, « Annuler » changes nothing; Coordination
publishes a signed version; Paramètres marks the entries added locally."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from ecoute_desktop.store import Store
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.coordination import referentiel_import
from ecoute_desktop.ui.coordination.referentiel_import import ReferentielPreviewDialog
from ecoute_desktop.ui.coordination.referentiel_panel import ReferentielPanel
from ecoute_desktop.ui.settings.settings_reference import TaxonomyPanel
from tests.conftest import PASSPHRASE
from tests.desk_support import make_context
from tests.referentiel_helpers import new_base, publish, theme_id


def newer_version(tmp_path: Path, hotliner_store: Store) -> Path:
    """v1 installed on the hotliner's base; v2 renames « Juridique », retires « Mobilité »."""
    coordinator = new_base(tmp_path, "coordination")
    from ecoute_desktop.services.app import Services

    Services(hotliner_store).referentiel.import_file(
        publish(coordinator, tmp_path / "v1.ecoute-referentiel")
    )
    coordinator.reference.rename_theme(theme_id(coordinator, "Juridique"), "Droit et statut")
    coordinator.reference.set_theme_retired(theme_id(coordinator, "Carrière/Mobilité"), True)
    path = publish(coordinator, tmp_path / "v2.ecoute-referentiel")
    coordinator._store.close()
    return path


def test_the_dialog_shows_the_changes_before_enter_applies_them(
    qtbot, store, tmp_path, monkeypatch
):
    v2 = newer_version(tmp_path, store)
    context = make_context(store)
    panel = TaxonomyPanel(context)
    qtbot.addWidget(panel)
    seen: dict[str, object] = {}

    def look_then_press_enter(dialog: ReferentielPreviewDialog) -> int:
        model = dialog.model
        seen["rows"] = [
            tuple(model.index(r, c).data() for c in range(3)) for r in range(model.rowCount())
        ]
        seen["version before"] = context.services.referentiel.installed().version
        seen["labels before"] = {t.label for t in context.services.reference.themes()}
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.apply_button.isDefault()
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
        return dialog.result()

    monkeypatch.setattr(prompts, "ask_open_path", lambda *args: v2)
    monkeypatch.setattr(ReferentielPreviewDialog, "exec", look_then_press_enter)
    monkeypatch.setattr(prompts, "inform", lambda parent, title, text: seen.update(done=text))
    qtbot.mouseClick(panel.import_button, Qt.MouseButton.LeftButton)

    assert ("Thème", "renommé", "« Juridique » devient « Droit et statut »") in seen["rows"]
    assert ("Thème", "retiré", "« Carrière/Mobilité »") in seen["rows"]
    assert seen["version before"] == 1 and "Juridique" in seen["labels before"]
    assert seen["done"] == "Référentiel version 2 installé."
    assert context.services.referentiel.installed().version == 2
    shown = [panel.model.index(r, 0).data().strip() for r in range(panel.model.rowCount())]
    assert "Droit et statut" in shown and "Juridique" not in shown


def test_cancel_changes_nothing(qtbot, store, tmp_path, monkeypatch):
    v2 = newer_version(tmp_path, store)
    context = make_context(store)
    before = context.services.referentiel.current()
    monkeypatch.setattr(
        ReferentielPreviewDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected
    )
    panel = ReferentielPanel(context)
    qtbot.addWidget(panel)
    assert referentiel_import.preview_and_import(context, panel, v2) is None
    assert context.services.referentiel.current() == before


def test_coordination_publishes_and_settings_mark_local_entries(qtbot, tmp_path, monkeypatch):
    coordination = Store.create(tmp_path / "coordination" / "ecoute.db", PASSPHRASE)
    hotliner = Store.create(tmp_path / "ecoutant" / "ecoute.db", PASSPHRASE)
    context = make_context(coordination)
    panel = ReferentielPanel(context)
    qtbot.addWidget(panel)
    assert "Aucun référentiel" in panel.state_label.text()
    target = tmp_path / "envoi"
    monkeypatch.setattr(prompts, "ask_save_path", lambda *args: target)
    told: list[str] = []
    monkeypatch.setattr(prompts, "inform", lambda parent, title, text: told.append(text))
    qtbot.mouseClick(panel.publish_button, Qt.MouseButton.LeftButton)
    published = tmp_path / "envoi.ecoute-referentiel"
    assert published.exists() and "Version 1 publiée" in told[0]
    assert "Version 1 du" in panel.state_label.text()

    hotliner_context = make_context(hotliner)
    hotliner_context.services.reference.add_theme("Télétravail")
    hotliner_context.services.referentiel.import_file(published)
    taxonomy = TaxonomyPanel(hotliner_context)
    qtbot.addWidget(taxonomy)
    states = {
        taxonomy.model.index(r, 0).data().strip(): taxonomy.model.index(r, 2).data()
        for r in range(taxonomy.model.rowCount())
    }
    assert states["Télétravail"] == "en service · local"
    assert states["Relationnel"] == "en service"
    coordination.close()
    hotliner.close()


def test_a_sub_theme_is_moved_from_the_keyboard_chosen_list(qtbot, store, monkeypatch):
    context = make_context(store)
    panel = TaxonomyPanel(context)
    qtbot.addWidget(panel)
    panel.select(theme_id(context.services, "Management/Transversal"))
    offered: list[list[str]] = []

    def choose(parent, title, label, choices):
        offered.append(choices)
        return "Relationnel"

    monkeypatch.setattr(prompts, "ask_choice", choose)
    qtbot.mouseClick(panel.move_button, Qt.MouseButton.LeftButton)
    assert "Management" not in offered[0] and "Relationnel" in offered[0]
    assert panel.selected() is not None and panel.selected().path == "Relationnel/Transversal"


def test_a_practical_sheet_of_the_referentiel_can_join_the_confirmation(qtbot, store, tmp_path):
    from datetime import UTC, datetime
    from email import message_from_bytes
    from email.policy import default

    from ecoute_desktop.services import confirmation
    from ecoute_desktop.ui.case.confirmation_dialog import ConfirmationDialog
    from tests.agenda_helpers import add_case, add_pair, paris

    coordinator = new_base(tmp_path, "coordination")
    sheet = tmp_path / "cdg.pdf"
    sheet.write_bytes(b"%PDF-1.4 fiche fictive du centre de gestion")
    coordinator.referentiel.add_sheet(sheet, "Centre de gestion")
    context = make_context(store)
    context.services.referentiel.import_file(
        publish(coordinator, tmp_path / "v1.ecoute-referentiel")
    )
    coordinator._store.close()
    me, _ = add_pair(store)
    case_id = add_case(store)
    at = datetime(2026, 4, 10, 8, tzinfo=UTC)
    context.services.agenda.book(case_id, me.id, paris(2026, 4, 14, 14, 30), "Agathe", at=at)

    dialog = ConfirmationDialog(context, case_id)
    qtbot.addWidget(dialog)
    (box,) = dialog.sheet_boxes.values()
    assert box.text() == "Joindre la fiche « Centre de gestion »" and not box.isChecked()
    assert "cdg.pdf" not in dialog.attachments_label.text()
    box.setChecked(True)
    assert "cdg.pdf" in dialog.attachments_label.text()
    message = message_from_bytes(confirmation.eml_bytes(dialog.built), policy=default)
    files = {part.get_filename(): part.get_content() for part in message.iter_attachments()}
    assert files["cdg.pdf"] == sheet.read_bytes()


def test_a_practical_sheet_can_join_the_questionnaire_after_the_call(
    qtbot, store, tmp_path, monkeypatch
):
    """After the call the member's next steps are known: the questionnaire e-mail offers
    the same sheets as the confirmation, in the .eml draft and saved for a webmail."""
    from email import message_from_bytes
    from email.policy import default

    from ecoute_desktop.services import questionnaire_message
    from ecoute_desktop.ui.case import questionnaire_dialog
    from ecoute_desktop.ui.case.questionnaire_dialog import QuestionnaireDialog
    from tests.agenda_helpers import add_case

    coordinator = new_base(tmp_path, "coordination")
    sheet = tmp_path / "cdg.pdf"
    sheet.write_bytes(b"%PDF-1.4 fiche fictive du centre de gestion")
    coordinator.referentiel.add_sheet(sheet, "Centre de gestion")
    context = make_context(store)
    context.services.referentiel.import_file(
        publish(coordinator, tmp_path / "v1.ecoute-referentiel")
    )
    coordinator._store.close()
    settings = context.services.settings
    settings.save_templates(
        *settings.confirmation_templates(),
        settings.charter_template(),
        "https://framaforms.org/avis-point-ecoute",
    )
    case_id = add_case(store)

    dialog = QuestionnaireDialog(context, case_id)
    qtbot.addWidget(dialog)
    (box,) = dialog.sheet_choices.boxes.values()
    assert box.text() == "Joindre la fiche « Centre de gestion »" and not box.isChecked()
    draft = message_from_bytes(questionnaire_message.eml_bytes(dialog.built), policy=default)
    assert list(draft.iter_attachments()) == []  # nothing joins unless asked
    box.setChecked(True)
    draft = message_from_bytes(questionnaire_message.eml_bytes(dialog.built), policy=default)
    files = {part.get_filename(): part.get_content() for part in draft.iter_attachments()}
    assert files == {"cdg.pdf": sheet.read_bytes()}
    assert "avis-point-ecoute" in draft.get_body(("plain",)).get_content()

    folder = tmp_path / "pieces"
    monkeypatch.setattr(prompts, "ask_directory", lambda *_args: folder)
    monkeypatch.setattr(questionnaire_dialog, "show_in_system", lambda _path: None)
    monkeypatch.setattr(questionnaire_dialog.clipboard, "copy_personal", lambda _text: None)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert (folder / "cdg.pdf").read_bytes() == sheet.read_bytes()
    assert "joignez les fiches" in dialog.status.text()


def test_another_key_is_refused_unless_its_words_are_typed(qtbot, store, tmp_path, monkeypatch):
    v2 = newer_version(tmp_path, store)
    context = make_context(store)
    successor = new_base(tmp_path, "nouvelle")
    other = publish(successor, tmp_path / "nouvelle.ecoute-referentiel")
    words = successor.referentiel.publisher_fingerprint()
    successor._store.close()
    context.services.referentiel.import_file(v2)
    panel = ReferentielPanel(context)
    qtbot.addWidget(panel)
    asked: list[str] = []
    typed = iter(["", words])
    monkeypatch.setattr(
        prompts,
        "ask_text",
        lambda parent, title, label, text="": asked.append(label) or next(typed),
    )
    shown: list[str] = []

    def apply(dialog: ReferentielPreviewDialog) -> int:
        shown.append(dialog.key_label.text())
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ReferentielPreviewDialog, "exec", apply)
    monkeypatch.setattr(prompts, "inform", lambda *args: None)
    assert referentiel_import.preview_and_import(context, panel, other) is None  # no words
    assert "signé par une autre clé" in asked[0] and shown == []
    assert context.services.referentiel.installed().version == 2
    applied = referentiel_import.preview_and_import(context, panel, other)
    assert applied is not None and "Nouvelle clé" in shown[0] and words in shown[0]
    assert context.services.referentiel.trusted_fingerprint() == words
