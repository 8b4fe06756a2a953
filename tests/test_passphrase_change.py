"""Changing the passphrase: the new one opens the file, the old one no longer does, data intact."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ecoute_desktop.cli import main
from ecoute_desktop.store import Store, StoreError, WrongPassphraseError
from ecoute_desktop.store.rekey import change_passphrase
from tests.conftest import PASSPHRASE
from tests.safety_helpers import NEW_PASSPHRASE, digest, make_db, openers, snapshot


@pytest.fixture
def closed_db(db_path: Path) -> Path:
    return make_db(db_path, PASSPHRASE)


def test_new_passphrase_opens_old_one_refused_data_identical(closed_db: Path) -> None:
    before = snapshot(closed_db, PASSPHRASE)
    change_passphrase(closed_db, PASSPHRASE, NEW_PASSPHRASE)
    assert openers(closed_db, PASSPHRASE, NEW_PASSPHRASE) == [NEW_PASSPHRASE]
    with pytest.raises(WrongPassphraseError):
        Store.open(closed_db, PASSPHRASE)
    assert snapshot(closed_db, NEW_PASSPHRASE) == before
    assert sorted(p.name for p in closed_db.parent.iterdir()) == [closed_db.name]
    if os.name == "posix":
        assert closed_db.stat().st_mode & 0o777 == 0o600


def test_wrong_current_passphrase_changes_nothing(closed_db: Path) -> None:
    before = digest(closed_db)
    with pytest.raises(WrongPassphraseError):
        change_passphrase(closed_db, "pas la bonne phrase", NEW_PASSPHRASE)
    assert digest(closed_db) == before
    assert sorted(p.name for p in closed_db.parent.iterdir()) == [closed_db.name]


def test_empty_or_identical_new_passphrase_refused(closed_db: Path) -> None:
    for new in ("", PASSPHRASE):
        with pytest.raises(StoreError):
            change_passphrase(closed_db, PASSPHRASE, new)
    assert openers(closed_db, PASSPHRASE) == [PASSPHRASE]


def test_copy_left_by_an_interrupted_change_is_cleaned_up(closed_db: Path) -> None:
    stale = closed_db.with_name(f".{closed_db.name}.rekey-deadbeef")
    stale.write_bytes(os.urandom(8192))
    change_passphrase(closed_db, PASSPHRASE, NEW_PASSPHRASE)
    assert not stale.exists()


def test_change_refused_while_another_process_has_the_database_open(closed_db: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from ecoute_desktop.store import Store; "
            f"s = Store.open({str(closed_db)!r}, {PASSPHRASE!r}); print('ok', flush=True); "
            "sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        with pytest.raises(StoreError, match="déjà ouverte"):
            change_passphrase(closed_db, PASSPHRASE, NEW_PASSPHRASE)
    finally:
        holder.stdin.close()
        holder.wait(30)
    assert openers(closed_db, PASSPHRASE, NEW_PASSPHRASE) == [PASSPHRASE]


def test_cli_reads_the_new_passphrase_from_the_environment(
    closed_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ECOUTE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("ECOUTE_NEW_PASSPHRASE", NEW_PASSPHRASE)
    assert main(["--db", str(closed_db), "passphrase"]) == 0
    assert "l'ancienne ne l'ouvre plus" in capsys.readouterr().out
    assert openers(closed_db, PASSPHRASE, NEW_PASSPHRASE) == [NEW_PASSPHRASE]


def test_cli_asks_twice_and_refuses_a_mismatch_or_a_weak_passphrase(
    closed_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ECOUTE_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("ECOUTE_NEW_PASSPHRASE", raising=False)
    answers = iter([NEW_PASSPHRASE, NEW_PASSPHRASE + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["--db", str(closed_db), "passphrase"]) == 2
    assert "pas identiques" in capsys.readouterr().err
    monkeypatch.setenv("ECOUTE_NEW_PASSPHRASE", "court")
    assert main(["--db", str(closed_db), "passphrase"]) == 2
    assert "refusée" in capsys.readouterr().err
    assert openers(closed_db, PASSPHRASE, NEW_PASSPHRASE) == [PASSPHRASE]
    answers = iter([NEW_PASSPHRASE, NEW_PASSPHRASE])
    monkeypatch.delenv("ECOUTE_NEW_PASSPHRASE")
    assert main(["--db", str(closed_db), "passphrase"]) == 0
    assert openers(closed_db, PASSPHRASE, NEW_PASSPHRASE) == [NEW_PASSPHRASE]
