"""Loading cases from the database in bulk: the case rows, then their tags, referrals,
history and notes, one query per table for all the cases wanted."""

from __future__ import annotations

import sqlcipher3

from ecoute_desktop.domain.models import (
    Appointment,
    AppointmentStatus,
    Case,
    Member,
    Orientation,
)
from ecoute_desktop.domain.who_calls import parse_who_calls
from ecoute_desktop.domain.workflow import (
    LEGACY_DROP_REASONS,
    DropReason,
    Status,
    StatusEvent,
)
from ecoute_desktop.store.notes import note_from_row
from ecoute_desktop.store.reference import target_from_row, theme_from_row
from ecoute_desktop.store.timestamps import from_db

CASE_COLUMNS = (
    "c.id, c.reference, c.received_at, c.urgent, c.status, c.drop_reason, c.hotliner_id,"
    " c.acknowledged_at, c.call_held_at, c.questionnaire_sent_at, c.closed_at, c.satisfaction,"
    " m.id, m.nom, m.prenom, m.fonction, m.collectivite, m.telephone, m.email,"
    " c.former_reference, c.calls_held, c.last_call_at"
)
CASE_FROM = " FROM cases c JOIN members m ON m.id = c.member_id"
# The columns `appointment_from_row` reads, in its order.
APPOINTMENT_COLUMNS = (
    "case_id, hotliner_id, starts_at, ends_at, status, out_of_slot, sequence, uid, id, who_calls"
)
_APPOINTMENT_COLUMNS_A = ", ".join(f"a.{c}" for c in APPOINTMENT_COLUMNS.split(", "))
# Enum lookups by value are slow in bulk; plain dicts are not.
_STATUS = {s.value: s for s in Status}
_REASON: dict[str, DropReason] = {
    **{r.value: r for r in DropReason},
    **LEGACY_DROP_REASONS,  # history written before issue 19 (status events never change)
}


def load_cases(
    conn: sqlcipher3.Connection, where: str, params: tuple, with_notes: bool, with_history: bool
) -> list[Case]:
    """Cases matching `where` (SQL after FROM, with its ORDER BY), fully attached."""
    cases = [
        _case_from_row(r) for r in conn.execute(f"SELECT {CASE_COLUMNS}{CASE_FROM}{where}", params)
    ]
    if cases:
        _attach(conn, {c.id: c for c in cases if c.id is not None}, with_notes, with_history)
    return cases


def appointment_from_row(row: tuple) -> Appointment:
    """An appointment from a row of `APPOINTMENT_COLUMNS`."""
    return Appointment(
        row[0],
        row[1],
        from_db(row[2]),
        from_db(row[3]),
        AppointmentStatus(row[4]),
        bool(row[5]),
        row[6],
        row[7],
        row[8],
        parse_who_calls(row[9]),
    )


def _case_from_row(row: tuple) -> Case:
    member = Member(row[13], row[14], row[15], row[16], row[17], row[18], row[12])
    return Case(
        reference=row[1],
        received_at=from_db(row[2]),
        member=member,
        urgent=bool(row[3]),
        status=_STATUS[row[4]],
        drop_reason=_REASON.get(row[5], DropReason.UNSPECIFIED) if row[5] else None,
        hotliner_id=row[6],
        acknowledged_at=from_db(row[7]),
        call_held_at=from_db(row[8]),
        questionnaire_sent_at=from_db(row[9]),
        closed_at=from_db(row[10]),
        satisfaction=row[11],
        id=row[0],
        former_reference=row[19],
        calls_held=row[20],
        last_call_at=from_db(row[21]),
    )


def _attach(
    conn: sqlcipher3.Connection, by_id: dict[int, Case], with_notes: bool, with_history: bool
) -> None:
    ids = list(by_id)
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS wanted_cases (id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM temp.wanted_cases")
    conn.executemany("INSERT INTO temp.wanted_cases VALUES (?)", ((i,) for i in ids))
    inner = " JOIN temp.wanted_cases w ON w.id = "
    for row in conn.execute(
        "SELECT ct.case_id, t.id, t.label, t.parent_id, p.label, t.retired, t.ref_id"
        " FROM case_themes ct"
        f"{inner}ct.case_id JOIN themes t ON t.id = ct.theme_id"
        " LEFT JOIN themes p ON p.id = t.parent_id ORDER BY coalesce(p.position, t.position),"
        " t.position"
    ):
        by_id[row[0]].themes.append(theme_from_row(row[1:]))
    for row in conn.execute(
        "SELECT co.case_id, co.at, o.id, o.label, o.national, o.telephone, o.email,"
        f" o.website, o.details, o.retired, o.ref_id FROM case_orientations co{inner}co.case_id"
        " JOIN orientation_targets o ON o.id = co.target_id ORDER BY co.at, co.id"
    ):
        by_id[row[0]].orientations.append(Orientation(target_from_row(row[2:]), from_db(row[1])))
    if with_history:
        _attach_history(conn, by_id, inner)
    if with_notes:
        for row in conn.execute(
            "SELECT n.id, n.case_id, n.body, n.created_at, n.updated_at FROM call_notes n"
            f"{inner}n.case_id ORDER BY n.created_at, n.id"
        ):
            by_id[row[1]].notes.append(note_from_row(row))


def _attach_history(conn: sqlcipher3.Connection, by_id: dict[int, Case], inner: str) -> None:
    """Appointments and status events (the history shown on a case page)."""
    for row in conn.execute(
        f"SELECT {_APPOINTMENT_COLUMNS_A} FROM appointments a{inner}a.case_id ORDER BY a.starts_at"
    ):
        by_id[row[0]].appointments.append(appointment_from_row(row))
    for row in conn.execute(
        "SELECT e.case_id, e.at, e.by_name, e.from_status, e.to_status, e.reason, e.comment"
        f" FROM status_events e{inner}e.case_id ORDER BY e.at, e.id"
    ):
        by_id[row[0]].events.append(
            StatusEvent(
                from_db(row[1]),
                row[2],
                _STATUS[row[3]],
                _STATUS[row[4]],
                _REASON.get(row[5], DropReason.UNSPECIFIED) if row[5] else None,
                row[6],
            )
        )
