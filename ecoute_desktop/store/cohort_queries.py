"""The counts of a cohort of cases, added up by the database (indicators and reports).

The cases received in [start, end) are counted with a few aggregate queries over the
`cases_by_received` index: no case, member or theme object is built, so the cost follows
the cohort, not the base. Delays are whole seconds computed from the stored UTC text
(stored to the second), so the 48-hour boundary is compared exactly.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import sqlcipher3

from ecoute_desktop.domain.cohort_counts import CohortCounts
from ecoute_desktop.domain.workflow import LEGACY_DROP_REASONS, DropReason, Status
from ecoute_desktop.store.timestamps import to_db

# A case classed as the copy of a request taken on both laptops is no request.
_IN_COHORT = (
    "c.received_at >= ? AND c.received_at < ?"
    f" AND NOT (c.status = '{Status.DROPPED.value}'"
    f" AND coalesce(c.drop_reason, '') = '{DropReason.DUPLICATE.value}')"
)
_SECONDS = "CAST(strftime('%s', {0}) AS INTEGER) - CAST(strftime('%s', c.received_at) AS INTEGER)"
_TOTALS = f"""
    SELECT count(*), total(c.urgent), total(c.calls_held), total(c.calls_held > 0),
           count(c.questionnaire_sent_at),
           total(c.closed_at IS NOT NULL AND c.status = '{Status.CLOSED.value}')
    FROM cases c WHERE {_IN_COHORT}
"""
_DELAY = "SELECT {0} FROM cases c WHERE " + _IN_COHORT + " AND {1} IS NOT NULL"
_ACK_DELAYS = _DELAY.format(_SECONDS.format("c.acknowledged_at"), "c.acknowledged_at")
_CALL_DELAYS = _DELAY.format(_SECONDS.format("c.call_held_at"), "c.call_held_at")
_DROPPED = f"""
    SELECT c.drop_reason, count(*) FROM cases c
    WHERE {_IN_COHORT} AND c.status = '{Status.DROPPED.value}' AND c.call_held_at IS NULL
    GROUP BY c.drop_reason
"""
_SCORES = f"SELECT c.satisfaction, count(*) FROM cases c WHERE {_IN_COHORT} GROUP BY 1"
_THEMES = f"""
    SELECT p.label, t.label, count(DISTINCT ct.case_id)
    FROM cases c JOIN case_themes ct ON ct.case_id = c.id JOIN themes t ON t.id = ct.theme_id
    LEFT JOIN themes p ON p.id = t.parent_id
    WHERE {_IN_COHORT} GROUP BY p.label, t.label
"""
_TOPS = f"""
    SELECT coalesce(p.label, t.label), count(DISTINCT ct.case_id)
    FROM cases c JOIN case_themes ct ON ct.case_id = c.id JOIN themes t ON t.id = ct.theme_id
    LEFT JOIN themes p ON p.id = t.parent_id
    WHERE {_IN_COHORT} GROUP BY 1
"""
_ORIENTATIONS = f"""
    SELECT o.label, count(DISTINCT co.case_id)
    FROM cases c JOIN case_orientations co ON co.case_id = c.id
    JOIN orientation_targets o ON o.id = co.target_id
    WHERE {_IN_COHORT} GROUP BY o.label
"""
_NATIONAL = f"""
    SELECT count(DISTINCT co.case_id)
    FROM cases c JOIN case_orientations co ON co.case_id = c.id
    JOIN orientation_targets o ON o.id = co.target_id
    WHERE {_IN_COHORT} AND o.national
"""
_REASONS: dict[str, DropReason] = {**{r.value: r for r in DropReason}, **LEGACY_DROP_REASONS}


def cohort_counts(conn: sqlcipher3.Connection, start: datetime, end: datetime) -> CohortCounts:
    """The counts of the cases received in [start, end) (UTC instants)."""
    span = (to_db(start), to_db(end))
    counts = CohortCounts()
    row = conn.execute(_TOTALS, span).fetchone()
    counts.requests = row[0]
    counts.urgent, counts.calls_held, counts.cases_with_call = (int(v) for v in row[1:4])
    counts.questionnaires_sent, counts.closed = row[4], int(row[5])
    counts.ack_seconds = [row[0] for row in conn.execute(_ACK_DELAYS, span)]
    counts.call_seconds = [row[0] for row in conn.execute(_CALL_DELAYS, span)]
    for reason, n in conn.execute(_DROPPED, span):
        label = _REASONS.get(reason, DropReason.UNSPECIFIED) if reason else None
        counts.dropped_without_call[str(label or DropReason.UNSPECIFIED)] += n
    counts.scores = Counter(dict(conn.execute(_SCORES, span).fetchall()))
    counts.themes = Counter(dict(conn.execute(_TOPS, span).fetchall()))
    for parent, label, n in conn.execute(_THEMES, span):
        if parent:
            counts.sub_themes.setdefault(parent, Counter())[label] += n
    counts.orientations = Counter(dict(conn.execute(_ORIENTATIONS, span).fetchall()))
    counts.national_referrals = conn.execute(_NATIONAL, span).fetchone()[0]
    return counts
