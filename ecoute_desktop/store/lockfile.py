"""One writer per database: an OS lock on `ecoute.db.lock`, held while the database is open.

The lock is taken with `flock` (POSIX) or `msvcrt.locking` (Windows) on a small file
next to the database. The operating system releases it when the process ends, even
after `kill -9` or a power cut, so a stale lock can never block the user: a lock file
left behind is simply locked again. The file holds the pid and host of its owner, only
to word the refusal. Within one process the lock is re-entrant (counted), so the app
can keep it while it closes and reopens its connection (auto-lock, passphrase change).
On Windows only byte 0 is locked (reads of it are then refused: the owner text starts
at byte 1) and the lock file is never deleted. A folder whose file system cannot lock
(some network drives) is refused with its own message, never taken for « déjà ouverte ».
"""

from __future__ import annotations

import errno
import json
import os
import socket
import sys
import threading
import time
from pathlib import Path

from ecoute_desktop.store.errors import LockedError, LockUnavailableError

LOCK_SUFFIX = ".lock"

_registry: dict[str, tuple[int, int]] = {}  # resolved db path -> (fd, count)
_guard = threading.Lock()

_WINDOWS = sys.platform == "win32"
_O_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation
# "Held by someone else": EWOULDBLOCK/EAGAIN from flock, EACCES/EDEADLOCK from msvcrt.
_HELD_ERRNOS = {errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES, errno.EDEADLK}
# Windows frees a dead process's locks "depending on available system resources", not
# at once: a restart right after a crash waits a moment before calling the lock taken.
HELD_RETRY_DELAYS: tuple[float, ...] = (0.1, 0.2, 0.4, 0.8) if _WINDOWS else ()


def _retry_lock(fd: int, path: Path) -> bool:
    for delay in HELD_RETRY_DELAYS:
        time.sleep(delay)
        if _try_lock(fd, path):
            return True
    return False


def lock_path_for(db_path: Path) -> Path:
    """`ecoute.db` → `ecoute.db.lock`, in the same folder."""
    db_path = Path(db_path)
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


def _try_lock(fd: int, path: Path) -> bool:
    """Lock `fd` without waiting: False when another process holds it.

    Raises LockUnavailableError when the file system cannot lock at all (some network
    or shared drives): refusing is safer than letting two writers in, and saying
    « déjà ouverte » would send the user looking for a window that does not exist.
    """
    try:
        if sys.platform == "win32":  # _WINDOWS, spelled so the type checker sees it
            import msvcrt

            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # byte 0 only: the owner text follows
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        if error.errno in _HELD_ERRNOS:
            return False
        raise LockUnavailableError(
            f"Le dossier « {path.parent} » ne permet pas de verrouiller la base (lecteur "
            "réseau ou disque partagé ?) : Écoute ne pourrait pas empêcher deux fenêtres "
            "d'écrire en même temps. Placez la base dans un dossier de votre ordinateur."
        ) from None
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def _owner_text(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            handle.seek(1)  # Windows forbids reading byte 0 while its owner locks it
            owner = json.loads(handle.read().decode("utf-8") or "{}")
    except (OSError, ValueError):
        return ""
    pid, host = owner.get("pid"), owner.get("host")
    if not pid:
        return ""
    return f" (processus {pid} sur l'ordinateur « {host} »)"


def _same_file(fd: int, path: Path) -> bool:
    """True when `path` still names the file open as `fd` (it was not removed meanwhile)."""
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False


def acquire(db_path: Path) -> None:
    """Take the writer's lock of `db_path`, or raise LockedError naming the other owner."""
    key = str(Path(db_path).resolve())
    with _guard:
        if key in _registry:
            fd, count = _registry[key]
            _registry[key] = (fd, count + 1)
            return
        path = lock_path_for(Path(key))
        while True:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | _O_BINARY, 0o600)
            try:
                locked = _try_lock(fd, path) or _retry_lock(fd, path)
            except BaseException:
                os.close(fd)
                raise
            if not locked:
                os.close(fd)
                raise LockedError(
                    "La base est déjà ouverte par une autre fenêtre d'Écoute"
                    f"{_owner_text(path)}. Fermez-la d'abord : deux écritures simultanées "
                    "pourraient mêler les données."
                )
            if _same_file(fd, path):
                break
            os.close(fd)  # the previous owner removed the file as we opened it: retry
        owner = {"pid": os.getpid(), "host": socket.gethostname()}
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        # Byte 0 is what Windows locks; the owner text starts after it.
        os.write(fd, b" " + json.dumps(owner).encode("ascii"))
        _registry[key] = (fd, 1)


def release(db_path: Path) -> None:
    """Give back one hold of the lock; the last one removes the lock file."""
    key = str(Path(db_path).resolve())
    with _guard:
        if key not in _registry:
            return
        fd, count = _registry[key]
        if count > 1:
            _registry[key] = (fd, count - 1)
            return
        del _registry[key]
        path = lock_path_for(Path(key))
        if not _WINDOWS and _same_file(fd, path):
            path.unlink(missing_ok=True)  # removed while still locked: no one can slip in
        try:
            _unlock(fd)
        finally:
            os.close(fd)


def is_held(db_path: Path) -> bool:
    """True when this process holds the lock of `db_path`."""
    return str(Path(db_path).resolve()) in _registry


class DatabaseLock:
    """`with DatabaseLock(path):` holds the writer's lock for the block (re-entrant)."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = Path(db_path)

    def __enter__(self) -> DatabaseLock:
        acquire(self.db_path)
        return self

    def __exit__(self, *exc_info: object) -> None:
        release(self.db_path)
