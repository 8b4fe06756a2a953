"""PDF reports: the monthly indicator report and period summaries (reportlab, imported lazily).

Use `monthly_pdf` / `period_pdf` for bytes (the GUI previews them without touching the
disk) and `write_monthly_report` / `write_period_report` to save atomically. The
renderers (`render_monthly`, `render_period`) take plain data from `reports.data`.
"""

from __future__ import annotations

from pathlib import Path

from ecoute_desktop.services.atomic import write_bytes_atomic
from ecoute_desktop.services.reports.data import (
    MonthlyReport,
    PeriodReport,
    ReportTable,
    monthly_report,
    period_report,
)
from ecoute_desktop.store import Store

__all__ = [
    "MonthlyReport",
    "PeriodReport",
    "ReportTable",
    "monthly_pdf",
    "monthly_report",
    "period_pdf",
    "period_report",
    "render_monthly",
    "render_period",
    "write_monthly_report",
    "write_period_report",
]


def render_monthly(report: MonthlyReport) -> bytes:
    from ecoute_desktop.services.reports.monthly import render_monthly as render

    return render(report)


def render_period(report: PeriodReport) -> bytes:
    from ecoute_desktop.services.reports.period import render_period as render

    return render(report)


def monthly_pdf(store: Store, month: str, comment: str = "") -> bytes:
    """The monthly report of `YYYY-MM` as PDF bytes."""
    return render_monthly(monthly_report(store, month, comment))


def period_pdf(store: Store, first_month: str, last_month: str, comment: str = "") -> bytes:
    """The summary of the months `first_month`..`last_month` as PDF bytes."""
    return render_period(period_report(store, first_month, last_month, comment))


def write_monthly_report(store: Store, month: str, path: Path | str, comment: str = "") -> Path:
    return write_bytes_atomic(path, monthly_pdf(store, month, comment))


def write_period_report(
    store: Store, first_month: str, last_month: str, path: Path | str, comment: str = ""
) -> Path:
    return write_bytes_atomic(path, period_pdf(store, first_month, last_month, comment))
