"""Errors raised by the store; every message is French and names no personal data."""

from __future__ import annotations

import errno


class StoreError(Exception):
    """Base of every error the store reports to the user."""


class WrongPassphraseError(StoreError):
    """The passphrase does not open the file, or the file is not an Écoute database."""

    def __init__(self, message: str = "") -> None:
        super().__init__(
            message or "Phrase de passe incorrecte ou fichier qui n'est pas une base Écoute."
        )


class NotEncryptedError(StoreError):
    """A plain, unencrypted SQLite file was given."""


class NotAFileError(StoreError):
    """The path names a folder (or another non-file): no passphrase can open it."""


class EmptyFileError(StoreError):
    """The file is empty (0 bytes): not a database, whatever the passphrase."""


class ReadOnlyError(StoreError):
    """The file or its folder cannot be written by this user (Écoute saves as it goes)."""


class MissingFileError(StoreError):
    """There is no database at the given path."""


class AlreadyExistsError(StoreError):
    """Creating a database where a file already exists (never overwritten)."""


class NewerSchemaError(StoreError):
    """The file was written by a newer version of Écoute."""


class CorruptDatabaseError(StoreError):
    """The file opens but fails its integrity checks."""


class LockedError(StoreError):
    """Another instance of Écoute already has this database open."""


class FileInUseError(StoreError, PermissionError):
    """Windows refused to replace or delete a file another program holds open.

    Also a PermissionError, so callers that report file errors (`strerror`) word it too.
    """

    def __init__(self, path: object) -> None:
        message = (
            f"« {path} » est ouvert par un autre programme (lecteur PDF, tableur, antivirus, "
            "outil de synchronisation, autre fenêtre d'Écoute…) : il ne peut pas être "
            "remplacé. Rien n'a été modifié : fermez ce programme, puis recommencez."
        )
        PermissionError.__init__(self, errno.EACCES, message, str(path))

    def __str__(self) -> str:
        return str(self.strerror)


class LockUnavailableError(StoreError):
    """The folder's file system cannot take the one-writer lock (some network drives)."""


DISK_FULL_MESSAGE = (
    "Disque plein ou fichier trop grand : Écoute n'a pas pu écrire. Ce qui était déjà "
    "enregistré est intact. Libérez de la place sur le disque (ou choisissez un autre "
    "support), puis recommencez."
)
DISK_FAULT_MESSAGE = (
    "Disque plein ou fichier trop grand (ou support défaillant) : Écoute n'a pas pu lire "
    "ou écrire la base. Ce qui était déjà enregistré est intact. Libérez de la place sur "
    "le disque, vérifiez le support, puis recommencez."
)


class DiskFullError(StoreError):
    """The disk is full, the file too large, or the medium failing: never a wrong passphrase.

    SQLITE_FULL, ENOSPC, EFBIG and EDQUOT get DISK_FULL_MESSAGE; SQLITE_IOERR (which
    SQLite also reports for a file-size limit) gets DISK_FAULT_MESSAGE.
    """

    def __init__(self, message: str = "") -> None:
        super().__init__(message or DISK_FULL_MESSAGE)
