"""The « fiche de secours » and the demo notice: what the user keeps, and what is public."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pypdf
import pytest
from PySide6.QtWidgets import QWizard

from ecoute_desktop.cli import main
from ecoute_desktop.services.demo import DEMO_PASSPHRASE
from ecoute_desktop.store import Store
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.safety.first_run import FirstRunWizard
from ecoute_desktop.ui.safety.unlock_dialog import UnlockDialog
from tests.desk_support import isolated_settings  # noqa: F401


def _text(pdf: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))
    return " ".join(page.extract_text() for page in reader.pages)


def test_first_run_offers_the_sheet_with_the_phrase_the_place_and_the_warning(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "mes données" / "ecoute.db"
    sheet = tmp_path / "clé usb" / "fiche.pdf"
    sheet.parent.mkdir()
    told: list[str] = []
    monkeypatch.setattr(prompts, "ask_save_path", lambda *_: sheet)
    monkeypatch.setattr(prompts, "inform", lambda _p, _t, text: told.append(text))
    wizard = FirstRunWizard(target)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    page = wizard.passphrase_page
    assert not page.fields.sheet_button.isEnabled()  # nothing to keep before a good phrase
    assert "peut lire toutes vos notes" in page.fields.sheet_label.text()
    page.fields.suggest_button.click()
    assert page.fields.sheet_button.isEnabled()
    page.fields.sheet_button.click()
    text = " ".join(_text(sheet).split())
    for word in page.passphrase.split():
        assert word in text
    assert "ecoute.db" in text and "peut lire toutes vos notes" in text
    if os.name == "posix":
        assert sheet.stat().st_mode & 0o777 == 0o600
    assert told and "supprimez ce fichier" in told[0]
    assert sorted(p.name for p in sheet.parent.iterdir()) == ["fiche.pdf"]  # no temp left
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_demo_keeps_its_public_passphrase_and_the_unlock_window_says_so(
    qtbot, tmp_path: Path, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = tmp_path / "demo.db"
    assert main(["demo", str(demo), "--cases", "3"]) == 0
    assert f"phrase de passe : {DEMO_PASSPHRASE}" in capsys.readouterr().out
    Store.open(demo, DEMO_PASSPHRASE).close()
    before = sorted(p.name for p in tmp_path.iterdir())
    dialog = UnlockDialog(demo)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.demo_label.isVisible()
    assert "démonstration" in dialog.demo_label.text() and "publique" in dialog.demo_label.text()
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # looking touched nothing
    store.close()
    ordinary = UnlockDialog(store.path)
    qtbot.addWidget(ordinary)
    ordinary.show()
    assert not ordinary.demo_label.isVisible()
