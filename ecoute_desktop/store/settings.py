"""Settings that matter to the work, kept inside the encrypted database."""

from __future__ import annotations

import json
from typing import Any, TypeVar, overload

from ecoute_desktop.domain.settings_spec import Setting, declared
from ecoute_desktop.store.database import Database

T = TypeVar("T")


class SettingsRepository:
    """Key → JSON value pairs, each key declared once in `domain.settings_spec`.

    `get` gives the declared setting's value cleaned (its default when missing or
    unusable); `set` refuses a key that is not declared.
    """

    def __init__(self, db: Database) -> None:
        self._db = db

    @overload
    def get(self, key: Setting[T]) -> T: ...
    @overload
    def get(self, key: str) -> Any: ...
    def get(self, key: Setting[Any] | str) -> Any:
        setting = declared(key)
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT value FROM settings WHERE key = ?", (setting.key,)
            ).fetchone()
        return setting.read(None if row is None else json.loads(row[0]))

    def set(self, key: Setting[Any] | str, value: Any) -> None:
        setting = declared(key)
        with self._db.write() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (setting.key, json.dumps(value, ensure_ascii=False)),
            )
