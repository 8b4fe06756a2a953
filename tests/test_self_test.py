"""`ecoute-desktop --self-test` says in French, check by check, whether an installation works:
exit 0 with a « ✓ » line per check on a whole install; on an install missing its PDF fonts
or Qt's French translation, exit 1 and a « ✗ » line that names the missing file. A
windowed Windows program has no standard output: the lines then go to the file given.
(The bundle itself is broken on purpose in `make dist`: installers/linux/check_dist.py.)"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import ecoute_desktop
from ecoute_desktop.services import self_check
from ecoute_desktop.ui import self_test

SOURCE = Path(ecoute_desktop.__file__).resolve().parent
RUN = (
    "import sys\n"
    "from ecoute_desktop.ui.app import main\n"
    "sys.exit(main(['ecoute-desktop', '--self-test']))"
)


def _self_test(env: dict[str, str] | None = None, cwd: Path | None = None) -> tuple[int, str]:
    result = subprocess.run(
        [sys.executable, "-c", RUN],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env or {})),
        cwd=cwd,
        timeout=120,
    )
    return result.returncode, result.stdout + result.stderr


def _lines(output: str, mark: str) -> dict[str, str]:
    """Title → whole line, for the lines starting with `mark` (✓ or ✗)."""
    found = {}
    for line in output.splitlines():
        for title in self_test.ALL_CHECKS:
            if line.startswith(f"{mark} {title}"):
                found[title] = line
    return found


def test_a_whole_install_passes_every_check() -> None:
    status, output = _self_test()
    assert status == 0, output
    assert set(_lines(output, "✓")) == set(self_test.ALL_CHECKS), output
    assert not _lines(output, "✗")
    assert (
        output.strip().splitlines()[-1]
        == f"Autotest réussi : {len(self_test.ALL_CHECKS)} vérifications."
    )


def _install_copy(target: Path, leave_out: str) -> Path:
    """The package laid out as in the bundle (resources inside it), without `leave_out`."""
    package = target / "ecoute_desktop"
    shutil.copytree(SOURCE, package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(
        SOURCE.parent / "resources",
        package / "resources",
        ignore=shutil.ignore_patterns("__pycache__", leave_out),
    )
    return package


def test_missing_fonts_fail_the_self_test_and_are_named(tmp_path: Path) -> None:
    package = _install_copy(tmp_path, "DejaVuSans*.ttf")
    status, output = _self_test({"PYTHONPATH": str(tmp_path)}, cwd=tmp_path)
    assert status == 1, output
    failed = _lines(output, "✗")
    assert "DejaVuSans.ttf" in failed[self_check.FONTS], output
    assert str(package / "resources" / "fonts") in failed[self_check.FONTS]  # the copy ran
    # the PDFs cannot be written either, and say why
    assert "DejaVuSans.ttf" in failed[self_check.MONTHLY_PDF]
    assert "DejaVuSans.ttf" in failed[self_check.CHARTER_PDF]
    # what does not depend on the fonts still passes
    assert self_check.DATABASE in _lines(output, "✓")
    assert output.strip().splitlines()[-1].startswith("Autotest en échec")


def test_missing_qt_french_translation_is_named(tmp_path: Path) -> None:
    empty = tmp_path / "translations"
    empty.mkdir()
    result = self_check.run_check(self_test.QT_FRENCH, lambda: self_test.check_qt_french(empty))
    assert not result.ok
    assert result.line().startswith(f"✗ {self_test.QT_FRENCH} : qtbase_fr.qm")
    assert str(empty) in result.line()
    # the same folder with Qt's file in it passes: the check reads the folder it is given
    shutil.copy(self_test.qt_translations_folder() / "qtbase_fr.qm", empty)
    assert self_check.run_check(self_test.QT_FRENCH, lambda: self_test.check_qt_french(empty)).ok


def test_missing_svg_icon_is_named(tmp_path: Path) -> None:
    result = self_check.run_check(
        self_test.SVG, lambda: self_test.check_svg(tmp_path / "ecoute.svg")
    )
    assert not result.ok and "ecoute.svg" in result.line()


def test_a_truncated_pdf_is_refused(tmp_path: Path) -> None:
    from ecoute_desktop.services import charter

    whole = tmp_path / "charte.pdf"
    charter.write_charter(whole, charter.render_pdf(charter.DEFAULT_TEMPLATE))
    assert self_check.pdf_page_count(whole) == 1
    cut = tmp_path / "coupé.pdf"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(self_check.CheckFailed, match="tronqué"):
        self_check.pdf_page_count(cut)


def test_without_standard_output_the_lines_go_to_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    target = tmp_path / "autotest.txt"
    assert self_test.main(target) == 0
    lines = target.read_text("utf-8").splitlines()
    assert len(lines) == len(self_test.ALL_CHECKS) + 1
    assert all(line.startswith("✓ ") for line in lines[:-1])
