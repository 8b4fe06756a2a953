"""The application icon: a calm SVG in the package, on every window, and its installer renders.

Pins: the SVG ships as package data and draws no text; Qt loads it (the SVG icon engine works
offscreen) and `make_application` makes it the icon of every window; the PNG/ICO/ICNS under
`installers/icons/` are 256 px renders of the current SVG (regenerate them with
`python -m ecoute_desktop.ui.common.app_icon installers/icons` after editing it); the Linux
`.desktop` file starts `ecoute-desktop`, the GUI script the package installs, with that icon.
"""

from __future__ import annotations

import configparser
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtGui import QIcon, QImage
from PySide6.QtWidgets import QApplication, QWidget

from ecoute_desktop.ui.app import make_application
from ecoute_desktop.ui.common.app_icon import app_icon, icon_path, render, write_installer_icons
from tests.desk_support import isolated_settings  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
INSTALLER_ICONS = ROOT / "installers" / "icons"


def _opaque_share(image: QImage) -> float:
    step = max(1, image.width() // 64)
    points = [(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)]
    opaque = sum(1 for x, y in points if image.pixelColor(x, y).alpha() > 200)
    return opaque / len(points)


def test_svg_is_a_shipped_resource_and_has_no_text() -> None:
    path = icon_path()
    assert path.is_file() and path.is_relative_to(ROOT / "resources")
    tree = ET.parse(path)
    tags = {element.tag.rsplit("}", 1)[-1] for element in tree.iter()}
    assert "text" not in tags and "image" not in tags  # drawn shapes only
    # that wheels carry it: tests/test_packaging.py


def test_icon_loads_and_every_window_gets_it(qapp) -> None:
    icon = app_icon()
    assert not icon.isNull()
    small = icon.pixmap(32, 32).toImage()
    assert small.width() == 32 and 0.5 < _opaque_share(small) < 1.0  # a tile with round corners
    locale, translators = QLocale(), set(qapp.findChildren(QTranslator))
    try:
        app = make_application([])
        assert app is QApplication.instance()
        assert not app.windowIcon().isNull()
        window = QWidget()
        assert not window.windowIcon().isNull()
        assert window.windowIcon().pixmap(48, 48).toImage() == app_icon().pixmap(48, 48).toImage()
    finally:  # leave the session's application as other tests expect it
        QLocale.setDefault(locale)
        for translator in set(qapp.findChildren(QTranslator)) - translators:
            qapp.removeTranslator(translator)
        qapp.setWindowIcon(QIcon())


def test_installer_renders_match_the_svg(qapp) -> None:
    fresh = render(256).convertToFormat(QImage.Format.Format_ARGB32)
    for name in ("ecoute.png", "ecoute.ico", "ecoute.icns"):
        stored = QImage(str(INSTALLER_ICONS / name))
        assert not stored.isNull(), name
        assert (stored.width(), stored.height()) == (256, 256), name
        stored = stored.convertToFormat(QImage.Format.Format_ARGB32)
        differing = sum(
            1
            for x in range(0, 256, 4)
            for y in range(0, 256, 4)
            if abs(stored.pixelColor(x, y).alpha() - fresh.pixelColor(x, y).alpha()) > 16
            or abs(stored.pixelColor(x, y).green() - fresh.pixelColor(x, y).green()) > 16
        )
        assert differing < 40, f"{name} is stale: re-render it from the SVG"


def test_the_installer_icons_can_be_written_again(qapp, tmp_path: Path) -> None:
    """`make dist` re-renders the icons: each written file is read back as a 256 px image."""
    written = write_installer_icons(tmp_path)
    assert sorted(path.name for path in written) == ["ecoute.icns", "ecoute.ico", "ecoute.png"]
    for path in written:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (256, 256), path.name


def test_desktop_file_starts_the_gui_script() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(ROOT / "installers" / "linux" / "ecoute-desktop.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert desktop["Type"] == "Application"
    assert desktop["Exec"].split()[0] in config["project"]["gui-scripts"]
    assert desktop["Icon"] == "ecoute"
    assert desktop["Name"] == "Écoute"
    assert desktop["Terminal"] == "false"
