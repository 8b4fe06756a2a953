"""`ecoute-desktop --self-test`: prove, without a window, that this installation works.

One French line per check (« ✓ … » or « ✗ … : raison »), exit status 0 only when all pass.
The Qt-free checks (database, PDFs, calendar file, fonts, templates) are in
`services/self_check.py`; this module adds Qt's platform plugins, the SVG icon plugin,
QtPdf and Qt's own French strings. It runs the same from a source install and a bundle.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from ecoute_desktop.services.self_check import (
    DATA_CHECKS,
    CheckFailed,
    CheckResult,
    data_checks,
    pdf_page_count,
    run_check,
    written_pdfs,
)

PLATFORM = "Greffon de plateforme Qt chargé"
NATIVE_PLATFORM = "Greffon d'affichage du système chargeable"
SVG = "Icône SVG dessinée par Qt"
QTPDF = "PDF relus par QtPdf (aperçu et impression)"
QT_FRENCH = "Traductions françaises de Qt chargées"
QT_CHECKS = (PLATFORM, NATIVE_PLATFORM, SVG, QTPDF, QT_FRENCH)
ALL_CHECKS = (PLATFORM, *DATA_CHECKS, NATIVE_PLATFORM, SVG, QTPDF, QT_FRENCH)

# The display plugin a user's session needs on each system, beside the one the test runs on.
NATIVE_PLUGINS = {"linux": "xcb", "win32": "windows", "darwin": "cocoa"}


def requested_platform() -> str:
    """The platform plugin Qt will load: the first of QT_QPA_PLATFORM, without its options."""
    return os.environ["QT_QPA_PLATFORM"].split(";")[0].split(":")[0].strip()


def plugin_file(kind: str, name: str) -> Path | None:
    """The file of Qt plugin `name` of `kind` (platforms, imageformats…) in Qt's plugin paths."""
    from PySide6.QtCore import QCoreApplication

    for folder in QCoreApplication.libraryPaths():
        found = sorted(Path(folder, kind).glob(f"*q{name}.*"))
        candidates = [p for p in found if p.suffix in {".so", ".dll", ".dylib"}]
        if candidates:
            return candidates[0]
    return None


def missing_platform_file() -> CheckResult | None:
    """Before the QApplication: without its plugin file Qt aborts the process with no way back."""
    name = requested_platform()
    if plugin_file("platforms", name) is None:
        from PySide6.QtCore import QCoreApplication

        paths = ", ".join(QCoreApplication.libraryPaths()) or "aucun dossier de greffons"
        return CheckResult(PLATFORM, False, f"« {name} » introuvable dans {paths}")
    return None


def check_native_platform(platform: str = sys.platform) -> str:
    """The plugin of the user's own display (xcb, windows, cocoa) and its libraries load."""
    from PySide6.QtCore import QPluginLoader

    name = NATIVE_PLUGINS.get(platform)
    if name is None:
        return f"système {platform} : pas de greffon attendu"
    path = plugin_file("platforms", name)
    if path is None:
        raise CheckFailed(f"greffon « {name} » introuvable")
    loader = QPluginLoader(str(path))
    if not loader.load():
        raise CheckFailed(f"« {path.name} » ne se charge pas : {loader.errorString()}")
    return name


def check_svg(icon: Path) -> str:
    """Qt's SVG image plugin is there and draws the application icon."""
    from PySide6.QtGui import QIcon, QImageReader

    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    if "svg" not in formats:
        raise CheckFailed("format « svg » absent des formats d'image de Qt (greffon qsvg)")
    if not icon.is_file():
        raise CheckFailed(f"icône introuvable : {icon}")
    image = QIcon(str(icon)).pixmap(64, 64).toImage()
    if image.isNull() or not any(
        image.pixelColor(x, y).alpha() for x in range(0, 64, 4) for y in range(0, 64, 4)
    ):
        raise CheckFailed(f"l'icône {icon.name} est vide une fois dessinée")
    return "qsvg, 64 px"


def check_qtpdf(pdfs: list[Path]) -> str:
    """QtPdf (the preview and printing of reports) opens each PDF and finds its pages."""
    from PySide6.QtPdf import QPdfDocument

    if not pdfs:
        raise CheckFailed("aucun PDF à relire (voir plus haut)")
    counts = []
    for path in pdfs:
        document = QPdfDocument()
        error = document.load(str(path))
        if error != QPdfDocument.Error.None_:
            raise CheckFailed(f"{path.name} : {error.name}")
        if document.pageCount() != pdf_page_count(path):
            raise CheckFailed(f"{path.name} : {document.pageCount()} pages lues par QtPdf")
        counts.append(document.pageCount())
        document.close()
    return f"{len(pdfs)} PDF, {sum(counts)} pages"


def qt_translations_folder() -> Path:
    from PySide6.QtCore import QLibraryInfo

    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


def check_qt_french(folder: Path) -> str:
    """`qtbase_fr.qm` is in Qt's translations folder, loads, and holds French strings."""
    from PySide6.QtCore import QLocale, QTranslator

    translator = QTranslator()
    if not translator.load(QLocale(QLocale.Language.French), "qtbase", "_", str(folder)):
        raise CheckFailed(f"qtbase_fr.qm introuvable ou illisible dans {folder}")
    if translator.isEmpty() or not translator.language().startswith("fr"):
        raise CheckFailed(f"{Path(translator.filePath()).name} n'a pas de traductions françaises")
    return Path(translator.filePath()).name


def run(emit: Callable[[str], None]) -> int:
    """Run every check, `emit` each French line as it comes; 0 when all pass, else 1."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # never a window, even with a display
    results: list[CheckResult] = []

    def record(result: CheckResult) -> None:
        results.append(result)
        emit(result.line())

    from PySide6.QtWidgets import QApplication

    from ecoute_desktop.ui.common.app_icon import icon_path

    missing = missing_platform_file()
    app = None
    if missing is None:
        app = QApplication.instance() or QApplication(["ecoute-desktop", "--self-test"])
    record(missing or CheckResult(PLATFORM, True, QApplication.platformName()))
    with tempfile.TemporaryDirectory(prefix="ecoute-autotest-") as scratch:
        for result in data_checks(Path(scratch)):
            record(result)
        if app is None:
            for title in (NATIVE_PLATFORM, SVG, QTPDF):
                record(CheckResult(title, False, "Qt ne peut démarrer sans greffon de plateforme"))
        else:
            record(run_check(NATIVE_PLATFORM, check_native_platform))
            record(run_check(SVG, lambda: check_svg(icon_path())))
            record(run_check(QTPDF, lambda: check_qtpdf(written_pdfs(Path(scratch)))))
    record(run_check(QT_FRENCH, lambda: check_qt_french(qt_translations_folder())))
    failed = [r for r in results if not r.ok]
    emit(
        f"Autotest réussi : {len(results)} vérifications."
        if not failed
        else f"Autotest en échec : {len(failed)} vérification(s) sur {len(results)}."
    )
    return 1 if failed else 0


def _utf8_stdout() -> None:
    """Write UTF-8 where the output cannot encode « ✓ » (a pipe on Windows is cp1252)."""
    stream = sys.stdout
    if stream is None or not hasattr(stream, "reconfigure"):
        return
    try:
        "✓✗É".encode(stream.encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        stream.reconfigure(encoding="utf-8")


def main(output: Path | None = None) -> int:
    """The command: lines on standard output and, with `output`, in that file too.

    A windowed Windows program has no standard output (`sys.stdout` is None), so the
    release workflow reads the lines from `output`.
    """
    _utf8_stdout()
    lines: list[str] = []

    def emit(line: str) -> None:
        lines.append(line)
        if sys.stdout is not None:
            print(line, flush=True)

    status = run(emit)
    if output is not None:
        output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return status
