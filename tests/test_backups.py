"""Encrypted backups open with the same passphrase, rotate, and restore only when sound."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ecoute_desktop.cli import main
from ecoute_desktop.services import safety_settings
from ecoute_desktop.services.backup import (
    automatic_backup,
    backup_to,
    latest_backup,
    list_backups,
    restore,
)
from ecoute_desktop.store import Store, StoreError, WrongPassphraseError
from tests.conftest import PASSPHRASE
from tests.safety_helpers import PAGE, digest, flip_byte, make_db, openers, snapshot


@pytest.fixture
def closed_db(db_path: Path) -> Path:
    return make_db(db_path, PASSPHRASE, cases=20)


def test_backup_opens_with_the_same_passphrase_and_holds_everything(
    closed_db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "cle-usb" / "sauvegarde.db"
    target.parent.mkdir()
    with Store.open(closed_db, PASSPHRASE) as store:
        info = backup_to(store, target)
    assert info.cases == 20
    assert openers(target, PASSPHRASE, "autre phrase") == [PASSPHRASE]
    assert snapshot(target, PASSPHRASE) == snapshot(closed_db, PASSPHRASE)
    assert [p.name for p in target.parent.iterdir()] == ["sauvegarde.db"]  # no temp left
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600


def test_backup_failure_leaves_the_previous_backup_whole(closed_db: Path, tmp_path: Path) -> None:
    target = tmp_path / "sauvegarde.db"
    with Store.open(closed_db, PASSPHRASE) as store:
        backup_to(store, target)
        before = digest(target)
        store.disconnect()  # the copy cannot be made: the connection is gone
        with pytest.raises(RuntimeError):
            backup_to(store, target)
    assert digest(target) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_automatic_backups_keep_the_last_n(closed_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "sauvegardes-usb"
    start = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    with Store.open(closed_db, PASSPHRASE) as store:
        store.settings.set(safety_settings.BACKUP_DIR, str(folder))
        store.settings.set(safety_settings.BACKUP_KEEP, 3)
        for day in range(5):
            automatic_backup(store, start + timedelta(days=day))
    kept = list_backups(folder, closed_db)
    assert [b.taken_at.day for b in kept] == [5, 4, 3]
    assert latest_backup(closed_db, [folder]).taken_at.day == 5
    assert all(openers(b.path, PASSPHRASE) == [PASSPHRASE] for b in kept)


def test_many_backups_within_one_second_keep_the_newest(closed_db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "sauvegardes-usb"
    same_second = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    with Store.open(closed_db, PASSPHRASE) as store:
        store.settings.set(safety_settings.BACKUP_DIR, str(folder))
        store.settings.set(safety_settings.BACKUP_KEEP, 3)
        made = [automatic_backup(store, same_second).path.name for _ in range(12)]
    kept = [b.path.name for b in list_backups(folder, closed_db)]
    assert kept == made[::-1][:3]  # …~11, ~10, ~9: not ~9, ~8, ~7 by alphabetical order


def test_default_backup_folder_is_next_to_the_database(closed_db: Path) -> None:
    with Store.open(closed_db, PASSPHRASE) as store:
        info = automatic_backup(store)
    assert info.path.parent == closed_db.parent / "sauvegardes"
    assert latest_backup(closed_db).path == info.path


def test_restore_brings_back_the_backup_and_keeps_the_current_file_aside(
    closed_db: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "sauvegarde.db"
    with Store.open(closed_db, PASSPHRASE) as store:
        backup_to(store, backup)
        saved = snapshot(backup, PASSPHRASE)
        store.cases.delete(store.cases.all()[0].id)
    changed = snapshot(closed_db, PASSPHRASE)
    aside = restore(closed_db, backup, PASSPHRASE)
    assert snapshot(closed_db, PASSPHRASE) == saved
    assert aside is not None and snapshot(aside, PASSPHRASE) == changed


def test_damaged_or_foreign_backup_is_refused_and_nothing_changes(
    closed_db: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "sauvegarde.db"
    with Store.open(closed_db, PASSPHRASE) as store:
        backup_to(store, backup)
    before = digest(closed_db)
    with pytest.raises(WrongPassphraseError):
        restore(closed_db, backup, "une autre phrase")
    flip_byte(backup, 3 * PAGE + 100)
    with pytest.raises(StoreError, match="endommagée"):
        restore(closed_db, backup, PASSPHRASE)
    assert digest(closed_db) == before
    assert sorted(p.name for p in closed_db.parent.iterdir()) == [closed_db.name]


def test_restore_when_the_database_is_missing(closed_db: Path, tmp_path: Path) -> None:
    backup = tmp_path / "sauvegarde.db"
    with Store.open(closed_db, PASSPHRASE) as store:
        backup_to(store, backup)
    closed_db.unlink()
    assert restore(closed_db, backup, PASSPHRASE) is None
    assert openers(closed_db, PASSPHRASE) == [PASSPHRASE]


def test_cli_backup_then_restore(
    closed_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("ECOUTE_PASSPHRASE", PASSPHRASE)
    backup = tmp_path / "copie.db"
    assert main(["--db", str(closed_db), "backup", "-o", str(backup)]) == 0
    assert "vérifiée" in capsys.readouterr().out
    closed_db.write_bytes(b"\0" * 8192)  # the database is lost
    assert main(["--db", str(closed_db), "restore", str(backup)]) == 0
    assert "conservée à part" in capsys.readouterr().out
    assert openers(closed_db, PASSPHRASE) == [PASSPHRASE]
    assert main(["--db", str(closed_db), "restore", str(tmp_path / "absent.db")]) == 1


def test_cli_restore_names_what_the_file_really_is(
    closed_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import sqlite3

    monkeypatch.setenv("ECOUTE_PASSPHRASE", PASSPHRASE)
    plain = tmp_path / "tableur.db"
    with sqlite3.connect(plain) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    empty = tmp_path / "vide.db"
    empty.write_bytes(b"")
    before = digest(closed_db)
    assert main(["--db", str(closed_db), "restore", str(plain)]) == 1  # not « wrong passphrase »
    assert "non chiffrée" in capsys.readouterr().err
    assert main(["--db", str(closed_db), "restore", str(empty)]) == 1
    assert "vide" in capsys.readouterr().err
    assert digest(closed_db) == before
