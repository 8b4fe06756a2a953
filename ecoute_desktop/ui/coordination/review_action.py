"""Coordination's « Bilan annuel (PDF)… »: the one-page review of the merged exports.

The same service as `ecoute merge FILES --review FILE`: `services.review.review_pdf` on a
merge, with the committee's threshold (small counts hidden there, never here). The period
is, as in the command line, the one the merge was made with (« Synthèse pour le comité »:
every month of the files, or « Seulement les mois »); each calendar year the files touch
is offered too, merged again with `--from YYYY-01 --to YYYY-12` as the command line would.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ecoute_desktop.domain.merge import Merge
from ecoute_desktop.services.formatting import fr_month_range
from ecoute_desktop.ui.common import prompts


@dataclass(frozen=True)
class ReviewPeriod:
    """One choice of period: its label, and its months (None: the merge as it is shown)."""

    label: str
    months: tuple[str, str] | None = None


def review_periods(merge: Merge) -> list[ReviewPeriod]:
    """The merge's own period first (what `merge --review` prints), then each calendar year."""
    span = fr_month_range(merge.first_month, merge.last_month)
    periods = [
        ReviewPeriod(
            QCoreApplication.translate(
                "CoordinationView", "Période de la synthèse : {span}"
            ).format(span=span)
        )
    ]
    for year in range(int(merge.first_month[:4]), int(merge.last_month[:4]) + 1):
        months = (f"{year}-01", f"{year}-12")
        if months != (merge.first_month, merge.last_month):
            label = QCoreApplication.translate(
                "CoordinationView", "Année {year} (janvier à décembre)"
            ).format(year=year)
            periods.append(ReviewPeriod(label, months))
    return periods


@dataclass(frozen=True)
class ReviewRequest:
    """What the coordinator asked for: the period, the « Actions à envisager », the file."""

    period: ReviewPeriod
    actions: str
    path: Path


def ask_review(parent: QWidget, merge: Merge) -> ReviewRequest | None:
    """Period (when there is a choice), « Actions à envisager », then where to save; None when
    the coordinator cancels any of the three."""
    periods = review_periods(merge)
    period = periods[0]
    if len(periods) > 1:
        label = prompts.ask_choice(
            parent,
            QCoreApplication.translate("CoordinationView", "Bilan annuel"),
            QCoreApplication.translate("CoordinationView", "Période du bilan :"),
            [p.label for p in periods],
        )
        if label is None:
            return None
        period = next(p for p in periods if p.label == label)
    actions = prompts.ask_text(
        parent,
        QCoreApplication.translate("CoordinationView", "Bilan annuel"),
        QCoreApplication.translate(
            "CoordinationView", "Actions à envisager (facultatif, imprimées en bas du bilan) :"
        ),
    )
    if actions is None:
        return None
    first, last = period.months or (merge.first_month, merge.last_month)
    path = prompts.ask_save_path(
        parent,
        QCoreApplication.translate("CoordinationView", "Enregistrer le bilan annuel"),
        Path.home() / f"bilan-{first}-{last}.pdf",
        "PDF (*.pdf)",
    )
    return None if path is None else ReviewRequest(period, actions, path)


def review_work(
    request: ReviewRequest,
    merge: Merge,
    paths: list[Path],
    state: Path | None,
    threshold: int,
) -> Callable[[], Path]:
    """The worker-thread job: merge again for a year if asked, draw the page, write it."""

    def work() -> Path:
        from ecoute_desktop.services.atomic import write_bytes_atomic
        from ecoute_desktop.services.merge import merge_paths
        from ecoute_desktop.services.review import review_pdf

        chosen: Merge | None = merge
        if request.period.months is not None:
            first, last = request.period.months
            chosen = merge_paths(paths, first, last, state).merge
        if chosen is None:
            raise ValueError(
                QCoreApplication.translate(
                    "CoordinationView", "Aucun export n'a pu être fusionné pour cette période."
                )
            )
        write_bytes_atomic(request.path, review_pdf(chosen, threshold, request.actions))
        return request.path

    return work
