"""The « Sécurité et sauvegardes » panel: settings saved, backup now, purge with preview
(the list of cases and what goes, what stays), passphrase change from the app (the open
store follows the new passphrase)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from ecoute_desktop.services import safety_settings as keys
from ecoute_desktop.services.backup import list_backups
from ecoute_desktop.services.demo import populate
from ecoute_desktop.services.retention import purge_preview
from ecoute_desktop.store import Store
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.safety.safety_settings import PassphraseDialog, SafetySettings
from tests.conftest import PASSPHRASE
from tests.desk_support import isolated_settings, make_context, store_of
from tests.safety_helpers import NEW_PASSPHRASE, openers

__all__ = ["isolated_settings"]


@pytest.fixture
def panel(qtbot, store: Store) -> SafetySettings:
    widget = SafetySettings(make_context(store))
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_settings_are_saved_in_the_database(panel: SafetySettings, tmp_path: Path) -> None:
    panel.folder_edit.setText(str(tmp_path / "usb"))
    panel.keep_spin.setValue(3)
    panel.retention_spin.setValue(24)
    panel.idle_spin.setValue(2)
    panel.save_button.click()
    store = store_of(panel.context)
    assert keys.backup_dir(store) == tmp_path / "usb"
    assert (keys.backup_keep(store), keys.retention_months(store)) == (3, 24)
    assert keys.auto_lock_minutes(store) == 2


def test_backup_now_writes_a_verified_backup(panel: SafetySettings, tmp_path: Path) -> None:
    panel.folder_edit.setText(str(tmp_path / "usb"))
    panel.backup_button.click()
    backups = list_backups(tmp_path / "usb", store_of(panel.context).path)
    assert len(backups) == 1 and "vérifiée" in panel.status.text()


def test_purge_shows_the_preview_and_only_acts_when_confirmed(
    panel: SafetySettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = store_of(panel.context)
    populate(store, 40, date(2023, 1, 1), date(2023, 12, 31), seed=3,
             now=datetime(2024, 6, 1, tzinfo=UTC))  # fmt: skip
    asked: list[tuple[str, str]] = []

    def refuse(_parent: object, _title: str, text: str, _action: str, details: str) -> bool:
        asked.append((text, details))
        return False

    monkeypatch.setattr(prompts, "confirm_action", refuse)
    panel.purge_button.click()
    text, details = asked[0]
    assert "seront effacées définitivement" in text and "statistiques anonymes" in text
    due = purge_preview(store).candidates
    assert due and all(c.reference in details for c in due)  # the full list
    assert due[0].reference in text  # the first ones in the question itself
    assert store.retention.purged_ids() == set()
    monkeypatch.setattr(prompts, "confirm_action", lambda *_, **__: True)
    panel.purge_button.click()
    assert store.retention.purged_ids() and "purgée" in panel.status.text()


def test_passphrase_change_from_the_app(qtbot, store: Store) -> None:
    context = make_context(store)
    dialog = PassphraseDialog(context)
    qtbot.addWidget(dialog)
    dialog.old_edit.setText("pas la bonne")
    dialog.new_edit.setText(NEW_PASSPHRASE)
    dialog.again_edit.setText(NEW_PASSPHRASE)
    assert dialog.change() is False and "incorrecte" in dialog.message.text()
    assert store.db.is_open
    dialog.old_edit.setText(PASSPHRASE)
    dialog.again_edit.setText("autre chose")
    assert dialog.change() is False and "diffèrent" in dialog.message.text()
    dialog.again_edit.setText(NEW_PASSPHRASE)
    assert dialog.change() is True
    assert store.db.is_open and store.cases.count() == 0  # still usable
    store.close()
    assert openers(store.path, PASSPHRASE, NEW_PASSPHRASE) == [NEW_PASSPHRASE]


def test_each_safety_setting_has_one_set_of_bounds_for_screen_and_store(qtbot, store) -> None:
    """A value out of range in the file is read within the bounds the spin box offers."""
    store.settings.set(keys.RETENTION_MONTHS, 999)
    store.settings.set(keys.BACKUP_KEEP, 0)
    store.settings.set(keys.AUTO_LOCK_MINUTES, "n'importe quoi")
    panel = SafetySettings(make_context(store))
    qtbot.addWidget(panel)
    assert keys.retention_months(store) == panel.retention_spin.maximum() == 120
    assert keys.backup_keep(store) == panel.keep_spin.minimum() == 1
    assert keys.auto_lock_minutes(store) == keys.DEFAULT_AUTO_LOCK_MINUTES


def test_default_backup_folder_is_explained_not_shown_as_chosen(
    panel: SafetySettings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Aujourd'hui and Paramètres agree: until a folder is chosen the field is empty, the
    default is explained, and saving the other settings does not count the step done."""
    from ecoute_desktop.services import first_steps as steps

    store = store_of(panel.context)

    def backup_step_done() -> bool:
        return next(s for s in steps.setup_steps(store) if s.key == steps.BACKUP).done

    assert panel.folder_edit.text() == "" and panel.default_hint.isVisible()
    shown = panel.default_hint.text().replace("\u200b", "")  # the path may wrap at its folders
    assert str(keys.default_backup_dir(store.path)) in shown
    assert "clé USB" in panel.default_hint.text()
    panel.keep_spin.setValue(4)
    panel.save_button.click()
    assert not backup_step_done() and panel.folder_edit.text() == ""
    monkeypatch.setattr(prompts, "ask_directory", lambda *_: tmp_path / "usb")
    panel.choose_button.click()
    assert backup_step_done() and panel.folder_edit.text() == str(tmp_path / "usb")
    assert not panel.default_hint.isVisible()


def test_backups_are_named_by_their_paris_time_and_folder(
    panel: SafetySettings, tmp_path: Path
) -> None:
    panel.folder_edit.setText(str(tmp_path / "usb"))
    panel.backup_button.click()
    (backup,) = list_backups(tmp_path / "usb", store_of(panel.context).path)
    from ecoute_desktop.ui.common.formatting import long_datetime

    for _ in range(2):  # just written, then as « Dernière sauvegarde » on the next visit
        text = panel.status.text()
        assert long_datetime(backup.taken_at) in text and str(tmp_path / "usb") in text
        assert backup.path.name not in text and backup.path.name in panel.status.toolTip()
        panel.refresh()
    assert "Dernière sauvegarde" in panel.status.text()
