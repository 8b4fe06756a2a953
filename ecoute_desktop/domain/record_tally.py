"""The tally of anonymised records, a column at a time: a committee merge counts 100,000.

Counting each record through `CaseFacts` costs about 10 µs a record. Here each field is
read once for all records (`map`, `Counter`) and the fields that depend on each other
(status, calls, drop reason) are counted as distinct combinations, which are few. The
result is the same `Tally` as `aggregation.tally` over `merge.facts_of_record` (a test
compares both on random records), and is finished by the same `finish_tally`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import chain
from operator import itemgetter
from typing import Any

from ecoute_desktop.domain.aggregation import Counts, Satisfaction, Tally, finish_tally
from ecoute_desktop.domain.anonymised import ORIENTATIONS, TOP_THEMES, AckBucket
from ecoute_desktop.domain.call_delay import CallBand
from ecoute_desktop.domain.indicators import Indicators
from ecoute_desktop.domain.workflow import DropReason, Status

_DROPPED = str(Status.DROPPED)
_CLOSED = "clôturée"
_UNSPECIFIED = str(DropReason.UNSPECIFIED)


_REQUIRED = (
    "urgent",
    "questionnaire_sent",
    "national_referral",
    "ack_delay",
    "status",
    "call_held",
    "satisfaction",
    "themes",
    "sub_themes",
    "orientations",
)
_OPTIONAL = ("calls", "drop_reason", "call_delay")


def _columns(records: Sequence[dict[str, Any]]) -> dict[str, Sequence[Any]]:
    """Field → its values, reading each record once (100,000 dicts are far apart in memory)."""
    required = itemgetter(*_REQUIRED)
    rows = [
        (*required(r), r.get("calls"), r.get("drop_reason"), r.get("call_delay")) for r in records
    ]
    names = (*_REQUIRED, *_OPTIONAL)
    if not rows:
        return {name: () for name in names}
    return dict(zip(names, zip(*rows, strict=True), strict=True))


_CHUNK = 2_000  # records read at a time: their rows stay small, their counts are added
ABSENT: Any = object()  # an optional field a record lacks (as None: the same for the counts)
_NOTHING = (None, ABSENT)


@dataclass(slots=True)
class RecordCounts:
    """The counts of records, before they become a tally: added file by file."""

    requests: int = 0
    urgent: int = 0
    questionnaires_sent: int = 0
    national_referrals: int = 0
    ack: Counter[Any] = field(default_factory=Counter)
    combos: Counter[Any] = field(default_factory=Counter)  # status, calls, held, reason
    bands: Counter[Any] = field(default_factory=Counter)
    themes: Counter[Any] = field(default_factory=Counter)
    sub_paths: Counter[Any] = field(default_factory=Counter)
    orientations: Counter[Any] = field(default_factory=Counter)
    scores: Counter[Any] = field(default_factory=Counter)

    @classmethod
    def of_records(cls, records: Sequence[dict[str, Any]]) -> RecordCounts:
        counts = cls()
        for start in range(0, len(records), _CHUNK):
            counts.add_columns(_columns(records[start : start + _CHUNK]))
        return counts

    def add_columns(self, column: Mapping[str, Sequence[Any]], unique: bool = False) -> None:
        """Count records given as columns (optional fields None or ABSENT where absent);
        `unique`: no list field repeats a label (the export schema's uniqueItems)."""
        each = chain.from_iterable if unique else _each_once
        self.requests += len(column["status"])
        self.urgent += sum(map(bool, column["urgent"]))
        self.questionnaires_sent += sum(map(bool, column["questionnaire_sent"]))
        self.national_referrals += sum(map(bool, column["national_referral"]))
        self.ack.update(column["ack_delay"])
        self.combos.update(
            zip(
                column["status"],
                column["calls"],
                column["call_held"],
                column["drop_reason"],
                strict=True,
            )
        )
        self.bands.update(column["call_delay"])
        self.themes.update(each(column["themes"]))
        self.sub_paths.update(each(column["sub_themes"]))
        self.orientations.update(each(column["orientations"]))
        self.scores.update(column["satisfaction"])

    def add(self, other: RecordCounts) -> None:
        for name in ("requests", "urgent", "questionnaires_sent", "national_referrals"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("ack", "combos", "bands", "themes", "sub_paths", "orientations", "scores"):
            getattr(self, name).update(getattr(other, name))

    def tally(
        self,
        first: date,
        last: date,
        theme_labels: Iterable[str] = TOP_THEMES,
        orientation_labels: Iterable[str] = ORIENTATIONS,
    ) -> Tally:
        """The tally of the cohort [first, last] these records make; `theme_labels` and
        `orientation_labels` are listed even at zero (the current référentiel's names)."""
        result = Indicators(first, last)
        result.requests = self.requests
        result.urgent = self.urgent
        result.questionnaires_sent = self.questionnaires_sent
        result.national_referrals = self.national_referrals
        for label, count in self.ack.items():
            bucket = AckBucket(label)
            result.acknowledged += count * bucket.acknowledged
            result.acknowledged_within_48h += count * bucket.within_48h
        without_call: Counter[str] = Counter()
        for (status, written, held, reason), count in self.combos.items():
            calls = int(held) if written in _NOTHING else int(written)  # as `record_calls`
            result.calls_held += calls * count
            result.cases_with_call += (calls > 0) * count
            result.closed += (status == _CLOSED) * count
            if status == _DROPPED and not calls:
                without_call[_UNSPECIFIED if reason in _NOTHING else reason or _UNSPECIFIED] += (
                    count
                )
        bands = Counter(
            {k: n for k, n in self.bands.items() if k not in (*_NOTHING, CallBand.NONE)}
        )
        subs: dict[str, Counter[str]] = defaultdict(Counter)
        for path, count in self.sub_paths.items():
            top, sub = path.split("/", 1)
            subs[top][sub] += count
        satisfaction = Satisfaction()
        for score, count in self.scores.items():
            if score in satisfaction.counts:
                satisfaction.counts[score] += count
        counts = Counts(
            bands, without_call, self.themes.copy(), self.orientations.copy(), subs, satisfaction
        )
        return finish_tally(result, counts, theme_labels, orientation_labels)


def _each_once(values: Sequence[Any]) -> Iterator[Any]:
    """The labels of a list field, a label counted once a record (as `CaseFacts` sets)."""
    return chain.from_iterable(map(frozenset, values))


def column_tally(
    records: Sequence[dict[str, Any]],
    first: date,
    last: date,
    theme_labels: Iterable[str] = TOP_THEMES,
    orientation_labels: Iterable[str] = ORIENTATIONS,
) -> Tally:
    """The tally of validated `records` (all of the cohort), with the labels to list."""
    return RecordCounts.of_records(records).tally(first, last, theme_labels, orientation_labels)
