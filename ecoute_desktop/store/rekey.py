"""Passphrase change that can be interrupted at any moment without losing the file.

`PRAGMA rekey` rewrites the file in place and can report success after rolling back.
Instead: the whole database is exported to a new file under the new passphrase, the
copy is forced to disk and verified (opens with the new passphrase, both integrity
checks, same number of cases), and only then replaces the original in one atomic
rename. Before the rename the file opens with the old passphrase only, after it with
the new one only: `kill -9` at any point leaves exactly one of them working.
"""

from __future__ import annotations

import contextlib
import secrets
from pathlib import Path

from ecoute_desktop.store import connection, lockfile
from ecoute_desktop.store.copying import (
    export_copy,
    sidecars,
    verify_file,
)
from ecoute_desktop.store.database import Database
from ecoute_desktop.store.errors import StoreError, WrongPassphraseError
from ecoute_desktop.store.fsync import fsync_dir
from ecoute_desktop.store.rekey_names import TEMP_MARK
from ecoute_desktop.store.replacing import remove_file, replace_file


def _stale_copies(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f".{path.name}{TEMP_MARK}*"))


def remove_stale_copies(path: Path) -> None:
    """Remove copies left by a change interrupted before its final rename."""
    for stale in _stale_copies(Path(path)):
        for item in (stale, *sidecars(stale)):
            item.unlink(missing_ok=True)


def change_passphrase(path: Path | str, old: str, new: str) -> None:
    """Re-encrypt the closed database at `path` from `old` to `new`, then prove it.

    Holds the writer's lock throughout (re-entrant: the app may already hold it).
    Raises WrongPassphraseError when `old` does not open the file, StoreError when
    the new passphrase is empty or the re-encrypted copy does not verify; in every
    failure the original file is left as it was.
    """
    path = Path(path).resolve()  # through a link: re-encrypt the real file, keep the link
    if not new:
        raise StoreError("La nouvelle phrase de passe ne peut pas être vide.")
    connection.key_bytes(new)  # a French StoreError when it is not text
    if new == old:
        raise StoreError("La nouvelle phrase de passe est identique à l'ancienne.")
    with lockfile.DatabaseLock(path):
        remove_stale_copies(path)
        temp = path.with_name(f".{path.name}{TEMP_MARK}{secrets.token_hex(4)}")
        db = Database(connection.open_connection(path, old), path)
        try:
            with db.read() as conn:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                (before,) = conn.execute("SELECT count(*) FROM cases").fetchone()
            export_copy(db, temp, new)
        except BaseException:
            db.close()
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
            raise
        db.close()  # folds and removes the write-ahead log of the old file
        try:
            check = verify_file(temp, new)
            if not check.sound or check.cases != before:
                raise StoreError(
                    "La copie rechiffrée n'a pas passé la vérification : "
                    "la phrase de passe n'a pas été changée."
                )
            for sidecar in sidecars(path):
                if sidecar.name.endswith("-wal") and sidecar.exists() and sidecar.stat().st_size:
                    raise StoreError("La base est encore utilisée : fermez Écoute et recommencez.")
                remove_file(sidecar)
            replace_file(temp, path)  # Windows: FileInUseError if another program holds it
        except BaseException:
            with contextlib.suppress(OSError):  # never hide the error that stopped us
                temp.unlink(missing_ok=True)
            raise
        fsync_dir(path.parent)
        _prove(path, old, new, before)


def _prove(path: Path, old: str, new: str, cases: int) -> None:
    """Reopen with the new passphrase (and check the old one is refused)."""
    check = verify_file(path, new)
    if not check.sound or check.cases != cases:
        raise StoreError("La base rechiffrée n'a pas passé la vérification finale.")
    with contextlib.suppress(WrongPassphraseError):
        verify_file(path, old)
        raise StoreError("L'ancienne phrase de passe ouvre encore la base.")
