"""The committee summary as PDF bytes: the disclosed tables of `services/committee.py`.

Nothing here counts or decides what to hide: every figure arrives as text from the
committee's ledger, so the PDF prints exactly what the attack test solved.
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from ecoute_desktop.services.committee import CommitteeReport
from ecoute_desktop.services.formatting import fr_month, fr_month_range
from ecoute_desktop.services.reports import sections
from ecoute_desktop.services.reports.charts import Series, vertical_bars
from ecoute_desktop.services.reports.data import ReportTable
from ecoute_desktop.services.reports.layout import (
    FRAME_WIDTH,
    Styles,
    section,
    spacer,
    table,
    text,
)
from ecoute_desktop.services.reports.period import cross_section, render_months

SUB_PREFIX = "  "
THREE_COLUMNS = (FRAME_WIDTH * 0.56, FRAME_WIDTH * 0.2, FRAME_WIDTH * 0.24)


def _listing(report_table: ReportTable, st: Styles, keep: bool = True) -> list[Flowable]:
    """A label table whose indented rows (sub-themes, answers) are printed as sub-rows."""
    rows = [[row[0].removeprefix(SUB_PREFIX), *row[1:]] for row in report_table.rows]
    subs = [i for i, row in enumerate(report_table.rows) if row[0].startswith(SUB_PREFIX)]
    tops = [i for i in range(len(rows)) if i not in subs]
    widths = THREE_COLUMNS if len(report_table.header) == 3 else None
    if not rows:
        content: list[Flowable] = [Paragraph(text("Aucune."), st.body)]
    else:
        bold = tops if subs else []
        content = [table(report_table.header, rows, st, widths, bold_rows=bold, sub_rows=subs)]
    if report_table.note:
        content += [spacer(1.5), Paragraph(text(report_table.note), st.note)]
    return section(report_table.title, st, *content, keep=keep and len(rows) < 25)


def _trend(report: CommitteeReport, st: Styles) -> list[Flowable]:
    short = len(report.requests_by_month) > 6
    chart = vertical_bars(
        [fr_month(m, short=short) for m, _ in report.requests_by_month],
        [Series("Sollicitations reçues", [n for _, n in report.requests_by_month])],
        FRAME_WIDTH,
        48 * 2.83,
    )
    grid = table(report.trend.header, report.trend.rows, st, total_last=True, padding=3)
    return [*section(report.trend.title, st, chart, spacer(3)), grid]


def committee_story(report: CommitteeReport, st: Styles) -> list[Flowable]:
    span = fr_month_range(report.first_month, report.last_month)
    story = sections.heading(report.title, span, report.region, st)
    story.append(Paragraph(text(report.rule), st.note))
    story.append(spacer(2))
    if report.requests == 0:
        story += sections.nothing_received(
            "Aucune sollicitation sur cette période.",
            "Aucune demande d'appel n'a été reçue entre "
            f"{fr_month(report.first_month)} et {fr_month(report.last_month)}.",
            st,
        )
    else:
        story += _listing(report.key_figures, st)
        story += _trend(report, st)
        story += _listing(report.themes, st, keep=False)
        story += _listing(report.orientations, st)
        story += _listing(report.without_call, st)
        for cross in report.crosses:
            story += cross_section(cross, st)
        story += _listing(report.delays, st)
        if report.questionnaire is not None:
            story += _listing(report.questionnaire, st, keep=False)
        if report.files is not None:
            story += sections.extra_table(report.hotliners, st)
    if report.files is not None:
        story += sections.extra_table(report.files, st)
    story += sections.comment(report.comment, st)
    return story


def render_committee(report: CommitteeReport) -> bytes:
    """The committee summary as PDF bytes."""
    return render_months(
        lambda st: committee_story(report, st),
        report.title,
        report.first_month,
        report.last_month,
        report.region,
        report.generated_at,
    )
