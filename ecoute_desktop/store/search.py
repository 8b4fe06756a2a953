"""Full-text index of cases (reference, member, collectivité, notes) inside the encrypted file."""

from __future__ import annotations

import sqlcipher3

# The reference column holds the former reference too (« 2026-0042 » finds « 2026-A-042 »).
_INDEX_ONE = """
    INSERT INTO case_search (rowid, reference, member, collectivite, notes)
    SELECT c.id, c.reference || coalesce(' ' || c.former_reference, ''),
           m.prenom || ' ' || m.nom || ' ' || m.email || ' ' || m.telephone,
           m.collectivite,
           coalesce((SELECT group_concat(n.body, ' ') FROM call_notes n WHERE n.case_id = c.id), '')
    FROM cases c JOIN members m ON m.id = c.member_id
"""


def reindex_case(conn: sqlcipher3.Connection, case_id: int) -> None:
    """Refresh one case's entry (call inside the write transaction that changed it)."""
    conn.execute("DELETE FROM case_search WHERE rowid = ?", (case_id,))
    conn.execute(_INDEX_ONE + " WHERE c.id = ?", (case_id,))


def reindex_all(conn: sqlcipher3.Connection) -> None:
    """Rebuild the whole index (also from migration 2, before `former_reference` exists)."""
    conn.execute("DELETE FROM case_search")
    columns = {row[1] for row in conn.execute("PRAGMA table_info(cases)")}
    if "former_reference" in columns:
        conn.execute(_INDEX_ONE)
    else:
        conn.execute(_INDEX_ONE.replace("coalesce(' ' || c.former_reference, '')", "''"))


def match_expression(text: str) -> str:
    """A safe FTS5 query: every word must match, as a prefix; quotes are escaped.

    Control characters (a pasted NUL ends SQLite's reading of the query) become spaces.
    """
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    words = [word.replace('"', '""') for word in text.split()]
    return " AND ".join(f'"{word}"*' for word in words if word.strip('"'))


def search_case_ids(conn: sqlcipher3.Connection, text: str, limit: int = 500) -> list[int]:
    """Ids of the cases matching every word of `text`, best first."""
    expression = match_expression(text)
    if not expression:
        return []
    rows = conn.execute(
        "SELECT rowid FROM case_search WHERE case_search MATCH ? ORDER BY rank LIMIT ?",
        (expression, limit),
    )
    return [row[0] for row in rows]
