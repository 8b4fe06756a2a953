"""The cases that share an e-mail's key: the same e-mail taken on both laptops.

Persistence only: the pairs of cases whose `message_key` is the same (either may have
come from the partner); which to list and which to keep is domain/twice_taken.py.
"""

from __future__ import annotations

import sqlcipher3

from ecoute_desktop.domain.twice_taken import TakenCase
from ecoute_desktop.domain.workflow import Status, drop_reason_of
from ecoute_desktop.store.timestamps import from_db

_COLUMNS = "{0}.id, {0}.reference, {0}.status, {0}.received_at, {0}.created_at, {0}.drop_reason"
_SHARED_KEY = f"""
    SELECT {_COLUMNS.format("a")}, {_COLUMNS.format("b")}
    FROM cases a JOIN cases b ON b.message_key = a.message_key AND b.id > a.id
    WHERE a.message_key IS NOT NULL AND a.message_key <> ''
    ORDER BY a.id, b.id
"""


def _case(row: tuple[object, ...]) -> TakenCase:
    case_id, reference, status, received, created, reason = row
    return TakenCase(
        int(str(case_id)),
        str(reference),
        Status(str(status)),
        from_db(str(received)),
        from_db(str(created)),
        drop_reason_of(str(reason) if reason else None),
    )


def shared_message_keys(conn: sqlcipher3.Connection) -> list[tuple[TakenCase, TakenCase]]:
    """Every two cases taken from the same e-mail (by its hash), in the order of their ids."""
    return [(_case(row[:6]), _case(row[6:])) for row in conn.execute(_SHARED_KEY)]
