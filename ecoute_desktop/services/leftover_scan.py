"""The start's first look for leftovers (issue 16): file names only, so the usual case,
nothing left, costs one directory listing and never imports `services.leftovers`.

Every name `services.leftovers` classifies passes `looks_left_over`; the classification,
the removal and the French texts stay there."""

from __future__ import annotations

import os
from pathlib import Path

from ecoute_desktop.services.restore_names import ASIDE_MARK
from ecoute_desktop.store.rekey_names import TEMP_MARK

SIDECAR_SUFFIXES = ("-wal", "-shm", "-journal")


def looks_left_over(name: str, db_name: str) -> bool:
    """Whether the file `name`, next to the base `db_name`, may be a leftover."""
    if name.endswith(SIDECAR_SUFFIXES):
        return False  # removed with the file they belong to
    hidden = name.startswith(f".{db_name}.") or name.startswith(f".{db_name}{TEMP_MARK}")
    return hidden or name.startswith(db_name + ASIDE_MARK)


def worth_a_look(db_path: Path) -> bool:
    """Whether anything next to `db_path` may be a leftover (names only, no file opened)."""
    try:
        with os.scandir(db_path.parent) as entries:
            return any(looks_left_over(entry.name, db_path.name) for entry in entries)
    except OSError:
        return False  # no folder (first run) or unreadable: `tidy` would find nothing either
