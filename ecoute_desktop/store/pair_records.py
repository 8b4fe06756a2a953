"""The shared state of a base as records of plain values (docs/binome.md), read from the tables.

Each record has a global id, a kind, a parent (the case of a note, event or appointment)
and fields of JSON values. `read_records` is what the pair exchange stamps, sends and
compares; `store/pair_writing.py` writes a record's winning fields back.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import sqlcipher3

from ecoute_desktop.domain.models import MEMBER_FIELDS

Value = Any  # a JSON value: str, int, None, or a list of them

CASE_COLUMNS: tuple[str, ...] = (
    "reference",
    "former_reference",
    "received_at",
    "urgent",
    "satisfaction",
    "status",
    "drop_reason",
    "acknowledged_at",
    "call_held_at",
    "questionnaire_sent_at",
    "closed_at",
    "calls_held",
    "last_call_at",
    "created_at",
    "message_key",  # the SHA-256 of the e-mail it was taken from (store/message_keys.py)
)
MEMBER_KEYS: tuple[str, ...] = tuple(f"member.{name}" for name in MEMBER_FIELDS)
EVENT_COLUMNS: tuple[str, ...] = ("at", "by_name", "from_status", "to_status", "reason", "comment")
NOTE_COLUMNS: tuple[str, ...] = ("body", "created_at", "updated_at", "author")
APPOINTMENT_COLUMNS: tuple[str, ...] = (
    "starts_at",
    "ends_at",
    "status",
    "out_of_slot",
    "sequence",
    "who_calls",
    "created_at",
)
PERSON_COLUMNS: tuple[str, ...] = ("nom", "prenom", "telephone", "email")

# The kinds, in the order a merge writes them (a case before its notes…).
KINDS: tuple[str, ...] = ("person", "agenda", "case", "event", "note", "appointment")

# What each kind carries (the file reader refuses any other field).
FIELDS: dict[str, tuple[str, ...]] = {
    "person": PERSON_COLUMNS,
    "agenda": ("slots", "absences"),
    "case": (*CASE_COLUMNS, "hotliner", *MEMBER_KEYS, "themes", "orientations"),
    "event": EVENT_COLUMNS,
    "note": NOTE_COLUMNS,
    "appointment": (*APPOINTMENT_COLUMNS, "hotliner"),
}

AGENDA_PREFIX = "agenda:"


@dataclass(slots=True)
class Record:
    """One shared record: kind, parent gid, fields, and when it was last updated (a hint
    for the clock: the change happened then, not when the exchange noticed it)."""

    kind: str
    parent: str | None
    fields: dict[str, Value] = field(default_factory=dict)
    updated_at: str | None = None


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def canonical(value: Value) -> str:
    """The one text of a value (hashes and seals are taken over it)."""
    return _ENCODER.encode(value)


def read_records(conn: sqlcipher3.Connection) -> dict[str, Record]:
    """Every shared record of the base, by global id."""
    records: dict[str, Record] = {}
    people = _people(conn)
    for gid, values in people.items():
        records[gid] = Record("person", None, values)
    _agendas(conn, records)
    _cases(conn, records, {row_id: gid for gid, row_id in _person_ids(conn).items()})
    return records


def _people(conn: sqlcipher3.Connection) -> dict[str, dict[str, Value]]:
    rows = conn.execute(
        f"SELECT gid, {', '.join(PERSON_COLUMNS)} FROM hotliners WHERE gid IS NOT NULL"
    )
    return {r[0]: dict(zip(PERSON_COLUMNS, r[1:], strict=True)) for r in rows}


def _person_ids(conn: sqlcipher3.Connection) -> dict[str, int]:
    return dict(conn.execute("SELECT gid, id FROM hotliners WHERE gid IS NOT NULL").fetchall())


def _agendas(conn: sqlcipher3.Connection, records: dict[str, Record]) -> None:
    slots: dict[str, list[Value]] = defaultdict(list)
    absences: dict[str, list[Value]] = defaultdict(list)
    for gid, *values in conn.execute(
        "SELECT h.gid, s.weekday, s.start_time, s.end_time, s.valid_from, s.valid_to"
        " FROM weekly_slots s JOIN hotliners h ON h.id = s.hotliner_id WHERE h.gid IS NOT NULL"
    ):
        slots[gid].append(values)
    for gid, *values in conn.execute(
        "SELECT coalesce(h.gid, ''), e.first_day, e.last_day, e.reason FROM slot_exceptions e"
        " LEFT JOIN hotliners h ON h.id = e.hotliner_id"
        " WHERE e.hotliner_id IS NULL OR h.gid IS NOT NULL"
    ):
        absences[gid].append(values)
    owners = {gid for (gid,) in conn.execute("SELECT gid FROM hotliners WHERE gid IS NOT NULL")}
    for owner in owners | set(slots) | set(absences) | {""}:  # "": the pair's own
        records[AGENDA_PREFIX + owner] = Record(
            "agenda",
            None,
            {
                "slots": sorted(slots.get(owner, []), key=canonical),
                "absences": sorted(absences.get(owner, []), key=canonical),
            },
        )


def _cases(conn: sqlcipher3.Connection, records: dict[str, Record], people: dict[int, str]) -> None:
    case_gids: dict[int, str] = {}
    member_columns = ", ".join(f"m.{name}" for name in MEMBER_FIELDS)
    rows = conn.execute(
        f"SELECT c.id, c.export_id, c.updated_at, c.hotliner_id,"
        f" {', '.join('c.' + c for c in CASE_COLUMNS)}, {member_columns}"
        " FROM cases c JOIN members m ON m.id = c.member_id"
    )
    width = len(CASE_COLUMNS)
    for case_id, gid, updated_at, hotliner_id, *values in rows:
        case_gids[case_id] = gid
        fields: dict[str, Value] = dict(zip(CASE_COLUMNS, values[:width], strict=True))
        fields.update(zip(MEMBER_KEYS, values[width:], strict=True))
        fields["hotliner"] = people.get(hotliner_id) if hotliner_id is not None else None
        fields["themes"] = []
        fields["orientations"] = []
        records[gid] = Record("case", None, fields, updated_at)
    for case_id, path in conn.execute(
        "SELECT ct.case_id, coalesce(p.label || '/', '') || t.label FROM case_themes ct"
        " JOIN themes t ON t.id = ct.theme_id LEFT JOIN themes p ON p.id = t.parent_id"
    ):
        records[case_gids[case_id]].fields["themes"].append(path)
    for case_id, label, at in conn.execute(  # a directory entry's details stay local
        "SELECT o.case_id, t.label, o.at FROM case_orientations o"
        " JOIN orientation_targets t ON t.id = o.target_id"
    ):
        records[case_gids[case_id]].fields["orientations"].append([label, at])
    for gid in set(case_gids.values()):
        fields = records[gid].fields
        fields["themes"] = sorted(set(fields["themes"]))
        fields["orientations"] = sorted(fields["orientations"], key=canonical)
    for case_id, gid, *values in conn.execute(
        f"SELECT case_id, gid, {', '.join(EVENT_COLUMNS)} FROM status_events"
    ):
        fields = dict(zip(EVENT_COLUMNS, values, strict=True))
        records[gid] = Record("event", case_gids[case_id], fields, fields["at"])
    for case_id, gid, *values in conn.execute(
        f"SELECT case_id, gid, {', '.join(NOTE_COLUMNS)} FROM call_notes"
    ):
        fields = dict(zip(NOTE_COLUMNS, values, strict=True))
        records[gid] = Record("note", case_gids[case_id], fields, fields["updated_at"])
    for case_id, gid, updated_at, hotliner_id, *values in conn.execute(
        f"SELECT case_id, uid, updated_at, hotliner_id, {', '.join(APPOINTMENT_COLUMNS)}"
        " FROM appointments"
    ):
        fields = dict(zip(APPOINTMENT_COLUMNS, values, strict=True))
        fields["hotliner"] = people.get(hotliner_id) if hotliner_id is not None else None
        records[gid] = Record("appointment", case_gids[case_id], fields, updated_at)
