"""`run_script`: a migration's SQL run statement by statement inside its transaction."""

from __future__ import annotations

import sqlcipher3


def run_script(conn: sqlcipher3.Connection, script: str) -> None:
    """Run statements one by one: `executescript` would commit the open transaction."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlcipher3.complete_statement(buffer):
            conn.execute(buffer)
            buffer = ""
    if buffer.strip():
        raise ValueError("incomplete SQL statement in migration script")
