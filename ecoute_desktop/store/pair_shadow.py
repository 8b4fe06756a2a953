"""The pair link and the shadow of the shared state: stamps, tombstones, concurrent edits.

`stamp()` compares the tables with the shadow and gives every changed field a new HLC
stamp (docs/binome.md); `outgoing()` is the stamped state a file carries. The shadow
holds hashes of values, never the values: personal data is not copied.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import sqlcipher3

from ecoute_desktop.domain.hlc import ZERO, Clock, Stamp
from ecoute_desktop.domain.pair_merge import Entry, stamped
from ecoute_desktop.store.pair_records import Record, Value, canonical, read_records
from ecoute_desktop.store.timestamps import from_db, to_db

# Kinds that are never deleted for good: a hotliner's agenda emptied stays a record.
UNDYING = frozenset({"person", "agenda"})


def value_hash(value: Value) -> str:
    """A short digest of a value (the shadow keeps it instead of the value)."""
    if isinstance(value, str):  # most fields: tagged, so "1" and 1 differ
        text = "s" + value
    elif value is None:
        text = "n"
    elif isinstance(value, int) and not isinstance(value, bool):
        text = f"i{value}"
    else:
        text = "j" + canonical(value)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Link:
    """This base's side of the pair: the key (None when not linked) and the local bits."""

    pair_key: bytes | None
    partner_gid: str | None
    linked_at: datetime | None
    clock: Stamp
    folder: str
    last_exchange_at: datetime | None


@dataclass(frozen=True, slots=True)
class Conflict:
    """A concurrent edit that lost, kept in the case's history."""

    case_gid: str
    field: str
    value: str  # canonical JSON of the losing value
    author: str
    author_name: str
    hlc: str


@dataclass(slots=True)
class Outgoing:
    """What a file carries: the records with their stamped fields, tombstones, conflicts."""

    records: dict[str, Record]
    entries: dict[tuple[str, str], Entry]
    tombstones: dict[tuple[str, str], str]
    conflicts: list[Conflict]


def read_link(conn: sqlcipher3.Connection) -> Link:
    row = conn.execute(
        "SELECT pair_key, partner_gid, linked_at, hlc, folder, last_exchange_at"
        " FROM pair_link WHERE id = 1"
    ).fetchone()
    key, partner, linked, hlc, folder, last = row
    return Link(
        None if key is None else bytes(key),
        partner,
        from_db(linked),
        Stamp.parse(hlc) if hlc else ZERO,
        folder,
        from_db(last),
    )


def write_link(conn: sqlcipher3.Connection, **values: object) -> None:
    """Set columns of the one `pair_link` row (pair_key, partner_gid, linked_at…)."""
    for column, value in values.items():
        if isinstance(value, datetime):
            value = to_db(value)
        conn.execute(f"UPDATE pair_link SET {column} = ? WHERE id = 1", (value,))


def self_gid(conn: sqlcipher3.Connection) -> str:
    (gid,) = conn.execute("SELECT hotliner_id FROM export_identity WHERE id = 1").fetchone()
    return str(gid)


def load_entries(conn: sqlcipher3.Connection) -> dict[tuple[str, str], Entry]:
    rows = conn.execute("SELECT gid, field, hash, hlc, author, seen FROM sync_fields")
    parsed: dict[str, dict[str, str]] = {}  # fields stamped together share their marks
    entries = {}
    for g, f, h, s, a, seen in rows:
        marks = parsed.get(seen)
        if marks is None:
            marks = parsed[seen] = json.loads(seen)
        entries[(g, f)] = Entry(h, s, a, marks)
    return entries


def save_entry(conn: sqlcipher3.Connection, gid: str, field: str, entry: Entry) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO sync_fields (gid, field, hash, hlc, author, seen)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (gid, field, entry.hash, entry.hlc, entry.author, json.dumps(entry.seen, sort_keys=True)),
    )


def known_records(conn: sqlcipher3.Connection) -> dict[str, tuple[str, str | None]]:
    return {g: (k, p) for g, k, p in conn.execute("SELECT gid, kind, parent FROM sync_records")}


def remember_record(conn: sqlcipher3.Connection, gid: str, kind: str, parent: str | None) -> None:
    conn.execute(
        "INSERT OR IGNORE INTO sync_records (gid, kind, parent) VALUES (?, ?, ?)",
        (gid, kind, parent),
    )


def tombstones(conn: sqlcipher3.Connection) -> dict[tuple[str, str], str]:
    return {(g, k): at for g, k, at in conn.execute("SELECT gid, kind, at FROM sync_tombstones")}


def add_tombstones(conn: sqlcipher3.Connection, stones: Iterable[tuple[str, str, str]]) -> None:
    """Union; an erasure made on both laptops is dated by the first (the same on both)."""
    conn.executemany(
        "INSERT INTO sync_tombstones (gid, kind, at) VALUES (?, ?, ?)"
        " ON CONFLICT (gid, kind) DO UPDATE SET at = min(at, excluded.at)",
        stones,
    )


def conflicts(conn: sqlcipher3.Connection, case_gid: str | None = None) -> list[Conflict]:
    where, params = ("WHERE case_gid = ?", (case_gid,)) if case_gid else ("", ())
    rows = conn.execute(
        "SELECT case_gid, field, value, author, author_name, hlc FROM sync_conflicts"
        f" {where} ORDER BY hlc, field",
        params,
    )
    return [Conflict(*row) for row in rows]


def add_conflicts(conn: sqlcipher3.Connection, found: Iterable[Conflict]) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO sync_conflicts (case_gid, field, value, author, author_name, hlc)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(c.case_gid, c.field, c.value, c.author, c.author_name, c.hlc) for c in found],
    )


def _hint(record: Record, now: datetime) -> datetime:
    """When the change happened, as far as the row says (never in the future)."""
    if record.updated_at:
        try:
            return min(now, from_db(record.updated_at))
        except ValueError:
            return now
    return now


def stamp(conn: sqlcipher3.Connection, now: datetime) -> dict[str, Record]:
    """Stamp every field changed since the last pass; tombstone every record gone.

    Run inside the caller's write transaction; returns the records read.
    """
    return _stamp(conn, now)[0]


def stamp_and_entries(
    conn: sqlcipher3.Connection, now: datetime
) -> tuple[dict[str, Record], dict[tuple[str, str], Entry]]:
    """`stamp()`, with the shadow's entries as they now stand."""
    return _stamp(conn, now)


def _stamp(
    conn: sqlcipher3.Connection, now: datetime
) -> tuple[dict[str, Record], dict[tuple[str, str], Entry]]:
    me = self_gid(conn)
    clock = Clock(read_link(conn).clock)
    current = read_records(conn)
    entries = load_entries(conn)
    known = known_records(conn)
    for gid, record in current.items():
        if gid not in known:
            remember_record(conn, gid, record.kind, record.parent)
        hlc = ""  # one stamp for the fields of a record changed together
        for field, value in record.fields.items():
            digest = value_hash(value)
            previous = entries.get((gid, field))
            if previous is None or previous.hash != digest:
                hlc = hlc or clock.tick(_hint(record, now)).text()
                entries[(gid, field)] = stamped(previous, digest, hlc, me)
                save_entry(conn, gid, field, entries[(gid, field)])
    gone = [
        (gid, "deleted", to_db(now))
        for gid, (kind, _) in known.items()
        if gid not in current and kind not in UNDYING
    ]
    add_tombstones(conn, gone)
    conn.executemany("DELETE FROM sync_fields WHERE gid = ?", [(g,) for g, _, _ in gone])
    write_link(conn, hlc=clock.value.text())
    dropped = {g for g, _, _ in gone}
    return current, {k: e for k, e in entries.items() if k[0] not in dropped}


def outgoing(conn: sqlcipher3.Connection, now: datetime) -> Outgoing:
    """Stamp, then the state a file carries (inside the caller's write transaction)."""
    records, entries = _stamp(conn, now)
    return Outgoing(records, entries, tombstones(conn), conflicts(conn))
