"""The one place where an encrypted database file is opened or created.

Order matters: the passphrase goes in first (through SQLCipher's key API, never
pasted into SQL text), then a read proves it, and only then do the pragmas run,
so that a wrong passphrase can never change a byte of the file.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import sqlcipher3

from ecoute_desktop.store.disk_errors import disk_errors_said, raise_if_disk
from ecoute_desktop.store.errors import (
    AlreadyExistsError,
    EmptyFileError,
    MissingFileError,
    NotAFileError,
    NotEncryptedError,
    ReadOnlyError,
    StoreError,
    WrongPassphraseError,
)

# "ECOU": marks a SQLCipher file as an Écoute database.
APPLICATION_ID = 0x45434F55
SQLITE_PLAIN_HEADER = b"SQLite format 3\x00"

_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
)

_logging_silenced = False


def silence_sqlcipher_log() -> None:
    """Stop SQLCipher's own log lines (e.g. HMAC failures) reaching the terminal."""
    global _logging_silenced
    if _logging_silenced:
        return
    probe = sqlcipher3.connect(":memory:")
    try:
        probe.execute("PRAGMA cipher_log_level = NONE")
    finally:
        probe.close()
    _logging_silenced = True


def sqlite_uri(path: Path, mode: str) -> str:
    """`file:///…?mode=rw`: an absolute file URI, right on Windows (`file:///C:/…`) too."""
    return f"{Path(path).resolve().as_uri()}?mode={mode}"


NOT_UTF8_MESSAGE = (
    "La phrase de passe contient des octets qui ne sont pas du texte (encodage autre "
    "que UTF-8) : rien n'a été ouvert ni modifié. Saisissez-la au clavier, ou "
    "enregistrez la variable d'environnement ECOUTE_PASSPHRASE en UTF-8."
)


SALT_BYTES = 16  # SQLCipher's salt: the first bytes of the file


def key_bytes(passphrase: str) -> bytes:
    """The passphrase as SQLCipher receives it (UTF-8); a French StoreError when it cannot be.

    A variable of the environment that is not UTF-8 reaches Python with lone surrogates
    (« \udce9 »), which have no UTF-8 form: UnicodeEncodeError, a traceback, before.
    """
    try:
        return passphrase.encode("utf-8")
    except UnicodeEncodeError:
        raise StoreError(NOT_UTF8_MESSAGE) from None


def _connect(path: Path, mode: str, passphrase: str) -> sqlcipher3.Connection:
    key = key_bytes(passphrase)
    silence_sqlcipher_log()
    conn = sqlcipher3.connect(
        sqlite_uri(path, mode), uri=True, isolation_level=None, check_same_thread=False
    )
    conn.set_key(key)
    return conn


def _apply_pragmas(conn: sqlcipher3.Connection) -> None:
    for statement in _PRAGMAS:
        conn.execute(statement)


def check_header(path: Path) -> None:
    """Refuse what is plainly not an Écoute database, each case with its own error.

    WrongPassphraseError is kept for a file that only the passphrase could tell apart.
    """
    if not path.exists():
        raise MissingFileError(f"Aucune base Écoute à l'emplacement « {path} ».")
    if not path.is_file():
        raise NotAFileError(f"« {path} » n'est pas un fichier.")
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_PLAIN_HEADER))
    if not head:
        raise EmptyFileError(f"Le fichier « {path.name} » est vide : ce n'est pas une base Écoute.")
    if head == SQLITE_PLAIN_HEADER:
        raise NotEncryptedError(
            f"Le fichier « {path.name} » est une base SQLite non chiffrée : "
            "ce n'est pas une base Écoute."
        )


def _check_writable(path: Path) -> None:
    """Refuse a file (or folder: log, lock) this user cannot write, before any byte is read.

    SQLite would open it read-only and fail at the first save, or, in a read-only
    folder, fail to read it at all, which looked like a wrong passphrase.
    """
    real = path.resolve()
    if not os.access(real, os.W_OK):
        raise ReadOnlyError(
            f"Le fichier « {path} » est en lecture seule : Écoute ne pourrait rien y "
            "enregistrer. Donnez-vous le droit de le modifier, ou copiez-le dans un dossier "
            "à vous."
        )
    if not os.access(real.parent, os.W_OK | os.X_OK):
        raise ReadOnlyError(
            f"Le dossier « {real.parent} » est en lecture seule : Écoute ne pourrait pas y "
            "enregistrer la base. Donnez-vous le droit de le modifier, ou copiez la base "
            "dans un dossier à vous."
        )


def open_connection(path: Path, passphrase: str) -> sqlcipher3.Connection:
    """Open an existing Écoute database; raise a StoreError and touch nothing otherwise."""
    path = Path(path)
    check_header(path)
    _check_writable(path)
    if not passphrase:  # SQLCipher refuses an empty key with an API-misuse error
        raise WrongPassphraseError()
    conn = _connect(path, "rw", passphrase)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        (app_id,) = conn.execute("PRAGMA application_id").fetchone()
    except sqlcipher3.DatabaseError as error:
        conn.close()
        raise_if_disk(error)  # a full disk is not a wrong passphrase
        raise WrongPassphraseError() from None
    if app_id != APPLICATION_ID:
        conn.close()
        raise WrongPassphraseError()
    try:
        _apply_pragmas(conn)
    except sqlcipher3.DatabaseError as error:
        conn.close()
        raise_if_disk(error)
        raise StoreError(f"Impossible d'ouvrir la base : {error}") from None
    return conn


def _private_dir(folder: Path) -> None:
    if folder.exists():
        return
    folder.mkdir(parents=True, mode=0o700)
    if sys.platform != "win32":
        os.chmod(folder, 0o700)


def create_connection(
    path: Path, passphrase: str, salt: bytes | None = None
) -> sqlcipher3.Connection:
    """Create a new, empty encrypted database readable by its owner only.

    `salt` (16 bytes) replaces SQLCipher's random one; it is the file's first 16 bytes.
    Only the demo base uses it, so that it is recognised without being opened.
    """
    path = Path(path)
    if path.exists():
        raise AlreadyExistsError(
            f"Un fichier existe déjà à l'emplacement « {path} » : il n'est jamais écrasé."
        )
    if not passphrase:
        raise StoreError("La phrase de passe ne peut pas être vide.")
    _private_dir(path.parent)
    # The file exists with owner-only rights before the first byte is written;
    # SQLite gives the -wal and -shm files the same rights.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(descriptor)
    try:
        with disk_errors_said():
            conn = _connect(path, "rw", passphrase)
            if salt is not None:
                if len(salt) != SALT_BYTES:
                    raise StoreError("Un sel de base fait 16 octets.")
                conn.execute(f"PRAGMA cipher_salt = \"x'{salt.hex()}'\"")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            _apply_pragmas(conn)
    except Exception:
        path.unlink(missing_ok=True)
        raise
    return conn


def integrity_problems(conn: sqlcipher3.Connection) -> list[str]:
    """Problems found by SQLCipher's page check and SQLite's structure check (empty: sound)."""
    problems: list[str] = []
    try:
        problems += [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")]
        rows = [str(row[0]) for row in conn.execute("PRAGMA integrity_check")]
    except sqlcipher3.DatabaseError as error:
        raise_if_disk(error)  # a disk that cannot be read is not a damaged base
        return [*problems, str(error)]
    return problems + [row for row in rows if row != "ok"]
