"""Telling a full disk (or a failing one) from a wrong passphrase, in SQLite's and the OS's errors.

SQLCipher answers a wrong key with SQLITE_NOTADB (« file is not a database »). A full
disk is SQLITE_FULL; a write refused for another reason, a file-size limit (EFBIG)
included, is SQLITE_IOERR, as is the shared-memory index that cannot be created on a
full disk when the base is opened. Those must be said as such: a volunteer told
« phrase de passe incorrecte » would retype a correct passphrase again and again.
"""

from __future__ import annotations

import contextlib
import errno
from collections.abc import Iterator

import sqlcipher3

from ecoute_desktop.store.errors import DISK_FAULT_MESSAGE, DISK_FULL_MESSAGE, DiskFullError

SQLITE_IOERR = 10
SQLITE_FULL = 13
_FULL_TEXT = "database or disk is full"
_IOERR_TEXT = "disk I/O error"
DISK_ERRNOS = frozenset(
    code for code in (errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", None)) if code
)


def disk_error(error: BaseException) -> DiskFullError | None:
    """The DiskFullError that `error` stands for, or None when it is something else."""
    if isinstance(error, DiskFullError):
        return error
    if isinstance(error, sqlcipher3.Error):
        code = (getattr(error, "sqlite_errorcode", None) or 0) & 0xFF
        text = str(error)
        # `sqlcipher_export()` reports its copy's failure as a plain SQLITE_ERROR whose
        # text is SQLite's own wording of the code (`sqlite3_errstr`).
        if code == SQLITE_FULL or text == _FULL_TEXT:
            return DiskFullError(DISK_FULL_MESSAGE)
        if code == SQLITE_IOERR or text == _IOERR_TEXT:
            return DiskFullError(DISK_FAULT_MESSAGE)
        return None
    if isinstance(error, OSError) and error.errno in DISK_ERRNOS:
        return DiskFullError(DISK_FULL_MESSAGE)
    return None


def raise_if_disk(error: BaseException) -> None:
    """Raise the DiskFullError `error` stands for (from it); return when it is something else."""
    found = disk_error(error)
    if found is not None and found is not error:
        raise found from error


@contextlib.contextmanager
def disk_errors_said() -> Iterator[None]:
    """Within the block, a full or failing disk is raised as DiskFullError."""
    try:
        yield
    except (sqlcipher3.Error, OSError) as error:
        raise_if_disk(error)
        raise
