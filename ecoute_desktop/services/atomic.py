"""Atomic file writing: a temp file in the same folder, owner-only, fsync, then rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ecoute_desktop.store.fsync import fsync_dir
from ecoute_desktop.store.replacing import replace_file


@contextlib.contextmanager
def atomic_path(target: Path | str, mode: int = 0o600) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces `target` in one step.

    On failure the temporary file is removed and `target` is left as it was.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    descriptor, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    temp = Path(temp_name)
    try:
        os.close(descriptor)
        os.chmod(temp, mode)
        yield temp
        with temp.open("rb+") as handle:
            handle.flush()
            os.fsync(handle.fileno())
        replace_file(temp, target)  # Windows: FileInUseError if e.g. a PDF reader holds it
        fsync_dir(folder)
    except BaseException:
        with contextlib.suppress(OSError):  # never hide the error that stopped us
            temp.unlink(missing_ok=True)
        raise


def write_bytes_atomic(target: Path | str, data: bytes, mode: int = 0o600) -> Path:
    """Write `data` to `target` atomically (never half a file)."""
    with atomic_path(target, mode) as temp:
        temp.write_bytes(data)
    return Path(target)
