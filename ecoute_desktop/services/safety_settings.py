"""The safety settings (backups, retention, auto-lock), declared in `domain.settings_spec`.

They live inside the encrypted database (store.settings), so nobody can shorten the
retention or redirect backups without the passphrase.
"""

from __future__ import annotations

from pathlib import Path

from ecoute_desktop.domain import settings_spec as spec
from ecoute_desktop.store import Store

BACKUP_DIR = spec.BACKUP_DIR.key
BACKUP_KEEP = spec.BACKUP_KEEP.key
RETENTION_MONTHS = spec.RETENTION_MONTHS.key
AUTO_LOCK_MINUTES = spec.AUTO_LOCK_MINUTES.key

DEFAULT_BACKUP_KEEP = spec.BACKUP_KEEP.default
DEFAULT_RETENTION_MONTHS = spec.RETENTION_MONTHS.default
DEFAULT_AUTO_LOCK_MINUTES = spec.AUTO_LOCK_MINUTES.default
DEFAULT_BACKUP_FOLDER = "sauvegardes"

SPECS = (spec.BACKUP_DIR, spec.BACKUP_KEEP, spec.RETENTION_MONTHS, spec.AUTO_LOCK_MINUTES)
SPEC_BY_KEY = {setting.key: setting for setting in SPECS}


def default_backup_dir(db_path: Path) -> Path:
    """`sauvegardes/` next to the database, used until the user chooses a folder."""
    return Path(db_path).parent / DEFAULT_BACKUP_FOLDER


def backup_dir(store: Store) -> Path:
    chosen = store.settings.get(spec.BACKUP_DIR)
    return Path(chosen) if chosen else default_backup_dir(store.path)


def backup_keep(store: Store) -> int:
    return store.settings.get(spec.BACKUP_KEEP)


def retention_months(store: Store) -> int:
    return store.settings.get(spec.RETENTION_MONTHS)


def auto_lock_minutes(store: Store) -> int:
    return store.settings.get(spec.AUTO_LOCK_MINUTES)
