"""Every count the committee sees, month by month, under the disclosure rule (domain/disclosure.py).

`committee_figures(merge, threshold)` builds one protected sheet per month from the
merged records and questionnaire counts; every output (PDF, CSV, any period) reads its
figures here, so they all hide the same counts and sum them the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ecoute_desktop.domain.anonymised import ACK_BUCKETS
from ecoute_desktop.domain.disclosure import ZERO, Figure, Key, Protected, Sheet, protect
from ecoute_desktop.domain.indicators import Indicators
from ecoute_desktop.domain.merge import Merge, records_tally
from ecoute_desktop.domain.satisfaction import SatisfactionFigures

REQUESTS: Key = ("requests",)
RESPONSES: Key = ("responses",)
# Key figures hidden when small, in the order of the JSON indicators.
KEY_ATTRIBUTES: tuple[str, ...] = (
    "urgent",
    "acknowledged",
    "acknowledged_within_48h",
    "cases_with_call",
    "calls_held",
    "questionnaires_sent",
    "closed",
    "national_referrals",
)
# The per-hotliner table: requests (a volume, shown) and these, each adding up to a key figure.
HOTLINER_ATTRIBUTES: tuple[str, ...] = (
    "urgent",
    "acknowledged_within_48h",
    "calls_held",
    "questionnaires_sent",
    "closed",
    "national_referrals",
)
WITHIN_48H = ("<24h", "24-48h")
SCORES = (1, 2, 3, 4, 5)  # the satisfaction score a record may carry


def key(attribute: str) -> Key:
    return ("key", attribute)


def hotliner_key(hotliner: str, attribute: str) -> Key:
    return ("hotliner", hotliner, attribute)


@dataclass(slots=True)
class CommitteeFigures:
    """The protected monthly sheets of a merge, and the labels that index them."""

    threshold: int
    months: list[str]
    sheets: dict[str, Protected]
    hotliners: dict[str, str]  # hotliner id → shown name
    themes: list[str] = field(default_factory=list)
    sub_themes: dict[str, list[str]] = field(default_factory=dict)  # theme → its sub-themes
    orientations: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    call_bands: list[str] = field(default_factory=list)
    questions: dict[str, tuple[str | None, list[str]]] = field(default_factory=dict)

    def month(self, month: str, item: Key) -> Figure:
        return self.sheets[month].figure(item)

    def period(self, item: Key, months: Iterable[str] | None = None) -> Figure:
        """The sum of the published monthly figures of `months` (all by default)."""
        total = ZERO
        for month in self.months if months is None else months:
            total = total + self.month(month, item)
        return total

    def exact(self, items: Iterable[Key], months: Iterable[str] | None = None) -> bool:
        """Whether every one of these counts is shown exactly in every month."""
        chosen = list(self.months if months is None else months)
        return all(self.month(m, item).exact for m in chosen for item in items)

    @property
    def any_hidden(self) -> bool:
        return any(
            not sheet.figure(item).exact for sheet in self.sheets.values() for item in sheet.states
        )


def committee_figures(merge: Merge, threshold: int) -> CommitteeFigures:
    """Protect each month of the merge; labels ordered as in the reports."""
    labels = merge.hotliner_labels()
    by_month: dict[str, list[tuple[str, dict[str, Any]]]] = {m: [] for m in merge.months}
    for merged in merge.records:
        by_month[merged.record["month"]].append((merged.hotliner_id, merged.record))
    records = (m.record for m in merge.records)
    period = records_tally(
        records, merge.first_month, merge.last_month, merge.theme_labels, merge.orientation_labels
    )
    ind = period.indicators
    satisfaction = SatisfactionFigures()
    for month in merge.months:
        if month in merge.satisfaction:
            satisfaction.merge(merge.satisfaction[month])
    figures = CommitteeFigures(
        threshold=threshold,
        months=list(merge.months),
        sheets={},
        hotliners=dict(sorted(labels.items(), key=lambda item: (item[1], item[0]))),
        # the current référentiel's themes (the default ones without it), then any other
        # name a record carries (an older export's name no version of the tree holds)
        themes=[*merge.theme_labels, *(t for t in ind.themes if t not in merge.theme_labels)],
        sub_themes={top: list(subs) for top, subs in period.sub_themes.items()},
        orientations=[
            *merge.orientation_labels,
            *(o for o in ind.orientations if o not in merge.orientation_labels),
        ],
        reasons=list(ind.closed_without_call),
        call_bands=list(ind.call_bands),
        questions={label: (q.scale, list(q.counts)) for label, q in satisfaction.questions.items()},
    )
    for month, rows in by_month.items():
        sheet = month_sheet(
            month,
            rows,
            figures,
            merge.satisfaction.get(month, SatisfactionFigures()),
        )
        figures.sheets[month] = protect(sheet, threshold)
    return figures


def month_sheet(
    month: str,
    rows: Sequence[tuple[str, dict[str, Any]]],
    figures: CommitteeFigures,
    answers: SatisfactionFigures,
) -> Sheet:
    """One month's counts, with every label of the period present (zeros are hidden too)."""
    sheet = Sheet()
    counted = records_tally((record for _, record in rows), month, month)
    ind = counted.indicators
    sheet.add(REQUESTS, ind.requests, base=True)
    for attribute in KEY_ATTRIBUTES:
        sheet.add(key(attribute), getattr(ind, attribute))
    _hotliners(sheet, rows, figures, month)
    _ack_bands(sheet, rows)
    for band in figures.call_bands:
        sheet.add(("call_band", band), ind.call_bands.get(band, 0))
    for reason in figures.reasons:
        sheet.add(("reason", reason), ind.closed_without_call.get(reason, 0))
    for theme in figures.themes:
        sheet.add(("theme", theme), ind.themes.get(theme, 0))
        for sub in figures.sub_themes.get(theme, []):
            sheet.add(("sub", theme, sub), counted.sub_themes.get(theme, {}).get(sub, 0))
    for orientation in figures.orientations:
        sheet.add(("orientation", orientation), ind.orientations.get(orientation, 0))
    for score in SCORES:
        sheet.add(("score", score), sum(record["satisfaction"] == score for _, record in rows))
    _answers(sheet, figures, answers)
    return sheet


def _hotliners(
    sheet: Sheet, rows: Sequence[tuple[str, dict[str, Any]]], figures: CommitteeFigures, month: str
) -> None:
    per_hotliner: dict[str, Indicators] = {}
    for hotliner in figures.hotliners:
        mine = [record for h, record in rows if h == hotliner]
        per_hotliner[hotliner] = records_tally(mine, month, month).indicators
    for hotliner, ind in per_hotliner.items():
        sheet.add(hotliner_key(hotliner, "requests"), ind.requests, base=True)
        for attribute in HOTLINER_ATTRIBUTES:
            sheet.add(hotliner_key(hotliner, attribute), getattr(ind, attribute))
    if not per_hotliner:
        return  # one laptop's own summary: no per-hotliner table, no such sums
    sheet.add_sum(REQUESTS, [hotliner_key(h, "requests") for h in per_hotliner])
    for attribute in HOTLINER_ATTRIBUTES:
        sheet.add_sum(key(attribute), [hotliner_key(h, attribute) for h in per_hotliner])


def _ack_bands(sheet: Sheet, rows: Sequence[tuple[str, dict[str, Any]]]) -> None:
    for bucket in ACK_BUCKETS:
        sheet.add(("ack", bucket), sum(record["ack_delay"] == bucket for _, record in rows))
    # As a hierarchy, so that one sum at a time shows all a reader can work out.
    sheet.add_sum(REQUESTS, [key("acknowledged"), ("ack", "none")])
    sheet.add_sum(key("acknowledged"), [key("acknowledged_within_48h"), ("ack", ">48h")])
    sheet.add_sum(key("acknowledged_within_48h"), [("ack", b) for b in WITHIN_48H])


def _answers(sheet: Sheet, figures: CommitteeFigures, answers: SatisfactionFigures) -> None:
    sheet.add(RESPONSES, answers.responses, base=True)
    for label, (scale, levels) in figures.questions.items():
        mine = answers.questions.get(label)
        sheet.add(("answered", label), mine.answered if mine else 0, base=True)
        for level in levels:
            sheet.add(("answer", label, level), mine.counts.get(level, 0) if mine else 0)
        if scale is not None:
            sheet.add_sum(("answered", label), [("answer", label, level) for level in levels])
