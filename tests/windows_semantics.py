"""Windows file semantics on Linux: an open file can be neither renamed over nor deleted.

`WindowsFiles(monkeypatch)` makes `os.replace`, `os.rename`, `os.unlink` and `os.remove`
raise PermissionError, as Windows does, when the source or target is open in this
process (read from /proc/self/fd: our own SQLCipher connection, its -wal/-shm, a file
a test holds open) or "held by another program" (`hold`, a PDF reader or antivirus).
It also switches `store.replacing` to its Windows behaviour (retry, then FileInUseError)
with the waits skipped.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from ecoute_desktop.store import lockfile, replacing

PROC_FDS = Path("/proc/self/fd")


def open_files() -> set[str]:
    """Real paths of every file this process has open."""
    found = set()
    for name in os.listdir(PROC_FDS):
        try:
            found.add(os.readlink(PROC_FDS / name))
        except OSError:
            continue
    return found


class WindowsFiles:
    """The monkeypatched file system; `refused` lists every refusal, in order."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        if not PROC_FDS.is_dir():
            pytest.skip("needs /proc/self/fd (Linux)")
        self.refused: list[str] = []
        self.waits: list[float] = []
        self._held: dict[str, int | None] = {}  # real path -> refusals left (None: always)
        self._rules: list[Callable[[str, str | None], bool]] = []
        real_replace, real_unlink = os.replace, os.unlink
        monkeypatch.setattr(replacing, "WINDOWS", True)
        monkeypatch.setattr(replacing.time, "sleep", self.waits.append)
        monkeypatch.setattr(os, "replace", self._guard2(real_replace))
        monkeypatch.setattr(os, "rename", self._guard2(real_replace))
        monkeypatch.setattr(os, "unlink", self._guard1(real_unlink))
        monkeypatch.setattr(os, "remove", self._guard1(real_unlink))

    def hold(self, path: Path | str, times: int | None = None) -> None:
        """Another program holds `path` (for the next `times` attempts, or for good)."""
        self._held[os.path.realpath(path)] = times

    def release(self, path: Path | str) -> None:
        self._held.pop(os.path.realpath(path), None)

    def refuse_when(self, rule: Callable[[str, str | None], bool]) -> None:
        """Also refuse operations whose (source, target) real paths match `rule`."""
        self._rules.append(rule)

    def _busy(self, path: str) -> bool:
        if path in self._held:
            left = self._held[path]
            if left is None:
                return True
            if left > 0:
                self._held[path] = left - 1
                return True
        return path in open_files()

    def _check(self, source: str, target: str | None) -> None:
        paths = [source] if target is None else [source, target]
        busy = [p for p in paths if os.path.lexists(p) and self._busy(p)]
        if busy or any(rule(source, target) for rule in self._rules):
            self.refused.append(busy[0] if busy else source)
            raise PermissionError(
                13, "The process cannot access the file (simulated Windows)", source
            )

    def _guard2(self, real: Callable[..., None]) -> Callable[..., None]:
        def guarded(source: object, target: object, *args: object, **kwargs: object) -> None:
            self._check(os.path.realpath(source), os.path.realpath(target))  # type: ignore[arg-type]
            real(source, target, *args, **kwargs)

        return guarded

    def _guard1(self, real: Callable[..., None]) -> Callable[..., None]:
        def guarded(path: object, *args: object, **kwargs: object) -> None:
            real_path = os.path.realpath(path)  # type: ignore[arg-type]
            # lockfile.release deletes the (open) lock file on POSIX only, never on Windows.
            if not real_path.endswith(lockfile.LOCK_SUFFIX):
                self._check(real_path, None)
            real(path, *args, **kwargs)

        return guarded
