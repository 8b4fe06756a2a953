"""Print Écoute's version, or check that a release tag names it: `check_version.py v0.1.0`.

The release workflow runs it first, so a tag that does not match `ecoute_desktop.__version__`
stops before anything is built (the installers carry the package's version in their names).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

INIT = Path(__file__).resolve().parent.parent / "ecoute_desktop" / "__init__.py"


def package_version() -> str:
    match = re.search(r'^__version__ = "([^"]+)"$', INIT.read_text("utf-8"), re.MULTILINE)
    if match is None:
        raise SystemExit(f"no __version__ in {INIT}")
    return match.group(1)


def main(argv: list[str]) -> int:
    version = package_version()
    if not argv:
        print(version)
        return 0
    if argv[0] != f"v{version}":
        print(f"Tag {argv[0]} does not match the package version {version} (expected v{version}).")
        return 1
    print(version)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
