"""Report sections shared by the monthly report and the period summary."""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph

from ecoute_desktop.domain.call_delay import CALL_BAND_LABELS
from ecoute_desktop.domain.indicators import Indicators
from ecoute_desktop.domain.models import label_says_national
from ecoute_desktop.services.formatting import fr_hours, fr_int, fr_percent
from ecoute_desktop.services.reports.charts import horizontal_bars
from ecoute_desktop.services.reports.data import ReportTable
from ecoute_desktop.services.reports.layout import (
    FRAME_WIDTH,
    Styles,
    section,
    spacer,
    table,
    text,
    with_region,
)

KEY_FIGURES_TITLE = "Chiffres clés"


def heading(title: str, subtitle: str, region: str, st: Styles) -> list[Flowable]:
    """The report's title, then its subtitle followed by the region when there is one."""
    return [
        Paragraph(text(title), st.title),
        Paragraph(text(with_region(subtitle, region)), st.subtitle),
    ]


def nothing_received(headline: str, sentence: str, st: Styles) -> list[Flowable]:
    """A report without any request: the headline, then why there is nothing to show."""
    return [Paragraph(text(headline), st.empty), Paragraph(text(sentence), st.body)]


CALL_DELAY_LABEL = "Délai médian jusqu'au premier appel"
WITHOUT_CALL_TITLE = "Sans suite sans appel, par motif"


def call_delay_text(ind: Indicators) -> str:
    """Hours on one laptop; after a merge, the band that holds the median."""
    if ind.median_hours_to_call is not None:
        return fr_hours(ind.median_hours_to_call)
    band = ind.median_call_band
    return CALL_BAND_LABELS[band] if band else "—"


def without_call_rows(ind: Indicators) -> list[list[str]]:
    """One row per reason of the requests ended « sans suite » without a call."""
    return [
        [reason, fr_int(count), fr_percent(count, ind.requests)]
        for reason, count in ind.closed_without_call.items()
        if count
    ]


def key_figure_rows(ind: Indicators) -> list[list[str]]:
    """Label, value and share of each key figure, in the order of the JSON indicators."""
    requests = ind.requests
    return [
        ["Sollicitations reçues", fr_int(requests), ""],
        ["dont urgentes", fr_int(ind.urgent), fr_percent(ind.urgent, requests)],
        [
            "Accusés de réception envoyés",
            fr_int(ind.acknowledged),
            fr_percent(ind.acknowledged, requests),
        ],
        [
            "dont dans les 48 h",
            fr_int(ind.acknowledged_within_48h),
            fr_percent(ind.acknowledged_within_48h, requests),
        ],
        ["Délai médian d'accusé de réception", fr_hours(ind.median_ack_hours), ""],
        [
            "Sollicitations avec au moins un appel",
            fr_int(ind.cases_with_call),
            fr_percent(ind.cases_with_call, requests),
        ],
        ["Appels effectués (rappels compris)", fr_int(ind.calls_held), ""],
        [CALL_DELAY_LABEL, call_delay_text(ind), ""],
        [
            "Questionnaires de satisfaction envoyés",
            fr_int(ind.questionnaires_sent),
            fr_percent(ind.questionnaires_sent, requests),
        ],
        ["Sollicitations clôturées", fr_int(ind.closed), fr_percent(ind.closed, requests)],
        [
            "Orientations vers le niveau national",
            fr_int(ind.national_referrals),
            fr_percent(ind.national_referrals, requests),
        ],
    ]


def key_figures(ind: Indicators, st: Styles) -> list[Flowable]:
    rows = key_figure_rows(ind)
    widths = [FRAME_WIDTH * 0.56, FRAME_WIDTH * 0.2, FRAME_WIDTH * 0.24]
    grid = table(["Indicateur", "Nombre", "Part des sollicitations"], rows, st, widths)
    note = Paragraph(
        text(
            "Toutes les sollicitations reçues dans la période sont suivies jusqu'à aujourd'hui,"
            " quelle que soit la date des étapes suivantes. Un accusé de réception envoyé"
            " exactement 48 h après la réception est dans les délais."
        ),
        st.note,
    )
    return section(KEY_FIGURES_TITLE, st, grid, spacer(1.5), note)


def endings_and_delays(ind: Indicators, st: Styles) -> list[Flowable]:
    """« Sans suite » without a call by reason, and how the delay to the call is counted."""
    widths = [FRAME_WIDTH * 0.56, FRAME_WIDTH * 0.2, FRAME_WIDTH * 0.24]
    reasons = without_call_rows(ind)
    if reasons:
        ended: Flowable = table(["Motif", "Nombre", "Part des sollicitations"], reasons, st, widths)
    else:
        ended = Paragraph(text("Aucune sollicitation close sans appel."), st.body)
    delay_note = Paragraph(
        text(
            f"{CALL_DELAY_LABEL} : {call_delay_text(ind)}. Il va de la réception de la demande"
            " au premier appel effectué, sur les sollicitations qui ont eu un appel."
        ),
        st.note,
    )
    return section(WITHOUT_CALL_TITLE, st, ended, spacer(1.5), delay_note)


def theme_rows(
    ind: Indicators, sub_themes: dict[str, dict[str, int]]
) -> tuple[list[list[str]], list[int], list[int]]:
    """Rows of the theme table: each top-level theme, then its sub-themes indented."""
    rows: list[list[str]] = []
    tops: list[int] = []
    subs: list[int] = []
    for label, count in ind.themes.items():
        tops.append(len(rows))
        rows.append([label, fr_int(count), fr_percent(count, ind.requests)])
        for sub, sub_count in sub_themes.get(label, {}).items():
            subs.append(len(rows))
            rows.append([sub, fr_int(sub_count), fr_percent(sub_count, ind.requests)])
    return rows, tops, subs


def themes(ind: Indicators, sub_themes: dict[str, dict[str, int]], st: Styles) -> list[Flowable]:
    chart = horizontal_bars(list(ind.themes.items()), FRAME_WIDTH)
    rows, tops, subs = theme_rows(ind, sub_themes)
    widths = [FRAME_WIDTH * 0.56, FRAME_WIDTH * 0.2, FRAME_WIDTH * 0.24]
    grid = table(
        ["Thème / sous-thème", "Sollicitations", "Part des sollicitations"],
        rows,
        st,
        widths,
        bold_rows=tops,
        sub_rows=subs,
        groups=[(top, end - 1) for top, end in zip(tops, [*tops[1:], len(rows)], strict=True)],
    )
    note = Paragraph(
        text(
            "Une sollicitation compte une fois pour chaque thème (et sous-thème) dont elle"
            " relève ; les totaux peuvent donc dépasser le nombre de sollicitations."
        ),
        st.note,
    )
    return [
        *section("Thèmes abordés", st, chart, spacer(3)),
        grid,
        spacer(1.5),
        note,
    ]


def _national_mark(label: str, national: frozenset[str]) -> str:
    """ " (national)" after a national entry, unless its name already says so."""
    return " (national)" if label in national and not label_says_national(label) else ""


def orientations(ind: Indicators, national: frozenset[str], st: Styles) -> list[Flowable]:
    rows = [
        [
            label + _national_mark(label, national),
            fr_int(n),
            fr_percent(n, ind.requests),
        ]
        for label, n in ind.orientations.items()
    ]
    widths = [FRAME_WIDTH * 0.56, FRAME_WIDTH * 0.2, FRAME_WIDTH * 0.24]
    grid = table(
        ["Organisme", "Sollicitations orientées", "Part des sollicitations"], rows, st, widths
    )
    note = Paragraph(
        text(
            f"{fr_int(ind.national_referrals)} sollicitation(s) orientée(s) vers au moins un"
            " organisme de niveau national. Une sollicitation peut être orientée vers"
            " plusieurs organismes."
        ),
        st.note,
    )
    return section("Orientations", st, grid, spacer(1.5), note)


def extra_table(extra: ReportTable, st: Styles) -> list[Flowable]:
    grid = table(extra.header, extra.rows, st)
    content: list[Flowable] = [grid]
    if extra.note:
        content += [spacer(1.5), Paragraph(text(extra.note), st.note)]
    return section(extra.title, st, *content, keep=len(extra.rows) < 25)


def comment(value: str, st: Styles) -> list[Flowable]:
    if not value.strip():
        return []
    return section("Commentaires", st, Paragraph(text(value.strip()), st.body))
