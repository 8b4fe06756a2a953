"""A screen reader gets it: the real AT-SPI tree of the unlock window, « Aujourd'hui » and
a case page, read under Xvfb on a D-Bus session by the system's pyatspi (issue 20).

Every control (a node that takes focus, or a button, field, list, table, box) has a
role and a name, and the tree follows the eye: no node comes after a sibling it sits
entirely above in the same column. Needs `dbus-run-session`, `xvfb-run`, Debian's
`at-spi2-core` and `python3-pyatspi` (`make` installs them); without them the test
fails with the reason, it is never skipped.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SYSTEM_PYTHON = "/usr/bin/python3"
CONTROLS = {
    "push button",
    "toggle button",
    "check box",
    "radio button",
    "combo box",
    "text",
    "password text",
    "spin button",
    "list",
    "table",
    "page tab",
    "slider",
}
ITEMS = {"table cell", "list item", "table column header", "table row header", "menu item"}


@pytest.fixture(scope="module")
def trees() -> dict[str, list[dict]]:
    missing = [tool for tool in ("dbus-run-session", "xvfb-run") if shutil.which(tool) is None]
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True)
    if probe.returncode != 0:
        missing.append("python3-pyatspi (at-spi2-core)")
    if missing:
        pytest.fail(f"AT-SPI test cannot run, missing: {', '.join(missing)} (run make test)")
    command = [
        "dbus-run-session", "--", "xvfb-run", "-a", "-s", "-screen 0 1366x768x24",
        SYSTEM_PYTHON, str(ROOT / "tests" / "atspi_reader.py"), sys.executable,
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=240)
    assert result.returncode == 0, result.stderr[-2000:]
    states = {}
    for line in result.stdout.splitlines():
        if line.startswith("{"):
            document = json.loads(line)
            states[document["state"]] = document["nodes"]
    assert set(states) == {"unlock", "today", "case"}, result.stdout[-2000:]
    return states


def _controls(nodes: list[dict]) -> list[dict]:
    return [
        n
        for n in nodes
        if n["showing"] and n["role"] not in ITEMS and (n["focusable"] or n["role"] in CONTROLS)
    ]


@pytest.mark.parametrize("state", ["unlock", "today", "case"])
def test_every_control_has_a_role_and_a_name(trees, state: str) -> None:
    controls = _controls(trees[state])
    assert len(controls) >= 3
    nameless = [f"{n['role']} at {n['box']}" for n in controls if not n["name"].strip()]
    unknown = [f"{n['name']!r} at {n['box']}" for n in controls if n["role"] == "unknown"]
    assert nameless == [] and unknown == []


def test_the_unlock_window_asks_for_the_passphrase(trees) -> None:
    roles = {(n["role"], n["name"]) for n in trees["unlock"] if n["showing"]}
    assert ("password text", "Phrase de passe") in roles
    assert any(role == "push button" and "Ouvrir" in name for role, name in roles)


@pytest.mark.parametrize("state", ["unlock", "today", "case"])
def test_the_tree_follows_the_visual_order(trees, state: str) -> None:
    nodes = trees[state]
    siblings: dict[int, list[dict]] = defaultdict(list)
    for node in nodes:
        box = node.get("box")
        if node["showing"] and box and box[2] > 0 and box[3] > 0 and node["role"] not in ITEMS:
            siblings[node["parent"]].append(node)
    backwards = []
    for group in siblings.values():
        for i, earlier in enumerate(group):
            for later in group[i + 1 :]:
                (ax, ay, aw, _), (bx, by, bw, bh) = earlier["box"], later["box"]
                same_column = bx < ax + aw and ax < bx + bw
                if same_column and by + bh <= ay:
                    backwards.append(f"{later['role']} {later['name']!r} after {earlier['role']}")
    assert backwards == []
