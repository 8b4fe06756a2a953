"""Encrypted persistence of Écoute (SQLCipher 4): opening, schema migrations, repositories."""

from typing import TYPE_CHECKING, Any

from ecoute_desktop.store.errors import (
    AlreadyExistsError,
    CorruptDatabaseError,
    NewerSchemaError,
    NotEncryptedError,
    ReadOnlyError,
    StoreError,
    WrongPassphraseError,
)

if TYPE_CHECKING:
    from ecoute_desktop.store.store import Store


def __getattr__(name: str) -> Any:
    """`Store` on first use: the unlock window imports the errors and the location of
    the base, not every repository (issue 16: the window shows first)."""
    if name == "Store":
        from ecoute_desktop.store.store import Store

        return Store
    raise AttributeError(name)


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
