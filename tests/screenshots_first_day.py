"""Screenshots of the first day on an empty database, at 100 % and 200 % text size.

Usage: `QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.screenshots_first_day [OUT_DIR]
[--scales 100,200] [--sizes 1280x720]`. Files `{scale}-{w}x{h}-premier-jour-{view}.png`:
Aujourd'hui (empty state and « Premiers pas »), the whole Aujourd'hui page, Sollicitations,
Agenda, then Aujourd'hui again with half the steps done, and Paramètres at the region field.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.screenshots import Size, parse


def take(out: Path, scales: tuple[int, ...], sizes: tuple[Size, ...]) -> list[Path]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

    from ecoute_desktop.domain.models import Hotliner
    from ecoute_desktop.services.first_steps import save_report_identity
    from ecoute_desktop.store import Store
    from ecoute_desktop.ui.app import build_main_window, make_application
    from ecoute_desktop.ui.common import text_size

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(out / "qs"))
    app = make_application(["screenshots"])
    out.mkdir(parents=True, exist_ok=True)
    shots: list[Path] = []

    def grab(widget: QWidget, name: str) -> None:
        for _ in range(3):
            app.processEvents()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        shots.append(path)

    for scale, (width, height) in ((s, z) for s in scales for z in sizes):
        db = out / f"premier-jour-{scale}-{width}x{height}.db"
        for old in out.glob(db.name + "*"):
            old.unlink()
        store = Store.create(db, "cheval correct agrafe batterie 42")
        store.people.save(Hotliner("Morel", "Jacqueline", "", is_self=True))  # the assistant
        text_size.apply_scale(scale, remember=False)
        window = build_main_window(store)
        window.resize(width, height)
        window.show()
        prefix = f"{scale}-{width}x{height}-premier-jour"
        grab(window, f"{prefix}-aujourdhui")
        today = window.view("today")
        grab(today.findChild(QScrollArea).widget(), f"{prefix}-aujourdhui-page-entiere")
        for key in ("cases", "agenda"):
            window.show_view(key)
            window.context.runner.wait()  # type: ignore[attr-defined]
            grab(window, f"{prefix}-{key}")
        save_report_identity(store, "FR-BRE", "Mésange")
        window.show_view("today")
        grab(today.findChild(QScrollArea).widget(), f"{prefix}-premiers-pas-en-partie")
        window.show_settings("region")  # type: ignore[attr-defined]
        grab(window, f"{prefix}-parametres-region")
        window.close()
        window.deleteLater()
        store.close()
    text_size.apply_scale(100, remember=False)
    QApplication.processEvents()
    return shots


if __name__ == "__main__":
    out, scales, sizes = parse(sys.argv[1:])
    if "--sizes" not in sys.argv:
        sizes = ((1280, 720),)
    for shot in take(out, scales, sizes):
        print(shot)
