"""The committee's CSV for French spreadsheet software: month by indicator, every count
read through the committee's ledger (services/committee.py), like the PDF."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from ecoute_desktop.domain.anonymised import ACK_BUCKET_LABELS
from ecoute_desktop.domain.committee_figures import REQUESTS, SCORES, committee_figures, key
from ecoute_desktop.domain.disclosure import DEFAULT_THRESHOLD, Key
from ecoute_desktop.domain.merge import Merge
from ecoute_desktop.services.atomic import write_bytes_atomic
from ecoute_desktop.services.committee import ACKNOWLEDGED, Ledger, disclosed_median, rule_text

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
CSV_KEYS: tuple[str, ...] = (
    "urgent",
    "acknowledged",
    "acknowledged_within_48h",
)
CSV_LATER_KEYS: tuple[str, ...] = (
    "calls_held",
    "questionnaires_sent",
    "closed",
    "national_referrals",
)


def _decimal(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}".replace(".", ",")


def _csv_row(ledger: Ledger, label: str, months: Sequence[str], extra: list[str]) -> list[str]:
    figures = ledger.figures
    within = figures.period(key("acknowledged_within_48h"), months)
    requests = figures.period(REQUESTS, months)
    share = 100 * within.low / requests.low if within.exact and requests.low else None
    _, band = disclosed_median(figures, "ack", ACKNOWLEDGED, months)
    median = ACK_BUCKET_LABELS[band] if band else ""
    mean = None
    scores = [("score", s) for s in SCORES]
    if figures.exact(scores, months):
        counts_by_score = Counter({s: figures.period(("score", s), months).low for s in SCORES})
        answered = sum(counts_by_score.values())
        if answered:
            mean = sum(s * n for s, n in counts_by_score.items()) / answered
    return [
        label,
        ledger.text(REQUESTS, months, str),
        *(ledger.text(key(a), months, str) for a in CSV_KEYS),
        _decimal(share),
        median,
        *(ledger.text(key(a), months, str) for a in CSV_LATER_KEYS),
        _decimal(mean),
        *extra,
    ]


def committee_csv(merge: Merge, threshold: int = DEFAULT_THRESHOLD) -> bytes:
    """Month-by-indicator table: `;`, UTF-8 with BOM, decimal comma, CRLF line ends."""
    return committee_csv_and_ledger(merge, threshold)[0]


def committee_csv_and_ledger(merge: Merge, threshold: int) -> tuple[bytes, Ledger]:
    """The CSV bytes, and the ledger of every count they print."""
    ledger = Ledger(committee_figures(merge, threshold))
    figures = ledger.figures
    items: list[Key] = [("theme", t) for t in figures.themes]
    items += [("orientation", o) for o in figures.orientations]
    header = [*CSV_COLUMNS]
    header += [f"Thème : {t}" for t in figures.themes]
    header += [f"Orientation : {o}" for o in figures.orientations]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(header)
    for month in figures.months:
        extra = [ledger.text(item, [month], str) for item in items]
        writer.writerow(_csv_row(ledger, month, [month], extra))
    totals = [ledger.text(item, None, str) for item in items]
    writer.writerow(_csv_row(ledger, "Total", figures.months, totals))
    writer.writerow([])
    writer.writerow([f"Note : {rule_text(threshold)}"])
    return buffer.getvalue().encode("utf-8-sig"), ledger


def write_committee_csv(merge: Merge, path: Path | str, threshold: int = DEFAULT_THRESHOLD) -> Path:
    return write_bytes_atomic(path, committee_csv(merge, threshold))
