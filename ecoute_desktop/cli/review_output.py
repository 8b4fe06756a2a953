"""The annual review's file for `report review -o` and `merge --review`: PDF, or PNG at 150 dpi.

The PNG is the PDF page rendered by QtPdf (ui/common/pdf_png.py), imported only when a
.png is asked for, so that every other command starts without Qt.
"""

from __future__ import annotations

from pathlib import Path

from ecoute_desktop.cli.checks import check_output_folder
from ecoute_desktop.cli.common import EXIT_USAGE, CliError

SUFFIXES = (".pdf", ".png")


def check_review_target(path: Path, option: str) -> None:
    """Refuse, before any work, a file that is neither .pdf nor .png or a missing folder."""
    if path.suffix.lower() not in SUFFIXES:
        raise CliError(
            f"{option} : le bilan s'écrit dans un fichier .pdf ou .png, pas « {path.name} ».",
            EXIT_USAGE,
        )
    check_output_folder(path)


def review_bytes(path: Path, pdf: bytes) -> bytes:
    """The bytes to write for `path`: the PDF itself, or its page as a 150 dpi PNG."""
    if path.suffix.lower() == ".pdf":
        return pdf
    from ecoute_desktop.ui.common.pdf_png import pdf_page_png

    return pdf_page_png(pdf)


def write_review(path: Path, pdf: bytes) -> None:
    from ecoute_desktop.services.atomic import write_bytes_atomic

    write_bytes_atomic(path, review_bytes(path, pdf))


def too_long(error: Exception) -> CliError:
    """The French message of a refused review (actions too long for the page)."""
    return CliError(str(error), EXIT_USAGE)
