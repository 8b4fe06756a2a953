"""Files left next to the database by a restore or a passphrase change that was killed.

Found at every start (the app's unlock step, the command line) and told in French.
Only what cannot hold the only copy of anything is removed, and the user is told:
a second name of the database itself (a hard link made just before a restore's final
rename), a copy under a new passphrase that never replaced the base, and temporary
copies. A kept database (« avant-restauration ») is never deleted; when the base is
missing (a restore of an older Écoute killed half-way), it is offered back.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from ecoute_desktop.services.leftover_scan import SIDECAR_SUFFIXES, looks_left_over
from ecoute_desktop.services.restore_names import ASIDE_MARK, RESTORE_SUFFIX
from ecoute_desktop.store.errors import LockedError, LockUnavailableError, StoreError
from ecoute_desktop.store.rekey_names import TEMP_MARK
from ecoute_desktop.store.replacing import remove_file, replace_file


class Kind(Enum):
    RESTORE_COPY = "restore-copy"  # `.ecoute.db.xxxx.restore`: the backup being restored
    SECOND_NAME = "second-name"  # `ecoute.db.avant-restauration-…`, the same file as the base
    KEPT_BASE = "kept-base"  # `ecoute.db.avant-restauration-…` while the base is missing
    REKEY_COPY = "rekey-copy"  # `.ecoute.db.rekey-…`: the base under a new passphrase
    PARTIAL = "partial"  # `.ecoute.db….part`: a copy cut short


@dataclass(frozen=True, slots=True)
class Leftover:
    path: Path
    kind: Kind
    removed: bool  # removed by `tidy` (it held no data of its own)

    @property
    def text(self) -> str:
        """What the file is and what became of it, in French, naming it."""
        return _TEXTS[self.kind][self.removed].format(name=self.path.name, path=self.path)


_TEXTS: dict[Kind, dict[bool, str]] = {
    Kind.RESTORE_COPY: {
        True: "Une restauration a été interrompue avant de remplacer la base : votre base "
        "n'a pas changé. Sa copie temporaire de la sauvegarde (« {name} ») a été supprimée ; "
        "la sauvegarde elle-même est intacte.",
        False: "Une restauration a été interrompue : « {path} » est une copie (peut-être "
        "incomplète) de la sauvegarde qui était restaurée. Il n'a pas été supprimé.",
    },
    Kind.SECOND_NAME: {
        True: "Une restauration a été interrompue avant de remplacer la base : votre base "
        "n'a pas changé. « {name} » n'était qu'un second nom de la même base ; il a été retiré.",
        False: "« {path} » est un second nom de votre base, laissé par une restauration "
        "interrompue. Il n'a pas pu être retiré : ne l'ouvrez pas, supprimez-le.",
    },
    Kind.KEPT_BASE: {
        True: "",
        False: "Une restauration a été interrompue : votre base d'avant la restauration est "
        "intacte sous le nom « {path} ». Rien n'a été supprimé.",
    },
    Kind.REKEY_COPY: {
        True: "Un changement de phrase de passe a été interrompu : la base garde son "
        "ancienne phrase de passe. Sa copie inachevée (« {name} ») a été supprimée.",
        False: "Un changement de phrase de passe a été interrompu : « {path} » est une copie "
        "de la base sous la nouvelle phrase de passe ; la base garde l'ancienne.",
    },
    Kind.PARTIAL: {
        True: "Une copie interrompue (« {name} ») a été supprimée ; votre base n'a pas changé.",
        False: "« {path} » est une copie interrompue ; votre base n'a pas changé.",
    },
}


def _is_kept_base(path: Path, db_name: str) -> bool:
    name = path.name
    return name.startswith(db_name + ASIDE_MARK)


def _found(db_path: Path) -> list[tuple[Path, Kind]]:
    folder, name = db_path.parent, db_path.name
    if not folder.is_dir():
        return []
    found: list[tuple[Path, Kind]] = []
    base_there = db_path.is_file()
    for item in sorted(folder.iterdir()):
        if not looks_left_over(item.name, name):
            continue  # sidecars go with the file they belong to
        if item.name.startswith(f".{name}.") and item.name.endswith(RESTORE_SUFFIX):
            found.append((item, Kind.RESTORE_COPY))
        elif item.name.startswith(f".{name}{TEMP_MARK}"):
            found.append((item, Kind.REKEY_COPY))
        elif item.name.startswith(f".{name}.") and item.name.endswith(".part"):
            found.append((item, Kind.PARTIAL))
        elif _is_kept_base(item, name):
            if not base_there:
                found.append((item, Kind.KEPT_BASE))
            elif _same_file(item, db_path):
                found.append((item, Kind.SECOND_NAME))
    return found


def _same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def _removable(kind: Kind, base_there: bool) -> bool:
    """Whether a file of this kind holds no data of its own (so removing it loses nothing).

    While the base is there: a second name of it, a copy that never replaced it, a
    copy of a backup that still exists. Without the base, nothing is removed.
    """
    return base_there and kind is not Kind.KEPT_BASE


def tidy(db_path: Path | str) -> list[Leftover]:
    """Find the leftovers next to `db_path`, remove those that hold no data of their own.

    Does nothing while another Écoute holds the base (its files are not leftovers).
    Returns everything found, for the caller to tell the user (`Leftover.text`).
    """
    db_path = Path(db_path).expanduser()
    if not _found(db_path):
        return []
    from ecoute_desktop.store import lockfile  # only when something was found (issue 16)

    try:
        with lockfile.DatabaseLock(db_path):
            base_there = db_path.is_file()
            leftovers = []
            for path, kind in _found(db_path):
                removed = False
                if _removable(kind, base_there):
                    with contextlib.suppress(OSError):
                        for item in (path, *_sidecars(path)):
                            remove_file(item)
                        removed = True
                leftovers.append(Leftover(path, kind, removed))
            return leftovers
    except (LockedError, LockUnavailableError):
        return []


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in SIDECAR_SUFFIXES]


def kept_bases(leftovers: list[Leftover]) -> list[Path]:
    """The bases kept aside while the base itself is missing, newest first."""
    kept = [item.path for item in leftovers if item.kind is Kind.KEPT_BASE]
    return sorted(kept, key=lambda p: p.name, reverse=True)


def put_back(db_path: Path | str, kept: Path) -> None:
    """Give a kept base its name back when the base is missing (one rename, nothing lost)."""
    from ecoute_desktop.store import lockfile

    db_path = Path(db_path)
    with lockfile.DatabaseLock(db_path):
        if db_path.exists():
            raise StoreError(f"« {db_path} » existe déjà : rien n'a été déplacé.")
        replace_file(kept, db_path)


def notice(leftovers: list[Leftover]) -> str:
    """One French paragraph per leftover (empty when there are none)."""
    return "\n".join(item.text for item in leftovers)
