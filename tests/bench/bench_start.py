"""The start as the user sees it (issue 16): from launch to the unlock window on screen,
as a whole process, against a bare PySide6 dialog with a password field (the same run).

Both are started the same way (`--close-when-shown`-like: the window closes as soon as
it is shown) on the offscreen platform; best of 5 each, goal ≤ 1.3×.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.common import BENCH_PASSPHRASE, BenchResult, make_database

BARE = """
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QVBoxLayout
app = QApplication([])
dialog = QDialog()
field = QLineEdit()
field.setEchoMode(QLineEdit.EchoMode.Password)
QVBoxLayout(dialog).addWidget(field)
QTimer.singleShot(0, dialog.reject)
dialog.exec()
"""


def _seconds(command: list[str]) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    subprocess.run(command, check=True, env=env, timeout=120, capture_output=True)
    return time.perf_counter() - started


def run() -> list[BenchResult]:
    with tempfile.TemporaryDirectory(prefix="ecoute-bench-") as folder:
        db = make_database(Path(folder) / "bench.db", 10, 1, BENCH_PASSPHRASE)
        app = [sys.executable, "-m", "ecoute_desktop.ui.app", "--db", str(db)]
        app.append("--close-when-shown")
        bare = [sys.executable, "-c", BARE]
        _seconds(app), _seconds(bare)  # warm the page cache for both
        measured = min(_seconds(app) for _ in range(5))
        baseline = min(_seconds(bare) for _ in range(5))
    return [
        BenchResult(
            "start to the unlock window",
            measured,
            baseline,
            "bare PySide6 dialog with a password field",
            goal=1.3,
            note=f"goal ≤ 1.3×; whole processes, best of 5 (ratio {measured / baseline:.2f}×)",
        )
    ]
