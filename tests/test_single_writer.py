"""One writer: a second process is refused with a clear message; a crashed holder frees it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from ecoute_desktop.cli import main
from ecoute_desktop.store import Store
from ecoute_desktop.store.errors import LockedError
from ecoute_desktop.store.lockfile import lock_path_for
from tests.conftest import PASSPHRASE
from tests.safety_helpers import make_db

_HOLD = (
    "import sys; from ecoute_desktop.store import Store; "
    "s = Store.open(sys.argv[1], sys.argv[2]); print('ok', flush=True); sys.stdin.read(); s.close()"
)


def _holder(path: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(path), PASSPHRASE],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ok"
    return process


@pytest.fixture
def closed_db(db_path: Path) -> Path:
    return make_db(db_path, PASSPHRASE, cases=3)


def test_second_instance_refused_with_a_french_message(closed_db: Path) -> None:
    holder = _holder(closed_db)
    try:
        with pytest.raises(LockedError, match="déjà ouverte par une autre fenêtre") as caught:
            Store.open(closed_db, PASSPHRASE)
        assert f"processus {holder.pid}" in str(caught.value)
    finally:
        holder.communicate("")
    with Store.open(closed_db, PASSPHRASE) as store:  # free again once the other one closed
        assert store.cases.count() == 3
    assert not lock_path_for(closed_db).exists()


@pytest.mark.skipif(os.name != "posix", reason="kill -9")
def test_lock_of_a_killed_process_does_not_block(closed_db: Path) -> None:
    holder = _holder(closed_db)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert lock_path_for(closed_db).exists()  # left behind by the crash ...
    with Store.open(closed_db, PASSPHRASE) as store:  # ... and not in the way
        assert store.cases.count() == 3


def test_command_line_respects_the_lock(
    closed_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ECOUTE_PASSPHRASE", PASSPHRASE)
    holder = _holder(closed_db)
    try:
        assert main(["--db", str(closed_db), "check"]) == 1
        assert "déjà ouverte" in capsys.readouterr().err
    finally:
        holder.communicate("")


def test_same_process_may_reopen_and_wrong_passphrase_leaves_no_lock(closed_db: Path) -> None:
    with Store.open(closed_db, PASSPHRASE) as first, Store.open(closed_db, PASSPHRASE) as second:
        assert first.cases.count() == second.cases.count() == 3
    with pytest.raises(Exception, match="Phrase de passe incorrecte"):
        Store.open(closed_db, "mauvaise phrase")
    assert not lock_path_for(closed_db).exists()


def test_auto_lock_keeps_the_writer_lock_while_disconnected(closed_db: Path) -> None:
    store = Store.open(closed_db, PASSPHRASE)
    store.disconnect()
    try:
        code = subprocess.run(
            [sys.executable, "-c", _HOLD, str(closed_db), PASSPHRASE],
            input="",
            capture_output=True,
            text=True,
        )
        assert code.returncode != 0 and "LockedError" in code.stderr
        store.reconnect(PASSPHRASE)
        assert store.cases.count() == 3
    finally:
        store.close()
