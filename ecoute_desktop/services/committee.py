"""The committee summary from merged exports: its tables as text, the CSV, and the PDF.

Every count goes through one `Ledger`, which reads it from the protected monthly sheets
(domain/committee_figures.py, rule in domain/disclosure.py) and records what it printed,
so the attack test can solve the very figures a reader gets. Percentages, medians and
means are given only when every count they come from is shown exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ecoute_desktop.domain.anonymised import ACK_BUCKET_LABELS, ACK_BUCKETS, NATIONAL_ORIENTATIONS
from ecoute_desktop.domain.call_delay import CALL_BAND_LABELS, CALL_BANDS
from ecoute_desktop.domain.committee_figures import (
    HOTLINER_ATTRIBUTES,
    REQUESTS,
    RESPONSES,
    CommitteeFigures,
    committee_figures,
    hotliner_key,
    key,
)
from ecoute_desktop.domain.disclosure import DEFAULT_THRESHOLD, Figure, Key, figure_text, legend
from ecoute_desktop.domain.header_fields import region_name
from ecoute_desktop.domain.median import median_of_counts
from ecoute_desktop.domain.merge import Merge
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.services.atomic import write_bytes_atomic
from ecoute_desktop.services.formatting import (
    fr_date,
    fr_int,
    fr_month,
    fr_month_range,
    fr_percent,
)
from ecoute_desktop.services.reports.data import ReportTable

COMMITTEE_TITLE = "Synthèse pour le comité"
Published = tuple[Key, tuple[str, ...], Figure]


class Ledger:
    """Formats every count of the committee's outputs, and remembers each one printed."""

    def __init__(self, figures: CommitteeFigures) -> None:
        self.figures = figures
        self.published: list[Published] = []

    @property
    def threshold(self) -> int:
        return self.figures.threshold

    def figure(self, item: Key, months: Sequence[str] | None = None) -> Figure:
        chosen = tuple(self.figures.months if months is None else months)
        figure = self.figures.period(item, chosen)
        self.published.append((item, chosen, figure))
        return figure

    def text(
        self, item: Key, months: Sequence[str] | None = None, fmt: Callable[[int], str] = fr_int
    ) -> str:
        return figure_text(self.figure(item, months), self.threshold, fmt)

    def share(self, item: Key, months: Sequence[str] | None = None) -> str:
        """Its share of the requests, only when the count is exact (else empty)."""
        part = self.figures.period(item, months)
        whole = self.figures.period(REQUESTS, months)
        return fr_percent(part.low, whole.low) if part.exact and whole.exact else ""


@dataclass
class CommitteeReport:
    """Everything the committee PDF prints, already disclosed and formatted."""

    first_month: str
    last_month: str
    region: str
    threshold: int
    requests_by_month: list[tuple[str, int]]  # a volume: always shown
    key_figures: ReportTable
    trend: ReportTable
    themes: ReportTable
    orientations: ReportTable
    without_call: ReportTable
    crosses: list[ReportTable]
    delays: ReportTable
    questionnaire: ReportTable | None
    hotliners: ReportTable
    files: ReportTable | None  # None: one laptop's own summary (no merged files)
    rule: str
    published: list[Published] = field(default_factory=list)
    comment: str = ""
    title: str = COMMITTEE_TITLE
    generated_at: datetime = field(default_factory=utc_now)

    @property
    def requests(self) -> int:
        return sum(n for _, n in self.requests_by_month)


KEY_ROWS: tuple[tuple[str, str], ...] = (
    ("dont urgentes", "urgent"),
    ("Accusés de réception envoyés", "acknowledged"),
    ("dont dans les 48 h", "acknowledged_within_48h"),
    ("Sollicitations avec au moins un appel", "cases_with_call"),
    ("Appels effectués (rappels compris)", "calls_held"),
    ("Questionnaires de satisfaction envoyés", "questionnaires_sent"),
    ("Sollicitations clôturées", "closed"),
    ("Orientations vers le niveau national", "national_referrals"),
)
TREND_COLUMNS: tuple[tuple[str, str], ...] = (
    ("Urgentes", "urgent"),
    ("Accusées sous 48 h", "acknowledged_within_48h"),
    ("Appels effectués", "calls_held"),
    ("Question-naires", "questionnaires_sent"),
    ("Clôturées", "closed"),
    ("Orient. nationales", "national_referrals"),
)
HOTLINER_HEADERS: dict[str, str] = {
    "urgent": "Urgentes",
    "acknowledged_within_48h": "AR sous 48 h",
    "calls_held": "Appels",
    "questionnaires_sent": "Question-naires",
    "closed": "Clôturées",
    "national_referrals": "Orient. nationales",
}
MONTHS_PER_TABLE = 12
HIDDEN_MEDIAN = "non donné (petits effectifs)"


ACKNOWLEDGED = tuple(b for b in ACK_BUCKETS if b != "none")


def disclosed_median(
    figures: CommitteeFigures, kind: str, bands: Sequence[str], months: Sequence[str] | None = None
) -> tuple[bool, str | None]:
    """(shown, band holding the median): shown only when every band's count is exact."""
    items = [(kind, band) for band in bands]
    if not figures.exact(items, months):
        return False, None
    counts = {band: figures.period((kind, band), months).low for band in bands}
    return True, median_of_counts(counts, bands)


def _call_delay(ledger: Ledger) -> str:
    bands = [b for b in CALL_BANDS if b != "none" and b in ledger.figures.call_bands]
    shown, band = disclosed_median(ledger.figures, "call_band", bands)
    if not shown:
        return HIDDEN_MEDIAN
    return CALL_BAND_LABELS[band] if band else "—"


def key_figures_table(ledger: Ledger) -> ReportTable:
    rows = [["Sollicitations reçues", ledger.text(REQUESTS), ""]]
    for label, attribute in KEY_ROWS:
        rows.append([label, ledger.text(key(attribute)), ledger.share(key(attribute))])
    rows.insert(6, ["Délai médian jusqu'au premier appel", _call_delay(ledger), ""])
    note = (
        "Toutes les sollicitations reçues dans la période sont suivies jusqu'à aujourd'hui,"
        " quelle que soit la date des étapes suivantes. Une part n'est donnée que pour un"
        " nombre exact."
    )
    return ReportTable(
        "Chiffres clés", ["Indicateur", "Nombre", "Part des sollicitations"], rows, note
    )


def trend_table(ledger: Ledger) -> ReportTable:
    def row(label: str, months: Sequence[str]) -> list[str]:
        cells = [ledger.text(REQUESTS, months)]
        cells += [ledger.text(key(attribute), months) for _, attribute in TREND_COLUMNS]
        return [label, *cells]

    rows = [row(fr_month(m), [m]) for m in ledger.figures.months]
    rows.append(row("Total", ledger.figures.months))
    header = ["Mois", "Reçues", *(name for name, _ in TREND_COLUMNS)]
    return ReportTable("Évolution mois par mois", header, rows)


def themes_table(ledger: Ledger) -> ReportTable:
    figures = ledger.figures
    rows: list[list[str]] = []
    for theme in figures.themes:
        rows.append([theme, ledger.text(("theme", theme)), ledger.share(("theme", theme))])
        for sub in figures.sub_themes.get(theme, []):
            item = ("sub", theme, sub)
            rows.append([f"  {sub}", ledger.text(item), ledger.share(item)])
    note = (
        "Une sollicitation compte une fois pour chaque thème (et sous-thème) dont elle relève ;"
        " les totaux peuvent donc dépasser le nombre de sollicitations."
    )
    header = ["Thème / sous-thème", "Sollicitations", "Part des sollicitations"]
    return ReportTable("Thèmes abordés", header, rows, note)


def orientations_table(ledger: Ledger) -> ReportTable:
    rows = []
    for label in ledger.figures.orientations:
        mark = " (national)" if label in NATIONAL_ORIENTATIONS and "national" not in label else ""
        item = ("orientation", label)
        rows.append([label + mark, ledger.text(item), ledger.share(item)])
    note = "Une sollicitation peut être orientée vers plusieurs organismes."
    header = ["Organisme", "Sollicitations orientées", "Part des sollicitations"]
    return ReportTable("Orientations", header, rows, note)


def without_call_table(ledger: Ledger) -> ReportTable:
    rows = [
        [reason, ledger.text(("reason", reason)), ledger.share(("reason", reason))]
        for reason in ledger.figures.reasons
    ]
    return ReportTable(
        "Sans suite sans appel, par motif", ["Motif", "Nombre", "Part des sollicitations"], rows
    )


def month_cross_tables(
    ledger: Ledger, title: str, items: Sequence[tuple[str, Key]]
) -> list[ReportTable]:
    """Label × month, split every twelve months; the period total in the last part."""
    months = ledger.figures.months
    chunks = [months[i : i + MONTHS_PER_TABLE] for i in range(0, len(months), MONTHS_PER_TABLE)]
    result = []
    for number, chunk in enumerate(chunks, start=1):
        last = number == len(chunks)
        header = ["", *(fr_month(m, short=True) for m in chunk)] + (["Total"] if last else [])
        rows = [
            [label, *(ledger.text(item, [m]) for m in chunk)]
            + ([ledger.text(item)] if last else [])
            for label, item in items
        ]
        suffix = f" ({number}/{len(chunks)})" if len(chunks) > 1 else ""
        result.append(ReportTable(title + suffix, header, rows))
    return result


def delays_table(ledger: Ledger) -> ReportTable:
    figures = ledger.figures
    rows = [
        [ACK_BUCKET_LABELS[b].capitalize(), ledger.text(("ack", b)), ledger.share(("ack", b))]
        for b in ACK_BUCKETS
    ]
    shown, band = disclosed_median(figures, "ack", ACKNOWLEDGED)
    if not shown:
        median = f"délai médian {HIDDEN_MEDIAN}"
    else:
        median = (
            f"la médiane se situe dans la tranche « {ACK_BUCKET_LABELS[band]} »" if band else ""
        )
    note = "Les exports donnent le délai d'accusé de réception par tranche, pas en heures" + (
        f" ; {median}." if median else "."
    )
    header = ["Délai", "Sollicitations", "Part des sollicitations"]
    return ReportTable("Délais d'accusé de réception", header, rows, note)


def questionnaire_table(ledger: Ledger) -> ReportTable | None:
    figures = ledger.figures
    if not figures.questions:
        return None
    rows: list[list[str]] = []
    for label, (scale, levels) in figures.questions.items():
        rows.append([label, ledger.text(("answered", label)) + " réponse(s)"])
        for level in levels:
            rows.append([f"  {level}", ledger.text(("answer", label, level))])
        items = [("answer", label, level) for level in levels]
        if scale is not None and figures.exact(items):
            counts = [figures.period(item).low for item in items]
            answered = sum(counts)
            if answered:
                mean = sum(n * c for n, c in enumerate(counts, start=1)) / answered
                rows.append(["  Moyenne", f"{mean:.2f}".replace(".", ",") + f" sur {len(levels)}"])
    responses = ledger.text(RESPONSES)
    sent = ledger.figure(key("questionnaires_sent"))
    rate = (
        fr_percent(figures.period(RESPONSES).low, sent.low)
        if sent.exact and sent.low
        else "non donné"
    )
    note = (
        f"{responses} réponse(s) reçue(s) dans la période ; taux de réponse : {rate}."
        " La moyenne d'une question n'est donnée que si aucun de ses effectifs n'est masqué."
    )
    return ReportTable(
        "Questionnaire de satisfaction", ["Question / réponse", "Réponses"], rows, note
    )


def hotliners_table(ledger: Ledger) -> ReportTable:
    figures = ledger.figures
    rows = []
    for hotliner, name in figures.hotliners.items():
        cells = [ledger.text(hotliner_key(hotliner, "requests"))]
        cells += [ledger.text(hotliner_key(hotliner, a)) for a in HOTLINER_ATTRIBUTES]
        rows.append([name, *cells])
    rows.append(
        ["Total", ledger.text(REQUESTS), *(ledger.text(key(a)) for a in HOTLINER_ATTRIBUTES)]
    )
    header = ["Pseudonyme", "Reçues", *(HOTLINER_HEADERS[a] for a in HOTLINER_ATTRIBUTES)]
    return ReportTable("Par écoutant (pseudonyme)", header, rows)


def files_table(merge: Merge) -> ReportTable:
    labels = merge.hotliner_labels()
    rows = [
        [
            labels.get(f.header.hotliner_id, f.header.pseudonym),
            region_name(f.header.region) or "—",
            fr_month_range(f.header.period_from, f.header.period_to),
            fr_date(date.fromisoformat(f.header.created_at[:10])),
        ]
        for f in merge.files
    ]
    notes = [clash.message for clash in merge.clashes()]
    if merge.duplicates:
        notes.append(f"{len(merge.duplicates)} fichier(s) en double compté(s) une seule fois.")
    header = ["Pseudonyme", "Région", "Période", "Exporté le"]
    return ReportTable("Exports fusionnés", header, rows, " ".join(notes))


def region_of(merge: Merge) -> str:
    """The printed names of the regions of the files (codes from the fixed list)."""
    regions = sorted({region_name(f.header.region) for f in merge.files} - {""})
    return ", ".join(regions)


def rule_text(threshold: int) -> str:
    """The one paragraph that says what the committee's figures hide (or that they are exact)."""
    if threshold <= 0:
        return legend(threshold)
    return (
        f"Petits effectifs : tout effectif de moins de {threshold} (zéro compris) est masqué,"
        " mois par mois, sauf le nombre de sollicitations et de réponses au questionnaire."
        " Le total de plusieurs mois est la somme des chiffres mensuels publiés : il est donné"
        " en fourchette quand un mois est masqué. " + legend(threshold)
    )


def committee_report(
    merge: Merge, threshold: int = DEFAULT_THRESHOLD, comment: str = ""
) -> CommitteeReport:
    """The committee summary of the merge, every count disclosed by the one rule."""
    figures = committee_figures(merge, threshold)
    ledger = Ledger(figures)
    themes = [(t, ("theme", t)) for t in figures.themes]
    orientations = [(o, ("orientation", o)) for o in figures.orientations]
    report = CommitteeReport(
        first_month=merge.first_month,
        last_month=merge.last_month,
        region=region_of(merge),
        threshold=threshold,
        requests_by_month=[(m, figures.month(m, REQUESTS).low) for m in figures.months],
        key_figures=key_figures_table(ledger),
        trend=trend_table(ledger),
        themes=themes_table(ledger),
        orientations=orientations_table(ledger),
        without_call=without_call_table(ledger),
        crosses=month_cross_tables(ledger, "Thèmes par mois", themes)
        + month_cross_tables(ledger, "Orientations par mois", orientations),
        delays=delays_table(ledger),
        questionnaire=questionnaire_table(ledger),
        hotliners=hotliners_table(ledger),
        files=files_table(merge),
        rule=rule_text(threshold),
        comment=comment.strip(),
    )
    report.published = ledger.published
    return report


def committee_pdf(merge: Merge, threshold: int = DEFAULT_THRESHOLD, comment: str = "") -> bytes:
    from ecoute_desktop.services.reports.committee_pdf import render_committee

    return render_committee(committee_report(merge, threshold, comment))


def write_committee_pdf(
    merge: Merge, path: Path | str, threshold: int = DEFAULT_THRESHOLD, comment: str = ""
) -> Path:
    return write_bytes_atomic(path, committee_pdf(merge, threshold, comment))


__all__ = [
    "CommitteeReport",
    "Ledger",
    "committee_pdf",
    "committee_report",
    "write_committee_pdf",
]
