"""Packaging: the installed package carries every sub-package and every shipped resource.

The top-level `resources/` folder is installed as `ecoute_desktop.resources`; a wheel built
from the tree must hold the fonts, templates, schema, guide, icon and translations, or the
installed app would fail on first use (a PDF without fonts, an empty help window).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from ecoute_desktop.resource_files import resources_dir

ROOT = Path(__file__).resolve().parent.parent


def _declared_packages() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return config["tool"]["setuptools"]["packages"]


def test_every_sub_package_is_declared() -> None:
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "ecoute_desktop").rglob("__init__.py")
    }
    data_folders = {
        f"ecoute_desktop.resources.{folder.name}"
        for folder in (ROOT / "resources").iterdir()
        if folder.is_dir() and folder.name != "__pycache__"
    }
    assert found | {"ecoute_desktop.resources"} | data_folders == set(_declared_packages())


def test_resources_resolve_to_the_top_level_folder_in_a_checkout() -> None:
    assert resources_dir().resolve() == (ROOT / "resources").resolve()


@pytest.mark.slow
def test_wheel_carries_every_resource_file(tmp_path: Path) -> None:
    # Built from a clean copy: building in the tree would leave build/ there, and a stale
    # build/lib would put files deleted since into the wheel.
    source = tmp_path / "source"
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for name in ("ecoute_desktop", "resources"):
        shutil.copytree(ROOT / name, source / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {
        "ecoute_desktop/resources/" + path.relative_to(ROOT / "resources").as_posix()
        for path in (ROOT / "resources").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert shipped - names == set()
    modules = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "ecoute_desktop").rglob("*.py")
        if "__pycache__" not in path.parts
    }
    in_wheel = {
        n for n in names if n.endswith(".py") and not n.startswith("ecoute_desktop/resources/")
    }
    assert in_wheel == modules  # every module, and nothing left over from an older build


def test_shipped_templates_use_only_known_placeholders() -> None:
    from ecoute_desktop.services import charter, confirmation

    charter.check_template(charter.DEFAULT_TEMPLATE, charter.PLACEHOLDERS)
    for text in confirmation.DEFAULT_SUBJECT, confirmation.DEFAULT_BODY:
        charter.check_template(text, confirmation.PLACEHOLDERS)
    assert "{membre}" in charter.DEFAULT_TEMPLATE and "{date_rdv}" in confirmation.DEFAULT_BODY
