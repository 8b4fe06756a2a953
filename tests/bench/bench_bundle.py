"""The PyInstaller bundle (dist/Ecoute, made by `make dist`): its size, and its start up to
the unlock window, against the same start from the source install.

Skipped, with a line saying so, when there is no bundle in dist/. "First start" is the first
launch of this run (the bundle's files may already be in the page cache: dropping it needs
root over the whole machine); "best of 3" is the warm start.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.common import BENCH_PASSPHRASE, BenchResult, make_database

ROOT = Path(__file__).resolve().parent.parent.parent
DIST = ROOT / "dist"
BUNDLE = DIST / "Ecoute"
PROGRAM = BUNDLE / "ecoute-desktop"


def _size_mb(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    files = [p for p in files if not p.is_symlink()]  # a linked library counts once
    return sum(p.stat().st_size for p in files) / 1e6


def _start(command: list[str], db: Path) -> float:
    """Seconds from launch until the unlock window is on screen and closed again."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    subprocess.run(
        [*command, "--db", str(db), "--close-when-shown"], check=True, env=env, timeout=120
    )
    return time.perf_counter() - started


def run() -> list[BenchResult]:
    if not PROGRAM.is_file():
        print("  skipped: no bundle in dist/Ecoute (make dist builds it)")
        return []
    packages = sorted(DIST.glob("ecoute*.deb")) + sorted(DIST.glob("ecoute-*.tar.gz"))
    sizes = [f"dist/Ecoute {_size_mb(BUNDLE):.0f} MB"]
    sizes += [f"{p.name} {_size_mb(p):.0f} MB" for p in packages]
    bundle = [str(PROGRAM)]
    source = [sys.executable, "-m", "ecoute_desktop.ui.app"]
    with tempfile.TemporaryDirectory(prefix="ecoute-bench-") as folder:
        db = make_database(Path(folder) / "bench.db", 10, 1, BENCH_PASSPHRASE)
        first_bundle, first_source = _start(bundle, db), _start(source, db)
        best_bundle = min(_start(bundle, db) for _ in range(3))
        best_source = min(_start(source, db) for _ in range(3))
    note = "size: " + ", ".join(sizes)
    return [
        BenchResult(
            "bundle: first start to unlock window",
            first_bundle,
            first_source,
            "the same from the source install",
            note,
        ),
        BenchResult(
            "bundle: start to unlock window (best of 3)",
            best_bundle,
            best_source,
            "the same from the source install",
        ),
    ]
