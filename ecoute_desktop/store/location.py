"""Where the database lives by default (the user's data folder, per platform)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "Ecoute"
DB_FILENAME = "ecoute.db"


def default_data_dir() -> Path:
    return user_data_path(APP_NAME, appauthor=False, roaming=True)


def default_db_path() -> Path:
    """`~/.local/share/Ecoute/ecoute.db` on Linux, the matching folder elsewhere."""
    return default_data_dir() / DB_FILENAME
