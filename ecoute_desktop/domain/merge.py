"""The coordinator's merge of anonymised exports: deduplication and indicators from records.

Exports are grouped by hotliner id (a random id per database, bound to its signing key),
never by pseudonym: the pseudonym is shown, not trusted. Two ids sharing a pseudonym are
both counted and reported as a clash.
"""

from __future__ import annotations

import copy
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from operator import add, attrgetter, itemgetter
from typing import Any

from ecoute_desktop.domain.aggregation import CaseFacts, Tally, tally
from ecoute_desktop.domain.anonymised import ORIENTATIONS, TOP_THEMES, AckBucket, record_calls
from ecoute_desktop.domain.indicators import Indicators
from ecoute_desktop.domain.median import median_of_counts
from ecoute_desktop.domain.month import Month, month_range
from ecoute_desktop.domain.record_tally import RecordCounts, column_tally
from ecoute_desktop.domain.referentiel_merge import ReferentielStamp
from ecoute_desktop.domain.satisfaction import SatisfactionFigures
from ecoute_desktop.domain.workflow import DropReason


@dataclass(frozen=True, slots=True)
class ExportHeader:
    """The metadata of one export file, as read (already validated)."""

    export_id: str
    created_at: str  # UTC, ISO 8601 to the second: orders exports of the same hotliner
    period_from: str  # YYYY-MM
    period_to: str  # YYYY-MM
    region: str | None  # a code of domain/header_fields.REGIONS
    pseudonym: str
    hotliner_id: str
    public_key: str
    record_count: int
    signature: str

    @property
    def months(self) -> list[str]:
        return _month_keys(self.period_from, self.period_to)

    @property
    def recency(self) -> tuple[str, str]:
        """Sort key: later creation wins; the export id breaks ties the same way every time."""
        return (self.created_at, self.export_id)


@dataclass(slots=True)
class ExportFile:
    """A validated export: where it came from, its header and its records."""

    source: str  # file name shown to the coordinator
    header: ExportHeader
    records: list[dict[str, Any]]
    satisfaction: dict[str, SatisfactionFigures] = field(default_factory=dict)  # by month
    referentiel: ReferentielStamp | None = None  # the référentiel it was made with, if any
    # The records' counts, made while they were checked (None: count them when merged).
    counts: RecordCounts | None = field(default=None, repr=False, compare=False)


@dataclass(slots=True)
class MergedRecord:
    """A record kept by the merge, with the id of the hotliner who sent it."""

    hotliner_id: str
    record: dict[str, Any]


@dataclass(frozen=True, slots=True)
class PseudonymClash:
    """Two (or more) hotliner ids that chose the same pseudonym: all are counted."""

    pseudonym: str
    hotliner_ids: tuple[str, ...]

    @property
    def message(self) -> str:
        ids = " et ".join(short_id(h) for h in self.hotliner_ids)
        return (
            f"Attention : {len(self.hotliner_ids)} écoutants différents utilisent le même"
            f" pseudonyme « {self.pseudonym} » (identifiants {ids}). Leurs sollicitations sont"
            " toutes comptées ; demandez à l'un d'eux de changer de pseudonyme."
        )


def short_id(hotliner_id: str) -> str:
    """The first 8 hex digits of a hotliner id, grouped for reading: « 3F9A-C2D1 »."""
    return f"{hotliner_id[:4]}-{hotliner_id[4:8]}".upper()


@dataclass(slots=True)
class Merge:
    """What the merge kept, what it set aside as duplicates, and the period covered."""

    files: list[ExportFile]
    duplicates: list[tuple[str, str]]  # (duplicate source, source kept instead)
    records: list[MergedRecord]
    first_month: str
    last_month: str
    superseded: int = 0  # records replaced by a later export of the same hotliner
    used_by_source: dict[str, int] = field(default_factory=dict)
    satisfaction: dict[str, SatisfactionFigures] = field(default_factory=dict)  # by month
    theme_labels: tuple[str, ...] = TOP_THEMES  # listed even at zero (the current tree's)
    orientation_labels: tuple[str, ...] = ORIENTATIONS  # the same, for the directory
    _records_tally: Tally | None = field(default=None, repr=False, compare=False)

    @property
    def months(self) -> list[str]:
        return _month_keys(self.first_month, self.last_month)

    @property
    def pseudonyms(self) -> list[str]:
        return sorted({f.header.pseudonym for f in self.files})

    def newest_headers(self) -> dict[str, ExportHeader]:
        """Each hotliner id's newest export header (its pseudonym is the one shown)."""
        newest: dict[str, ExportHeader] = {}
        for item in self.files:
            kept = newest.get(item.header.hotliner_id)
            if kept is None or item.header.recency > kept.recency:
                newest[item.header.hotliner_id] = item.header
        return newest

    def clashes(self) -> list[PseudonymClash]:
        """Pseudonyms used by more than one hotliner id in this merge."""
        by_name: dict[str, set[str]] = {}
        for header in self.newest_headers().values():
            by_name.setdefault(header.pseudonym, set()).add(header.hotliner_id)
        return [
            PseudonymClash(name, tuple(sorted(ids)))
            for name, ids in sorted(by_name.items())
            if len(ids) > 1
        ]

    def hotliner_labels(self) -> dict[str, str]:
        """Hotliner id → the name shown: the pseudonym, with the short id when it clashes."""
        clashing = {h for clash in self.clashes() for h in clash.hotliner_ids}
        return {
            hotliner: header.pseudonym
            + (f" ({short_id(hotliner)})" if hotliner in clashing else "")
            for hotliner, header in self.newest_headers().items()
        }

    def indicators(self) -> Indicators:
        return self.tally().indicators

    def tally(self) -> Tally:
        """Indicators, sub-themes and satisfaction of every record kept, with the
        questionnaire figures of the period's months.

        The records' count is made once (a merge is not changed after `merge_exports`);
        each call gets its own copy.
        """
        if self._records_tally is None:
            records = map(attrgetter("record"), self.records)
            self._records_tally = records_tally(
                records,
                self.first_month,
                self.last_month,
                self.theme_labels,
                self.orientation_labels,
            )
        counted = copy.deepcopy(self._records_tally)
        for month in self.months:
            if month in self.satisfaction:
                counted.indicators.satisfaction.merge(self.satisfaction[month])
        return counted

    def indicators_by_month(self) -> dict[str, Indicators]:
        by_month: dict[str, list[dict[str, Any]]] = {month: [] for month in self.months}
        for merged in self.records:
            by_month[merged.record["month"]].append(merged.record)
        result = {
            month: records_indicators(rs, month, month, self.theme_labels, self.orientation_labels)
            for month, rs in by_month.items()
        }
        for month, indicators in result.items():
            if month in self.satisfaction:
                indicators.satisfaction.merge(self.satisfaction[month])
        return result

    def indicators_by_hotliner(self) -> dict[str, Indicators]:
        """Shown name (see `hotliner_labels`) → indicators of that hotliner id's records."""
        labels = self.hotliner_labels()
        grouped: dict[str, list[dict[str, Any]]] = {h: [] for h in labels}
        for merged in self.records:
            grouped.setdefault(merged.hotliner_id, []).append(merged.record)
        return {
            labels[h]: records_indicators(
                rs, self.first_month, self.last_month, self.theme_labels, self.orientation_labels
            )
            for h, rs in sorted(grouped.items(), key=lambda item: (labels[item[0]], item[0]))
        }


def facts_of_record(record: dict[str, Any]) -> CaseFacts:
    """What the figures count of an anonymised record (already validated)."""
    bucket = AckBucket(record["ack_delay"])
    calls = record_calls(record)
    dropped = None
    if record["status"] == "sans suite" and not calls:
        dropped = record.get("drop_reason") or str(DropReason.UNSPECIFIED)
    return CaseFacts(
        urgent=bool(record["urgent"]),
        acknowledged=bucket.acknowledged,
        within_48h=bucket.within_48h,
        calls=calls,
        questionnaire_sent=bool(record["questionnaire_sent"]),
        closed=record["status"] == "clôturée",
        national_referral=bool(record["national_referral"]),
        themes=frozenset(record["themes"]),
        sub_themes=frozenset(tuple(path.split("/", 1)) for path in record["sub_themes"]),
        orientations=frozenset(record["orientations"]),
        satisfaction=record["satisfaction"],
        call_band=record.get("call_delay"),
        dropped_reason=dropped,
    )


def records_tally(
    records: Iterable[dict[str, Any]],
    first_month: str,
    last_month: str,
    theme_labels: Iterable[str] = TOP_THEMES,
    orientation_labels: Iterable[str] = ORIENTATIONS,
) -> Tally:
    """The tally of the records of the months `first_month`..`last_month`.

    `median_ack_hours` stays None: records carry delay buckets, not hours.
    """
    wanted = set(_month_keys(first_month, last_month))
    cohort = list(records)
    if not set(map(itemgetter("month"), cohort)) <= wanted:
        cohort = [r for r in cohort if r["month"] in wanted]
    first, last = Month.parse(first_month).first_day, Month.parse(last_month).last_day
    return column_tally(cohort, first, last, theme_labels, orientation_labels)


def records_tally_one_by_one(
    records: Iterable[dict[str, Any]],
    first_month: str,
    last_month: str,
    theme_labels: Iterable[str] = TOP_THEMES,
    orientation_labels: Iterable[str] = ORIENTATIONS,
) -> Tally:
    """`records_tally` record by record, through `facts_of_record` (what tests compare)."""
    wanted = set(_month_keys(first_month, last_month))
    return tally(
        (facts_of_record(r) for r in records if r["month"] in wanted),
        Month.parse(first_month).first_day,
        Month.parse(last_month).last_day,
        theme_labels,
        orientation_labels,
    )


def records_indicators(
    records: Iterable[dict[str, Any]],
    first_month: str,
    last_month: str,
    theme_labels: Iterable[str] = TOP_THEMES,
    orientation_labels: Iterable[str] = ORIENTATIONS,
) -> Indicators:
    """The indicators of `ecoute indicators --json`, from anonymised records.

    `median_ack_hours` and `median_hours_to_call` stay None: records carry delay bands,
    not hours (`call_bands` and `median_call_band` say where the median lies).
    """
    return records_tally(
        records, first_month, last_month, theme_labels, orientation_labels
    ).indicators


def median_ack_bucket(records: Iterable[dict[str, Any]]) -> str | None:
    """The bucket holding the median delay of the acknowledged records (None if none)."""
    order = [str(b) for b in (AckBucket.UNDER_24H, AckBucket.FROM_24_TO_48H, AckBucket.OVER_48H)]
    return median_of_counts(Counter(r["ack_delay"] for r in records), order)


def merge_exports(
    files: Sequence[ExportFile],
    first_month: str | None = None,
    last_month: str | None = None,
    theme_labels: tuple[str, ...] = TOP_THEMES,
    orientation_labels: tuple[str, ...] = ORIENTATIONS,
) -> Merge:
    """Merge validated exports; the result does not depend on the order of `files`.

    The same export given twice counts once. A case (record id) counts once; when
    exports of the same hotliner id overlap, the latest export wins for the months
    it covers, so a case deleted or moved since an older export disappears.
    """
    unique: dict[str, ExportFile] = {}
    for item in files:
        kept = unique.get(item.header.export_id)
        if kept is None or _file_key(item) > _file_key(kept):
            unique[item.header.export_id] = item
    duplicates = sorted(
        (item.source, unique[item.header.export_id].source)
        for item in files
        if item is not unique[item.header.export_id]
    )
    ordered = sorted(unique.values(), key=_file_key, reverse=True)
    if first_month is None:
        earliest = min((Month.parse(f.header.period_from) for f in ordered), default=None)
        first_month = str(earliest or "2000-01")
    if last_month is None:
        latest = max((Month.parse(f.header.period_to) for f in ordered), default=None)
        last_month = str(latest) if latest else first_month
    wanted = set(_month_keys(first_month, last_month))
    covered: dict[str, set[str]] = {}
    seen: set[str] = set()
    kept_records: list[MergedRecord] = []
    sort_keys: list[str] = []
    counts = RecordCounts()  # file by file: 100,000 records read in month order are far apart
    superseded = 0
    used: dict[str, int] = {}
    satisfaction: dict[str, SatisfactionFigures] = {}
    owners = _followers(ordered)
    for item in ordered:
        hotliner = item.header.hotliner_id
        newer_months = covered.setdefault(hotliner, set())
        for month, figures in item.satisfaction.items():
            if month not in newer_months and month in wanted:
                satisfaction.setdefault(month, SatisfactionFigures()).merge(figures)
        taken, dropped = _kept_of_file(item, seen, newer_months, wanted, owners)
        superseded += dropped
        kept_records += map(MergedRecord, repeat(hotliner), taken)
        sort_keys += map(add, map(itemgetter("month"), taken), map(itemgetter("id"), taken))
        counts.add(item.counts if taken is item.records and item.counts else _counted(taken))
        count = len(taken)
        newer_months.update(item.header.months)
        used[item.source] = count
    counted = counts.tally(
        Month.parse(first_month).first_day,
        Month.parse(last_month).last_day,
        theme_labels,
        orientation_labels,
    )
    order = sorted(range(len(kept_records)), key=sort_keys.__getitem__)  # by month, then id
    kept_records = list(map(kept_records.__getitem__, order))
    files_out = sorted(
        ordered, key=lambda f: (f.header.pseudonym, f.header.hotliner_id, f.header.recency)
    )
    return Merge(
        files_out,
        duplicates,
        kept_records,
        first_month,
        last_month,
        superseded,
        used,
        dict(sorted(satisfaction.items())),
        theme_labels,
        orientation_labels,
        counted,
    )


def _followers(files: Sequence[ExportFile]) -> dict[str, str]:
    """Record id → hotliner id of the export to count it from: a case a pair shares is in
    both partners' exports; it counts once, from the export of the partner who follows it
    (its `followed_by`), when that export is in the merge."""
    senders = {item.header.hotliner_id for item in files}
    owners: dict[str, str] = {}
    for item in files:
        for record in item.records:
            follower = record.get("followed_by")
            if follower in senders and follower == item.header.hotliner_id:
                owners[record["id"]] = follower
    return owners


def _kept_of_file(
    item: ExportFile,
    seen: set[str],
    newer_months: set[str],
    wanted: set[str],
    owners: dict[str, str],
) -> tuple[list[dict[str, Any]], int]:
    """The records of `item` the merge keeps, and how many were superseded (`seen` grows
    with every record looked at).

    A record is superseded when its id was kept already or a newer export of the same
    hotliner covers its month, or when the partner who follows it sent it too (`owners`,
    see `_followers`); it counts when its month is wanted. Usually nothing is
    superseded and every month is wanted: then the file's own list is returned.
    """
    hotliner = item.header.hotliner_id
    ids = list(map(itemgetter("id"), item.records))
    months = set(map(itemgetter("month"), item.records))
    followed_elsewhere = bool(owners) and any(owners.get(i, hotliner) != hotliner for i in ids)
    if not followed_elsewhere and seen.isdisjoint(ids) and newer_months.isdisjoint(months):
        seen.update(ids)
        if months <= wanted:
            return item.records, 0
        return [r for r in item.records if r["month"] in wanted], 0
    taken = []
    superseded = 0
    for record in item.records:
        if (
            record["id"] in seen
            or record["month"] in newer_months
            or owners.get(record["id"], hotliner) != hotliner
        ):
            superseded += 1
            continue
        seen.add(record["id"])
        if record["month"] in wanted:
            taken.append(record)
    return taken, superseded


def _counted(records: list[dict[str, Any]]) -> RecordCounts:
    return RecordCounts.of_records(records)


def _month_keys(first: str, last: str) -> list[str]:
    """The `YYYY-MM` keys (as in records) of the months `first`..`last`."""
    return [str(month) for month in month_range(Month.parse(first), Month.parse(last))]


def _file_key(item: ExportFile) -> tuple[str, str, str, str]:
    return (*item.header.recency, item.header.signature, item.source)
