"""Whether a folder looks synchronised by a cloud client (OneDrive, Dropbox, iCloud, Google Drive).

A sync client may upload a database while SQLite is writing it (or its -wal beside it),
and write back "conflict" copies: a database belongs in a folder that is not synced.
This is a guess from the folder names the clients use on Windows and macOS, plus the
`OneDrive*` environment variables Windows sets (renamed or company roots); it is used
to warn, never to refuse.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Mapping
from pathlib import Path

# Folder name (lower case) → service; a folder *starting* with a key matches too, e.g.
# "OneDrive - Association", "Dropbox (Personnel)", macOS "GoogleDrive-nom@exemple.fr".
_FOLDER_PREFIXES = {
    "onedrive": "OneDrive",
    "dropbox": "Dropbox",
    "icloud drive": "iCloud Drive",
    "iclouddrive": "iCloud Drive",  # Windows iCloud
    "mobile documents": "iCloud Drive",  # macOS ~/Library/Mobile Documents
    "com~apple~clouddocs": "iCloud Drive",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
}
# Whole names only: Google Drive for desktop's virtual drive (G:\My Drive).
_FOLDER_NAMES = {"my drive": "Google Drive", "mon drive": "Google Drive"}
_ONEDRIVE_VARIABLES = ("OneDrive", "OneDriveConsumer", "OneDriveCommercial")


def _within(path: Path, root: Path) -> bool:
    try:
        return path == root or path.is_relative_to(root)
    except ValueError:
        return False


def _named_service(folder: Path) -> str | None:
    for part in folder.parts:
        name = part.strip().lower()
        if name in _FOLDER_NAMES:
            return _FOLDER_NAMES[name]
        for prefix, service in _FOLDER_PREFIXES.items():
            if name.startswith(prefix):
                return service
    return None


def cloud_sync_service(db_path: Path | str, environ: Mapping[str, str] | None = None) -> str | None:
    """The sync service whose folder would hold the database file `db_path`, or None."""
    environ = os.environ if environ is None else environ
    folder = Path(db_path).expanduser().absolute().parent
    candidates = [folder]
    with contextlib.suppress(OSError):
        candidates.append(folder.resolve())  # a link such as ~/Dropbox → CloudStorage
    for candidate in candidates:
        for variable in _ONEDRIVE_VARIABLES:
            root = environ.get(variable)
            if root and _within(candidate, Path(root).absolute()):
                return "OneDrive"
        service = _named_service(candidate)
        if service:
            return service
    return None
