"""Errors raised by the store; every message is French and names no personal data."""

from __future__ import annotations


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
