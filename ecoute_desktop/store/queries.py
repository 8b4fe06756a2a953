"""Read-only rows for lists and dashboards (case summaries, upcoming appointments), no Qt."""

from __future__ import annotations

from datetime import datetime

from ecoute_desktop.domain.case_rows import AppointmentRow, CaseFilter, CaseSummary
from ecoute_desktop.domain.cohort_counts import CohortCounts
from ecoute_desktop.domain.month import Month
from ecoute_desktop.domain.who_calls import parse_who_calls
from ecoute_desktop.domain.workflow import Status
from ecoute_desktop.store.cohort_queries import cohort_counts
from ecoute_desktop.store.database import Database
from ecoute_desktop.store.timestamps import from_db, to_db

__all__ = ["AppointmentRow", "CaseFilter", "CaseQueries", "CaseSummary"]

_SUMMARY_SQL = """
    SELECT c.id, c.reference, c.received_at, c.status, c.urgent, c.hotliner_id,
           c.acknowledged_at, c.call_held_at, c.closed_at,
           m.nom, m.prenom, m.collectivite, m.telephone, m.email,
           (SELECT group_concat(ct.theme_id) FROM case_themes ct WHERE ct.case_id = c.id),
           upcoming.starts_at, c.last_call_at
    FROM cases c JOIN members m ON m.id = c.member_id
    -- next booked call per case, aggregated once: a correlated subquery walked every
    -- upcoming appointment for every case (2 s on 10,000 cases with a full agenda)
    LEFT JOIN (SELECT a.case_id, min(a.starts_at) AS starts_at FROM appointments a
                WHERE a.status = 'fixé' AND a.starts_at >= ? GROUP BY a.case_id) upcoming
           ON upcoming.case_id = c.id
"""


def _summary(row: tuple) -> CaseSummary:
    received = from_db(row[2])
    themes = frozenset(int(t) for t in row[14].split(",")) if row[14] else frozenset()
    return CaseSummary(
        id=row[0],
        reference=row[1],
        received_at=received,
        status=Status(row[3]),
        urgent=bool(row[4]),
        hotliner_id=row[5],
        acknowledged_at=from_db(row[6]),
        call_held_at=from_db(row[7]),
        closed_at=from_db(row[8]),
        nom=row[9],
        prenom=row[10],
        collectivite=row[11],
        telephone=row[12],
        email=row[13],
        theme_ids=themes,
        next_appointment=from_db(row[15]),
        month=str(Month.of(received)),
        last_call_at=from_db(row[16]),
    )


class CaseQueries:
    """Summaries for the GUI's lists; filtering happens on these plain rows."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def summaries(
        self, now: datetime, where_status: tuple[Status, ...] = (), limit: int | None = None
    ) -> list[CaseSummary]:
        """Every case (or those in the given states), newest first; the `limit` newest."""
        sql = _SUMMARY_SQL
        params: list[str | int] = [to_db(now)]
        if where_status:
            sql += f" WHERE c.status IN ({','.join('?' * len(where_status))})"
            params += [str(s) for s in where_status]
        sql += " ORDER BY c.received_at DESC, c.id DESC"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        with self._db.read() as conn:
            return [_summary(r) for r in conn.execute(sql, params)]

    def summary(self, case_id: int, now: datetime) -> CaseSummary | None:
        with self._db.read() as conn:
            row = conn.execute(_SUMMARY_SQL + " WHERE c.id = ?", (to_db(now), case_id)).fetchone()
        return None if row is None else _summary(row)

    def appointments_between(self, start: datetime, end: datetime) -> list[AppointmentRow]:
        """Booked appointments starting in [start, end), soonest first."""
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT a.id, c.id, c.reference, a.starts_at, a.ends_at, m.prenom, m.nom,"
                " m.telephone, c.urgent, a.who_calls, coalesce(h.telephone, (SELECT"
                " s.telephone FROM hotliners s WHERE s.is_self = 1 ORDER BY s.id LIMIT 1), '')"
                " FROM appointments a JOIN cases c ON c.id = a.case_id"
                " JOIN members m ON m.id = c.member_id"
                " LEFT JOIN hotliners h ON h.id = a.hotliner_id WHERE a.status = 'fixé'"
                " AND a.starts_at >= ? AND a.starts_at < ? ORDER BY a.starts_at",
                (to_db(start), to_db(end)),
            ).fetchall()
        return [
            AppointmentRow(
                r[0],
                r[1],
                r[2],
                from_db(r[3]),
                from_db(r[4]),
                " ".join(p for p in (r[5], r[6].upper()) if p),
                r[7],
                bool(r[8]),
                parse_who_calls(r[9]),
                r[10],
            )
            for r in rows
        ]

    def cohort_counts(self, start: datetime, end: datetime) -> CohortCounts:
        """The counts of the cases received in [start, end), added up by the database."""
        with self._db.read() as conn:
            return cohort_counts(conn, start, end)

    def received_instants(self, start: datetime, end: datetime) -> list[datetime]:
        """When each case received in [start, end) arrived (UTC)."""
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT received_at FROM cases WHERE received_at >= ? AND received_at < ?",
                (to_db(start), to_db(end)),
            ).fetchall()
        return [from_db(row[0]) for row in rows]

    def months(self) -> list[str]:
        """`YYYY-MM` of every month with a request, newest first (Paris time)."""
        with self._db.read() as conn:
            rows = conn.execute("SELECT received_at FROM cases").fetchall()
        months = {Month.of(from_db(r[0])) for r in rows}
        return [str(month) for month in sorted(months, reverse=True)]
