"""kill -9 at any step never loses what was reported saved nor damages the file.

The children run `tests/crash_child.py`, which reports each step of its work (file
operations, SQL statements and commits, every few thousand SQLite instructions) and
waits there; the parent kills it at the step it chose (`tests/kill_points.py`), so
where a kill lands never depends on the machine's speed or load. Loops that only test
durability (notes, backups, purge) key the database with a raw 256-bit key (`x'…'`, same
SQLCipher code path minus the deliberately slow key derivation) so kills stay quick; the
passphrase-change loop uses real passphrases, since which one opens the file is the
point. Figures are summarised in the README's Security section.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from ecoute_desktop.domain.month import Month, month_range
from ecoute_desktop.services import safety_settings
from ecoute_desktop.services.backup import list_backups
from ecoute_desktop.services.demo import populate
from ecoute_desktop.services.indicators import month_indicators
from ecoute_desktop.services.retention import purge_preview
from ecoute_desktop.store import Store, StoreError
from ecoute_desktop.store.rekey import remove_stale_copies
from tests.conftest import PASSPHRASE
from tests.crash_child import note_body
from tests.kill_points import Point, Run, run_child, spread
from tests.safety_helpers import NEW_PASSPHRASE, make_db

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.name != "posix", reason="kill -9 and RLIMIT_FSIZE are POSIX"),
]

ROOT = Path(__file__).resolve().parent.parent
RAW_KEY = "x'" + "5e" * 32 + "'"


FILE_STEPS = ("create", "fsync", "replace", "rename", "unlink", "remove")


def _spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.crash_child", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _kill_points(dry_run: Run, spread_over: int) -> list[Point]:
    """Points to kill at: before every file step, after every rename, and some spread over
    the rest (statements, commits, SQLite's own work)."""
    assert dry_run.returncode == 0, dry_run.stderr
    steps = [
        p
        for p in dry_run.points
        if p.kind.split("-")[0] in FILE_STEPS
        and (p.kind.endswith("-before") or p.kind.startswith(("replace", "rename")))
    ]
    chosen = set(steps) | set(spread(dry_run.points, spread_over))
    return [p for p in dry_run.points if p in chosen]


def _reopen(path: Path, passphrase: str) -> Store:
    """What the app does after a crash: open (recovering the log) and check."""
    store = Store.open(path, passphrase)
    assert store.integrity_problems() == []
    return store


def test_kill_while_saving_notes_50_times_loses_nothing_reported(tmp_path: Path) -> None:
    db = make_db(tmp_path / "ecoute.db", RAW_KEY, cases=10)
    rng = random.Random(1234)
    kinds = ("sql-BEGIN", "sql-DELETE", "sql-INSERT", "sql-nested", "sql-COMMIT")
    promised: dict[int, str] = {}
    for run in range(50):
        # The child saves notes forever, each save a transaction: killed before, inside,
        # at or after a commit, at a step it reported and waits at.
        point = Point(kinds[run % len(kinds)], rng.randint(1, 30))
        done = run_child("notes", str(db), RAW_KEY, str(run), kill_at=point)
        assert done.killed, f"run {run}: the child did not reach {point}"
        for line in done.lines:
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
    points = _kill_points(run_child("rekey", str(db), current, other), spread_over=8)
    current, other = other, current
    outcomes = {"old": 0, "new": 0}
    for point in points:
        remove_stale_copies(db)  # as the app does first: each run then takes the same steps
        done = run_child("rekey", str(db), current, other, kill_at=point)
        assert done.killed, f"the change did not reach {point}"
        working = []
        for candidate in (current, other):
            try:
                _reopen(db, candidate).close()
                working.append(candidate)
            except StoreError:
                pass
        assert len(working) == 1, f"exactly one passphrase must open the file ({point})"
        if working == [other]:
            outcomes["new"] += 1
            current, other = other, current
        else:
            outcomes["old"] += 1
    with _reopen(db, current) as store:
        assert store.cases.count() == 40
    assert outcomes["old"] and outcomes["new"], outcomes


def test_kill_during_backups_leaves_database_and_every_backup_sound(tmp_path: Path) -> None:
    db = make_db(tmp_path / "ecoute.db", RAW_KEY, cases=150)
    folder = tmp_path / "usb"
    with Store.open(db, RAW_KEY) as store:
        store.settings.set(safety_settings.BACKUP_DIR, str(folder))
        store.settings.set(safety_settings.BACKUP_KEEP, 3)
    # Two backups in a row, each step reported; then a kill at each file step and
    # at points spread over the copies.
    points = _kill_points(run_child("backup", str(db), RAW_KEY, "2"), spread_over=10)
    cut_mid_copy = 0
    for point in points:
        done = run_child("backup", str(db), RAW_KEY, "2", kill_at=point)
        assert done.killed, f"the backups did not reach {point}"
        cut_mid_copy += any(folder.glob(".*.part"))
        with _reopen(db, RAW_KEY) as store:
            assert store.cases.count() == 150
        for info in list_backups(folder, db):
            with Store.open(info.path, RAW_KEY, lock=False) as backup:
                assert backup.integrity_problems() == []
                assert backup.cases.count() == 150
    assert cut_mid_copy, "no kill landed while a backup was being written"
    # Leftovers of interrupted backups never count nor block rotation: the newest 3 are kept.
    reported = [line.split()[1] for line in run_child("backup", str(db), RAW_KEY, "4").lines[1:-1]]
    kept = [info.path.name for info in list_backups(folder, db)]
    assert len(reported) == 4 and len(kept) == 3
    assert reported[-1] in kept


def _indicators(store: Store) -> dict[Month, dict]:
    return {
        m: month_indicators(store, m).to_json()
        for m in month_range(Month(2023, 1), Month(2024, 12))
    }


def test_kill_during_purge_is_all_or_nothing_and_keeps_indicators(tmp_path: Path) -> None:
    template = tmp_path / "modele.db"
    with Store.create(template, RAW_KEY) as store:
        populate(store, 600, date(2023, 1, 1), date(2024, 12, 31), seed=5)
        expected = _indicators(store)
        names = {c.id: c.member.nom for c in store.cases.all()}
        due = set(purge_preview(store).case_ids)
    assert due
    work = tmp_path / "ecoute.db"
    shutil.copy(template, work)
    dry_run = run_child("purge", str(work), RAW_KEY)
    commit = dry_run.points.index(Point("sql-COMMIT", 1))
    # Spread over the erasing transaction, at its commit, and at every step after it.
    points = sorted(
        {*_kill_points(dry_run, spread_over=8), *dry_run.points[commit:]},
        key=dry_run.points.index,
    )
    outcomes = {"purged": 0, "intact": 0}
    for point in points:
        work.unlink()
        shutil.copy(template, work)
        done = run_child("purge", str(work), RAW_KEY, kill_at=point)
        assert done.killed, f"the purge did not reach {point}"
        with _reopen(work, RAW_KEY) as store:
            assert _indicators(store) == expected
            purged = store.retention.purged_ids()
            cases = store.cases.all(with_notes=True)
        if purged:
            outcomes["purged"] += 1
            assert purged == due, f"a purge cut at {point} erased only some cases"
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
