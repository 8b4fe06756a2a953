"""Killed at any of its file operations, a command leaves the base (and its output) old or new.

Each command that replaces a file runs in a child process (`tests/kill_child.py`) that
counts its file operations (rename, replace, link, unlink, copy, fsync…) and ends
itself with `os._exit` just before, or just after, the N-th one, for every N. After
each kill the database opens at its path with the old content or the new one, the
file the command was writing is the old one or a complete new one, and the start-up
check (`services.leftovers.tidy`) tells what was left without touching the base.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from ecoute_desktop.cli import main as ecoute
from ecoute_desktop.services import leftovers
from ecoute_desktop.store.copying import verify_file
from tests.kill_child import KILLED
from tests.safety_helpers import NEW_PASSPHRASE, make_db, openers, snapshot

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.name != "posix", reason="hard links and file semantics of POSIX"),
]

ROOT = Path(__file__).resolve().parent.parent
RAW_KEY = "x'" + "3c" * 32 + "'"  # same SQLCipher code path, without the slow derivation
OLD_OUTPUT = b"ANCIEN CONTENU\n"


@dataclass
class Scenario:
    argv: Callable[[Path], list[str]]
    output: str = ""  # the file the command replaces (pre-filled with OLD_OUTPUT)
    complete: Callable[[Path], bool] = lambda _path: True  # a whole new output file
    env: dict[str, str] = field(default_factory=dict)


def _pdf(path: Path) -> bool:
    data = path.read_bytes()
    return data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")


def _json(path: Path) -> bool:
    return isinstance(json.loads(path.read_text(encoding="utf-8")), dict)


def _ics(path: Path) -> bool:
    data = path.read_bytes()
    return data.startswith(b"BEGIN:VCALENDAR") and data.endswith(b"END:VCALENDAR\r\n")


def _backup(path: Path) -> bool:
    check = verify_file(path, RAW_KEY)
    return check.sound and check.cases == 10


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("modeles")
    db = make_db(folder / "ecoute.db", RAW_KEY, cases=10)
    backup = make_db(folder / "sauvegarde.db", RAW_KEY, cases=6)
    export = folder / "export.json"
    os.environ["ECOUTE_PASSPHRASE"] = RAW_KEY
    try:
        argv = ["--db", str(db), "export-anonymised", "--from", "2025-01", "--to", "2025-12"]
        assert ecoute([*argv, "--pseudonym", "Marguerite", "-o", str(export)]) == 0
    finally:
        del os.environ["ECOUTE_PASSPHRASE"]
    return {"db": db, "backup": backup, "export": export}


def _reference(db: Path) -> str:
    return sorted(snapshot(db, RAW_KEY))[0]


def _scenarios(reference: str) -> dict[str, Scenario]:
    return {
        "restore": Scenario(lambda w: ["--db", str(w / "ecoute.db"), "restore", str(w / "s.db")]),
        "restore-sans-liens": Scenario(
            lambda w: ["--db", str(w / "ecoute.db"), "restore", str(w / "s.db")],
            env={"KILL_NO_LINKS": "1"},
        ),
        "passphrase": Scenario(
            lambda w: ["--db", str(w / "ecoute.db"), "passphrase"],
            env={"ECOUTE_NEW_PASSPHRASE": NEW_PASSPHRASE},
        ),
        "backup": Scenario(
            lambda w: ["--db", str(w / "ecoute.db"), "backup", "-o", str(w / "out.db")],
            "out.db",
            _backup,
        ),
        "export-anonymised": Scenario(
            lambda w: [
                "--db",
                str(w / "ecoute.db"),
                "export-anonymised",
                "--from",
                "2025-01",
                "--to",
                "2025-12",
                "--pseudonym",
                "Marguerite",
                "-o",
                str(w / "out.json"),
            ],
            "out.json",
            _json,
        ),
        "report": Scenario(
            lambda w: [
                "--db",
                str(w / "ecoute.db"),
                "report",
                "monthly",
                "2025-06",
                "-o",
                str(w / "out.pdf"),
            ],
            "out.pdf",
            _pdf,
        ),
        "ics": Scenario(
            lambda w: [
                "--db",
                str(w / "ecoute.db"),
                "ics",
                "--case",
                reference,
                "-o",
                str(w / "out.ics"),
            ],
            "out.ics",
            _ics,
        ),
        "charter": Scenario(
            lambda w: ["--db", str(w / "ecoute.db"), "charter", "-o", str(w / "out.pdf")],
            "out.pdf",
            _pdf,
        ),
        "merge": Scenario(
            lambda w: ["merge", str(w / "export.json"), "--pdf", str(w / "out.pdf")],
            "out.pdf",
            _pdf,
        ),
    }


def _prepare(work: Path, templates: dict[str, Path], scenario: Scenario) -> None:
    if work.exists():
        shutil.rmtree(work)
    work.mkdir()
    shutil.copy(templates["db"], work / "ecoute.db")
    shutil.copy(templates["backup"], work / "s.db")
    shutil.copy(templates["export"], work / "export.json")
    if scenario.output:
        (work / scenario.output).write_bytes(OLD_OUTPUT)


def _run(work: Path, scenario: Scenario, kill_at: int, when: str) -> str:
    report = work.parent / "rapport.txt"
    report.unlink(missing_ok=True)
    env = {**os.environ, "ECOUTE_PASSPHRASE": RAW_KEY, "KILL_REPORT": str(report), **scenario.env}
    child = subprocess.run(
        [sys.executable, "-m", "tests.kill_child", str(kill_at), when, "--", *scenario.argv(work)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert report.exists(), f"the child wrote no report (exit {child.returncode}): {child.stderr}"
    line = report.read_text()
    if kill_at:
        assert child.returncode == KILLED, (line, child.stderr)
    else:
        assert child.returncode == 0, child.stderr
    return line


def _state(db: Path) -> tuple[str, object]:
    """Which key opens the base (exactly one must) and what the user sees in it."""
    working = openers(db, RAW_KEY, NEW_PASSPHRASE)
    assert len(working) == 1, f"{len(working)} passphrases open the base"
    return working[0], snapshot(db, working[0])


@pytest.mark.parametrize(
    "name",
    [
        "restore",
        "restore-sans-liens",
        "passphrase",
        "backup",
        "export-anonymised",
        "report",
        "ics",
        "charter",
        "merge",
    ],
)
def test_a_kill_at_any_file_operation_leaves_old_or_new(
    name: str, templates: dict[str, Path], tmp_path: Path
) -> None:
    scenario = _scenarios(_reference(templates["db"]))[name]
    work = tmp_path / "travail"
    _prepare(work, templates, scenario)
    old = _state(work / "ecoute.db")
    total = int(_run(work, scenario, 0, "before").split()[1])
    new = _state(work / "ecoute.db")
    if scenario.output:
        assert scenario.complete(work / scenario.output)
    assert total >= 2, "the command made no file operation to interrupt"
    seen = set()
    for kill_at in range(1, total + 1):
        for when in ("before", "after"):
            _prepare(work, templates, scenario)
            killed = _run(work, scenario, kill_at, when)
            where = f"{name}: {killed.strip()}"
            state = _state(work / "ecoute.db")
            assert state in (old, new), f"{where}: the base is neither the old nor the new one"
            seen.add("new" if state == new and new != old else "old")
            if scenario.output:
                out = work / scenario.output
                assert out.read_bytes() == OLD_OUTPUT or scenario.complete(out), where
            found = leftovers.tidy(work / "ecoute.db")
            assert all(item.text for item in found), where
            assert _state(work / "ecoute.db") == state, f"{where}: tidying changed the base"
            names = [p for p in work.iterdir() if p.name != "ecoute.db" and p.is_file()]
            assert not [p for p in names if os.path.samefile(p, work / "ecoute.db")], where
    if new != old:
        assert seen == {"old", "new"}, f"{name}: kills never landed on both sides ({seen})"
