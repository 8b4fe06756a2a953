"""The README and docs/ point at things that exist: every relative link opens a file (and its
anchor a heading), and every repository path quoted in backticks names a real file.

A newcomer follows these links and paths first; a file moved or renamed without its
documentation fails here, naming the document, the line and the broken reference.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

# [text](target) — not an image, not inside inline code (code spans are removed first).
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")
CODE_SPAN = re.compile(r"`([^`\n]+)`")
FENCE = re.compile(r"^```.*?^```", re.MULTILINE | re.DOTALL)
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$", re.MULTILINE)
# A quoted file of the tree: slash-separated words ending in a known extension,
# e.g. `ui/window/main_window.py`, `resources/schemas/export-v2.schema.json`.
REPO_PATH = re.compile(
    r"^[A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)+\.(?:py|md|json|txt|html|svg|spec|toml|ts|db)$"
)
# Where a quoted path may be rooted: the repository, or the package (`store/agenda.py`).
PATH_ROOTS = (ROOT, ROOT / "ecoute_desktop")
# Files the make targets write, absent from a fresh clone.
GENERATED = {".demo/demo.db", "tests/bench/results/latest.json"}


def github_slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to dashes."""
    text = CODE_SPAN.sub(r"\1", heading)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # a link keeps its text
    text = unicodedata.normalize("NFC", text).lower()
    text = "".join(c for c in text if c.isalnum() or c in "-_ ")
    return text.replace(" ", "-")


def anchors_of(path: Path) -> set[str]:
    """Every heading anchor of a markdown file, with GitHub's -1, -2 suffixes for repeats."""
    seen: dict[str, int] = {}
    anchors: set[str] = set()
    for match in HEADING.finditer(FENCE.sub("", path.read_text(encoding="utf-8"))):
        slug = github_slug(match.group(2))
        count = seen.get(slug, 0)
        anchors.add(slug if count == 0 else f"{slug}-{count}")
        seen[slug] = count + 1
    return anchors


def lines_outside_fences(path: Path) -> list[tuple[int, str]]:
    """(line number, text) of the lines of a markdown file that are not in a code block."""
    lines: list[tuple[int, str]] = []
    in_fence = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
            continue
        if not in_fence:
            lines.append((number, line))
    return lines


def broken_links(document: Path, root: Path = ROOT) -> list[str]:
    """Each relative link of the document whose file or heading does not exist."""
    problems: list[str] = []
    for number, line in lines_outside_fences(document):
        for target in LINK.findall(CODE_SPAN.sub("", line)):
            if re.match(r"^[a-z][a-z0-9+.-]*:", target):  # https:, mailto:…
                continue
            file_part, _, anchor = target.partition("#")
            linked = (document.parent / file_part).resolve() if file_part else document
            where = f"{document.relative_to(root)}:{number}: {target}"
            if not linked.exists():
                problems.append(f"{where} (no such file)")
            elif anchor and linked.suffix == ".md" and anchor not in anchors_of(linked):
                problems.append(f"{where} (no heading « #{anchor} » in {linked.name})")
    return problems


def is_missing(quoted: str) -> bool:
    """True when a backticked text looks like a file of the tree and no such file exists."""
    if quoted in GENERATED or not REPO_PATH.match(quoted):
        return False
    return not any((root / quoted).exists() for root in PATH_ROOTS)


def missing_paths(document: Path) -> list[str]:
    """Each backticked repository path of the document that names no file."""
    return [
        f"{document.relative_to(ROOT)}:{number}: `{quoted}`"
        for number, line in lines_outside_fences(document)
        for quoted in CODE_SPAN.findall(line)
        if is_missing(quoted)
    ]


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_opens_a_file_and_heading(document: Path) -> None:
    assert broken_links(document) == []


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_quoted_repository_path_exists(document: Path) -> None:
    assert missing_paths(document) == []


def test_the_readme_is_read_in_ten_minutes_and_links_every_doc() -> None:
    """The README stays a short front page, and no file of docs/ is unreachable from it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) < 250
    linked = {target.partition("#")[0] for target in LINK.findall(readme)}
    unlinked = [p.name for p in DOCUMENTS[1:] if f"docs/{p.name}" not in linked]
    assert unlinked == []


def test_the_checker_catches_a_broken_link_anchor_and_path(tmp_path: Path) -> None:
    """The checks themselves fail on a missing file, a missing heading and a stale path."""
    (tmp_path / "a.md").write_text("# Été « chaud »\n\n## Two words\n", encoding="utf-8")
    page = tmp_path / "b.md"
    page.write_text(
        "[ok](a.md#été--chaud-) [ok](a.md#two-words) [ok](#) [gone](nope.md)\n"
        "[bad anchor](a.md#three-words) [web](https://example.org/x) `[code](nope.md)`\n",
        encoding="utf-8",
    )
    links = broken_links(page, root=tmp_path)
    assert [link.split(": ", 1)[1] for link in links] == [
        "nope.md (no such file)",
        "a.md#three-words (no heading « #three-words » in a.md)",
    ]
    assert not is_missing("ui/window/main_window.py")
    assert not is_missing("resources/schemas/export-v2.schema.json")
    assert is_missing("ui/main_window.py")
    assert not is_missing("~/.local/share/Ecoute/ecoute.db")  # not a path of the tree
