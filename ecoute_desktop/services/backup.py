"""Encrypted backups: on demand, automatic at closing (last N kept), and restore.

A backup is a complete SQLCipher database that opens with the same passphrase. It is
written to a temporary file in the target folder, forced to disk, verified (both
integrity checks and the number of cases, through the open database's key), and only
then renamed to its final name: a backup file is whole or absent, never half written.
"""

from __future__ import annotations

import contextlib
import filecmp
import os
import re
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ecoute_desktop.domain import settings_spec
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.services import safety_settings
from ecoute_desktop.services.atomic import atomic_path
from ecoute_desktop.services.restore_names import ASIDE_MARK, RESTORE_SUFFIX
from ecoute_desktop.store import Store, connection, lockfile
from ecoute_desktop.store.copying import (
    FileCheck,
    check_same_key_copy,
    export_copy,
    sidecars,
    verify_file,
)
from ecoute_desktop.store.errors import StoreError
from ecoute_desktop.store.fingerprint import content_digest
from ecoute_desktop.store.fsync import fsync_dir, fsync_file
from ecoute_desktop.store.replacing import keep_aside, private_temp, remove_file, replace_file

_STAMP = "%Y%m%d-%H%M%S"
STATE_KEY = settings_spec.BACKUP_STATE.key  # {"digest": content digest at last backup, "file"}


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    taken_at: datetime  # UTC, from the file name
    cases: int = -1  # -1 when not verified


def backup_name(db_path: Path, at: datetime) -> str:
    """`ecoute-sauvegarde-20260301-090000.db` (UTC time of the backup)."""
    return f"{Path(db_path).stem}-sauvegarde-{at.strftime(_STAMP)}.db"


def _pattern(db_path: Path) -> re.Pattern[str]:
    return re.compile(re.escape(Path(db_path).stem) + r"-sauvegarde-(\d{8}-\d{6})(?:~\d+)?\.db")


def _index(path: Path) -> int:
    """N of a `…~N.db` backup name (0 for the first backup of its second)."""
    stem = path.name.removesuffix(".db")
    return int(stem.rsplit("~", 1)[1]) if "~" in stem else 0


def backup_to(store: Store, target: Path | str) -> BackupInfo:
    """Write a verified encrypted backup of the open store to `target` (atomically)."""
    target = Path(target)
    if not target.parent.is_dir():
        raise StoreError(f"Le dossier « {target.parent} » n'existe pas.")
    if target.resolve() == store.path.resolve():
        raise StoreError("Une sauvegarde ne peut pas remplacer la base elle-même.")
    with store.db.read(), atomic_path(target) as temp:
        cases = store.cases.count()
        export_copy(store.db, temp)
        check = check_same_key_copy(store.db, temp)
        _require_sound(check, cases, "La sauvegarde écrite n'a pas passé la vérification")
    fsync_dir(target.parent)
    return BackupInfo(target, utc_now(), cases)


def _require_sound(check: FileCheck, cases: int, what: str) -> None:
    if not check.sound:
        raise StoreError(f"{what} (contrôle d'intégrité) : rien n'a été remplacé.")
    if cases >= 0 and check.cases != cases:
        raise StoreError(f"{what} (nombre de sollicitations différent) : rien n'a été remplacé.")


def list_backups(folder: Path, db_path: Path) -> list[BackupInfo]:
    """Backups of `db_path` found in `folder`, newest first (by the time in their name)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    pattern = _pattern(db_path)
    found = []
    for item in folder.iterdir():
        match = pattern.fullmatch(item.name)
        if match and item.is_file():
            taken = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=utc_now().tzinfo)
            # `~N`: the N-th extra backup within the same second (~10 is newer than ~9)
            found.append((taken, _index(item), BackupInfo(item, taken)))
    found.sort(key=lambda entry: entry[:2], reverse=True)
    return [info for _, _, info in found]


def latest_backup(db_path: Path, folders: list[Path] | None = None) -> BackupInfo | None:
    """The newest backup of `db_path` in `folders` (default: the folder next to it).

    Works without opening the database, so it can be offered when the file is damaged.
    """
    folders = folders or [safety_settings.default_backup_dir(db_path)]
    found = [info for folder in folders for info in list_backups(folder, db_path)]
    return max(found, key=lambda info: info.taken_at, default=None)


def prune(folder: Path, db_path: Path, keep: int) -> list[Path]:
    """Delete the oldest backups beyond the newest `keep`; return what was removed."""
    removed = []
    for info in list_backups(folder, db_path)[max(keep, 1) :]:
        info.path.unlink(missing_ok=True)
        removed.append(info.path)
    return removed


def automatic_backup(
    store: Store,
    at: datetime | None = None,
    digest: str | None = None,
    replace: Path | None = None,
) -> BackupInfo:
    """A backup into the chosen folder, keeping the last N (at closing, or « maintenant »).

    Records the content digest and the file name in the settings, so that
    `backup_if_changed` can skip the next one when nothing changed. `replace`, an
    earlier backup of the same session, is deleted once the new one is verified.
    """
    digest = digest or content_digest(store.db, STATE_KEY)
    folder = safety_settings.backup_dir(store)
    if not folder.exists():
        folder.mkdir(parents=True, mode=0o700)
    # Temporary files of a backup interrupted by a crash (we hold the writer's lock).
    for stale in folder.glob(f".{Path(store.path).stem}-sauvegarde-*.part"):
        stale.unlink(missing_ok=True)
    at = at or utc_now()
    target = folder / backup_name(store.path, at)
    second = at.replace(microsecond=0)
    same = [_index(b.path) for b in list_backups(folder, store.path) if b.taken_at == second]
    if same:  # other backups within this second: the next ~N, even if older ones were pruned
        target = folder / backup_name(store.path, at).replace(".db", f"~{max(same) + 1}.db")
    info = backup_to(store, target)
    if replace is not None and replace != info.path:
        replace.unlink(missing_ok=True)  # before pruning: it does not cost an older one
    prune(folder, store.path, safety_settings.backup_keep(store))
    store.settings.set(settings_spec.BACKUP_STATE, {"digest": digest, "file": info.path.name})
    return info


def backup_due(store: Store) -> tuple[bool, str]:
    """Whether the content changed since the last automatic backup (or that file is gone).

    Returns the answer and the current digest (to hand to `automatic_backup`).
    """
    digest = content_digest(store.db, STATE_KEY)
    state = store.settings.get(settings_spec.BACKUP_STATE)
    last = state.get("file")
    unchanged = state.get("digest") == digest
    still_there = bool(last) and (safety_settings.backup_dir(store) / str(last)).is_file()
    return not (unchanged and still_there), digest


def backup_if_changed(store: Store, replace: Path | None = None) -> BackupInfo | None:
    """The automatic backup at locking and quitting: only when the content changed.

    Idle sessions therefore never push older backups out of the rotation. `replace`
    is an earlier backup of the same session, deleted once the new one is verified,
    so a session (however many times it locks) keeps one place in the rotation.
    """
    due, digest = backup_due(store)
    if not due:
        return None
    return automatic_backup(store, digest=digest, replace=replace)


def verify_backup(path: Path | str, passphrase: str) -> FileCheck:
    """Open a backup read-only with `passphrase` and run both checks (file unchanged)."""
    return verify_file(Path(path), passphrase)


def _fold_log(db_path: Path, passphrase: str) -> None:
    """Fold the current file's write-ahead log into it, when the passphrase opens it."""
    with contextlib.suppress(StoreError, OSError):
        conn = connection.open_connection(db_path, passphrase)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()


def _require_folded(db_path: Path) -> None:
    """Refuse when the current file still has changes in its log (a crash, another key).

    Those changes belong to that file only: replacing the file while they lie next to
    it would either lose them or apply them to the backup. Nothing has changed yet.
    """
    for log in sidecars(db_path):
        if not log.name.endswith("-shm") and log.exists() and log.stat().st_size:
            raise StoreError(
                f"La base actuelle n'a pas été fermée normalement et ses dernières "
                f"modifications sont encore dans « {log.name} », que cette phrase de passe "
                "n'ouvre pas. Rien n'a été changé. Ouvrez une fois Écoute avec la phrase de "
                "passe de la base actuelle, puis fermez-le, et recommencez ; ou, si la base "
                f"actuelle ne vous sert plus, déplacez « {db_path.name} » et « {log.name} » "
                "dans un autre dossier."
            )


def aside_path(db_path: Path) -> Path:
    """`ecoute.db.avant-restauration-20260301-090000` (a `~N` when that name is taken)."""
    base = db_path.with_name(db_path.name + ASIDE_MARK + utc_now().strftime(_STAMP))
    candidate, index = base, 1
    while candidate.exists():
        candidate, index = base.with_name(f"{base.name}~{index}"), index + 1
    return candidate


def restore(db_path: Path | str, backup: Path | str, passphrase: str) -> Path | None:
    """Replace the database by a verified backup; return where the old file was kept.

    The backup must open with `passphrase` and pass both checks, else nothing changes.
    At every instant the database's path holds the old file or the new one, complete:
    the backup is copied to a hidden `.restore` file and verified; the current file
    (its log folded in) gets a second name, `ecoute.db.avant-restauration-…` (a hard
    link, or a complete copy); then ONE rename puts the copy in place. A leftover of a
    run killed on the way is found at the next start (`services.leftovers`).
    """
    db_path, backup = Path(db_path).resolve(), Path(backup)  # a link: replace its target
    check = verify_backup(backup, passphrase)
    _require_sound(check, -1, "La sauvegarde est endommagée")
    with lockfile.DatabaseLock(db_path):
        temp = private_temp(db_path, RESTORE_SUFFIX)
        aside: Path | None = None
        try:
            shutil.copyfile(backup, temp)
            fsync_file(temp)
            _require_sound(verify_file(temp, passphrase), check.cases, "La copie restaurée")
            if db_path.exists():
                _fold_log(db_path, passphrase)
                _require_folded(db_path)
                aside = aside_path(db_path)
                keep_aside(db_path, aside)
            for sidecar in sidecars(db_path):  # empty log and index of the current file
                remove_file(sidecar)
            replace_file(temp, db_path)  # Windows: FileInUseError if another program holds it
            fsync_dir(db_path.parent)
            _require_sound(verify_file(db_path, passphrase), check.cases, "La base restaurée")
        except BaseException as error:
            with contextlib.suppress(OSError):  # never hide the error that stopped us
                temp.unlink(missing_ok=True)
            if aside is not None:
                _put_back(aside, db_path, error)
            raise
    return aside


def _put_back(aside: Path, db_path: Path, error: BaseException) -> None:
    """Undo a failed restore: the kept file takes its name back (one rename), or is dropped.

    Before the final rename the path still holds the current file, and the aside name
    is only a second name (or copy) of it: dropping it loses nothing.
    """
    try:
        if db_path.exists() and aside.exists() and os.path.samefile(aside, db_path):
            remove_file(aside)  # the replacement never happened
        elif aside.exists() and not _same_content(aside, db_path):
            replace_file(aside, db_path)
        else:
            remove_file(aside)
    except OSError:
        raise StoreError(
            f"La restauration a échoué et la base n'a pas pu être remise en place : elle est "
            f"intacte sous le nom « {aside} ». Fermez les autres programmes, puis renommez-la "
            f"« {db_path.name} »."
        ) from error


def _same_content(first: Path, second: Path) -> bool:
    if not second.exists() or first.stat().st_size != second.stat().st_size:
        return False
    return filecmp.cmp(first, second, shallow=False)
