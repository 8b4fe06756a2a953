"""Merge benchmark: 100 export files, 100,000 records, against `json.load` of the same files.

Reports CPU time (best of 3; wall clock in the note) and peak memory (tracemalloc) of the
full strict merge (size, encoding, schema, signature and semantic checks, deduplication,
indicators).
"""

from __future__ import annotations

import json
import random
import tempfile
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from ecoute_desktop.domain.anonymised import ACK_BUCKETS, ORIENTATIONS, SUB_THEMES, TOP_THEMES
from ecoute_desktop.services.merge import merge_paths
from tests.bench.common import BenchResult, best_cpu_of, best_of
from tests.export_factory import document, write

N_FILES = 100
PER_FILE = 1_000
MONTHS = [f"2025-{m:02d}" for m in range(1, 13)]


def _record(rng: random.Random) -> dict:
    sub = rng.choice(SUB_THEMES)
    top = sub.split("/", 1)[0]
    return {
        "id": f"{rng.getrandbits(128):032x}",
        "month": rng.choice(MONTHS),
        "urgent": rng.random() < 0.12,
        "status": rng.choice(("clôturée", "clôturée", "appel effectué", "sans suite")),
        "themes": sorted({top, rng.choice(TOP_THEMES)}),
        "sub_themes": [sub],
        "orientations": rng.sample(ORIENTATIONS, k=rng.choice((0, 0, 1))),
        "national_referral": rng.random() < 0.05,
        "ack_delay": rng.choice(ACK_BUCKETS),
        "appointments": rng.randint(0, 2),
        "call_held": True,
        "questionnaire_sent": rng.random() < 0.8,
        "satisfaction": rng.choice((None, 3, 4, 5)),
    }


def _files(folder: Path) -> list[Path]:
    rng = random.Random(2026)
    return [
        write(
            folder / f"export-{index:03d}.json",
            document(
                [_record(rng) for _ in range(PER_FILE)],
                f"Ecoutant {index:03d}",
                (MONTHS[0], MONTHS[-1]),
            ),
        )
        for index in range(N_FILES)
    ]


def _peak(work: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def run() -> list[BenchResult]:
    with tempfile.TemporaryDirectory() as folder:
        paths = _files(Path(folder))
        megabytes = sum(p.stat().st_size for p in paths) / 1e6

        def merge() -> None:
            outcome = merge_paths(paths)
            assert not outcome.refused and len(outcome.merge.records) == N_FILES * PER_FILE
            outcome.merge.indicators()

        def load() -> list:
            loaded = []  # kept, as a merge must keep every record until it has seen all files
            for path in paths:
                with path.open("rb") as handle:
                    loaded.append(json.load(handle))
            return loaded

        merge_time, load_time = best_cpu_of(merge, repeat=3), best_cpu_of(load, repeat=5)
        merge_wall, load_wall = best_of(merge, repeat=3), best_of(load, repeat=3)
        merge_peak, load_peak = _peak(merge), _peak(load)
    return [
        BenchResult(
            "merge 100 exports, 100,000 records",
            merge_time,
            load_time,
            "json.load of the same 100 files",
            goal=2.0,
            checks=(
                (
                    f"peak memory {merge_peak / 1e6:.0f} MB vs {load_peak / 1e6:.0f} MB"
                    " for json.load (goal: below)",
                    merge_peak < load_peak,
                ),
            ),
            note=(
                f"CPU time; wall clock {merge_wall:.2f} s vs {load_wall:.2f} s"
                f" ({merge_wall / load_wall:.2f}×); {megabytes:.0f} MB in total"
            ),
        )
    ]
