"""Restoring a backup from the app: Paramètres › « Restaurer une sauvegarde… » checks the
backup with the current passphrase, asks for confirmation, keeps the current file aside and
shows the restored content at once (no restart); the unlock window offers « Restaurer cette
sauvegarde » when the database is damaged, then opens it."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from ecoute_desktop.services.backup import ASIDE_MARK, automatic_backup, backup_to
from ecoute_desktop.services.demo import populate
from ecoute_desktop.store import Store
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.formatting import long_datetime
from ecoute_desktop.ui.safety.restore import taken_at
from ecoute_desktop.ui.safety.safety_settings import SafetySettings
from ecoute_desktop.ui.safety.unlock_dialog import UnlockDialog
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.desk_support import add_case, isolated_settings, make_context, store_of
from tests.safety_helpers import NEW_PASSPHRASE, PAGE, flip_byte, make_db

__all__ = ["isolated_settings"]

LATER = "Ajoutée-après-la-sauvegarde"


class Answers:
    """What the user answers in the (monkeypatched) dialogs, and what they were told."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, backup: Path, passphrase: str) -> None:
        self.questions: list[str] = []
        self.warnings: list[str] = []
        self.confirm = True
        monkeypatch.setattr(prompts, "ask_open_path", lambda *_: backup)
        monkeypatch.setattr(prompts, "ask_passphrase", lambda *_: passphrase)
        monkeypatch.setattr(prompts, "confirm_action", self._ask)
        monkeypatch.setattr(prompts, "warn", lambda _p, _t, text: self.warnings.append(text))

    def _ask(self, _parent: object, _title: str, text: str, *_: str, **__: str) -> bool:
        self.questions.append(text)
        return self.confirm


@pytest.fixture
def desk(qtbot, store: Store, tmp_path: Path) -> tuple[MainWindow, Path]:
    """A desk on 12 cases, a backup of them, then one more case typed after the backup."""
    populate(store, 12, date(2026, 1, 1), date(2026, 2, 28), seed=4)
    window = MainWindow(make_context(store))
    qtbot.addWidget(window)
    window.show()
    backup = backup_to(store, tmp_path / "cle-usb.db").path
    add_case(store, LATER, datetime(2026, 3, 2, 9, tzinfo=UTC))
    return window, backup


def _panel(window: MainWindow) -> SafetySettings:
    return window.show_view("settings").safety  # type: ignore[attr-defined]


def test_restore_from_settings_shows_the_backup_without_restarting(
    qtbot, desk: tuple[MainWindow, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    window, backup = desk
    store = store_of(window.context)
    answers = Answers(monkeypatch, backup, PASSPHRASE)
    cases = window.show_view("cases")
    window.context.runner.wait()
    panel = _panel(window)
    panel.restore_button.click()
    assert "12 sollicitation(s)" in answers.questions[0]  # the backup, checked
    assert "13 sollicitation(s)" in answers.questions[0]  # the current base
    assert "avant-restauration" in answers.questions[0]
    # named by its Paris time and folder; the name's UTC stamp stays out of the question
    assert long_datetime(taken_at(backup)) in answers.questions[0]
    assert str(backup.parent) in answers.questions[0] and backup.name not in answers.questions[0]
    assert store.db.is_open and store.cases.count() == 12
    assert store.search(LATER) == []
    aside = [p for p in store.path.parent.iterdir() if ASIDE_MARK in p.name]
    assert len(aside) == 1 and aside[0].name in panel.status.text()
    assert "sans redémarrer" in panel.status.text()
    with Store.open(aside[0], PASSPHRASE, lock=False) as kept:
        assert kept.cases.count() == 13  # nothing lost: the current file is kept
    window.show_view("cases")
    window.context.runner.wait()
    qtbot.waitUntil(lambda: cases.model.rowCount() == 12, timeout=3000)  # type: ignore[attr-defined]


def test_restore_is_cancelled_or_refused_without_changing_anything(
    qtbot, desk: tuple[MainWindow, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    window, backup = desk
    store = store_of(window.context)
    answers = Answers(monkeypatch, backup, PASSPHRASE)
    answers.confirm = False
    _panel(window).restore_button.click()
    assert answers.questions and store.cases.count() == 13
    wrong = Answers(monkeypatch, backup, "pas la bonne phrase de passe")
    _panel(window).restore_button.click()
    assert "incorrecte" in wrong.warnings[0] and not wrong.questions
    other = make_db(tmp_path / "autre" / "ecoute.db", NEW_PASSPHRASE, cases=3)
    refused = Answers(monkeypatch, other, PASSPHRASE)
    _panel(window).restore_button.click()
    assert "ne s'ouvre pas avec cette phrase de passe" in refused.warnings[0]
    damaged = tmp_path / "abimee.db"
    damaged.write_bytes(backup.read_bytes())
    flip_byte(damaged, 3 * PAGE + 100)
    broken = Answers(monkeypatch, damaged, PASSPHRASE)
    _panel(window).restore_button.click()
    assert broken.warnings and not broken.questions
    assert store.db.is_open and store.cases.count() == 13
    assert not [p for p in store.path.parent.iterdir() if ASIDE_MARK in p.name]


def test_unlock_window_restores_the_latest_backup_of_a_damaged_file(
    qtbot, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_db(db_path, PASSPHRASE, cases=25)
    with Store.open(db_path, PASSPHRASE) as store:
        backup = automatic_backup(store)
    flip_byte(db_path, 9 * PAGE + 77)
    dialog = UnlockDialog(db_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.restore_button.isHidden()
    dialog.passphrase_edit.setText(PASSPHRASE)
    assert dialog.try_unlock() is False
    assert dialog.restore_button.isVisible() and dialog.other_button.isVisible()
    qtbot.wait(10)
    for button in (dialog.restore_button, dialog.other_button):  # labels shown whole
        assert button.width() >= button.sizeHint().width(), button.text()
    answers = Answers(monkeypatch, backup.path, PASSPHRASE)
    answers.confirm = False
    assert dialog.restore_latest() is False and dialog.store is None
    answers.confirm = True
    assert dialog.restore_latest() is True
    assert "Le fichier endommagé" in answers.questions[-1]
    assert dialog.store is not None and dialog.store.cases.count() == 25
    assert dialog.store.integrity_problems() == []
    dialog.store.close()
    assert [p for p in db_path.parent.iterdir() if ASIDE_MARK in p.name]  # damage kept aside
