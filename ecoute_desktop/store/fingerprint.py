"""A digest of the database's content, to tell whether it changed since the last backup.

Every row of every table goes into a BLAKE2b digest, except the full-text index's own
tables (derived from the notes) and the settings row that stores the digest itself, so
writing that row does not change the digest. Nothing leaves the process: the digest is
kept in the encrypted settings. About 0.4 s on 10,000 cases and 50,000 notes.
"""

from __future__ import annotations

import hashlib

from ecoute_desktop.store.database import Database

_DERIVED_PREFIX = "case_search"  # the FTS5 table and its shadow tables


def content_digest(db: Database, skip_setting: str) -> str:
    """Hex digest of the content, ignoring the setting `skip_setting` and derived tables."""
    digest = hashlib.blake2b(digest_size=20)
    with db.read() as conn:
        names = [
            str(row[0])
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
            )
        ]
        for name in names:
            if name.startswith(_DERIVED_PREFIX):
                continue
            digest.update(f"\x00table {name}\x00".encode())
            quoted = '"' + name.replace('"', '""') + '"'
            rows = conn.execute(f"SELECT * FROM {quoted}")  # b-tree order: key order
            for row in rows:
                if name == "settings" and row[0] == skip_setting:
                    continue
                digest.update(repr(row).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()
