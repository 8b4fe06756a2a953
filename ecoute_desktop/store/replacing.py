"""Replacing and deleting files the Windows way: wait briefly for other programs, then say so.

On Windows a file another handle holds open (a PDF reader, an antivirus or indexer
scanning a new file, a sync client) can be neither renamed over nor deleted:
`os.replace` and `os.unlink` raise PermissionError. Such holds are usually brief, so
the operation is retried for about 1.5 s; after that `FileInUseError` (French, also a
PermissionError) says which file and that nothing was modified. On POSIX, where open
files can be replaced, a PermissionError is a real permission problem and is raised
at once, unchanged.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from ecoute_desktop.store.errors import FileInUseError

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
