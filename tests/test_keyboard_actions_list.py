"""The 21 main actions of docs/accessibility.md and their keyboard tests stay one list.

Pins: the table « The 21 main actions, by keyboard alone » has rows 1 to 21, and each row
names a test function that exists in its module (`…::` repeats the module above), so an
action cannot lose its test, nor a test its row, unnoticed.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

DOC = Path(__file__).parent.parent / "docs" / "accessibility.md"


def test_every_main_action_has_its_keyboard_test() -> None:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## The 21 main actions, by keyboard alone", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| (\d+) \| .* \| `([^`]+)` \|$", section, re.MULTILINE)
    assert [int(number) for number, _ in rows] == list(range(1, 22))
    module = ""
    missing = []
    for number, where in rows:
        file, function = where.split("::")
        if file != "…":
            module = file.removesuffix(".py")
        tests = importlib.import_module(f"tests.{module}")
        if not function.startswith(f"test_{int(number):02d}_") or not hasattr(tests, function):
            missing.append(f"{number}: {module}::{function}")
    assert missing == []
