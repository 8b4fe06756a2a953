"""Opening guards: the one-writer lock and SQLCipher's page check run at every open.

`PRAGMA cipher_integrity_check` verifies the HMAC of every page, so a flipped byte
anywhere in the file is found before anything is read or written. It reads the whole
file: about 0.08 s for 10,000 cases with their notes (34 MB), about half the key
derivation that every open pays anyway, so it runs at each open. SQLite's structural
`PRAGMA integrity_check` (about 0.3 s on the same file) runs in `ecoute check`, after
every backup, restore and passphrase change, not at each open. When the passphrase
seems wrong, a second read-only pass tells a damaged file (some pages fail) from a
wrong passphrase (every page fails), so damage to the first pages is reported as such.
"""

from __future__ import annotations

from pathlib import Path

import sqlcipher3

from ecoute_desktop.store import connection, lockfile, migrations
from ecoute_desktop.store.disk_errors import disk_errors_said, raise_if_disk
from ecoute_desktop.store.errors import CorruptDatabaseError, WrongPassphraseError

_PAGE_SIZE = 4096  # SQLCipher 4 default


def corrupt_message(path: Path, problems: list[str]) -> str:
    """The French explanation shown when a file fails its integrity checks."""
    return (
        f"La base « {Path(path).name} » est endommagée ({len(problems)} problème(s) "
        "détecté(s) par le contrôle d'intégrité). Elle n'a pas été modifiée. "
        "Restaurez la dernière sauvegarde (Paramètres › Sauvegardes, ou « ecoute restore »)."
    )


def check_pages(conn: sqlcipher3.Connection, path: Path) -> None:
    """Raise CorruptDatabaseError when a page of the file fails its HMAC."""
    try:
        problems = [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")]
    except sqlcipher3.DatabaseError as error:
        raise_if_disk(error)
        problems = [str(error)]
    if problems:
        raise CorruptDatabaseError(corrupt_message(path, problems))


def _damaged_pages(path: Path, passphrase: str) -> list[str]:
    """Pages failing their HMAC when some, but not all, fail under this passphrase.

    A wrong passphrase fails every page; a right one on a damaged file fails only the
    damaged pages (page 1 included), so the two cases are told apart. The file is
    opened read-only. Empty when the passphrase is simply wrong.
    """
    connection.silence_sqlcipher_log()
    uri = connection.sqlite_uri(path, "ro")
    try:
        conn = sqlcipher3.connect(uri, uri=True, isolation_level=None)
    except sqlcipher3.DatabaseError:  # e.g. a folder: not a database, nothing to tell
        return []
    try:
        conn.set_key(connection.key_bytes(passphrase))
        problems = [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")]
    except sqlcipher3.DatabaseError:
        return []
    finally:
        conn.close()
    pages = path.stat().st_size // _PAGE_SIZE
    return problems if 0 < len(problems) < pages else []


def open_guarded(path: Path, passphrase: str, lock: bool) -> sqlcipher3.Connection:
    """Open, take the writer's lock (when `lock`), check every page, then migrate."""
    path = Path(path)
    try:
        conn = connection.open_connection(path, passphrase)
    except WrongPassphraseError:
        damaged = _damaged_pages(path, passphrase) if passphrase else []
        if damaged:
            raise CorruptDatabaseError(corrupt_message(path, damaged)) from None
        raise
    try:
        if lock:
            lockfile.acquire(path)
    except BaseException:
        conn.close()
        raise
    try:
        with disk_errors_said():
            check_pages(conn, path)
            migrations.migrate(conn)
    except BaseException:  # damaged, newer schema, failed migration: never left open
        conn.close()
        if lock:
            lockfile.release(path)
        raise
    return conn
