"""Deterministic kill points for the crash tests: the child stops where told and reports it.

In the child, `install()` makes a point of every file operation of the work (create in
the watched folder, fsync, rename/replace, unlink; each side of it), every SQL statement
(COMMIT included) and every `VM_STEP` SQLite instructions. A point is named by its kind
and its rank among the points of that kind (the 3rd `replace-before`).

A first run without a target lists every point (`point KIND RANK` lines). Then the
parent (`run_child(..., kill_at=point)`) passes the point in `ECOUTE_KILL_AT`; the child
runs until it stands there, says so and waits, and the parent kills it with SIGKILL:
no delay is measured, so a loaded machine kills at the same place as an idle one.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlcipher3

ROOT = Path(__file__).resolve().parent.parent
VM_STEP = 2000  # SQLite instructions between two "vm" points inside a statement
POINT = "point "
TARGET = "ECOUTE_KILL_AT"  # "KIND RANK": where the child stops and waits to be killed


# ---- child side -------------------------------------------------------------


class _Reporter:
    def __init__(self, folder: Path) -> None:
        self.folder = str(folder.resolve())
        self.ranks: dict[str, int] = {}
        self.target = os.environ.get(TARGET, "")
        self.busy = False  # a point reached while reporting another (stdout's own fsync…)

    def point(self, kind: str) -> None:
        if self.busy:
            return
        self.busy = True
        try:
            rank = self.ranks[kind] = self.ranks.get(kind, 0) + 1
            here = f"{kind} {rank}"
            if not self.target or here == self.target:
                sys.stdout.write(f"{POINT}{here}\n")
                sys.stdout.flush()
            if here == self.target:
                sys.stdin.readline()  # stand here until killed (or the parent is gone)
                os._exit(3)
        finally:
            self.busy = False

    def watched(self, path: Any) -> bool:
        try:
            return os.path.abspath(os.fspath(path)).startswith(self.folder)
        except TypeError:  # a descriptor
            return False


def _wrap_file_op(reporter: _Reporter, name: str) -> None:
    original: Callable[..., Any] = getattr(os, name)

    def reported(*args: Any, **kwargs: Any) -> Any:
        if not args or not reporter.watched(args[0]):
            return original(*args, **kwargs)
        reporter.point(f"{name}-before")
        result = original(*args, **kwargs)
        reporter.point(f"{name}-after")
        return result

    setattr(os, name, reported)


def install(folder: Path, *opened: sqlcipher3.Connection) -> None:
    """From now on, report (and wait at) each step touching `folder` or a database:
    the connections `opened` already and every one opened from now on."""
    reporter = _Reporter(Path(folder))
    for name in ("replace", "rename", "unlink", "remove"):
        _wrap_file_op(reporter, name)
    original_open = os.open

    def reported_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        creating = flags & os.O_CREAT and reporter.watched(path)
        if creating:
            reporter.point("create-before")
        descriptor = original_open(path, flags, *args, **kwargs)
        if creating:
            reporter.point("create-after")
        return descriptor

    os.open = reported_open  # type: ignore[assignment]
    original_fsync = os.fsync

    def reported_fsync(descriptor: Any) -> None:
        reporter.point("fsync-before")
        original_fsync(descriptor)
        reporter.point("fsync-after")

    os.fsync = reported_fsync  # type: ignore[assignment]
    original_connect = sqlcipher3.connect

    def watch(conn: sqlcipher3.Connection) -> None:
        def on_statement(sql: str) -> None:
            words = sql.split(maxsplit=1)  # only the keyword: never a value
            keyword = words[0].upper() if words else ""
            reporter.point("sql-nested" if keyword.startswith("--") else f"sql-{keyword}")

        def on_steps() -> int:
            reporter.point("vm")
            return 0

        conn.set_trace_callback(on_statement)
        conn.set_progress_handler(on_steps, VM_STEP)

    for conn in opened:
        watch(conn)

    def reported_connect(*args: Any, **kwargs: Any) -> sqlcipher3.Connection:
        conn = original_connect(*args, **kwargs)
        watch(conn)
        return conn

    sqlcipher3.connect = reported_connect  # type: ignore[assignment]


# ---- parent side ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Point:
    """A reported point: its kind and its rank among the points of that kind."""

    kind: str
    rank: int


@dataclass(slots=True)
class Run:
    """What a child printed besides its points, how it ended, and the points it reported."""

    lines: list[str] = field(default_factory=list)
    points: list[Point] = field(default_factory=list)
    returncode: int = 0
    stderr: str = ""

    @property
    def killed(self) -> bool:
        return self.returncode == -signal.SIGKILL


def run_child(*args: str, kill_at: Point | None = None, timeout: float = 300) -> Run:
    """Run `tests.crash_child` with `args`; kill it when it stands at `kill_at`.

    Without `kill_at` the child runs to its end and lists every point it passed. With
    it, the child runs until that point (named by kind and rank, so a few more or fewer
    points of other kinds, such as a leftover to clean, do not move it) and waits there
    to be killed; a child that ends without reaching it is not killed (`Run.killed`).
    """
    environment = dict(os.environ)
    environment.pop(TARGET, None)
    if kill_at is not None:
        environment[TARGET] = f"{kill_at.kind} {kill_at.rank}"
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.crash_child", *args],
        cwd=ROOT,
        env=environment,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    run = Run()
    for line in child.stdout:
        if not line.startswith(POINT):
            run.lines.append(line.rstrip("\n"))
            continue
        kind, rank = line.split()[1:]
        run.points.append(Point(kind, int(rank)))
        if run.points[-1] == kill_at:
            child.kill()  # the child stands at this very point, waiting
            break
    _, run.stderr = child.communicate(timeout=timeout)
    run.returncode = child.returncode
    return run


def spread(points: list[Point], count: int) -> list[Point]:
    """`count` points evenly spread over `points` (all of them when fewer)."""
    if len(points) <= count:
        return list(points)
    step = (len(points) - 1) / (count - 1)
    return [points[round(i * step)] for i in range(count)]
