"""Child process of the kill tests: runs one `ecoute` command, dying at its N-th file operation.

Run as `python -m tests.kill_child N WHEN -- ARGV…` with `KILL_REPORT=FILE` in the
environment. Each file operation the command performs (rename, replace, link, unlink,
copy, fsync…) is counted; at the N-th one the process ends at once with `os._exit`
(no `finally`, no clean-up: what `kill -9` would leave), before or after the operation
(`WHEN`). N = 0 never kills: the report then says how many operations the command made,
so the parent can kill it at each of them in turn. No timing is involved.
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

KILLED = 86  # the exit status of a child that killed itself
_OPERATIONS = {
    os: (
        "replace",
        "rename",
        "renames",
        "link",
        "symlink",
        "unlink",
        "remove",
        "rmdir",
        "truncate",
        "ftruncate",
        "fsync",
    ),
    shutil: ("copyfile", "copy", "copy2", "move", "rmtree"),
}


def _install(kill_at: int, after: bool, report: Path) -> list[int]:
    count = [0]

    def counting(module: Any, name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def operation(*args: Any, **kwargs: Any) -> Any:
            count[0] += 1
            if count[0] == kill_at and not after:
                report.write_text(f"killed {count[0]} {name} before\n")
                os._exit(KILLED)
            try:
                return real(*args, **kwargs)
            finally:  # also after an operation that failed (unlink of a missing file)
                if count[0] == kill_at and after:
                    report.write_text(f"killed {count[0]} {name} after\n")
                    os._exit(KILLED)

        return operation

    for module, names in _OPERATIONS.items():
        for name in names:
            setattr(module, name, counting(module, name, getattr(module, name)))
    return count


def _no_links() -> None:
    """A file system without hard links (FAT, some cloud folders): `os.link` refused."""

    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    os.link = refuse  # type: ignore[assignment]


def main() -> None:
    kill_at, when, separator, *argv = sys.argv[1:]
    assert separator == "--" and when in ("before", "after")
    report = Path(os.environ["KILL_REPORT"])
    if os.environ.get("KILL_NO_LINKS"):
        _no_links()
    from ecoute_desktop.cli import main as ecoute  # imported before counting starts

    count = _install(int(kill_at), when == "after", report)
    code = ecoute(argv)
    report.write_text(f"total {count[0]} exit {code}\n")
    sys.stdout.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
