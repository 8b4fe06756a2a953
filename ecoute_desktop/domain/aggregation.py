"""The one count of a cohort: indicators, sub-themes and satisfaction, ordered and rounded once.

The hotliner's reports count cases from the database; the coordinator's committee summary
counts anonymised records from merged exports. Both turn what they read into `CaseFacts`
and call `tally`, so a figure, the order of themes and sub-themes (most frequent first,
then alphabetical) and the rounding of the median delay are the same in both documents.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from ecoute_desktop.domain.call_delay import CallBand, call_band, hours_to_call
from ecoute_desktop.domain.deadlines import ACK_DELAY
from ecoute_desktop.domain.indicators import (
    DROP_REASON_LABELS,
    Indicators,
    call_band_counts,
    in_period,
    sorted_counts,
)
from ecoute_desktop.domain.models import Case
from ecoute_desktop.domain.timeutil import as_utc
from ecoute_desktop.domain.workflow import DropReason, Status

SATISFACTION_SCORES: tuple[int, ...] = (1, 2, 3, 4, 5)


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """What the figures count of one case, read from the database or from a record."""

    urgent: bool = False
    acknowledged: bool = False
    within_48h: bool = False
    calls: int = 0  # calls held, a « rappel convenu » counted again
    questionnaire_sent: bool = False
    closed: bool = False
    national_referral: bool = False
    themes: frozenset[str] = frozenset()  # top-level themes
    sub_themes: frozenset[tuple[str, str]] = frozenset()  # (top-level theme, sub-theme)
    orientations: frozenset[str] = frozenset()
    satisfaction: int | None = None
    ack_hours: float | None = None  # None when unknown (records carry delay buckets)
    hours_to_call: float | None = None  # receipt to first call; None: no call, or a record
    call_band: str | None = None  # the band of that delay (records carry only the band)
    dropped_reason: str | None = None  # « sans suite » without any call: its reason


@dataclass(slots=True)
class Satisfaction:
    """Questionnaire answers (scores 1 to 5) of the cases of the period."""

    counts: dict[int, int] = field(default_factory=lambda: dict.fromkeys(SATISFACTION_SCORES, 0))

    @property
    def answers(self) -> int:
        return sum(self.counts.values())

    @property
    def mean(self) -> float | None:
        if not self.answers:
            return None
        return sum(score * n for score, n in self.counts.items()) / self.answers

    @property
    def satisfied(self) -> int:
        """Answers of 4 or 5."""
        return self.counts.get(4, 0) + self.counts.get(5, 0)


def satisfaction_of(scores: Iterable[int | None]) -> Satisfaction:
    """Distribution of the known scores (unknown or out-of-range ones are ignored)."""
    result = Satisfaction()
    for score in scores:
        if score in result.counts:
            result.counts[score] += 1
    return result


@dataclass(slots=True)
class Tally:
    """The figures of one cohort, as every document shows them."""

    indicators: Indicators
    sub_themes: dict[str, dict[str, int]] = field(default_factory=dict)
    satisfaction: Satisfaction = field(default_factory=Satisfaction)


def order_sub_themes(
    counts: dict[str, Counter[str]], tops: Iterable[str]
) -> dict[str, dict[str, int]]:
    """Top-level theme → its sub-themes, most frequent first then alphabetical.

    Top-level themes follow `tops` (the order of the theme table); any other follows.
    """
    order = [top for top in tops if counts.get(top)]
    order += sorted(top for top in counts if counts[top] and top not in order)
    return {top: sorted_counts(counts[top]) for top in order}


def tally(
    facts: Iterable[CaseFacts],
    first: date,
    last: date,
    theme_labels: Iterable[str] = (),
    orientation_labels: Iterable[str] = (),
) -> Tally:
    """Count `facts` (the cohort of [first, last]); labels given appear even at zero."""
    result = Indicators(first, last)
    delays: list[float] = []
    to_call: list[float] = []
    bands: Counter[str] = Counter()
    without_call: Counter[str] = Counter()
    themes: Counter[str] = Counter()
    orientations: Counter[str] = Counter()
    subs: dict[str, Counter[str]] = defaultdict(Counter)
    scores: list[int | None] = []
    for fact in facts:
        result.requests += 1
        result.urgent += fact.urgent
        result.acknowledged += fact.acknowledged
        result.acknowledged_within_48h += fact.within_48h
        result.calls_held += fact.calls
        result.cases_with_call += fact.calls > 0
        if fact.hours_to_call is not None:
            to_call.append(fact.hours_to_call)
        if fact.call_band is not None and fact.call_band != CallBand.NONE:
            bands[fact.call_band] += 1
        if fact.dropped_reason is not None:
            without_call[fact.dropped_reason] += 1
        result.questionnaires_sent += fact.questionnaire_sent
        result.closed += fact.closed
        result.national_referrals += fact.national_referral
        themes.update(fact.themes)
        orientations.update(fact.orientations)
        for top, sub in fact.sub_themes:
            subs[top][sub] += 1
        scores.append(fact.satisfaction)
        if fact.ack_hours is not None:
            delays.append(fact.ack_hours)
    if delays:
        result.median_ack_hours = round(statistics.median(delays), 1)
    if to_call:
        result.median_hours_to_call = round(statistics.median(to_call), 1)
    counted = Counts(bands, without_call, themes, orientations, subs, satisfaction_of(scores))
    return finish_tally(result, counted, theme_labels, orientation_labels)


@dataclass(slots=True)
class Counts:
    """What a tally counts by label, before the labels are ordered."""

    bands: Counter[str]
    without_call: Counter[str]
    themes: Counter[str]
    orientations: Counter[str]
    subs: dict[str, Counter[str]]
    satisfaction: Satisfaction


def finish_tally(
    result: Indicators,
    counts: Counts,
    theme_labels: Iterable[str] = (),
    orientation_labels: Iterable[str] = (),
) -> Tally:
    """Order and complete the labelled counts: the one ending of every tally."""
    result.call_bands = call_band_counts(counts.bands)
    result.closed_without_call = sorted_counts(counts.without_call, DROP_REASON_LABELS)
    result.themes = sorted_counts(counts.themes, theme_labels)
    result.orientations = sorted_counts(counts.orientations, orientation_labels)
    return Tally(result, order_sub_themes(counts.subs, result.themes), counts.satisfaction)


def facts_of_case(case: Case) -> CaseFacts:
    """What the figures count of a case of the database (its state today)."""
    delay = None
    if case.acknowledged_at is not None:
        delay = as_utc(case.acknowledged_at) - as_utc(case.received_at)  # real hours
    waited = hours_to_call(case.received_at, case.call_held_at)
    dropped = None
    if waited is None and case.status is Status.DROPPED:
        dropped = str(case.drop_reason or DropReason.UNSPECIFIED)
    return CaseFacts(
        urgent=bool(case.urgent),
        acknowledged=delay is not None,
        within_48h=delay is not None and delay <= ACK_DELAY,
        calls=case.calls_held,
        questionnaire_sent=case.questionnaire_sent_at is not None,
        closed=case.closed_at is not None and case.status == "clôturée",
        national_referral=case.referred_nationally,
        themes=frozenset(case.top_themes),
        sub_themes=frozenset((t.parent_label, t.label) for t in case.themes if t.parent_label),
        orientations=frozenset(o.target.label for o in case.orientations),
        satisfaction=case.satisfaction,
        ack_hours=None if delay is None else delay.total_seconds() / 3600,
        hours_to_call=waited,
        call_band=None if waited is None else call_band(waited),
        dropped_reason=dropped,
    )


def case_tally(
    cases: Iterable[Case],
    first: date,
    last: date,
    theme_labels: Iterable[str] = (),
    orientation_labels: Iterable[str] = (),
) -> Tally:
    """The tally of the cases received in [first, last] (Paris days), whatever later."""
    members = (facts_of_case(case) for case in cases if in_period(case, first, last))
    return tally(members, first, last, theme_labels, orientation_labels)


def compute_indicators(
    cases: Iterable[Case],
    first: date,
    last: date,
    theme_labels: Iterable[str] = (),
    orientation_labels: Iterable[str] = (),
) -> Indicators:
    """Indicators of the cases received in [first, last] (Paris days), whatever later."""
    return case_tally(cases, first, last, theme_labels, orientation_labels).indicators
