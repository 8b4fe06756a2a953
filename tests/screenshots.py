"""Screenshots of the desk's main views at 100 % and 200 % text size, on a demo database.

Usage: `QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.screenshots [OUT_DIR]
[--scales 100,150,200] [--sizes 1400x900,1280x720] [--dark]` (or under `xvfb-run`). Files are named
`{scale}-{width}x{height}-{view}.png`; a window that grew wider or taller than asked is
reported on stderr. Look at every PNG: nothing clipped, nothing in English, nothing empty.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


Size = tuple[int, int]


def take(
    out: Path, scales: tuple[int, ...] = (100, 200), sizes: tuple[Size, ...] = ((1400, 900),)
) -> list[Path]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

    from ecoute_desktop.domain.workflow import Status
    from ecoute_desktop.services.demo import DEMO_PASSPHRASE, write_demo_database
    from ecoute_desktop.store import Store
    from ecoute_desktop.ui.app import build_main_window, make_application
    from ecoute_desktop.ui.common import text_size
    from ecoute_desktop.ui.safety.first_run import FirstRunWizard
    from ecoute_desktop.ui.safety.unlock_dialog import UnlockDialog

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(out / "qs"))
    app = make_application(["screenshots"])
    out.mkdir(parents=True, exist_ok=True)
    db = out / "demo.db"
    if not db.exists():
        write_demo_database(db)
    store = Store.open(db, DEMO_PASSPHRASE)
    shots: list[Path] = []

    def grab(widget: QWidget, name: str) -> None:
        if widget is window:
            window.resize(width, height)  # a previous view may have widened it
        for _ in range(3):
            app.processEvents()
        if widget is window and (widget.width(), widget.height()) != (width, height):
            print(f"{name}: window {widget.width()}x{widget.height()}", file=sys.stderr)
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        shots.append(path)

    for scale, (width, height) in ((s, z) for s in scales for z in sizes):
        text_size.apply_scale(scale, remember=False)
        window = build_main_window(store)
        window.resize(width, height)
        window.show()
        scale = f"{scale}-{width}x{height}"  # type: ignore[assignment]  # file name prefix
        grab(window, f"{scale}-aujourdhui")
        cases = window.show_view("cases")
        window.context.runner.wait()  # type: ignore[attr-defined]  # rows load in the background
        grab(window, f"{scale}-sollicitations")
        with_notes = next(row for row in cases.model.rows() if row.status is Status.CLOSED)  # type: ignore[attr-defined]
        window.open_case(with_notes.id)
        grab(window, f"{scale}-sollicitation-close")
        page = window.case_view.findChild(QScrollArea).widget()  # type: ignore[union-attr]
        grab(page, f"{scale}-sollicitation-close-page-entiere")
        view = window.case_view
        view.orientation.show_directory()  # type: ignore[union-attr]
        grab(view.orientation.popup, f"{scale}-annuaire-popup")  # type: ignore[union-attr]
        view.orientation.popup.close()  # type: ignore[union-attr]
        window.close_case()
        scheduled = next(row for row in cases.model.rows() if row.status is Status.SCHEDULED)  # type: ignore[attr-defined]
        window.open_case(scheduled.id)
        grab(window, f"{scale}-sollicitation-rdv")
        page = window.case_view.findChild(QScrollArea).widget()  # type: ignore[union-attr]
        grab(page, f"{scale}-sollicitation-rdv-page-entiere")
        window.close_case()
        for key in ("agenda", "reports", "export", "coordination"):
            window.show_view(key)
            grab(window, f"{scale}-{key}")
        settings = window.show_view("settings")
        for index in range(settings.rubrics.count()):  # type: ignore[attr-defined]
            settings.rubrics.set_current(index)  # type: ignore[attr-defined]
            grab(window, f"{scale}-parametres-{index}")
        dialog = window.new_case()
        grab(dialog, f"{scale}-nouvelle-sollicitation")
        dialog.reject()
        unlock = UnlockDialog(db)
        unlock.show()
        grab(unlock, f"{scale}-deverrouillage")
        unlock.close()
        wizard = FirstRunWizard(Path(tempfile.gettempdir()) / "nouvelle" / "ecoute.db")
        wizard.show()
        grab(wizard, f"{scale}-assistant-1")
        wizard.next()
        wizard.passphrase_page.first_edit.setText("cheval correct")
        grab(wizard, f"{scale}-assistant-2")
        wizard.close()
        window.close()
        window.deleteLater()
    text_size.apply_scale(100, remember=False)
    store.close()
    QApplication.processEvents()
    return shots


def parse(argv: list[str]) -> tuple[Path, tuple[int, ...], tuple[Size, ...]]:
    """OUT_DIR, --scales 100,200 and --sizes 1400x900,1280x720 (shared by the scripts)."""
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("out", nargs="?", type=Path)
    parser.add_argument("--scales", default="100,200")
    parser.add_argument("--sizes", default="1400x900")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="ecoute-"))
    scales = tuple(int(s) for s in args.scales.split(","))
    sizes = tuple((int(w), int(h)) for w, h in (z.split("x") for z in args.sizes.split(",")))
    return out, scales, sizes


def scheme_from(argv: list[str]) -> list[str]:
    """`--dark`: the dark scheme, as on a system set to dark (offscreen has no such setting)."""
    if "--dark" not in argv:
        return argv
    from ecoute_desktop.ui.common import palette

    palette.is_dark = lambda: True  # type: ignore[assignment]
    return [arg for arg in argv if arg != "--dark"]


if __name__ == "__main__":
    for shot in take(*parse(scheme_from(sys.argv[1:]))):
        print(shot)
