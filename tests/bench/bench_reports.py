"""Report benchmarks: a monthly PDF of 1,000 cases and a 12-month summary of 10,000 cases.

Each is compared with computing the same indicators alone (`ecoute indicators`), so the
ratio is the price of the report's extra figures and of laying out the PDF.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

from ecoute_desktop.services.demo import populate
from ecoute_desktop.services.indicators import month_indicators, period_indicators
from ecoute_desktop.services.reports import monthly_pdf, monthly_report, period_pdf
from ecoute_desktop.store import Store
from ecoute_desktop.store.migrations import SCHEMA_VERSION
from tests.bench.common import (
    AS_OF,
    BENCH_PASSPHRASE,
    DATA_VERSION,
    RESULTS_DIR,
    YEAR_FIRST,
    YEAR_LAST,
    BenchResult,
    best_cpu_of,
    best_of,
    cached_database,
)

MONTH = "2025-03"
MONTH_CASES = 1_000


def month_database() -> Path:
    """1,000 cases received in March 2025 (plus February for the comparison), built once."""
    path = (
        RESULTS_DIR / f"reports-month-{MONTH_CASES}-schema-{SCHEMA_VERSION}-data-{DATA_VERSION}.db"
    )
    if path.exists():
        try:
            with Store.open(path, BENCH_PASSPHRASE):
                return path
        except Exception:  # an older or damaged cache: build it again
            for stale in path.parent.glob(f"{path.name}*"):
                stale.unlink()
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    print(f"  building {path.name} …", flush=True)
    with Store.create(path, BENCH_PASSPHRASE) as store:
        store.settings.set("region", "Région du banc d'essai")
        populate(store, MONTH_CASES, date(2025, 3, 1), date(2025, 3, 31), seed=5, now=AS_OF)
        populate(store, 800, date(2025, 2, 1), date(2025, 2, 28), seed=6, now=AS_OF)
    return path


def bench_monthly() -> BenchResult:
    with Store.open(month_database(), BENCH_PASSPHRASE) as store:
        assert month_indicators(store, MONTH).requests == MONTH_CASES

        def report() -> None:
            monthly_pdf(store, MONTH, "Commentaire du banc d'essai.")

        def figures_only() -> None:
            monthly_report(store, MONTH)

        def indicators() -> None:
            month_indicators(store, MONTH)

        report()  # warm caches and the font registration
        measured = best_of(report, repeat=3)
        data = best_of(figures_only, repeat=3)
        baseline = best_of(indicators, repeat=3)
        pages = len(monthly_pdf(store, MONTH).split(b"/Type /Page\n")) - 1
    return BenchResult(
        "monthly report PDF, 1,000 cases",
        measured,
        baseline,
        "indicators of the same month alone",
        note=f"report figures (both months, no PDF) {data * 1e3:.0f} ms; {pages or '?'} pages",
    )


def bench_period() -> BenchResult:
    with Store.open(cached_database(10_000, 5), BENCH_PASSPHRASE) as store:

        def report() -> None:
            period_pdf(store, "2025-01", "2025-12")

        def indicators() -> None:
            assert period_indicators(store, YEAR_FIRST, YEAR_LAST).requests == 10_000

        report()
        measured = best_of(report, repeat=3)
        baseline = best_of(indicators, repeat=3)
        size = len(period_pdf(store, "2025-01", "2025-12"))
    return BenchResult(
        "12-month summary PDF, 10,000 cases",
        measured,
        baseline,
        "indicators of the same year alone",
        note=f"{size / 1e3:.0f} kB PDF",
    )


YEARS = (1, 5, 10)
LAST_MONTH = "2025-12"


def bench_growth() -> list[BenchResult]:
    """The last month's report and the last year's indicators on bases of 1, 5 and 10 years
    (1,000 cases a year): the cost should follow the period's cases, not the base's."""
    report_times, indicator_times = {}, {}
    for years in YEARS:
        with Store.open(cached_database(1_000 * years, 1, years=years), BENCH_PASSPHRASE) as store:

            def report(store: Store = store) -> None:
                monthly_pdf(store, LAST_MONTH)

            def indicators(store: Store = store) -> None:
                period_indicators(store, YEAR_FIRST, YEAR_LAST)

            report()
            report_times[years] = best_cpu_of(report, repeat=10)
            indicator_times[years] = best_cpu_of(indicators, repeat=30)  # a few ms each

    def growth(times: dict[int, float]) -> str:
        return "CPU time: " + ", ".join(f"{y} y {t * 1e3:.1f} ms" for y, t in times.items())

    return [
        BenchResult(
            f"monthly report of {LAST_MONTH}, 10-year base",
            report_times[YEARS[-1]],
            report_times[YEARS[0]],
            "the same report on a 1-year base",
            goal=1.2,
            note=growth(report_times),
        ),
        BenchResult(
            "indicators of 2025, 10-year base",
            indicator_times[YEARS[-1]],
            indicator_times[YEARS[0]],
            "the same indicators on a 1-year base",
            goal=1.2,
            note=growth(indicator_times),
        ),
    ]


def run() -> list[BenchResult]:
    started = time.perf_counter()
    results = [bench_monthly(), bench_period(), *bench_growth()]
    print(f"  reports benchmarks in {time.perf_counter() - started:.1f} s", flush=True)
    return results
