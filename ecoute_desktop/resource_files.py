"""Where the files shipped with Écoute are (fonts, templates, schema, help, icons, translations).

They live in the top-level `resources/` folder of the source tree, which is installed as the
package `ecoute_desktop.resources`: an editable install, a wheel and the PyInstaller bundle
all answer through `importlib.resources`. A bare source checkout on `PYTHONPATH` (no install)
falls back to the folder next to the package.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

RESOURCE_PACKAGE = "ecoute_desktop.resources"


def resources_dir() -> Path:
    """The folder holding the shipped resources."""
    try:
        return Path(str(resources.files(RESOURCE_PACKAGE)))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """The path of one shipped file, e.g. `resource_path("fonts", "DejaVuSans.ttf")`."""
    return resources_dir().joinpath(*parts)


def read_resource(*parts: str) -> str:
    """The text of one shipped file (UTF-8)."""
    return resource_path(*parts).read_text(encoding="utf-8")
