"""The PyInstaller spec carries what the frozen app loads by name, which PyInstaller cannot see:
every view of the navigation and every CLI command (else « Bientôt disponible » everywhere),
the holidays module of France (the agenda), Europe/Paris for Windows (tzdata) and the
package resources; the macOS bundle is only made on macOS. The spec is run with
PyInstaller's build objects replaced by recorders (PyInstaller is not installed here)."""

from __future__ import annotations

import pkgutil
import sys
import types
from pathlib import Path

import pytest

import ecoute_desktop
from ecoute_desktop.cli import commands
from ecoute_desktop.ui.window.views import VIEWS

SPEC = Path(__file__).resolve().parent.parent / "installers" / "ecoute.spec"


class Recorder:
    calls: list[tuple[str, dict[str, object]]]

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, *args: object, **kwargs: object) -> types.SimpleNamespace:
        Recorder.calls.append((self.name, kwargs))
        return types.SimpleNamespace(pure=[], scripts=[], binaries=[], datas=[])


def _collect_submodules(package: str) -> list[str]:
    module = __import__(package, fromlist=["_"])
    return [package] + [
        info.name for info in pkgutil.walk_packages(module.__path__, prefix=f"{package}.")
    ]


def _run_spec(monkeypatch: pytest.MonkeyPatch, platform: str) -> dict[str, dict[str, object]]:
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_submodules = _collect_submodules  # type: ignore[attr-defined]
    hooks.collect_data_files = lambda package: [(f"<{package} data>", package)]  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(sys, "platform", platform)
    Recorder.calls = []
    names = {n: Recorder(n) for n in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")}
    exec(
        compile(SPEC.read_text("utf-8"), str(SPEC), "exec"), {"SPECPATH": str(SPEC.parent), **names}
    )
    return dict(Recorder.calls)


def test_everything_loaded_by_name_is_in_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    analysis = _run_spec(monkeypatch, "win32")["Analysis"]
    hidden = set(analysis["hiddenimports"])  # type: ignore[arg-type]
    assert {view.module for view in VIEWS} <= hidden
    cli = {f"{commands.__name__}.{m.name}" for m in pkgutil.iter_modules(commands.__path__)}
    assert cli and cli <= hidden
    import holidays

    assert holidays.France.module_name in hidden  # loaded lazily by holidays' registry
    packages = {package for _, package in analysis["datas"]}  # type: ignore[union-attr]
    assert {"ecoute_desktop", "tzdata", "holidays"} <= packages
    # the top-level resources/ folder lands where importlib.resources looks in the bundle,
    # file by file, without the source tree's __pycache__
    source = Path(ecoute_desktop.__file__).parent.parent / "resources"
    shipped = {
        Path(src).relative_to(source): Path(dest)
        for src, dest in analysis["datas"]  # type: ignore[union-attr]
        if Path(src).is_relative_to(source)
    }
    expected = {
        path.relative_to(source)
        for path in source.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert set(shipped) == expected
    for relative, dest in shipped.items():
        assert dest == Path("ecoute_desktop", "resources", *relative.parent.parts)
    assert "ecoute_desktop.resources" in hidden
    assert Path(analysis["pathex"][0]) == Path(ecoute_desktop.__file__).parent.parent  # type: ignore[index]


def test_bundle_only_on_macos_with_each_systems_icon(monkeypatch: pytest.MonkeyPatch) -> None:
    windows = _run_spec(monkeypatch, "win32")
    assert "BUNDLE" not in windows and str(windows["EXE"]["icon"]).endswith(".ico")
    mac = _run_spec(monkeypatch, "darwin")
    assert str(mac["EXE"]["icon"]).endswith(".icns")
    assert mac["BUNDLE"]["version"] == ecoute_desktop.__version__
    plist = mac["BUNDLE"]["info_plist"]
    assert plist["CFBundleDevelopmentRegion"] == "fr"  # type: ignore[index]
    assert plist["LSMinimumSystemVersion"] == "13.0"  # type: ignore[index]  # Qt 6.11's minimum
    assert mac["BUNDLE"]["bundle_identifier"] == "fr.aitf.ecoute"
    # Linux: the program is named like the pip-installed command and the .desktop Exec
    assert _run_spec(monkeypatch, "linux")["EXE"]["name"] == "ecoute-desktop"
    for kind in ("ico", "icns"):
        assert (SPEC.parent / "icons" / f"ecoute.{kind}").is_file()
