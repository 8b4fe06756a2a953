"""The committee summary from merged exports: suppressed cross-tables, CSV and PDF.

Cross-tables (theme × month, orientation × month, by hotliner pseudonym) hide small
cells as "< t" with secondary suppression (domain/small_cells.py); key figures and the
month-by-month totals stay visible. The PDF reuses the period-summary layout.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ecoute_desktop.domain.aggregation import satisfaction_of
from ecoute_desktop.domain.anonymised import (
    ACK_BUCKET_LABELS,
    ACK_BUCKETS,
    NATIONAL_ORIENTATIONS,
    ORIENTATIONS,
    TOP_THEMES,
)
from ecoute_desktop.domain.header_fields import region_name
from ecoute_desktop.domain.indicators import Indicators
from ecoute_desktop.domain.merge import Merge, median_ack_bucket
from ecoute_desktop.domain.small_cells import (
    DEFAULT_THRESHOLD,
    SECRET_LABEL,
    Suppression,
    legend,
    small_label,
    suppress_small_cells,
)
from ecoute_desktop.services.atomic import write_bytes_atomic
from ecoute_desktop.services.formatting import fr_date, fr_int, fr_month, fr_month_range
from ecoute_desktop.services.reports.data import PeriodReport, ReportTable

COMMITTEE_TITLE = "Synthèse pour le comité"
MONTHS_PER_TABLE = 12
HOTLINER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("Reçues", "requests"),
    ("Urgentes", "urgent"),
    ("AR sous 48 h", "acknowledged_within_48h"),
    ("Appels", "calls_held"),
    ("Question-naires", "questionnaires_sent"),
    ("Clôturées", "closed"),
    ("Orient. nationales", "national_referrals"),
)


@dataclass(slots=True)
class CrossTable:
    """A table of counts with its suppression decided once (for both PDF and CSV)."""

    title: str
    row_labels: list[str]
    col_labels: list[str]  # months (YYYY-MM) or indicator names
    values: list[list[int]]
    suppression: Suppression

    def cell(self, row: int, col: int, fmt=str) -> str:
        return self.suppression.cell_text(row, col, fmt(self.values[row][col]))

    def row_total(self, row: int, fmt=str) -> str:
        if row in self.suppression.hidden_row_totals:
            return SECRET_LABEL
        return fmt(sum(self.values[row]))

    def col_total(self, col: int, fmt=str) -> str:
        if col in self.suppression.hidden_col_totals:
            return SECRET_LABEL
        return fmt(sum(row[col] for row in self.values))


def _month_table(merge: Merge, title: str, labels: Sequence[str], field: str, t: int) -> CrossTable:
    months = merge.months
    index = {m: j for j, m in enumerate(months)}
    position = {label: i for i, label in enumerate(labels)}
    values = [[0] * len(months) for _ in labels]
    for merged in merge.records:
        column = index[merged.record["month"]]
        for label in merged.record[field]:
            values[position[label]][column] += 1
    return CrossTable(title, list(labels), months, values, suppress_small_cells(values, t))


def theme_month_table(merge: Merge, threshold: int = DEFAULT_THRESHOLD) -> CrossTable:
    return _month_table(merge, "Thèmes par mois", TOP_THEMES, "themes", threshold)


def orientation_month_table(merge: Merge, threshold: int = DEFAULT_THRESHOLD) -> CrossTable:
    return _month_table(merge, "Orientations par mois", ORIENTATIONS, "orientations", threshold)


def hotliner_table(merge: Merge, threshold: int = DEFAULT_THRESHOLD) -> CrossTable:
    """Per hotliner id (shown by pseudonym): columns add up to the merged figures."""
    by_hotliner = merge.indicators_by_hotliner()
    labels = list(by_hotliner)
    values = [[getattr(ind, attr) for _, attr in HOTLINER_COLUMNS] for ind in by_hotliner.values()]
    suppression = suppress_small_cells(values, threshold, rows_have_totals=False)
    columns = [name for name, _ in HOTLINER_COLUMNS]
    return CrossTable("Par écoutant (pseudonyme)", labels, columns, values, suppression)


def _note(table: CrossTable) -> str:
    return legend(table.suppression.threshold) if table.suppression.any_hidden else ""


def month_report_tables(table: CrossTable) -> list[ReportTable]:
    """A months cross-table for the PDF, split every twelve months; totals in the last part."""
    months = table.col_labels
    chunks = [
        list(range(i, min(i + MONTHS_PER_TABLE, len(months))))
        for i in range(0, len(months), MONTHS_PER_TABLE)
    ]
    result = []
    for number, chunk in enumerate(chunks, start=1):
        last = number == len(chunks)
        header = ["", *(fr_month(months[j], short=True) for j in chunk)] + (
            ["Total"] if last else []
        )
        rows = [
            [label, *(table.cell(i, j, fr_int) for j in chunk)]
            + ([table.row_total(i, fr_int)] if last else [])
            for i, label in enumerate(table.row_labels)
        ]
        suffix = f" ({number}/{len(chunks)})" if len(chunks) > 1 else ""
        result.append(ReportTable(table.title + suffix, header, rows, _note(table) if last else ""))
    return result


def hotliner_report_table(table: CrossTable) -> ReportTable:
    rows = [
        [label, *(table.cell(i, j, fr_int) for j in range(len(table.col_labels)))]
        for i, label in enumerate(table.row_labels)
    ]
    rows.append(["Total", *(table.col_total(j, fr_int) for j in range(len(table.col_labels)))])
    return ReportTable(table.title, ["Pseudonyme", *table.col_labels], rows, _note(table))


def files_report_table(merge: Merge) -> ReportTable:
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
    note = " ".join(notes)
    return ReportTable(
        "Exports fusionnés", ["Pseudonyme", "Région", "Période", "Exporté le"], rows, note
    )


def ack_report_table(merge: Merge) -> ReportTable:
    records = [m.record for m in merge.records]
    counts = Counter(r["ack_delay"] for r in records)
    rows = [[ACK_BUCKET_LABELS[b].capitalize(), fr_int(counts[b])] for b in ACK_BUCKETS]
    median = median_ack_bucket(records)
    note = (
        "Les exports donnent le délai d'accusé de réception par tranche, pas en heures : le délai"
        " médian exact n'est pas calculable après fusion"
        + (
            f" ; la médiane se situe dans la tranche « {ACK_BUCKET_LABELS[median]} »."
            if median
            else "."
        )
    )
    return ReportTable("Délais d'accusé de réception", ["Délai", "Sollicitations"], rows, note)


def region_of(merge: Merge) -> str:
    """The printed names of the regions of the files (codes from the fixed list)."""
    regions = sorted({region_name(f.header.region) for f in merge.files} - {""})
    return ", ".join(regions)


def committee_report(
    merge: Merge, threshold: int = DEFAULT_THRESHOLD, comment: str = ""
) -> PeriodReport:
    """The period-summary data of the merge, with suppressed cross-tables added."""
    months = merge.indicators_by_month()
    counted = merge.tally()
    crosses = month_report_tables(theme_month_table(merge, threshold)) + month_report_tables(
        orientation_month_table(merge, threshold)
    )
    return PeriodReport(
        first_month=merge.first_month,
        last_month=merge.last_month,
        region=region_of(merge),
        total=counted.indicators,
        months=list(months.items()),
        sub_themes=counted.sub_themes,
        satisfaction=counted.satisfaction,
        national_labels=NATIONAL_ORIENTATIONS,
        comment=comment.strip(),
        title=COMMITTEE_TITLE,
        questionnaire_threshold=threshold,
        cross_tables=crosses,
        extra_tables=[
            ack_report_table(merge),
            hotliner_report_table(hotliner_table(merge, threshold)),
            files_report_table(merge),
        ],
    )


def committee_pdf(merge: Merge, threshold: int = DEFAULT_THRESHOLD, comment: str = "") -> bytes:
    from ecoute_desktop.services.reports import render_period

    return render_period(committee_report(merge, threshold, comment))


def write_committee_pdf(
    merge: Merge, path: Path | str, threshold: int = DEFAULT_THRESHOLD, comment: str = ""
) -> Path:
    return write_bytes_atomic(path, committee_pdf(merge, threshold, comment))


# ---- CSV for French spreadsheet software ------------------------------------------------
CSV_COLUMNS: tuple[str, ...] = (
    "Mois",
    "Sollicitations",
    "Urgentes",
    "Accusés de réception",
    "Accusés dans les 48 h",
    "Part accusés dans les 48 h (%)",
    "Délai d'accusé médian (tranche)",
    "Appels effectués",
    "Questionnaires envoyés",
    "Clôturées",
    "Orientations nationales",
    "Satisfaction moyenne (1 à 5)",
)


def _decimal(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}".replace(".", ",")


def _csv_row(label: str, ind: Indicators, records: list[dict], extra: list[str]) -> list[str]:
    share = 100 * ind.acknowledged_within_48h / ind.requests if ind.requests else None
    median = median_ack_bucket(records)
    satisfaction = satisfaction_of(r["satisfaction"] for r in records)
    return [
        label,
        str(ind.requests),
        str(ind.urgent),
        str(ind.acknowledged),
        str(ind.acknowledged_within_48h),
        _decimal(share),
        ACK_BUCKET_LABELS[median] if median else "",
        str(ind.calls_held),
        str(ind.questionnaires_sent),
        str(ind.closed),
        str(ind.national_referrals),
        _decimal(satisfaction.mean),
        *extra,
    ]


def committee_csv(merge: Merge, threshold: int = DEFAULT_THRESHOLD) -> bytes:
    """Month-by-indicator table: `;`, UTF-8 with BOM, decimal comma, CRLF line ends."""
    themes = theme_month_table(merge, threshold)
    orientations = orientation_month_table(merge, threshold)
    crosses = (themes, orientations)
    header = [*CSV_COLUMNS]
    header += [f"Thème : {label}" for label in themes.row_labels]
    header += [f"Orientation : {label}" for label in orientations.row_labels]
    by_month: dict[str, list[dict]] = {m: [] for m in merge.months}
    for merged in merge.records:
        by_month[merged.record["month"]].append(merged.record)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for j, (month, ind) in enumerate(merge.indicators_by_month().items()):
        extra = [t.cell(i, j) for t in crosses for i in range(len(t.row_labels))]
        writer.writerow(_csv_row(month, ind, by_month[month], extra))
    totals = [t.row_total(i) for t in crosses for i in range(len(t.row_labels))]
    all_records = [m.record for m in merge.records]
    writer.writerow(_csv_row("Total", merge.indicators(), all_records, totals))
    if any(t.suppression.any_hidden for t in crosses):
        writer.writerow([])
        writer.writerow([f"Note : {legend(threshold)}"])
    return buffer.getvalue().encode("utf-8-sig")


def write_committee_csv(merge: Merge, path: Path | str, threshold: int = DEFAULT_THRESHOLD) -> Path:
    return write_bytes_atomic(path, committee_csv(merge, threshold))


__all__ = [
    "SECRET_LABEL",
    "committee_csv",
    "committee_pdf",
    "committee_report",
    "small_label",
    "write_committee_csv",
    "write_committee_pdf",
]
