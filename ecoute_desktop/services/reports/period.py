"""The period summary (quarter, semester, year) as PDF bytes: totals and month-by-month trend.

Also the layout of the coordinator's committee summary: it fills a `PeriodReport`
from merged exports and may add its own tables (see services/reports/data.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from reportlab.platypus import Flowable, Paragraph

from ecoute_desktop.domain.indicators import Indicators
from ecoute_desktop.services.formatting import (
    fr_hours,
    fr_int,
    fr_month,
    fr_month_range,
    fr_percent,
)
from ecoute_desktop.services.reports import sections
from ecoute_desktop.services.reports.charts import Series, vertical_bars
from ecoute_desktop.services.reports.data import PeriodReport, ReportTable
from ecoute_desktop.services.reports.layout import (
    FRAME_WIDTH,
    Styles,
    build_pdf,
    section,
    spacer,
    styles,
    table,
    text,
    with_region,
)
from ecoute_desktop.services.reports.questionnaire import questionnaire_section

EMPTY_PERIOD = "Aucune sollicitation sur cette période."
# Points: each column fits its longest header word (7.5 pt bold) and its figures.
TREND_WIDTHS = (78, 39, 46, 82, 40, 47, 48, 48, 51)  # "1 234 (72,2 %)" fits on one line
MONTHS_PER_TABLE = 12  # wider cross tables are split into several tables

TREND_HEADER = [
    "Mois",
    "Reçues",
    "Urgentes",
    "Accusées\nsous 48\u00a0h",
    "Délai médian",
    "Appels effectués",
    "Question-\nnaires",
    "Clôturées",
    "Orient.\nnationales",
]


def _count_and_share(part: int, whole: int) -> str:
    return f"{fr_int(part)} ({fr_percent(part, whole)})" if whole else fr_int(part)


def _trend_row(label: str, ind: Indicators) -> list[str]:
    return [
        label,
        fr_int(ind.requests),
        fr_int(ind.urgent),
        _count_and_share(ind.acknowledged_within_48h, ind.requests),
        fr_hours(ind.median_ack_hours),
        fr_int(ind.calls_held),
        fr_int(ind.questionnaires_sent),
        fr_int(ind.closed),
        fr_int(ind.national_referrals),
    ]


def trend_rows(report: PeriodReport) -> list[list[str]]:
    """One row per month, then the period total (computed on the whole cohort)."""
    rows = [_trend_row(fr_month(month), ind) for month, ind in report.months]
    rows.append(_trend_row("Total", report.total))
    return rows


def _trend(report: PeriodReport, st: Styles) -> list[Flowable]:
    short = len(report.months) > 6
    labels = [fr_month(m, short=short) for m, _ in report.months]
    chart = vertical_bars(
        labels,
        [
            Series("Sollicitations reçues", [i.requests for _, i in report.months]),
            Series("Appels effectués", [i.calls_held for _, i in report.months]),
        ],
        FRAME_WIDTH,
        48 * 2.83,
    )
    scale = FRAME_WIDTH / sum(TREND_WIDTHS)
    widths = [w * scale for w in TREND_WIDTHS]
    grid = table(TREND_HEADER, trend_rows(report), st, widths, total_last=True, padding=3)
    note = Paragraph(
        text(
            "Le délai médian de la période est calculé sur toutes ses sollicitations ; ce n'est"
            " pas la moyenne des délais médians mensuels."
        ),
        st.note,
    )
    return [
        *section("Évolution mois par mois", st, chart, spacer(3)),
        grid,
        spacer(1.5),
        note,
    ]


def _chunks(months: list[str]) -> list[list[str]]:
    return [months[i : i + MONTHS_PER_TABLE] for i in range(0, len(months), MONTHS_PER_TABLE)]


def cross_tables(report: PeriodReport) -> list[ReportTable]:
    """Themes × month and orientations × month (split every twelve months)."""
    months = [m for m, _ in report.months]
    by_month = dict(report.months)
    result = []
    for title, attribute, totals in (
        ("Thèmes par mois", "themes", report.total.themes),
        ("Orientations par mois", "orientations", report.total.orientations),
    ):
        chunks = _chunks(months)
        for number, chunk in enumerate(chunks, start=1):
            last = number == len(chunks)
            header = ["", *(fr_month(m, short=True) for m in chunk)] + (["Total"] if last else [])
            rows = []
            for label, total in totals.items():
                cells = [fr_int(getattr(by_month[m], attribute).get(label, 0)) for m in chunk]
                rows.append([label, *cells] + ([fr_int(total)] if last else []))
            suffix = f" ({number}/{len(chunks)})" if len(chunks) > 1 else ""
            result.append(ReportTable(title + suffix, header, rows))
    return result


def cross_section(cross: ReportTable, st: Styles) -> list[Flowable]:
    """A label × month table: `janv. 2026` headers on two lines, narrow padded columns."""
    header = [_two_lines(cell) for cell in cross.header]
    columns = len(header)
    total = 38.0 if header[-1] == "Total" else 0.0
    first = max(104.0, FRAME_WIDTH - total - (columns - 1 - bool(total)) * 34)
    first = min(first, FRAME_WIDTH * 0.4)
    month = (FRAME_WIDTH - first - total) / max(1, columns - 1 - bool(total))
    widths = [first] + [month] * (columns - 1 - bool(total)) + ([total] if total else [])
    grid = table(header, cross.rows, st, widths, padding=2)
    content: list[Flowable] = [grid]
    if cross.note:
        content += [spacer(1.5), Paragraph(text(cross.note), st.note)]
    return section(cross.title, st, *content)


def _two_lines(cell: str) -> str:
    """`janv. 2026` → month over year, so that twelve months fit across the page."""
    return cell.replace(" ", "\n", 1) if re.fullmatch(r"\S+ \d{4}", cell) else cell


def period_story(report: PeriodReport, st: Styles) -> list[Flowable]:
    span = fr_month_range(report.first_month, report.last_month)
    story = sections.heading(report.title, span, report.region, st)
    total = report.total
    if total.requests == 0:
        story += sections.nothing_received(
            EMPTY_PERIOD,
            "Aucune demande d'appel n'a été reçue entre "
            f"{fr_month(report.first_month)} et {fr_month(report.last_month)}.",
            st,
        )
        for extra in report.extra_tables:
            story += sections.extra_table(extra, st)
        story += sections.comment(report.comment, st)
        return story
    story += sections.key_figures(total, st)
    story += _trend(report, st)
    story += sections.themes(total, report.sub_themes, st)
    story += sections.orientations(total, report.national_labels, st)
    story += sections.endings_and_delays(total, st)
    crosses = report.cross_tables if report.cross_tables is not None else cross_tables(report)
    for cross in crosses:
        story += cross_section(cross, st)
    story += questionnaire_section(total.satisfaction, total.questionnaires_sent, st)
    for extra in report.extra_tables:
        story += sections.extra_table(extra, st)
    story += sections.comment(report.comment, st)
    return story


def render_months(
    story: Callable[[Styles], list[Flowable]],
    title: str,
    first_month: str,
    last_month: str,
    region: str,
    generated_at: datetime,
) -> bytes:
    """A document over a range of months: its title and footer say the span and region."""
    full_title = f"{title} — {fr_month_range(first_month, last_month)}"
    footer = with_region(f"Écoute — {full_title}", region)
    return build_pdf(story(styles()), full_title, footer, generated_at)


def render_period(report: PeriodReport) -> bytes:
    """The period summary as PDF bytes."""
    return render_months(
        lambda st: period_story(report, st),
        report.title,
        report.first_month,
        report.last_month,
        report.region,
        report.generated_at,
    )
