"""Screenshots of the safety screens at 100 % and 200 % text size: the lock screen, the
restore flow (Paramètres › Sécurité, the confirmation, the unlock window of a damaged file
offering the latest backup) and the case view's « Données personnelles » menu.

Usage: `QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.screenshots_safety [OUT_DIR]`.
"""

from __future__ import annotations

import os
import sys
import tempfile
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def take(out: Path) -> list[Path]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from ecoute_desktop.services.app import Services
    from ecoute_desktop.services.backup import automatic_backup
    from ecoute_desktop.services.demo import DEMO_PASSPHRASE, write_demo_database
    from ecoute_desktop.store import Store
    from ecoute_desktop.ui.app import build_main_window, make_application
    from ecoute_desktop.ui.common import prompts, text_size
    from ecoute_desktop.ui.common.question_dialog import QuestionDialog
    from ecoute_desktop.ui.safety.lock_screen import LockScreen
    from ecoute_desktop.ui.safety.unlock_dialog import UnlockDialog

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(out / "qs"))
    app = make_application(["screenshots"])
    out.mkdir(parents=True, exist_ok=True)
    db = out / "demo.db"
    if not db.exists():
        write_demo_database(db)
    shots: list[Path] = []

    def grab(widget: QWidget, name: str) -> None:
        for _ in range(3):
            app.processEvents()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        shots.append(path)

    def ask(action: object) -> str:
        """Run `action`, capturing the question it asks (answered « Non »)."""
        asked: list[str] = []
        saved = (prompts.confirm_action, prompts.ask_open_path, prompts.ask_passphrase)
        prompts.confirm_action = lambda _p, _t, text, *_, **__: asked.append(text) or False  # type: ignore[assignment]
        prompts.ask_open_path = lambda *_: backup_path  # type: ignore[assignment]
        prompts.ask_passphrase = lambda *_: DEMO_PASSPHRASE  # type: ignore[assignment]
        try:
            action()  # type: ignore[operator]
        finally:
            prompts.confirm_action, prompts.ask_open_path, prompts.ask_passphrase = saved
        return asked[0]

    def question_box(parent: QWidget, text: str, name: str, action: str) -> None:
        # as prompts.confirm_action shows it
        box = QuestionDialog(parent, "Écoute", text, action, "Annuler", danger=True)
        box.show()
        grab(box, name)
        box.close()

    for scale in (100, 200):
        text_size.apply_scale(scale, remember=False)
        store = Store.open(db, DEMO_PASSPHRASE)
        backup = automatic_backup(store)
        backup_path = backup.path
        window = build_main_window(store)
        window.resize(1400, 900)
        window.show()
        cases = window.show_view("cases")
        window.context.runner.wait()  # type: ignore[attr-defined]
        app.processEvents()
        rows = cases.model.rows()  # type: ignore[attr-defined]
        view = window.open_case(rows[0].id)
        grab(window, f"{scale}-dossier-en-tete")
        view.privacy.menu().popup(view.privacy.mapToGlobal(view.privacy.rect().bottomLeft()))
        grab(view.privacy.menu(), f"{scale}-menu-donnees-personnelles")
        view.privacy.menu().close()
        question_box(window, ask(view.privacy.erase), f"{scale}-effacer-confirmation", "Effacer")
        window.close_case()
        settings = window.show_view("settings")
        settings.show_page(settings.safety)  # type: ignore[attr-defined]
        grab(window, f"{scale}-securite")
        from ecoute_desktop.ui.safety.restore import restore_into_open_app

        panel, context = settings.safety, window.context  # type: ignore[attr-defined]
        question = ask(partial(restore_into_open_app, panel, context))
        question_box(window, question, f"{scale}-restaurer-confirmation", "Restaurer")
        window.auto_lock.stop()  # type: ignore[attr-defined]
        window.close()
        store.close()
        lock = LockScreen(Services(store).session, lambda: None)
        lock.show()
        grab(lock, f"{scale}-ecran-verrouille")
        lock._unlocking = True
        lock.close()
        damaged = out / f"abimee-{scale}" / "ecoute.db"
        damaged.parent.mkdir(exist_ok=True)
        damaged.write_bytes(db.read_bytes())
        (damaged.parent / "sauvegardes").mkdir(exist_ok=True)
        (damaged.parent / "sauvegardes" / "ecoute-sauvegarde-20260301-170000.db").write_bytes(
            backup.path.read_bytes()
        )
        data = bytearray(damaged.read_bytes())
        data[9 * 4096 + 77] ^= 0x5A
        damaged.write_bytes(bytes(data))
        unlock = UnlockDialog(damaged)
        unlock.show()
        unlock.passphrase_edit.setText(DEMO_PASSPHRASE)
        unlock.try_unlock()
        grab(unlock, f"{scale}-ouverture-base-endommagee")
        unlock.close()
    QApplication.processEvents()
    return shots


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp(prefix="ecoute-"))
    for shot in take(target):
        print(shot)
