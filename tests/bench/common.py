"""Shared benchmark helpers: results, best-of-N timing and cached synthetic databases."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from ecoute_desktop.services.demo import populate
from ecoute_desktop.store import Store
from ecoute_desktop.store.migrations import SCHEMA_VERSION

BENCH_PASSPHRASE = "banc d'essai"
RESULTS_DIR = Path(__file__).resolve().parent / "results"  # git-ignored
# Synthetic cases are received during 2025 and pushed along the workflow as of 1 Jan 2026.
YEAR_FIRST, YEAR_LAST = date(2025, 1, 1), date(2025, 12, 31)
AS_OF = datetime(2026, 1, 1, tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class BenchResult:
    """One measurement and the baseline it is compared with, both in seconds."""

    name: str
    measured: float
    baseline: float
    baseline_name: str
    note: str = ""
    goal: float | None = None  # the ratio this figure must not exceed (issue 16)
    goal_seconds: float | None = None  # or the time it must not exceed (issue 21: 100 ms)
    checks: tuple[tuple[str, bool], ...] = ()  # more of its goals: (what, met)

    @property
    def ratio(self) -> float:
        return self.measured / self.baseline if self.baseline > 0 else float("inf")

    @property
    def met(self) -> bool | None:
        """Whether every goal of this figure is met; None when it has none."""
        verdicts = [ok for _, ok in self.checks]
        if self.goal is not None:
            verdicts.append(self.ratio <= self.goal)
        if self.goal_seconds is not None:
            verdicts.append(self.measured <= self.goal_seconds)
        return all(verdicts) if verdicts else None

    def summary(self) -> str:
        """One line: the figure, its ratio or time, its goal, and whether it is met."""
        parts = []
        if self.goal is not None or self.goal_seconds is None:
            parts.append(f"{self.ratio:.2f}× {self.baseline_name}")
            if self.goal is not None:
                parts[-1] += f" (goal ≤ {self.goal:g}×)"
        if self.goal_seconds is not None:
            parts.append(f"{self.measured * 1e3:.0f} ms (goal ≤ {self.goal_seconds * 1e3:.0f} ms)")
        parts += [what for what, _ in self.checks]
        mark = {True: "ok   ", False: "SHORT", None: "     "}[self.met]
        return f"[{mark}] {self.name}: " + "; ".join(parts)


def best_of(work: Callable[[], object], repeat: int = 5, number: int = 1) -> float:
    """Seconds per call of `work`: the best of `repeat` rounds of `number` calls each.

    The minimum is the least disturbed by the rest of the machine, which is what a
    ratio between two measurements of the same run needs.
    """
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            work()
        best = min(best, (time.perf_counter() - start) / number)
    return best


def best_cpu_of(work: Callable[[], object], repeat: int = 5) -> float:
    """CPU seconds (this process: user + system) of `work`, the best of `repeat` calls.

    For single-threaded work in this process. The 2-core machine is shared: other
    processes stretch wall-clock times of the same run by up to 3×, unevenly, while the
    CPU time a computation needs barely moves, so the ratio of two of them stays honest.
    """
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


# Bumped when the generator changes what it writes, so no cached database is reused
# (2: calls stay near their requests; the cache of 1 had 10,000 cases' calls up to 2054).
DATA_VERSION = 2


def make_database(
    path: Path,
    n_cases: int,
    notes_per_case: int,
    passphrase: str = BENCH_PASSPHRASE,
    years: int = 1,
) -> Path:
    """A new encrypted database of `n_cases` fictitious cases received during the
    `years` years that end with 2025.

    Every case that reached its call gets `notes_per_case` call notes (most do: about
    nine in ten of the cases of a past year).
    """
    with Store.create(path, passphrase) as store:
        populate(
            store,
            n_cases,
            YEAR_FIRST.replace(year=YEAR_FIRST.year - years + 1),
            YEAR_LAST,
            seed=n_cases,
            notes_per_call=(notes_per_case, notes_per_case),
            now=AS_OF,
        )
    return path


def cached_database(n_cases: int, notes_per_case: int, years: int = 1) -> Path:
    """The database of `make_database`, built once and kept under tests/bench/results/."""
    name = f"cases-{n_cases}-notes-{notes_per_case}-schema-{SCHEMA_VERSION}-data-{DATA_VERSION}"
    name += f"-years-{years}" if years != 1 else ""
    path = RESULTS_DIR / f"{name}.db"
    if path.exists():
        try:
            with Store.open(path, BENCH_PASSPHRASE):
                return path
        except Exception:  # an older or damaged cache: build it again
            for stale in path.parent.glob(f"{path.name}*"):
                stale.unlink()
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    print(f"  building {path.name} …", flush=True)
    make_database(path, n_cases, notes_per_case, years=years)
    print(f"  built in {time.perf_counter() - started:.1f} s", flush=True)
    return path
