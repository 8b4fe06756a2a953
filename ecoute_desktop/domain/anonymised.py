"""Anonymised export records: the closed vocabularies and the mapping Case → record."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import timedelta
from enum import StrEnum
from typing import Any

from ecoute_desktop.domain.call_delay import call_band, hours_to_call
from ecoute_desktop.domain.deadlines import ACK_DELAY
from ecoute_desktop.domain.models import AppointmentStatus, Case
from ecoute_desktop.domain.month import Month
from ecoute_desktop.domain.taxonomy import DEFAULT_DIRECTORY, DEFAULT_THEMES, fold
from ecoute_desktop.domain.workflow import DropReason, Status

FORMAT_NAME = "ecoute-export-anonymise"
FORMAT_VERSION = 2  # 2: signed, hotliner id and key, region code, pseudonym rule

# Closed vocabularies: the default taxonomy and directory, the same on every laptop,
# so that the coordinator can add up files from different hotliners.
TOP_THEMES: tuple[str, ...] = tuple(label for label, _ in DEFAULT_THEMES)
SUB_THEMES: tuple[str, ...] = tuple(
    f"{label}/{child}" for label, children in DEFAULT_THEMES for child in children
)
ORIENTATIONS: tuple[str, ...] = tuple(entry.label for entry in DEFAULT_DIRECTORY)
NATIONAL_ORIENTATIONS: frozenset[str] = frozenset(
    entry.label for entry in DEFAULT_DIRECTORY if entry.national
)
STATUSES: tuple[str, ...] = tuple(str(status) for status in Status)
# Where a local label that is not in the default vocabulary goes.
FALLBACK_THEME = "Questions diverses"
FALLBACK_ORIENTATION = "Autre"
MAX_APPOINTMENTS = 99


class AckBucket(StrEnum):
    """Acknowledgment delay in buckets: exact delays and dates never leave the laptop."""

    UNDER_24H = "<24h"
    FROM_24_TO_48H = "24-48h"  # exactly 48 h is still on time
    OVER_48H = ">48h"
    NONE = "none"

    @property
    def acknowledged(self) -> bool:
        return self is not AckBucket.NONE

    @property
    def within_48h(self) -> bool:
        return self in (AckBucket.UNDER_24H, AckBucket.FROM_24_TO_48H)


ACK_BUCKETS: tuple[str, ...] = tuple(str(bucket) for bucket in AckBucket)
ACK_BUCKET_LABELS: dict[str, str] = {
    "<24h": "moins de 24 h",
    "24-48h": "entre 24 et 48 h",
    ">48h": "plus de 48 h",
    "none": "sans accusé de réception",
}

RECORD_FIELDS: tuple[str, ...] = (
    "id",
    "month",
    "urgent",
    "status",
    "themes",
    "sub_themes",
    "orientations",
    "national_referral",
    "ack_delay",
    "appointments",
    "call_held",
    "calls",
    "call_delay",
    "drop_reason",
    "questionnaire_sent",
    "satisfaction",
)

_TOP_BY_FOLD = {fold(label): label for label in TOP_THEMES}
_SUB_BY_FOLD = {fold(path): path for path in SUB_THEMES}
_ORIENTATION_BY_FOLD = {fold(label): label for label in ORIENTATIONS}


def ack_bucket(delay: timedelta | None) -> AckBucket:
    """The bucket of an acknowledgment delay (None: not acknowledged)."""
    if delay is None:
        return AckBucket.NONE
    if delay < timedelta(hours=24):
        return AckBucket.UNDER_24H
    if delay <= ACK_DELAY:
        return AckBucket.FROM_24_TO_48H
    return AckBucket.OVER_48H


def map_theme(top_label: str, sub_label: str | None) -> tuple[str, str | None]:
    """A local (top, sub) pair in the closed vocabulary; unknown labels fall back."""
    top = _TOP_BY_FOLD.get(fold(top_label))
    if top is None:
        return FALLBACK_THEME, None
    if sub_label is None:
        return top, None
    return top, _SUB_BY_FOLD.get(fold(f"{top}/{sub_label}"))


def map_orientation(label: str) -> str:
    """A local directory label in the closed vocabulary ("Autre" when unknown)."""
    return _ORIENTATION_BY_FOLD.get(fold(label), FALLBACK_ORIENTATION)


def unmapped_labels(case: Case) -> list[str]:
    """Local theme or directory labels of a case that leave under a fallback label."""
    missing = []
    for theme in case.themes:
        if theme.ref_id:  # leaves by its stable id too: the merge names it right
            continue
        sub = theme.label if theme.parent_id is not None else None
        top, mapped_sub = map_theme(theme.top_label, sub)
        if (top == FALLBACK_THEME and fold(theme.top_label) != fold(FALLBACK_THEME)) or (
            sub is not None and mapped_sub is None
        ):
            missing.append(theme.path)
    missing += [
        o.target.label
        for o in case.orientations
        if not o.target.ref_id  # a body of the référentiel also leaves by its id
        and map_orientation(o.target.label) == FALLBACK_ORIENTATION
        and fold(o.target.label) != fold(FALLBACK_ORIENTATION)
    ]
    return missing


def case_to_record(case: Case, record_id: str, followed_by: str | None = None) -> dict[str, Any]:
    """The anonymised record of one case: closed vocabularies and numbers only.

    `followed_by`: the random hotliner id (export identity) of who follows the case, so
    the coordinator's merge keeps a case shared by a pair once, under its follower.
    """
    tops: set[str] = set()
    subs: set[str] = set()
    for theme in case.themes:
        sub = theme.label if theme.parent_id is not None else None
        top, mapped_sub = map_theme(theme.top_label, sub)
        tops.add(top)
        if mapped_sub is not None:
            subs.add(mapped_sub)
    orientations = {map_orientation(o.target.label) for o in case.orientations}
    delay = None if case.acknowledged_at is None else case.acknowledged_at - case.received_at
    booked = sum(a.status is AppointmentStatus.BOOKED for a in case.appointments)
    satisfaction = case.satisfaction if case.satisfaction in (1, 2, 3, 4, 5) else None
    record = {
        "id": record_id,
        "month": str(Month.of(case.received_at)),
        "urgent": bool(case.urgent),
        "status": str(case.status),
        "themes": [t for t in TOP_THEMES if t in tops],
        "sub_themes": [s for s in SUB_THEMES if s in subs],
        "orientations": [o for o in ORIENTATIONS if o in orientations],
        "national_referral": bool(case.referred_nationally),
        "ack_delay": str(ack_bucket(delay)),
        "appointments": min(booked, MAX_APPOINTMENTS),
        "call_held": case.call_held_at is not None,
        "calls": min(case.calls_held, MAX_APPOINTMENTS),
        "call_delay": str(call_band(hours_to_call(case.received_at, case.call_held_at))),
        "drop_reason": str(case.drop_reason or DropReason.UNSPECIFIED)
        if case.status is Status.DROPPED
        else None,
        "questionnaire_sent": case.questionnaire_sent_at is not None,
        "satisfaction": satisfaction,
    }
    if followed_by:
        record["followed_by"] = followed_by
    return record


def record_calls(record: dict[str, Any]) -> int:
    """Calls held of a record; a file written before issue 19 says only whether one was."""
    calls = record.get("calls")
    return int(record["call_held"]) if calls is None else int(calls)


def canonical_json(value: Any) -> bytes:
    """Canonical JSON: sorted keys, no spaces, UTF-8 (non-ASCII characters as they are)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode(
        "utf-8"
    )


def signed_content(document: dict[str, Any]) -> bytes:
    """What the signature covers: the whole document but its `signature`, canonical JSON."""
    return canonical_json({k: v for k, v in document.items() if k != "signature"})


def sort_records(records: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Records by month then id: the same cases always give the same file content."""
    return sorted(records, key=lambda r: (r["month"], r["id"]))
