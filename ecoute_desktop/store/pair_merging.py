"""Merging a partner's state into this base, in the caller's one write transaction.

The rules are `domain/pair_merge.py`; this module loads the shadow, applies the rules
field by field, writes the winners (`store/pair_writing.py`), applies tombstones,
replays the workflow of each case from its merged status events and keeps the
concurrent edits that lost. Re-importing any file changes nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import sqlcipher3

from ecoute_desktop.domain.hlc import Stamp, millis
from ecoute_desktop.domain.pair_merge import Entry, EventFacts, merge_entry, replay
from ecoute_desktop.domain.workflow import Status, drop_reason_of
from ecoute_desktop.store import pair_writing as writing
from ecoute_desktop.store.pair_records import KINDS, Record, canonical, read_records
from ecoute_desktop.store.pair_shadow import (
    Conflict,
    Outgoing,
    add_conflicts,
    add_tombstones,
    known_records,
    load_entries,
    remember_record,
    save_entry,
    stamp_and_entries,
    tombstones,
)
from ecoute_desktop.store.search import reindex_case
from ecoute_desktop.store.timestamps import from_db, to_db

# Fields whose concurrent edits are kept and shown (the workflow's are replayed instead).
SHOWN_CONFLICTS = frozenset(
    {
        "received_at",
        "urgent",
        "hotliner",
        "satisfaction",
        "themes",
        "orientations",
        "member.nom",
        "member.prenom",
        "member.fonction",
        "member.collectivite",
        "member.telephone",
        "member.email",
        "body",
        "starts_at",
        "ends_at",
        "who_calls",
    }
)


@dataclass(slots=True)
class Merged:
    """What an import brought (the French summary is made of it)."""

    cases: int = 0
    notes: int = 0
    appointments: int = 0
    events: int = 0
    erased: int = 0
    changed_cases: set[str] = field(default_factory=set)
    conflicts: int = 0


def merge(conn: sqlcipher3.Connection, remote: Outgoing, now: datetime, sender: str = "") -> Merged:
    """Merge `remote` (a partner's stamped state, sent by `sender`) into the base."""
    local, entries = stamp_and_entries(conn, now)
    if sender:
        writing.adopt_partner(conn, sender)
    add_tombstones(conn, [(g, k, at) for (g, k), at in remote.tombstones.items()])
    stones = tombstones(conn)
    deleted = {g for g, k in stones if k == "deleted"}
    erased = {g: at for (g, k), at in stones.items() if k == "erased"}
    result = Merged()
    if _bury(conn, local, stones, result):  # before the fields: tombstones win
        local = read_records(conn)
        entries = load_entries(conn)
    known = known_records(conn)
    names = dict(conn.execute("SELECT gid, trim(prenom || ' ' || nom) FROM hotliners"))
    found: list[Conflict] = []
    winners: dict[str, dict[str, object]] = {}
    for (gid, name), theirs in sorted(remote.entries.items()):
        record = remote.records.get(gid)
        if record is None or gid in deleted or _dropped(record, deleted, erased):
            continue
        if record.kind == "case" and name.startswith("member.") and _before(theirs, erased, gid):
            continue  # the member's data from before the erasure never comes back
        outcome = merge_entry(entries.get((gid, name)), theirs)
        if outcome.entry != entries.get((gid, name)):
            save_entry(conn, gid, name, outcome.entry)
        mine = local.get(gid)
        if outcome.remote_wins and (
            mine is None or canonical(mine.fields.get(name)) != canonical(record.fields[name])
        ):
            winners.setdefault(gid, {})[name] = record.fields[name]
        case_gid = gid if record.kind == "case" else record.parent
        if outcome.loser is not None and name in SHOWN_CONFLICTS and case_gid not in erased:
            lost = (
                record.fields[name]
                if outcome.remote_wins is False
                else (mine.fields.get(name) if mine else None)
            )
            author = outcome.loser.author
            found.append(
                Conflict(
                    str(case_gid),
                    name,
                    canonical(lost),
                    author,
                    names.get(author, ""),
                    outcome.loser.hlc,
                )
            )
    touched: set[int] = set()
    for kind in KINDS:
        for gid, fields in winners.items():
            record = remote.records[gid]
            if record.kind != kind:
                continue
            if gid not in known:
                remember_record(conn, gid, kind, record.parent)
            _write(conn, gid, record, fields, erased, result, touched, new=gid not in local)
    for gid in sorted(set(erased) & (set(winners) - set(local))):  # new here, erased there:
        writing.mark_erased(conn, gid, erased[gid])  # what came was already filtered
    cases_in_file = {g for g, r in remote.records.items() if r.kind == "case"} - deleted
    for gid in sorted(cases_in_file):
        case_id = writing.case_id(conn, gid)
        if case_id is not None and _replay_status(conn, case_id):
            touched.add(case_id)
    for case_id in touched:
        reindex_case(conn, case_id)
    fresh = [c for c in remote.conflicts if c.case_gid not in erased]
    add_conflicts(conn, [*found, *fresh])
    result.conflicts = len(found)
    return result


def _bury(
    conn: sqlcipher3.Connection,
    present: dict[str, Record],
    stones: dict[tuple[str, str], str],
    result: Merged,
) -> bool:
    """Delete what a tombstone says is deleted, erase what it says is erased; any?"""
    done = False
    for (gid, kind), at in sorted(stones.items()):
        if gid not in present:
            continue
        if kind == "deleted":
            writing.delete_record(conn, present[gid].kind, gid)
            result.changed_cases.add(gid)
            done = True
        elif kind == "erased" and writing.erase_case(conn, gid, at):
            result.erased += 1
            done = True
    return done


def _dropped(record: Record, deleted: set[str], erased: dict[str, str]) -> bool:
    """Tombstones win: nothing of a deleted case, no note written before the erasure."""
    if record.kind in ("event", "note", "appointment") and record.parent in deleted:
        return True
    if record.kind != "note" or record.parent not in erased:
        return False
    return str(record.fields.get("created_at") or "") < erased[str(record.parent)]


def _before(entry: Entry, erased: dict[str, str], gid: str) -> bool:
    """A stamp older than the case's erasure (erasures are dated to the second)."""
    if gid not in erased:
        return False
    return Stamp.parse(entry.hlc).ms < millis(from_db(erased[gid]))


def _write(
    conn: sqlcipher3.Connection,
    gid: str,
    record: Record,
    fields: dict[str, object],
    erased: dict[str, str],
    result: Merged,
    touched: set[int],
    new: bool,
) -> None:
    kind = record.kind
    if kind == "person":
        writing.write_person(conn, gid, fields)
    elif kind == "agenda":
        writing.write_agenda(conn, gid, fields)
    elif kind == "case":
        touched.add(writing.write_case(conn, gid, fields))
        result.cases += new
        result.changed_cases.add(gid)
    else:
        parent = str(record.parent)
        if kind == "event":
            result.events += writing.write_event(conn, gid, parent, fields, erased.get(parent))
        elif kind == "note":
            result.notes += writing.write_note(conn, gid, parent, fields)
            owner = writing.case_id(conn, parent)
            if owner is not None:
                touched.add(owner)  # its search entry is rebuilt once, at the end
        elif kind == "appointment":
            result.appointments += writing.write_appointment(conn, gid, parent, fields)
        result.changed_cases.add(parent)


def _replay_status(conn: sqlcipher3.Connection, case_id: int) -> bool:
    """Set the case's status, reason and closing date from its merged history; changed?"""
    rows = conn.execute(
        "SELECT gid, at, from_status, to_status, reason FROM status_events WHERE case_id = ?",
        (case_id,),
    ).fetchall()
    facts = [
        EventFacts(gid, from_db(at), Status(old), Status(new), drop_reason_of(reason))
        for gid, at, old, new, reason in rows
    ]
    state = replay(facts)
    if state is None:
        return False
    values = (
        str(state.status),
        None if state.drop_reason is None else str(state.drop_reason),
        to_db(state.closed_at),
    )
    stored = conn.execute(
        "SELECT status, drop_reason, closed_at FROM cases WHERE id = ?", (case_id,)
    ).fetchone()
    if tuple(stored) == values:
        return False
    conn.execute(
        "UPDATE cases SET status = ?, drop_reason = ?, closed_at = ? WHERE id = ?",
        (*values, case_id),
    )
    return True
