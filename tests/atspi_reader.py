"""Read the app's real accessibility tree over AT-SPI, as Orca would (tests/test_atspi.py).

Run with the system Python (Debian's python3-pyatspi) inside `dbus-run-session` and
`xvfb-run`. Starts tests/atspi_app.py with the project's Python, and for each state
(unlock window, « Aujourd'hui », a case page) prints one JSON line: every showing node
with its role, name and extents, in tree order.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time

import pyatspi  # type: ignore[import-not-found]

STATES = ("unlock", "today", "case")


def _nodes(node, depth: int = 0, out: list | None = None, parent: int = -1) -> list:
    out = [] if out is None else out
    me = len(out)
    try:
        states = node.getState()
        showing = states.contains(pyatspi.STATE_SHOWING)
        focusable = states.contains(pyatspi.STATE_FOCUSABLE)
        try:
            extents = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
            box = [extents.x, extents.y, extents.width, extents.height]
        except NotImplementedError:  # the application node has no place on screen
            box = None
        out.append(
            {
                "role": node.getRoleName(),
                "name": node.name or "",
                "showing": showing,
                "focusable": focusable,
                "depth": depth,
                "parent": parent,
                "box": box,
            }
        )
        for child in node:
            if child is not None:
                _nodes(child, depth + 1, out, me)
    except Exception as error:  # a node that went away while read
        out.append({"role": "error", "name": repr(error), "showing": False, "depth": depth})
    return out


def _application(name_part: str, timeout: float = 20.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and name_part in (app.name or "").lower():
                return app
        time.sleep(0.2)
    raise SystemExit(f"l'application {name_part!r} n'apparaît pas sur le bus d'accessibilité")


def main(python: str) -> int:
    pyatspi.Registry.getDesktop(0)  # starts the accessibility bus before the app
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1")
    with tempfile.TemporaryDirectory() as folder:
        child = subprocess.Popen(
            [python, "-m", "tests.atspi_app", folder],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdin is not None and child.stdout is not None
        for state in STATES:
            line = child.stdout.readline().strip()
            if line != f"state {state}":
                raise SystemExit(f"état attendu {state!r}, reçu {line!r}")
            app = _application("coute")  # « Écoute » or « Ecoute »
            print(json.dumps({"state": state, "nodes": _nodes(app)}), flush=True)
            child.stdin.write(
                ("today" if state == "unlock" else "case" if state == "today" else "quit") + "\n"
            )
            child.stdin.flush()
        child.wait(timeout=30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
