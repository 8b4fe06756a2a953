"""Anonymous questionnaire codes: random, unique in the database, not derived from the reference."""

from __future__ import annotations

import sqlcipher3

from ecoute_desktop.domain.satisfaction import new_code


def free_code(conn: sqlcipher3.Connection) -> str:
    """A code no case of this database has yet."""
    while True:
        code = new_code()
        taken = conn.execute("SELECT 1 FROM cases WHERE questionnaire_code = ?", (code,)).fetchone()
        if taken is None:
            return code


def backfill_codes(conn: sqlcipher3.Connection) -> int:
    """Give a code to every case without one (run inside the caller's transaction)."""
    ids = [r[0] for r in conn.execute("SELECT id FROM cases WHERE questionnaire_code IS NULL")]
    for case_id in ids:
        conn.execute(
            "UPDATE cases SET questionnaire_code = ? WHERE id = ?", (free_code(conn), case_id)
        )
    return len(ids)
