"""Atomic file writing: a temp file in the same folder, owner-only, fsync, then rename."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from ecoute_desktop.store.errors import StoreError
from ecoute_desktop.store.fsync import fsync_dir
from ecoute_desktop.store.replacing import private_temp, replace_file


def _naming_target(error: OSError, target: Path) -> OSError:
    """`error`, or the same error naming `target` when it names our hidden temporary file.

    The user asked for « rapport.pdf »: « .rapport.pdf.k3x9.part : accès refusé » would
    name a file they never heard of (and that is already removed). An error naming no
    file at all (a full disk during a write) gets the target's name too.
    """
    if isinstance(error, StoreError) or error.errno is None:  # worded already / no file error
        return error
    hidden = f".{target.name}."
    names = [str(n) for n in (error.filename, error.filename2) if n is not None]
    if names and not any(Path(n).name.startswith(hidden) for n in names):
        return error
    return OSError(error.errno, error.strerror, str(target))  # same subclass, by errno


@contextlib.contextmanager
def atomic_path(target: Path | str, mode: int = 0o600) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces `target` in one step.

    On failure the temporary file is removed and `target` is left as it was. A file
    error about the temporary file is raised as the same error naming `target`.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        temp = private_temp(target, ".part")
    except OSError as error:
        raise _naming_target(error, target) from error
    try:
        os.chmod(temp, mode)
        yield temp
        with temp.open("rb+") as handle:
            handle.flush()
            os.fsync(handle.fileno())
        replace_file(temp, target)  # Windows: FileInUseError if e.g. a PDF reader holds it
        fsync_dir(folder)
    except BaseException as error:
        with contextlib.suppress(OSError):  # never hide the error that stopped us
            temp.unlink(missing_ok=True)
        if isinstance(error, OSError) and (renamed := _naming_target(error, target)) is not error:
            raise renamed from error
        raise


def write_bytes_atomic(target: Path | str, data: bytes, mode: int = 0o600) -> Path:
    """Write `data` to `target` atomically (never half a file)."""
    with atomic_path(target, mode) as temp:
        temp.write_bytes(data)
    return Path(target)
