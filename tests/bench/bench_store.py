"""Store benchmarks: opening a 10,000-case database and a year of indicators over it."""

from __future__ import annotations

import hashlib

from ecoute_desktop.domain.timeutil import paris_day_range
from ecoute_desktop.services.indicators import period_indicators
from ecoute_desktop.store import Store
from ecoute_desktop.store.timestamps import to_db
from tests.bench.common import (
    BENCH_PASSPHRASE,
    YEAR_FIRST,
    YEAR_LAST,
    BenchResult,
    best_cpu_of,
    best_of,
    cached_database,
)

N_CASES = 10_000
NOTES_PER_CASE = 5  # about 45,000 notes: the size issue 3's search benchmark uses too


def bench_open(path) -> BenchResult:
    """Open + close (key, page check, schema check) against SQLCipher's key derivation alone."""
    salt = path.read_bytes()[:16]  # SQLCipher 4 keeps the random salt in the first 16 bytes

    def derive() -> None:
        hashlib.pbkdf2_hmac("sha512", BENCH_PASSPHRASE.encode("utf-8"), salt, 256_000)

    def open_close() -> None:
        Store.open(path, BENCH_PASSPHRASE).close()

    open_close()  # warm the OS file cache, as a second opening of the day would be
    return BenchResult(
        "open 10,000-case database",
        best_of(open_close, repeat=5),
        best_of(derive, repeat=5),
        "PBKDF2-HMAC-SHA512, 256,000 iterations (hashlib)",
        note=f"{path.stat().st_size / 1e6:.0f} MB file; the ratio is the price of opening"
        " beyond the key derivation every SQLCipher 4 open must pay",
    )


def bench_year_indicators(path) -> BenchResult:
    """A year of indicators (domain objects + computation) against a bare SELECT of the rows."""
    start, end = paris_day_range(YEAR_FIRST, YEAR_LAST)
    with Store.open(path, BENCH_PASSPHRASE) as store:

        def indicators() -> None:
            result = period_indicators(store, YEAR_FIRST, YEAR_LAST)
            assert result.requests == N_CASES

        def bare_select() -> None:
            with store.db.read() as conn:
                rows = conn.execute(
                    "SELECT * FROM cases WHERE received_at >= ? AND received_at < ?",
                    (to_db(start), to_db(end)),
                ).fetchall()
            assert len(rows) == N_CASES

        indicators()
        bare_select()
        return BenchResult(
            "indicators of a year, 10,000 cases",
            best_cpu_of(indicators, repeat=5),
            best_cpu_of(bare_select, repeat=5),
            "bare SQL SELECT * of the same cases rows",
            goal=3.0,
            note="CPU time; aggregate queries over the cohort (store/cohort_queries.py) and the"
            " finishing of the figures",
        )


def run() -> list[BenchResult]:
    path = cached_database(N_CASES, NOTES_PER_CASE)
    return [bench_open(path), bench_year_indicators(path)]
