"""Benchmark runner: `python -m tests.bench [WORD …]` runs every tests/bench/bench_*.py.

Each module exposes `run() -> list[BenchResult]`; the runner prints one table of
measured time, baseline time and their ratio, and keeps the numbers in
tests/bench/results/latest.json. With WORDs, only modules whose name contains one run.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import platform
import sys
import time
import traceback

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests import bench
from tests.bench.common import RESULTS_DIR, BenchResult


def discover(words: list[str]) -> list[str]:
    """Names of the bench modules to run, in alphabetical order."""
    names = [
        f"{bench.__name__}.{info.name}"
        for info in pkgutil.iter_modules(bench.__path__)
        if info.name.startswith("bench_")
    ]
    return sorted(n for n in names if not words or any(w in n for w in words))


def format_seconds(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds * 1e6:.0f} µs"


def print_table(results: list[BenchResult]) -> None:
    header = ("benchmark", "measured", "baseline", "ratio", "baseline is")
    rows = [
        (
            r.name,
            format_seconds(r.measured),
            format_seconds(r.baseline),
            f"{r.ratio:.2f}×",
            r.baseline_name,
        )
        for r in results
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    line = "  ".join("-" * w for w in widths)
    print(line)
    print("  ".join(cell.ljust(w) for cell, w in zip(header, widths, strict=True)).rstrip())
    print(line)
    for row in rows:
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(w) for cell, w in zip(row[1:4], widths[1:4], strict=True)]
        cells.append(row[4])
        print("  ".join(cells))
    print(line)
    for r in results:
        if r.note:
            print(f"{r.name}: {r.note}")


def print_summary(results: list[BenchResult]) -> None:
    """One line per figure with its ratio (or time) and goal; what falls short says SHORT."""
    print()
    print("Summary (goals of issues 16 and 21; ratios against baselines of this run):")
    for r in results:
        print(r.summary())
    short = [r.name for r in results if r.met is False]
    met = sum(r.met is True for r in results)
    print(f"{met} goal(s) met, {len(short)} short" + (f": {', '.join(short)}" if short else ""))


def compile_the_package() -> None:
    """Write every module's bytecode first, as a pip install and the bundle have it: with
    PYTHONDONTWRITEBYTECODE set (some shells and CI images set it), a view's first opening
    would otherwise also compile its modules from source (~15 ms for Paramètres)."""
    import compileall

    import ecoute_desktop

    compileall.compile_dir(os.path.dirname(ecoute_desktop.__file__), quiet=1)


def main(argv: list[str]) -> int:
    compile_the_package()
    modules = discover(argv)
    if not modules:
        print("no benchmark matches", argv, file=sys.stderr)
        return 2
    results: list[BenchResult] = []
    failed = []
    for name in modules:
        print(f"{name} …", flush=True)
        started = time.perf_counter()
        try:
            results += importlib.import_module(name).run()
        except Exception:
            traceback.print_exc()
            failed.append(name)
        print(f"  done in {time.perf_counter() - started:.1f} s", flush=True)
    print()
    print(f"Python {platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPU")
    print_table(results)
    print_summary(results)
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    (RESULTS_DIR / "latest.json").write_text(
        json.dumps(
            [
                {
                    "name": r.name,
                    "measured_s": r.measured,
                    "baseline_s": r.baseline,
                    "baseline": r.baseline_name,
                    "ratio": r.ratio,
                    "goal": r.goal,
                    "goal_s": r.goal_seconds,
                    "met": r.met,
                    "note": r.note,
                }
                for r in results
            ],
            ensure_ascii=False,
            indent=2,
        ),
        encoding="utf-8",
    )
    if failed:
        print("FAILED:", ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
