"""A full disk (or a file-size limit) is said as such, exit code 4, and loses nothing.

The disk is filled for a child process only, with `RLIMIT_FSIZE` (SIGXFSZ ignored, so
a write past the limit fails with EFBIG, which SQLite reports as SQLITE_IOERR and the
system as OSError). Before this, SQLite's error while opening (the shared-memory index
could not be written) was taken for a wrong passphrase: « Phrase de passe incorrecte »,
exit 3, and the volunteer retyped a correct passphrase again and again.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import sqlcipher3

from ecoute_desktop.store import Store
from ecoute_desktop.store.errors import DiskFullError
from tests.crash_child import note_body
from tests.csv_import_helpers import member, write_csv
from tests.safety_helpers import digest, make_db, snapshot

pytestmark = pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE is POSIX")

ROOT = Path(__file__).resolve().parent.parent
RAW_KEY = "x'" + "4d" * 32 + "'"
SMALL = 20_000  # below SQLite's 32 KiB shared-memory index: opening itself cannot write
MEDIUM = 40_000  # the base opens; a backup or a report cannot be written whole


def _limited(limit: int) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def _ecoute(limit: int, *argv: str, key: str = RAW_KEY) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ecoute_desktop", *argv],
        cwd=ROOT,
        env={**os.environ, "ECOUTE_PASSPHRASE": key},
        preexec_fn=lambda: _limited(limit),
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def base(tmp_path: Path) -> Path:
    return make_db(tmp_path / "ecoute.db", RAW_KEY, cases=8)


def _said_as_full_disk(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode == 4, result.stderr
    assert "disque plein ou fichier trop grand" in result.stderr.lower()
    assert "phrase de passe" not in result.stderr.lower()
    assert "Traceback" not in result.stderr


def test_check_on_a_full_disk_says_so_and_a_wrong_passphrase_is_still_told_apart(
    base: Path,
) -> None:
    before = digest(base)
    _said_as_full_disk(_ecoute(SMALL, "--db", str(base), "check"))
    wrong = _ecoute(SMALL, "--db", str(base), "check", key="x'" + "00" * 32 + "'")
    assert wrong.returncode == 3 and "Phrase de passe incorrecte" in wrong.stderr
    assert digest(base) == before
    freed = _ecoute(10**9, "--db", str(base), "check")
    assert freed.returncode == 0 and "saine" in freed.stdout


def test_a_backup_on_a_full_disk_says_so_and_keeps_the_previous_backup(
    base: Path, tmp_path: Path
) -> None:
    target = tmp_path / "sauvegarde.db"
    assert _ecoute(10**9, "--db", str(base), "backup", "-o", str(target)).returncode == 0
    previous = digest(target)
    _said_as_full_disk(_ecoute(MEDIUM, "--db", str(base), "backup", "-o", str(target)))
    assert digest(target) == previous
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_report_too_large_for_the_disk_says_so(base: Path, tmp_path: Path) -> None:
    target = tmp_path / "rapport.pdf"
    result = _ecoute(MEDIUM, "--db", str(base), "report", "monthly", "2025-06", "-o", str(target))
    _said_as_full_disk(result)
    assert "rapport.pdf" in result.stderr  # the file the user asked for, not a hidden one
    assert not target.exists()


def test_an_import_on_a_full_disk_says_so_and_imports_nothing(base: Path, tmp_path: Path) -> None:
    before = snapshot(base, RAW_KEY)
    note = "Fil de courriels collé dans la note. " * 4000  # ~150 kB: cannot fit
    rows = [member(i, reference=f"2019-{i:04d}", notes=note) for i in range(1, 4)]
    csv_file = write_csv(tmp_path / "tableur.csv", rows)
    _said_as_full_disk(
        _ecoute(base.stat().st_size + 40_000, "--db", str(base), "import-cases", str(csv_file))
    )
    assert snapshot(base, RAW_KEY) == before


def test_saving_notes_until_the_disk_is_full_keeps_every_saved_note(base: Path) -> None:
    """The app's save fails with the full-disk sentence; once freed, all is there and saves."""
    with Store.open(base, RAW_KEY) as store:
        before = {n.id: n.body for c in store.cases.all(with_notes=True) for n in c.notes}
    child = subprocess.run(
        [sys.executable, "-m", "tests.crash_child", "diskfull", str(base), RAW_KEY, "262144"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = child.stdout.splitlines()
    assert child.returncode == 1, child.stderr
    assert lines[-1].startswith("error DiskFullError Disque plein ou fichier trop grand")
    saved = {int(line.split()[1]): note_body(0, int(line.split()[3])) for line in lines[:-1]}
    assert saved, "some notes fit before the disk was full"
    with Store.open(base, RAW_KEY) as store:  # the disk is freed (no limit here)
        assert store.integrity_problems() == []
        stored = {n.id: n.body for c in store.cases.all(with_notes=True) for n in c.notes}
        assert {i: stored.get(i) for i in {**before, **saved}} == {**before, **saved}
        last = max(saved)
        case_id = store.cases.all()[0].id
        store.notes.add(case_id, "Après avoir libéré de la place.")
    assert stored[last] == saved[last]


def test_the_unlock_window_says_full_disk_not_wrong_passphrase(
    base: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ecoute_desktop.store import connection
    from ecoute_desktop.ui.safety.unlock_dialog import UnlockDialog

    real_connect = connection._connect

    class FullDisk:
        """SQLite could not write its shared-memory index at the first read (EFBIG, ENOSPC)."""

        def __init__(self, conn: sqlcipher3.Connection) -> None:
            self.conn = conn

        def execute(self, *_args: object) -> object:
            raise sqlcipher3.OperationalError("disk I/O error")

        def close(self) -> None:
            self.conn.close()

    def full_disk(path: Path, mode: str, passphrase: str) -> object:
        return FullDisk(real_connect(path, mode, passphrase))

    monkeypatch.setattr(connection, "_connect", full_disk)
    dialog = UnlockDialog(base)
    qtbot.addWidget(dialog)
    dialog.passphrase_edit.setText(RAW_KEY)
    assert not dialog.try_unlock()
    shown = dialog.error_label.text()
    assert "disque plein ou fichier trop grand" in shown.lower()
    assert "Phrase de passe incorrecte" not in shown


def test_disk_full_error_is_french_and_not_a_passphrase_error() -> None:
    from ecoute_desktop.store.errors import WrongPassphraseError

    assert not issubclass(DiskFullError, WrongPassphraseError)
    assert "Disque plein" in str(DiskFullError())
