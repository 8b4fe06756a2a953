"""The one-writer lock off Linux: a folder that cannot be locked (some network drives, e.g.
SMB on macOS) is refused with its own French message and the file is left closed, never
reported as « déjà ouverte »; the refusal names the owner without reading the byte Windows
keeps locked; a lock freed a moment late after a crash (Windows) is waited for."""

from __future__ import annotations

import errno
import json
from pathlib import Path

import pytest

from ecoute_desktop.store import Store, lockfile
from ecoute_desktop.store.errors import LockedError, LockUnavailableError
from tests.conftest import PASSPHRASE
from tests.safety_helpers import digest, make_db

fcntl = pytest.importorskip("fcntl")  # the tests simulate other systems through flock


@pytest.fixture
def closed_db(db_path: Path) -> Path:
    return make_db(db_path, PASSPHRASE, cases=2)


@pytest.mark.parametrize("code", [errno.ENOTSUP, errno.ENOLCK, errno.EINVAL])
def test_folder_that_cannot_lock_is_refused_with_its_own_message(
    closed_db: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    def no_locks(_fd: int, _operation: int) -> None:
        raise OSError(code, "unsupported")

    before = digest(closed_db)
    monkeypatch.setattr(fcntl, "flock", no_locks)
    with pytest.raises(LockUnavailableError) as raised:
        Store.open(closed_db, PASSPHRASE)
    message = str(raised.value)
    assert "ne permet pas de verrouiller" in message and str(closed_db.parent) in message
    assert "déjà ouverte" not in message
    assert not lockfile.is_held(closed_db)
    monkeypatch.undo()
    assert digest(closed_db) == before
    with Store.open(closed_db, PASSPHRASE) as store:  # a normal folder again: opens
        assert store.cases.count() == 2


def test_a_lock_held_elsewhere_is_still_reported_as_open(
    closed_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def held(_fd: int, _operation: int) -> None:
        raise BlockingIOError(errno.EWOULDBLOCK, "busy")

    monkeypatch.setattr(fcntl, "flock", held)
    with pytest.raises(LockedError, match="déjà ouverte"):
        Store.open(closed_db, PASSPHRASE)


def test_owner_is_named_without_reading_the_locked_first_byte(tmp_path: Path) -> None:
    lock = tmp_path / "ecoute.db.lock"
    # Byte 0 is what Windows locks; whatever it holds, only what follows is read.
    lock.write_bytes(b"\xff" + json.dumps({"pid": 4242, "host": "portable"}).encode())
    assert lockfile._owner_text(lock) == " (processus 4242 sur l'ordinateur « portable »)"


def test_a_lock_freed_late_after_a_crash_is_waited_for(
    closed_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refusals = [2]
    real_flock = fcntl.flock

    def late(fd: int, operation: int) -> None:
        if operation & fcntl.LOCK_EX and refusals[0]:
            refusals[0] -= 1
            raise BlockingIOError(errno.EWOULDBLOCK, "still held by the dead process")
        real_flock(fd, operation)

    waits: list[float] = []
    monkeypatch.setattr(fcntl, "flock", late)
    monkeypatch.setattr(lockfile, "HELD_RETRY_DELAYS", (0.1, 0.2, 0.4))  # Windows' policy
    monkeypatch.setattr(lockfile.time, "sleep", waits.append)
    with Store.open(closed_db, PASSPHRASE) as store:
        assert store.cases.count() == 2
    assert waits == [0.1, 0.2]
