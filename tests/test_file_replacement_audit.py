"""Every rename, replace or link of a file goes through `store/replacing.py` (one audited place).

A direct `os.replace` elsewhere would be a replacement nobody checked against the rule
« old or new, complete, at every instant »; this test names the line that does it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import ecoute_desktop

PACKAGE = Path(ecoute_desktop.__file__).parent
AUDITED = PACKAGE / "store" / "replacing.py"
FORBIDDEN = {
    ("os", "replace"),
    ("os", "rename"),
    ("os", "renames"),
    ("os", "link"),
    ("shutil", "move"),
}


def _offences(source: str) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        func = node.func
        receiver = func.value.id if isinstance(func.value, ast.Name) else None
        direct = (receiver, func.attr) in FORBIDDEN or func.attr in ("hardlink_to", "link_to")
        # Path.replace(target) / Path.rename(target): one argument (str.replace takes two)
        on_path = func.attr in ("replace", "rename") and len(node.args) == 1 and not node.keywords
        if direct or on_path:
            lines.append(node.lineno)
    return lines


def test_only_the_audited_module_renames_replaces_or_links_files() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == AUDITED:
            continue
        for line in _offences(path.read_text(encoding="utf-8")):
            found.append(f"{path.relative_to(PACKAGE)}:{line}")
    assert found == []


def test_the_audit_sees_a_direct_replacement() -> None:
    assert _offences("import os\nos.replace(a, b)\n") == [2]
    assert _offences("from pathlib import Path\nPath(a).rename(b)\n") == [2]
    assert _offences("text = name.replace('a', 'b')\n") == []
