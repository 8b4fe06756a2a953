"""The application icon (resources/icons/ecoute.svg) and its raster renders for installers.

`python -m ecoute_desktop.ui.common.app_icon OUT_DIR` writes `ecoute.png` (256 px), `ecoute.ico`
and `ecoute.icns` with Qt's own image plugins (no Pillow needed).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QIcon

from ecoute_desktop.resource_files import resource_path

if TYPE_CHECKING:
    from PySide6.QtGui import QImage

INSTALLER_SIZE = 256


def icon_path() -> Path:
    """The SVG shipped in `resources/icons/` (wheels and PyInstaller carry it)."""
    return resource_path("icons", "ecoute.svg")


def app_icon() -> QIcon:
    """The window and application icon, drawn from the SVG at whatever size is asked."""
    return QIcon(str(icon_path()))


def render(size: int = INSTALLER_SIZE) -> QImage:
    """The icon as a `size` × `size` image with a transparent background."""
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer  # only for installer renders, not at start-up

    renderer = QSvgRenderer(str(icon_path()))
    if not renderer.isValid():
        raise ValueError("icône SVG illisible")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    from PySide6.QtCore import Qt  # its enums cost ~20 ms to create: not at start-up

    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def encoded(image: QImage, image_format: str) -> bytes:
    """`image` encoded by Qt's plugin for `image_format` (png, ico, icns)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice  # not at start-up

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6's stub says bytes, but the binding accepts only str for `format`.
    if not image.save(buffer, image_format.upper()):  # type: ignore[call-overload]
        raise ValueError(f"format d'image non pris en charge : {image_format}")
    buffer.close()
    return bytes(data.data())


def write_installer_icons(folder: Path, size: int = INSTALLER_SIZE) -> list[Path]:
    """ecoute.png, ecoute.ico and ecoute.icns in `folder`, each written atomically."""
    from ecoute_desktop.services.atomic import write_bytes_atomic

    image = render(size)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for image_format in ("png", "ico", "icns"):
        target = folder / f"ecoute.{image_format}"
        write_bytes_atomic(target, encoded(image, image_format), mode=0o644)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtGui import QGuiApplication

    args = sys.argv[1:] if argv is None else argv
    _app = QGuiApplication.instance() or QGuiApplication(["app_icon"])
    folder = Path(args[0]) if args else Path("installers") / "icons"
    for path in write_installer_icons(folder):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
