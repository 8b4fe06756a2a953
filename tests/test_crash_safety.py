"""kill -9 at random moments never loses what was reported saved nor damages the file.

The children run `tests/crash_child.py`. Loops that only test durability (notes,
backups, purge) key the database with a raw 256-bit key (`x'…'`, same SQLCipher code
path minus the deliberately slow key derivation) so 50 kills stay quick; the
passphrase-change loop uses real passphrases, since which one opens the file is the
point. Figures are summarised in the README's Security section.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from ecoute_desktop.domain.timeutil import iter_months
from ecoute_desktop.services import safety_settings
from ecoute_desktop.services.backup import list_backups
from ecoute_desktop.services.demo import populate
from ecoute_desktop.services.indicators import month_indicators
from ecoute_desktop.store import Store, StoreError
from tests.conftest import PASSPHRASE
from tests.crash_child import note_body
from tests.safety_helpers import NEW_PASSPHRASE, make_db

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.name != "posix", reason="kill -9 and RLIMIT_FSIZE are POSIX"),
]

ROOT = Path(__file__).resolve().parent.parent
RAW_KEY = "x'" + "5e" * 32 + "'"


def _spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.crash_child", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _run_and_kill(delay: float, *args: str, after_start: bool = False) -> tuple[list[str], int]:
    """Kill the child `delay` seconds after launch (or after its first line of output)."""
    child = _spawn(*args)
    assert child.stdout is not None
    first = child.stdout.readline() if after_start else ""
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    out, _ = child.communicate()
    return (first + out).splitlines(), child.returncode


def _duration(*args: str) -> float:
    """How long the work between `start` and `done` takes, to spread kills over all of it."""
    child = _spawn(*args)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "start"
    start = time.monotonic()
    out, err = child.communicate(timeout=120)
    assert child.returncode == 0, err
    assert out.splitlines()[-1] == "done"
    return time.monotonic() - start


def _reopen(path: Path, passphrase: str) -> Store:
    """What the app does after a crash: open (recovering the log) and check."""
    store = Store.open(path, passphrase)
    assert store.integrity_problems() == []
    return store


def test_kill_while_saving_notes_50_times_loses_nothing_reported(tmp_path: Path) -> None:
    db = make_db(tmp_path / "ecoute.db", RAW_KEY, cases=10)
    rng = random.Random(1234)
    promised: dict[int, str] = {}
    for run in range(50):
        # The child saves notes forever; the kill comes at a random moment after its first
        # reported save (opening time varies with the machine's load, saving does not stop).
        lines, code = _run_and_kill(
            rng.uniform(0.0, 0.3), "notes", str(db), RAW_KEY, str(run), after_start=True
        )
        assert code == -signal.SIGKILL
        assert lines, f"run {run}: the child reported no save before being killed"
        for line in lines:
            _, note_id, run_text, index = line.split()
            promised[int(note_id)] = note_body(int(run_text), int(index))
        with _reopen(db, RAW_KEY) as store:
            stored = {n.id: n.body for c in store.cases.all(with_notes=True) for n in c.notes}
        missing = [i for i, body in promised.items() if stored.get(i) != body]
        assert missing == [], f"run {run}: notes reported saved but lost or changed"
    assert len(promised) > 200


def test_kill_during_passphrase_change_leaves_exactly_one_passphrase(tmp_path: Path) -> None:
    db = make_db(tmp_path / "ecoute.db", PASSPHRASE, cases=40)
    current, other = PASSPHRASE, NEW_PASSPHRASE
    span = _duration("rekey", str(db), current, other)
    current, other = other, current
    rng = random.Random(99)
    outcomes = {"old": 0, "new": 0}
    for _ in range(12):
        lines, _ = _run_and_kill(
            rng.uniform(0.0, span * 1.1), "rekey", str(db), current, other, after_start=True
        )
        working = []
        for candidate in (current, other):
            try:
                _reopen(db, candidate).close()
                working.append(candidate)
            except StoreError:
                pass
        assert len(working) == 1, "exactly one passphrase must open the file"
        if working == [other]:
            outcomes["new"] += 1
            current, other = other, current
        else:
            outcomes["old"] += 1
            assert "done" not in lines
    with _reopen(db, current) as store:
        assert store.cases.count() == 40
    assert outcomes["old"] and outcomes["new"], outcomes


def _first_backup_time(db: Path) -> float:
    """How long one backup takes on this machine, once the store is open."""
    child = _spawn("backup", str(db), RAW_KEY)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "start"
    start = time.monotonic()
    assert child.stdout.readline().startswith("backup ")
    span = time.monotonic() - start
    child.kill()
    child.communicate()
    return span


def _backups_then_kill(db: Path, count: int) -> list[str]:
    """Let the child report `count` finished backups (whatever the machine's speed), then kill."""
    child = _spawn("backup", str(db), RAW_KEY)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "start"
    names = [child.stdout.readline().split()[1] for _ in range(count)]
    child.kill()
    child.communicate()
    return names


def test_kill_during_backups_leaves_database_and_every_backup_sound(tmp_path: Path) -> None:
    db = make_db(tmp_path / "ecoute.db", RAW_KEY, cases=150)
    folder = tmp_path / "usb"
    with Store.open(db, RAW_KEY) as store:
        store.settings.set(safety_settings.BACKUP_DIR, str(folder))
        store.settings.set(safety_settings.BACKUP_KEEP, 3)
    span = _first_backup_time(db)
    rng = random.Random(7)
    cut_mid_copy = 0
    for _ in range(15):
        # Kills spread over about two backups, counted from the moment the store is open
        # (opening time varies with the machine's load; backing up is what is under test).
        _run_and_kill(rng.uniform(0.0, span * 2.5), "backup", str(db), RAW_KEY, after_start=True)
        cut_mid_copy += any(folder.glob(".*.part"))
        with _reopen(db, RAW_KEY) as store:
            assert store.cases.count() == 150
        for info in list_backups(folder, db):
            with Store.open(info.path, RAW_KEY, lock=False) as backup:
                assert backup.integrity_problems() == []
                assert backup.cases.count() == 150
    assert cut_mid_copy, "no kill landed while a backup was being written"
    # Leftovers of interrupted backups never count nor block rotation: the newest 3 are kept.
    reported = _backups_then_kill(db, 4)
    kept = [info.path.name for info in list_backups(folder, db)]
    assert len(kept) == 3
    assert reported[-1] in kept


def _indicators(store: Store) -> dict[str, dict]:
    return {m: month_indicators(store, m).to_json() for m in iter_months("2023-01", "2024-12")}


def test_kill_during_purge_is_all_or_nothing_and_keeps_indicators(tmp_path: Path) -> None:
    template = tmp_path / "modele.db"
    with Store.create(template, RAW_KEY) as store:
        populate(store, 600, date(2023, 1, 1), date(2024, 12, 31), seed=5)
        expected = _indicators(store)
        names = {c.id: c.member.nom for c in store.cases.all()}
    work = tmp_path / "ecoute.db"
    shutil.copy(template, work)
    span = _duration("purge", str(work), RAW_KEY)
    rng = random.Random(3)
    outcomes = {"purged": 0, "intact": 0}
    for _ in range(10):
        work.unlink()
        shutil.copy(template, work)
        _run_and_kill(rng.uniform(0.0, span * 1.2), "purge", str(work), RAW_KEY, after_start=True)
        with _reopen(work, RAW_KEY) as store:
            assert _indicators(store) == expected
            purged = store.retention.purged_ids()
            cases = store.cases.all(with_notes=True)
        if purged:
            outcomes["purged"] += 1
            assert all(c.member.nom == "" and not c.notes for c in cases if c.id in purged)
        else:
            outcomes["intact"] += 1
            assert all(c.member.nom == names[c.id] for c in cases)
    assert outcomes["purged"] and outcomes["intact"], outcomes


def test_disk_full_reports_an_error_and_loses_nothing(tmp_path: Path) -> None:
    db = make_db(tmp_path / "ecoute.db", RAW_KEY, cases=5)
    with Store.open(db, RAW_KEY) as store:
        before = {n.id: n.body for c in store.cases.all(with_notes=True) for n in c.notes}
    child = _spawn("diskfull", str(db), RAW_KEY, str(256 * 1024))
    out, err = child.communicate(timeout=120)
    lines = out.splitlines()
    assert child.returncode == 1, err
    assert lines[-1].startswith("error "), "the failure must be reported, not swallowed"
    saved = {int(line.split()[1]): note_body(0, int(line.split()[3])) for line in lines[:-1]}
    assert saved, "some notes fit before the disk was full"
    with _reopen(db, RAW_KEY) as store:
        stored = {n.id: n.body for c in store.cases.all(with_notes=True) for n in c.notes}
    assert {i: stored.get(i) for i in before} == before
    assert {i: stored.get(i) for i in saved} == saved
