"""Running `ecoute` in-process for CLI tests: exit code, standard output and error."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ecoute_desktop.cli import main
from tests.conftest import PASSPHRASE


def run(monkeypatch, capsys, *argv: str, passphrase: str = PASSPHRASE) -> tuple[int, str, str]:
    """`ecoute ARGV…` with the base's passphrase in ECOUTE_PASSPHRASE."""
    monkeypatch.setenv("ECOUTE_PASSPHRASE", passphrase)
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    """The SHA-256 of a file: « unchanged byte for byte »."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
