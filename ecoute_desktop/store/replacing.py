"""The one module that renames, links and deletes files: every replacement goes through here.

The rule, for the database and for every file the app writes: at every instant the
path holds either the old file or the new one, each complete. A new file is written
under a temporary name in the same folder, forced to disk, then put in place with ONE
`os.replace` (`replace_file`); a copy to keep is made before anything changes, by a
hard link or, where links are not possible, a complete copy (`keep_aside`). No other
module calls `os.replace`, `os.rename`, `os.link` or `shutil.move` (a test checks it).

On Windows a file another handle holds open (a PDF reader, an antivirus or indexer
scanning a new file, a sync client) can be neither renamed over nor deleted:
`os.replace` and `os.unlink` raise PermissionError. Such holds are usually brief, so
the operation is retried for about 1.5 s; after that `FileInUseError` (French, also a
PermissionError) says which file and that nothing was modified. On POSIX, where open
files can be replaced, a PermissionError is a real permission problem and is raised
at once, unchanged.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from ecoute_desktop.store.errors import FileInUseError
from ecoute_desktop.store.fsync import fsync_dir, fsync_file

WINDOWS = sys.platform == "win32"  # tests set it to simulate Windows file semantics
RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8)


def _retrying(action: Callable[[], None], shown: Path) -> None:
    for delay in (*RETRY_DELAYS, None):
        try:
            action()
            return
        except FileNotFoundError:
            raise
        except PermissionError as error:
            if not WINDOWS:
                raise
            if delay is None:
                raise FileInUseError(shown) from error
            time.sleep(delay)


def replace_file(source: Path | str, target: Path | str) -> None:
    """`os.replace(source, target)`, retried while Windows reports the file in use."""
    _retrying(lambda: os.replace(source, target), Path(target))


def remove_file(path: Path | str) -> None:
    """Delete `path` if it exists, retried while Windows reports it in use."""
    _retrying(lambda: Path(path).unlink(missing_ok=True), Path(path))


def private_temp(target: Path, suffix: str) -> Path:
    """A new empty owner-only file next to `target` (`.NAME.xxxx<suffix>`), never an old one."""
    folder = target.parent if str(target.parent) else Path(".")
    descriptor, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=folder)
    os.close(descriptor)
    temp = Path(name)
    with contextlib.suppress(OSError):  # mkstemp already makes it 0600 on POSIX
        os.chmod(temp, 0o600)
    return temp


def copy_complete(source: Path, target: Path) -> None:
    """Copy `source` to `target` so that `target` is the whole copy or absent.

    Written under a temporary name, forced to disk, then renamed (one `os.replace`).
    """
    temp = private_temp(target, ".part")
    try:
        shutil.copyfile(source, temp)
        fsync_file(temp)
        replace_file(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):  # never hide the error that stopped us
            temp.unlink(missing_ok=True)
        raise
    fsync_dir(target.parent if str(target.parent) else Path("."))


def keep_aside(source: Path, aside: Path) -> None:
    """Give `source` a second, complete existence at `aside` without changing `source`.

    A hard link when the file system allows it (instant, no space needed): once
    `source`'s name is replaced, `aside` is the only name of the old file. Else a
    complete copy. `aside` must not exist.
    """
    try:
        os.link(source, aside)
    except FileExistsError:
        raise
    except OSError:  # FAT, some network or cloud folders: no hard links
        copy_complete(source, aside)
        return
    fsync_dir(aside.parent)
