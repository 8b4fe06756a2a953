"""Encrypted persistence of Écoute (SQLCipher 4): opening, schema migrations, repositories."""

from ecoute_desktop.store.errors import (
    AlreadyExistsError,
    CorruptDatabaseError,
    NewerSchemaError,
    NotEncryptedError,
    ReadOnlyError,
    StoreError,
    WrongPassphraseError,
)
from ecoute_desktop.store.store import Store

__all__ = [
    "AlreadyExistsError",
    "CorruptDatabaseError",
    "NewerSchemaError",
    "NotEncryptedError",
    "ReadOnlyError",
    "Store",
    "StoreError",
    "WrongPassphraseError",
]
