"""The safety settings (backups, retention, auto-lock), each declared once with its default.

They live inside the encrypted database (store.settings), so nobody can shorten the
retention or redirect backups without the passphrase.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ecoute_desktop.store import Store

BACKUP_DIR = "backup_dir"
BACKUP_KEEP = "backup_keep"
RETENTION_MONTHS = "retention_months"
AUTO_LOCK_MINUTES = "auto_lock_minutes"

DEFAULT_BACKUP_KEEP = 7
DEFAULT_RETENTION_MONTHS = 12
DEFAULT_AUTO_LOCK_MINUTES = 5
DEFAULT_BACKUP_FOLDER = "sauvegardes"


@dataclass(frozen=True, slots=True)
class SettingSpec:
    key: str
    label: str  # French, shown in the settings view
    default: int | None
    minimum: int = 0
    maximum: int = 0


SPECS: tuple[SettingSpec, ...] = (
    SettingSpec(BACKUP_DIR, "Dossier des sauvegardes", None),
    SettingSpec(BACKUP_KEEP, "Sauvegardes conservées", DEFAULT_BACKUP_KEEP, 1, 100),
    SettingSpec(
        RETENTION_MONTHS,
        "Durée de conservation après clôture (mois)",
        DEFAULT_RETENTION_MONTHS,
        1,
        120,
    ),
    SettingSpec(
        AUTO_LOCK_MINUTES,
        "Verrouillage après inactivité (minutes)",
        DEFAULT_AUTO_LOCK_MINUTES,
        1,
        120,
    ),
)


def default_backup_dir(db_path: Path) -> Path:
    """`sauvegardes/` next to the database, used until the user chooses a folder."""
    return Path(db_path).parent / DEFAULT_BACKUP_FOLDER


SPEC_BY_KEY = {spec.key: spec for spec in SPECS}


def _bounded(store: Store, key: str) -> int:
    """The stored value of a numeric setting, kept within its declared bounds."""
    spec = SPEC_BY_KEY[key]
    value = store.settings.get(key, spec.default)
    try:
        return min(max(int(value), spec.minimum), spec.maximum)
    except (TypeError, ValueError):
        return int(spec.default or spec.minimum)


def backup_dir(store: Store) -> Path:
    chosen = store.settings.get(BACKUP_DIR)
    return Path(chosen) if chosen else default_backup_dir(store.path)


def backup_keep(store: Store) -> int:
    return _bounded(store, BACKUP_KEEP)


def retention_months(store: Store) -> int:
    return _bounded(store, RETENTION_MONTHS)


def auto_lock_minutes(store: Store) -> int:
    return _bounded(store, AUTO_LOCK_MINUTES)
