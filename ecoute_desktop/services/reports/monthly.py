"""The monthly indicator report as PDF bytes (A4, French, embedded fonts)."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from ecoute_desktop.domain.indicators import Indicators
from ecoute_desktop.domain.month import Month
from ecoute_desktop.services.formatting import (
    fr_day_range,
    fr_hours,
    fr_int,
    fr_month,
    fr_percent,
    fr_points,
    fr_signed,
)
from ecoute_desktop.services.reports import sections
from ecoute_desktop.services.reports.charts import Series, vertical_bars
from ecoute_desktop.services.reports.data import MonthlyReport
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

EMPTY_MONTH = "Aucune sollicitation ce mois-ci."


def _comparison_rows(now: Indicators, before: Indicators) -> list[list[str]]:
    def count(label: str, a: int, b: int) -> list[str]:
        return [label, fr_int(a), fr_int(b), fr_signed(a - b)]

    def share(value: Indicators) -> str:
        return fr_percent(value.acknowledged_within_48h, value.requests)

    if now.median_ack_hours is not None and before.median_ack_hours is not None:
        delta = now.median_ack_hours - before.median_ack_hours
        delay_change = ("+" if delta > 0 else "") + fr_hours(round(delta, 1))
    else:
        delay_change = "—"
    return [
        count("Sollicitations reçues", now.requests, before.requests),
        count("dont urgentes", now.urgent, before.urgent),
        count("Accusés dans les 48 h", now.acknowledged_within_48h, before.acknowledged_within_48h),
        [
            "Part des accusés dans les 48 h",
            share(now),
            share(before),
            fr_points(
                now.acknowledged_within_48h,
                now.requests,
                before.acknowledged_within_48h,
                before.requests,
            ),
        ],
        [
            "Délai médian d'accusé de réception",
            fr_hours(now.median_ack_hours),
            fr_hours(before.median_ack_hours),
            delay_change,
        ],
        count("Appels effectués", now.calls_held, before.calls_held),
        count("Questionnaires envoyés", now.questionnaires_sent, before.questionnaires_sent),
        count("Sollicitations clôturées", now.closed, before.closed),
        count("Orientations nationales", now.national_referrals, before.national_referrals),
    ]


def _comparison(report: MonthlyReport, st: Styles) -> list[Flowable]:
    before = Month.parse(report.month).previous()
    header = ["Indicateur", fr_month(report.month), fr_month(before), "Évolution"]
    widths = [FRAME_WIDTH * 0.43, FRAME_WIDTH * 0.19, FRAME_WIDTH * 0.19, FRAME_WIDTH * 0.19]
    grid = table(header, _comparison_rows(report.indicators, report.previous), st, widths)
    note = Paragraph(
        text(
            "Les sollicitations du mois précédent sont elles aussi suivies jusqu'à aujourd'hui :"
            " leurs chiffres peuvent encore évoluer d'un rapport à l'autre."
        ),
        st.note,
    )
    return section("Comparaison avec le mois précédent", st, grid, spacer(1.5), note)


def _weekly(report: MonthlyReport, st: Styles) -> list[Flowable]:
    weeks = report.figures.weekly
    labels = [fr_day_range(w.first_day, w.last_day) for w in weeks]
    chart = vertical_bars(
        labels, [Series("Sollicitations", [w.count for w in weeks])], FRAME_WIDTH, 38 * 2.83
    )
    note = Paragraph(
        text("Sollicitations reçues par semaine (du lundi au dimanche, limitées au mois)."),
        st.note,
    )
    return section("Arrivées par semaine", st, chart, spacer(1), note)


def monthly_story(report: MonthlyReport, st: Styles) -> list[Flowable]:
    story = sections.heading(
        _title(report), "Point d'écoute : indicateurs du mois", report.region, st
    )
    ind = report.indicators
    if ind.requests == 0:
        story += sections.nothing_received(
            EMPTY_MONTH,
            f"Aucune demande d'appel n'a été reçue en {fr_month(report.month)} :"
            " il n'y a ni thème, ni orientation, ni délai à présenter.",
            st,
        )
        if report.previous.requests:
            story += _comparison(report, st)
        story += questionnaire_section(ind.satisfaction, ind.questionnaires_sent, st)
        story += sections.comment(report.comment, st)
        return story
    story += sections.key_figures(ind, st)
    story += sections.themes(ind, report.figures.sub_themes, st)
    story += sections.orientations(ind, report.national_labels, st)
    story += sections.endings_and_delays(ind, st)
    story += _weekly(report, st)
    story += _comparison(report, st)
    story += questionnaire_section(ind.satisfaction, ind.questionnaires_sent, st)
    story += sections.comment(report.comment, st)
    return story


def render_monthly(report: MonthlyReport) -> bytes:
    """The monthly report as PDF bytes."""
    st = styles()
    title = _title(report)
    footer = with_region(f"Écoute — {title}", report.region)
    return build_pdf(monthly_story(report, st), title, footer, report.generated_at)


def _title(report: MonthlyReport) -> str:
    return f"Rapport mensuel — {fr_month(report.month)}"
