"""The Inno Setup script gives a French wizard and a per-user install without administrator
rights, packs the program PyInstaller names on Windows, and has an uninstaller that deletes
nothing of the user's data (no [UninstallDelete], no deleting code) and says so in French.
(Inno Setup only runs on Windows: the release workflow compiles and runs it there.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.test_installer_spec import _run_spec

ISS = Path(__file__).resolve().parent.parent / "installers" / "windows" / "ecoute.iss"


def _sections(text: str) -> dict[str, str]:
    parts = re.split(r"^\[(\w+)\]\s*$", text, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def _setup(text: str) -> dict[str, str]:
    lines = _sections(text)["Setup"].splitlines()
    pairs = (line.split("=", 1) for line in lines if "=" in line and not line.startswith(";"))
    return {key.strip(): value.strip() for key, value in pairs}


def test_per_user_french_install() -> None:
    text = ISS.read_text("utf-8-sig")
    setup = _setup(text)
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup  # never offers an admin install
    assert setup["DefaultDirName"].startswith("{autopf}")  # %LOCALAPPDATA%\Programs per user
    languages = _sections(text)["Languages"].strip().splitlines()
    assert languages == ['Name: "french"; MessagesFile: "compiler:Languages\\French.isl"']
    assert ISS.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Inno reads the accents


def test_shortcuts_start_menu_and_optional_desktop() -> None:
    sections = _sections(ISS.read_text("utf-8-sig"))
    assert "Flags: unchecked" in sections["Tasks"]
    icons = sections["Icons"].strip().splitlines()
    assert icons[0].startswith('Name: "{autoprograms}')
    assert icons[1].startswith('Name: "{autodesktop}') and "Tasks: desktopicon" in icons[1]


def test_installs_the_program_pyinstaller_builds_on_windows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    exe = _run_spec(monkeypatch, "win32")["EXE"]["name"]
    text = ISS.read_text("utf-8-sig")
    assert f'#define AppExe "{exe}.exe"' in text
    assert 'Source: "..\\..\\dist\\Ecoute\\*"' in text


def test_uninstaller_keeps_the_data_and_says_so() -> None:
    text = ISS.read_text("utf-8-sig")
    sections = _sections(text)
    assert "UninstallDelete" not in sections
    code = sections["Code"]
    assert not re.search(r"\b(DelTree|DeleteFile|RemoveDir)\b", code)
    assert "usPostUninstall" in code and "SuppressibleMsgBox" in code
    kept = sections["CustomMessages"]
    assert "base chiffrée et vos sauvegardes n'ont pas été supprimées" in kept
    assert "ne seront pas supprimées" in sections["Messages"]  # said before, too
