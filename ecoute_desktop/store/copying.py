"""Encrypted copies of a database (backups, re-encryption) and their verification.

A copy is written by SQLCipher itself (`ATTACH … KEY ?` + `sqlcipher_export`), so it
is encrypted from its first byte; the key is a bound parameter, never SQL text. Without
a new passphrase the copy shares the key of the open database (same passphrase).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import sqlcipher3

from ecoute_desktop.store.connection import (
    APPLICATION_ID,
    check_header,
    key_bytes,
    silence_sqlcipher_log,
    sqlite_uri,
)
from ecoute_desktop.store.database import Database
from ecoute_desktop.store.disk_errors import disk_errors_said, raise_if_disk
from ecoute_desktop.store.errors import WrongPassphraseError
from ecoute_desktop.store.fsync import fsync_file

_ALIAS = "ecoute_copy"


@dataclass
class FileCheck:
    """What verifying a database file found: both integrity checks and its content."""

    problems: list[str] = field(default_factory=list)
    cases: int = 0
    schema_version: int = 0

    @property
    def sound(self) -> bool:
        return not self.problems


def new_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only; never overwrite one."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _problems(conn: sqlcipher3.Connection, schema: str) -> list[str]:
    problems: list[str] = []
    try:
        problems += [str(r[0]) for r in conn.execute(f"PRAGMA {schema}.cipher_integrity_check")]
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {schema}.integrity_check")]
    except sqlcipher3.DatabaseError as error:
        raise_if_disk(error)  # a disk that cannot be read is not a damaged copy
        return [*problems, str(error)]
    return problems + [r for r in rows if r != "ok"]


def export_copy(db: Database, target: Path, passphrase: str | None = None) -> None:
    """Write the whole open database to the new file `target`, encrypted.

    With `passphrase` the copy gets that passphrase (and a fresh salt); without,
    it opens with the same passphrase as the database. `target` must not exist or
    be an empty file (such as the temporary file of `services.atomic.atomic_path`).
    """
    if passphrase is not None:
        key_bytes(passphrase)  # French StoreError, before any file is made
    if not (target.exists() and target.stat().st_size == 0):
        new_private_file(target)
    with disk_errors_said(), db.read() as conn:
        (app_id,) = conn.execute("PRAGMA main.application_id").fetchone()
        (version,) = conn.execute("PRAGMA main.user_version").fetchone()
        if passphrase is None:
            conn.execute(f"ATTACH DATABASE ? AS {_ALIAS}", (str(target),))
        else:
            conn.execute(f"ATTACH DATABASE ? AS {_ALIAS} KEY ?", (str(target), passphrase))
        try:
            conn.execute(f"SELECT sqlcipher_export('{_ALIAS}')")
            conn.execute(f"PRAGMA {_ALIAS}.application_id = {int(app_id):d}")
            conn.execute(f"PRAGMA {_ALIAS}.user_version = {int(version):d}")
        finally:
            conn.execute(f"DETACH DATABASE {_ALIAS}")
    fsync_file(target)


def check_same_key_copy(db: Database, path: Path) -> FileCheck:
    """Verify a copy made without a new passphrase, through the open database's key."""
    with db.read() as conn:
        try:
            conn.execute(f"ATTACH DATABASE ? AS {_ALIAS}", (str(path),))
        except sqlcipher3.DatabaseError as error:
            raise_if_disk(error)
            return FileCheck([str(error)])
        try:
            problems = _problems(conn, _ALIAS)
            try:
                (cases,) = conn.execute(f"SELECT count(*) FROM {_ALIAS}.cases").fetchone()
                (version,) = conn.execute(f"PRAGMA {_ALIAS}.user_version").fetchone()
            except sqlcipher3.DatabaseError as error:
                return FileCheck([*problems, str(error)])
            return FileCheck(problems, int(cases), int(version))
        finally:
            conn.execute(f"DETACH DATABASE {_ALIAS}")


def verify_file(path: Path, passphrase: str) -> FileCheck:
    """Open `path` read-only with `passphrase`, run both checks and count its cases.

    Raises WrongPassphraseError when the passphrase does not open it; the file is
    never written (read-only, no pragma that changes it).
    """
    path = Path(path)
    check_header(path)  # a folder, an empty or a plain SQLite file: said as such
    silence_sqlcipher_log()
    key = key_bytes(passphrase)
    uri = sqlite_uri(path, "ro")
    conn = sqlcipher3.connect(uri, uri=True, isolation_level=None)
    try:
        conn.set_key(key)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            (app_id,) = conn.execute("PRAGMA application_id").fetchone()
        except sqlcipher3.DatabaseError as error:
            raise_if_disk(error)  # a full disk is not a wrong passphrase
            raise WrongPassphraseError() from None
        if app_id != APPLICATION_ID:
            raise WrongPassphraseError()
        problems = _problems(conn, "main")
        try:
            (cases,) = conn.execute("SELECT count(*) FROM cases").fetchone()
            (version,) = conn.execute("PRAGMA user_version").fetchone()
        except sqlcipher3.DatabaseError as error:
            return FileCheck([*problems, str(error)])
        return FileCheck(problems, int(cases), int(version))
    finally:
        conn.close()


def sidecars(path: Path) -> list[Path]:
    """The write-ahead log and shared-memory files SQLite keeps next to `path`."""
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]
