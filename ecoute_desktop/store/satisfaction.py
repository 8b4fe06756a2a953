"""Persistence of questionnaire forms (their confirmed mapping), responses, answers, suggestions."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from ecoute_desktop.domain.satisfaction import Answer, FormMapping, Suggestion
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.store.database import Database
from ecoute_desktop.store.timestamps import from_db, to_db

_CHUNK = 500


@dataclass(frozen=True, slots=True)
class StoredForm:
    """A form seen before: its layout key, title and the mapping the user confirmed."""

    id: int
    layout_key: str
    title: str
    mapping: FormMapping
    confirmed: bool  # by the user (a command-line import uses the detection unconfirmed)


@dataclass(slots=True)
class NewResponse:
    """A response to record: its SID, when it was submitted, its code and what it says."""

    sid: str
    submitted_at: datetime
    code: str
    case_id: int | None
    answers: list[Answer] = field(default_factory=list)
    suggestions: list[tuple[str, str]] = field(default_factory=list)  # (question, text)


class SatisfactionRepository:
    """Forms, responses and suggestions of the satisfaction questionnaire."""

    def __init__(self, db: Database) -> None:
        self._db = db

    # ---- forms -------------------------------------------------------------
    def form(self, layout_key: str) -> StoredForm | None:
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT id, layout_key, title, mapping, confirmed_at FROM satisfaction_forms"
                " WHERE layout_key = ?",
                (layout_key,),
            ).fetchone()
        if row is None:
            return None
        return StoredForm(row[0], row[1], row[2], FormMapping.loads(row[3]), row[4] is not None)

    def save_form(
        self, layout_key: str, title: str, mapping: FormMapping, confirmed: bool = True
    ) -> int:
        """Remember the mapping of a form layout; its id. An unconfirmed mapping never
        replaces one the user confirmed."""
        stamp = to_db(utc_now()) if confirmed else None
        with self._db.write() as conn:
            conn.execute(
                "INSERT INTO satisfaction_forms (layout_key, title, mapping, confirmed_at)"
                " VALUES (?, ?, ?, ?) ON CONFLICT(layout_key) DO UPDATE SET"
                " title = excluded.title,"
                " mapping = CASE WHEN excluded.confirmed_at IS NOT NULL"
                " OR confirmed_at IS NULL THEN excluded.mapping ELSE mapping END,"
                " confirmed_at = coalesce(excluded.confirmed_at, confirmed_at)",
                (layout_key, title, mapping.dumps(), stamp),
            )
            (form_id,) = conn.execute(
                "SELECT id FROM satisfaction_forms WHERE layout_key = ?", (layout_key,)
            ).fetchone()
        return int(form_id)

    # ---- responses -----------------------------------------------------------
    def known_sids(self, layout_key: str) -> set[str]:
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT r.sid FROM satisfaction_responses r JOIN satisfaction_forms f"
                " ON f.id = r.form_id WHERE f.layout_key = ?",
                (layout_key,),
            )
            return {r[0] for r in rows}

    def cases_by_code(self, codes: Iterable[str]) -> dict[str, int]:
        """Case id of each known questionnaire code (or legacy case reference)."""
        wanted = sorted(set(codes))
        found: dict[str, int] = {}
        with self._db.read() as conn:
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                for column in ("questionnaire_code", "reference", "former_reference"):
                    rows = conn.execute(
                        f"SELECT {column}, id FROM cases WHERE {column} IN ({marks})", chunk
                    )
                    for value, case_id in rows:
                        found.setdefault(value, case_id)
        return found

    def code_of(self, case_id: int) -> str:
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT questionnaire_code FROM cases WHERE id = ?", (case_id,)
            ).fetchone()
        if row is None:
            raise KeyError(case_id)
        return str(row[0] or "")

    def add(
        self,
        layout_key: str,
        title: str,
        mapping: FormMapping,
        responses: Iterable[NewResponse],
        confirmed: bool = True,
    ) -> int:
        """Remember the form and record the responses not seen yet, in one transaction."""
        added = 0
        now = to_db(utc_now())
        with self._db.write():
            form_id = self.save_form(layout_key, title, mapping, confirmed)
            conn = self._db.conn
            for response in responses:
                cursor = conn.execute(
                    "INSERT OR IGNORE INTO satisfaction_responses (form_id, sid, submitted_at,"
                    " code, case_id, imported_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        form_id,
                        response.sid,
                        to_db(response.submitted_at),
                        response.code,
                        response.case_id,
                        now,
                    ),
                )
                if not cursor.rowcount:
                    continue
                added += 1
                response_id = cursor.lastrowid
                conn.executemany(
                    "INSERT INTO satisfaction_answers (response_id, question, scale, label)"
                    " VALUES (?, ?, ?, ?)",
                    [(response_id, a.question, a.scale, a.label) for a in response.answers],
                )
                conn.executemany(
                    "INSERT INTO satisfaction_suggestions (response_id, question, body)"
                    " VALUES (?, ?, ?)",
                    [(response_id, q, body) for q, body in response.suggestions],
                )
        return added

    def answers_between(
        self, start: datetime, end: datetime
    ) -> list[tuple[datetime, list[Answer]]]:
        """Responses submitted in [start, end) (UTC) with their answers, oldest first."""
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT r.id, r.submitted_at, a.question, a.scale, a.label"
                " FROM satisfaction_responses r"
                " LEFT JOIN satisfaction_answers a ON a.response_id = r.id"
                " WHERE r.submitted_at >= ? AND r.submitted_at < ?"
                " ORDER BY r.submitted_at, r.id, a.rowid",
                (to_db(start), to_db(end)),
            ).fetchall()
        result: dict[int, tuple[datetime, list[Answer]]] = {}
        for response_id, submitted, question, scale, label in rows:
            entry = result.setdefault(response_id, (_at(submitted), []))
            if question is not None:
                entry[1].append(Answer(question, scale, label))
        return list(result.values())

    def response_count(self) -> int:
        with self._db.read() as conn:
            return int(conn.execute("SELECT count(*) FROM satisfaction_responses").fetchone()[0])

    def suggestions(self, limit: int = 1000) -> list[Suggestion]:
        """Free-text answers, newest first."""
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT s.id, r.submitted_at, s.question, s.body FROM satisfaction_suggestions s"
                " JOIN satisfaction_responses r ON r.id = s.response_id"
                " ORDER BY r.submitted_at DESC, s.id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [Suggestion(r[0], _at(r[1]), r[2], r[3]) for r in rows]


def _at(text: str) -> datetime:
    moment = from_db(text)
    assert moment is not None
    return moment
