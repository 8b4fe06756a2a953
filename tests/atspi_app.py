"""The app as a screen reader meets it: the unlock window, then « Aujourd'hui », then a
case page, one state per line read on stdin (tests/atspi_reader.py drives it).

Run with the project's Python under Xvfb and a D-Bus session; prints « state NAME »
once each state is on screen. The base is a synthetic demo base (no real data).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSocketNotifier, QTimer


def main(folder: str) -> int:
    from ecoute_desktop.services.demo import DEMO_PASSPHRASE, write_demo_database
    from ecoute_desktop.ui.app import build_main_window, make_application
    from ecoute_desktop.ui.safety.unlock_dialog import UnlockDialog

    app = make_application(["ecoute-atspi"])
    db = Path(folder) / "demo.db"
    write_demo_database(db, count=20, months=2)
    dialog = UnlockDialog(db)
    dialog.show()
    window = None

    def say(state: str) -> None:
        QTimer.singleShot(300, lambda: print(f"state {state}", flush=True))

    def step() -> None:
        nonlocal window
        line = sys.stdin.readline().strip()
        if line == "today":
            dialog.entry.edit.setText(DEMO_PASSPHRASE)
            assert dialog.try_unlock() and dialog.store is not None
            dialog.close()
            window = build_main_window(dialog.store)
            window.resize(1366, 768)
            window.show()
            window.activateWindow()
            say("today")
        elif line == "case" and window is not None:
            from ecoute_desktop.domain.timeutil import utc_now

            cases = window.context.services.cases  # type: ignore[attr-defined]
            window.open_case(cases.summaries(utc_now())[0].id)  # type: ignore[attr-defined]
            say("case")
        else:
            app.quit()

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(step)
    say("unlock")
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
