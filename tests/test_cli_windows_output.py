"""On Windows a command whose output is redirected to a file or a pipe writes UTF-8: a path
or a label outside the ANSI code page (« Łukasz ») is printed instead of ending the command
in a UnicodeEncodeError after its work was done; errors too."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from ecoute_desktop import cli
from tests.safety_helpers import NEW_PASSPHRASE


def _redirected(monkeypatch: pytest.MonkeyPatch) -> tuple[io.BytesIO, io.BytesIO]:
    """stdout and stderr as Windows sets them up for `ecoute … > fichier.txt`."""
    out, err = io.BytesIO(), io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out, encoding="cp1252"))
    monkeypatch.setattr(sys, "stderr", io.TextIOWrapper(err, encoding="cp1252"))
    monkeypatch.setattr(cli, "WINDOWS", True)
    return out, err


def test_redirected_output_on_windows_is_utf8(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ECOUTE_PASSPHRASE", NEW_PASSPHRASE)
    target = tmp_path / "Łukasz Wróbel" / "ecoute.db"
    out, err = _redirected(monkeypatch)
    assert cli.main(["--db", str(target), "init"]) == 0
    assert target.exists()
    assert cli.main(["--db", str(target), "init"]) == 1  # already there: refused, named
    sys.stdout.flush()
    sys.stderr.flush()
    assert out.getvalue().decode("utf-8") == f"Base créée : {target}\n"
    assert str(target) in err.getvalue().decode("utf-8")


def test_other_systems_keep_their_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    _redirected(monkeypatch)
    monkeypatch.setattr(cli, "WINDOWS", False)
    cli.utf8_output()
    assert sys.stdout.encoding == "cp1252"
