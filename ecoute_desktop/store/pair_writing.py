"""Writing the winning fields of a merge back into the tables (docs/binome.md).

Only the store writes SQL: the merge (`services/binome/merging.py`) decides which fields
of which record won, and hands them here with the whole remote record for records that
are new. Taxonomy entries are matched by label and created when missing.
"""

from __future__ import annotations

import secrets
from typing import Any

import sqlcipher3

from ecoute_desktop.domain.models import label_says_national
from ecoute_desktop.domain.timeutil import as_paris, utc_now
from ecoute_desktop.store.cases import next_reference
from ecoute_desktop.store.pair_records import (
    AGENDA_PREFIX,
    APPOINTMENT_COLUMNS,
    CASE_COLUMNS,
    EVENT_COLUMNS,
    MEMBER_KEYS,
    NOTE_COLUMNS,
    PERSON_COLUMNS,
)
from ecoute_desktop.store.questionnaire_codes import free_code
from ecoute_desktop.store.retention import erase_case_rows
from ecoute_desktop.store.search import reindex_case
from ecoute_desktop.store.timestamps import from_db, to_db

Fields = dict[str, Any]


def _id(conn: sqlcipher3.Connection, sql: str, key: object) -> int | None:
    row = conn.execute(sql, (key,)).fetchone()
    return None if row is None else int(row[0])


def case_id(conn: sqlcipher3.Connection, gid: str | None) -> int | None:
    return _id(conn, "SELECT id FROM cases WHERE export_id = ?", gid)


def person_id(conn: sqlcipher3.Connection, gid: str | None) -> int | None:
    if not gid:
        return None
    return _id(conn, "SELECT id FROM hotliners WHERE gid = ?", gid)


def write_person(conn: sqlcipher3.Connection, gid: str, fields: Fields) -> None:
    known = person_id(conn, gid)
    if known is None:
        conn.execute("INSERT INTO hotliners (nom, gid) VALUES ('', ?)", (gid,))
        known = person_id(conn, gid)
    for name in PERSON_COLUMNS:
        if name in fields:
            conn.execute(f"UPDATE hotliners SET {name} = ? WHERE id = ?", (fields[name], known))


def write_agenda(conn: sqlcipher3.Connection, gid: str, fields: Fields) -> None:
    owner_gid = gid.removeprefix(AGENDA_PREFIX)
    owner = person_id(conn, owner_gid)
    if owner_gid and owner is None:
        return  # a hotliner this base does not know: nothing to attach the slots to
    if "slots" in fields and owner is not None:
        conn.execute("DELETE FROM weekly_slots WHERE hotliner_id = ?", (owner,))
        conn.executemany(
            "INSERT INTO weekly_slots (hotliner_id, weekday, start_time, end_time, valid_from,"
            " valid_to) VALUES (?, ?, ?, ?, ?, ?)",
            [(owner, *slot) for slot in fields["slots"]],
        )
    if "absences" in fields:
        conn.execute("DELETE FROM slot_exceptions WHERE hotliner_id IS ?", (owner,))
        conn.executemany(
            "INSERT INTO slot_exceptions (hotliner_id, first_day, last_day, reason)"
            " VALUES (?, ?, ?, ?)",
            [(owner, *absence) for absence in fields["absences"]],
        )


def write_case(conn: sqlcipher3.Connection, gid: str, fields: Fields) -> int:
    """Create or update the case `gid` with `fields`; its row id."""
    known = case_id(conn, gid)
    if known is None:
        known = _new_case(conn, gid, fields)
    now = to_db(utc_now())
    columns = {name: fields[name] for name in CASE_COLUMNS if name in fields}
    columns.pop("reference", None)  # a case keeps the reference it was received with
    if "hotliner" in fields:
        columns["hotliner_id"] = person_id(conn, fields["hotliner"])
    columns["updated_at"] = now
    _update(conn, "cases", columns, "id = ?", known)
    member = {k.removeprefix("member."): fields[k] for k in MEMBER_KEYS if k in fields}
    _update(conn, "members", member, "id = (SELECT member_id FROM cases WHERE id = ?)", known)
    if "themes" in fields:
        conn.execute("DELETE FROM case_themes WHERE case_id = ?", (known,))
        for path in fields["themes"]:
            conn.execute(
                "INSERT OR IGNORE INTO case_themes (case_id, theme_id) VALUES (?, ?)",
                (known, _theme(conn, path)),
            )
    if "orientations" in fields:
        conn.execute("DELETE FROM case_orientations WHERE case_id = ?", (known,))
        for label, at in fields["orientations"]:
            conn.execute(
                "INSERT INTO case_orientations (case_id, target_id, at) VALUES (?, ?, ?)",
                (known, _target(conn, label), at),
            )
    return known


def _update(
    conn: sqlcipher3.Connection, table: str, values: Fields, where: str, key: object
) -> None:
    """One UPDATE of the given columns (their names come from this module, never a file)."""
    if values:
        assignments = ", ".join(f"{name} = ?" for name in values)
        conn.execute(f"UPDATE {table} SET {assignments} WHERE {where}", (*values.values(), key))


def _new_case(conn: sqlcipher3.Connection, gid: str, fields: Fields) -> int:
    reference = str(fields.get("reference") or "")
    taken = conn.execute("SELECT 1 FROM cases WHERE reference = ?", (reference,)).fetchone()
    if taken or not reference:  # two laptops with the same letter: a number of ours
        reference = next_reference(conn, as_paris(from_db(fields["received_at"])).year)
    member = conn.execute("INSERT INTO members (nom) VALUES ('')")
    now = to_db(utc_now())
    cursor = conn.execute(
        "INSERT INTO cases (reference, member_id, received_at, status, export_id, created_at,"
        " updated_at, questionnaire_code) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            reference,
            member.lastrowid,
            fields["received_at"],
            fields["status"],
            gid,
            fields.get("created_at") or now,
            now,
            free_code(conn),
        ),
    )
    return int(cursor.lastrowid)


def _theme(conn: sqlcipher3.Connection, path: str) -> int:
    parent_label, _, label = path.rpartition("/")
    parent: int | None = None
    if parent_label:
        parent = _id(
            conn, "SELECT id FROM themes WHERE label = ? AND parent_id IS NULL", parent_label
        )
        if parent is None:
            parent = conn.execute(
                "INSERT INTO themes (label, position) VALUES (?, 1000)", (parent_label,)
            ).lastrowid
    row = conn.execute(
        "SELECT id FROM themes WHERE label = ? AND parent_id IS ?", (label, parent)
    ).fetchone()
    if row is not None:
        return int(row[0])
    return int(
        conn.execute(
            "INSERT INTO themes (label, parent_id, position) VALUES (?, ?, 1000)", (label, parent)
        ).lastrowid
    )


def _target(conn: sqlcipher3.Connection, label: str) -> int:
    known = _id(conn, "SELECT id FROM orientation_targets WHERE label = ?", label)
    if known is not None:
        return known
    return int(
        conn.execute(
            "INSERT INTO orientation_targets (label, national, position) VALUES (?, ?, 1000)",
            (label, int(label_says_national(label))),
        ).lastrowid
    )


def write_event(
    conn: sqlcipher3.Connection, gid: str, parent: str, fields: Fields, erased_at: str | None
) -> bool:
    """Add the status event `gid` (history rows are never updated: a changed comment is
    written as the same row again). A comment from before the member's erasure
    (`erased_at`) is not written. True when the event is new."""
    owner = case_id(conn, parent)
    if owner is None:
        return False
    row = conn.execute(
        f"SELECT id, {', '.join(EVENT_COLUMNS)} FROM status_events WHERE gid = ?", (gid,)
    ).fetchone()
    values = dict(fields) if row is None else {**dict(zip(EVENT_COLUMNS, row[1:], strict=True))}
    if row is not None:
        if "comment" not in fields or fields["comment"] == values["comment"]:
            return False
        values["comment"] = fields["comment"]
    if erased_at is not None and str(values["at"]) < erased_at:
        values["comment"] = ""
    if row is not None:
        conn.execute("DELETE FROM status_events WHERE id = ?", (row[0],))
    _insert_event(conn, None if row is None else row[0], owner, gid, values)
    return row is None


def _insert_event(
    conn: sqlcipher3.Connection, row_id: int | None, owner: int, gid: str, values: Fields
) -> None:
    conn.execute(
        f"INSERT INTO status_events (id, case_id, gid, {', '.join(EVENT_COLUMNS)})"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (row_id, owner, gid, *(values[name] for name in EVENT_COLUMNS)),
    )


def write_note(conn: sqlcipher3.Connection, gid: str, parent: str, fields: Fields) -> bool:
    """Create or update the note `gid`; True when it is new (the caller reindexes its case)."""
    owner = case_id(conn, parent)
    if owner is None:
        return False
    row = conn.execute("SELECT id FROM call_notes WHERE gid = ?", (gid,)).fetchone()
    if row is None:
        conn.execute(
            "INSERT INTO call_notes (case_id, gid, body, created_at, updated_at, author)"
            " VALUES (?, ?, '', '', '', '')",
            (owner, gid),
        )
    _update(conn, "call_notes", {n: fields[n] for n in NOTE_COLUMNS if n in fields}, "gid = ?", gid)
    return row is None


def write_appointment(conn: sqlcipher3.Connection, gid: str, parent: str, fields: Fields) -> bool:
    """Create or update the appointment whose UID is `gid`; True when it is new."""
    owner = case_id(conn, parent)
    if owner is None:
        return False
    row = conn.execute("SELECT id FROM appointments WHERE uid = ?", (gid,)).fetchone()
    if row is None:
        conn.execute(
            "INSERT INTO appointments (case_id, starts_at, ends_at, status, uid, created_at,"
            " updated_at) VALUES (?, '', '', '', ?, '', '')",
            (owner, gid),
        )
    columns = {name: fields[name] for name in APPOINTMENT_COLUMNS if name in fields}
    if "hotliner" in fields:
        columns["hotliner_id"] = person_id(conn, fields["hotliner"])
    columns["updated_at"] = to_db(utc_now())
    _update(conn, "appointments", columns, "uid = ?", gid)
    return row is None


def delete_record(conn: sqlcipher3.Connection, kind: str, gid: str) -> None:
    """A record the partner deleted (a tombstone): gone here too."""
    if kind == "case":
        known = case_id(conn, gid)
        if known is not None:
            (member,) = conn.execute(
                "SELECT member_id FROM cases WHERE id = ?", (known,)
            ).fetchone()
            conn.execute("DELETE FROM case_search WHERE rowid = ?", (known,))
            conn.execute("DELETE FROM cases WHERE id = ?", (known,))
            conn.execute("DELETE FROM members WHERE id = ?", (member,))
    elif kind == "event":
        conn.execute("DELETE FROM status_events WHERE gid = ?", (gid,))
    elif kind == "note":
        conn.execute("DELETE FROM call_notes WHERE gid = ?", (gid,))
    elif kind == "appointment":
        conn.execute("DELETE FROM appointments WHERE uid = ?", (gid,))


def erase_case(conn: sqlcipher3.Connection, gid: str, at: str) -> bool:
    """The partner erased this member (or purged the case): erased here too, once."""
    known = case_id(conn, gid)
    if known is None:
        return False
    (purged,) = conn.execute("SELECT purged_at FROM cases WHERE id = ?", (known,)).fetchone()
    if purged is not None:
        return False
    erase_case_rows(conn, known, at, from_partner=True)
    reindex_case(conn, known)
    return True


def adopt_partner(conn: sqlcipher3.Connection, sender: str) -> None:
    """The partner entered by hand (Paramètres) becomes the sender of the first file."""
    if conn.execute("SELECT 1 FROM hotliners WHERE gid = ?", (sender,)).fetchone():
        return
    row = conn.execute(
        "SELECT h.id FROM binomes b JOIN hotliners h ON h.id IN (b.first_id, b.second_id)"
        " WHERE h.is_self = 0 AND h.gid IS NULL LIMIT 1"
    ).fetchone()
    if row is not None:
        conn.execute("UPDATE hotliners SET gid = ? WHERE id = ?", (sender, row[0]))


def mark_erased(conn: sqlcipher3.Connection, gid: str, at: str) -> None:
    """A case first received already erased: nothing to blank, only the mark."""
    conn.execute("UPDATE cases SET purged_at = ? WHERE export_id = ?", (at, gid))


def new_gid() -> str:
    return secrets.token_hex(16)
