"""Where the files shipped with Écoute are (fonts, templates, schema, help, icons, translations).

They live in the top-level `resources/` folder of the source tree, which is installed as the
package `ecoute_desktop.resources`: an editable install, a wheel and the PyInstaller bundle
all answer through `importlib.resources`. A bare source checkout on `PYTHONPATH` (no install)
falls back to the folder next to the package.
"""

from __future__ import annotations

from pathlib import Path

RESOURCE_PACKAGE = "ecoute_desktop.resources"


def resources_dir() -> Path:
    """The folder holding the shipped resources.

    A wheel and the bundle have it inside the package, a source checkout next to it: both
    are found without `importlib.resources` (and the zip machinery it imports), which
    only an editable install elsewhere needs.
    """
    package = Path(__file__).resolve().parent
    if (package / "resources").is_dir():
        return package / "resources"
    if (package.parent / "pyproject.toml").is_file() and (package.parent / "resources").is_dir():
        return package.parent / "resources"
    from importlib import resources

    try:
        return Path(str(resources.files(RESOURCE_PACKAGE)))
    except ModuleNotFoundError:
        return package.parent / "resources"


def resource_path(*parts: str) -> Path:
    """The path of one shipped file, e.g. `resource_path("fonts", "DejaVuSans.ttf")`."""
    return resources_dir().joinpath(*parts)


def read_resource(*parts: str) -> str:
    """The text of one shipped file (UTF-8)."""
    return resource_path(*parts).read_text(encoding="utf-8")
