"""Start the desktop application: French Qt, text size, first run or unlock, then the window."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from ecoute_desktop.resource_files import resource_path
from ecoute_desktop.ui.app_args import parse_args
from ecoute_desktop.ui.common import text_size

if TYPE_CHECKING:
    from ecoute_desktop.store import Store

# The unlock window comes first (issue 16): the application layer, the views and their
# libraries are imported once the passphrase is given (build_main_window), not before.


def make_application(argv: list[str], style_now: bool = True) -> QApplication:
    """The QApplication in French, with the remembered text size (`style_now=False`: the
    focus-ring style comes with `text_size.install_style` once a window is shown)."""
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setOrganizationName("Ecoute")
    app.setApplicationName("Ecoute")
    app.setApplicationDisplayName("Écoute")
    app.setDesktopFileName("ecoute-desktop")  # Wayland/X11 match the window to the .desktop file
    from ecoute_desktop.ui.common.app_icon import app_icon

    app.setWindowIcon(app_icon())  # every window and dialog inherits it
    system_locale = QLocale.system()  # read before install_french makes French the default
    install_french(app)
    install_translation(app, resource_path("translations"), system_locale)
    text_size.apply_scale(text_size.saved_scale(), remember=False, style_now=style_now)
    from ecoute_desktop.ui.common import palette

    app.setPalette(palette.apply(app.palette()))  # selection and placeholders at AA
    return app


_FRENCH_INSTALLED = "ecoute_qtbase_fr_installed"


def install_french(app: QApplication) -> None:
    """French locale and Qt's own French strings (standard buttons, context menus,
    file and print dialogs); done once per application (tests/conftest.py does it too)."""
    # By name: QLocale's Language and Country enums (600 members) cost ~7 ms to create.
    QLocale.setDefault(QLocale("fr_FR"))
    if app.property(_FRENCH_INSTALLED):  # a property, not findChildren (~7 ms at start)
        return
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale("fr"), "qtbase", "_", folder):
        translator.setObjectName("ecoute-qtbase-fr")
        app.installTranslator(translator)
        app.setProperty(_FRENCH_INSTALLED, True)


def install_translation(app: QCoreApplication, folder: Path, locale: QLocale) -> bool:
    """Écoute's catalogue `ecoute_<lang>.qm` from `folder` for `locale`, when there is one.

    French is the source language, so a French user loads nothing. With a catalogue, Qt's
    own strings (qtbase_<lang>) follow the same language when Qt ships them."""
    if locale.name().split("_")[0] == "fr":  # French (the enum costs ~7 ms to create)
        return False
    translator = QTranslator()
    if not translator.load(locale, "ecoute", "_", str(folder)):
        return False
    qt_strings = QTranslator()
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_strings.load(locale, "qtbase", "_", qt_folder):
        qt_strings.setParent(app)  # kept alive by the application
        qt_strings.setObjectName("ecoute-qtbase-ui")
        app.installTranslator(qt_strings)
    translator.setParent(app)
    translator.setObjectName("ecoute-ui")
    app.installTranslator(translator)
    return True


def obtain_store(
    path: Path,
    parent: QWidget | None = None,
    *,
    close_when_shown: bool = False,
    close_when_styled: bool = False,
) -> Store | None:
    """First-run assistant when there is no file at `path`, else the unlock window.

    Leftovers of an interrupted restore or passphrase change are told first.

    `close_when_shown` closes it as soon as it is on screen, `close_when_styled` once its
    focus-ring style is in place too (`make bench` times both)."""
    from ecoute_desktop.ui.safety.leftovers_notice import tell_leftovers

    tell_leftovers(parent, path)
    dialog: QDialog
    if path.exists():
        from ecoute_desktop.ui.safety.unlock_dialog import UnlockDialog

        dialog = UnlockDialog(path, parent)
    else:
        from ecoute_desktop.ui.safety.first_run import FirstRunWizard

        dialog = FirstRunWizard(path, parent)
    from ecoute_desktop.ui.common.first_paint import after_first_paint

    # The window first (issue 16): it is on screen the turn after its first paint, and the
    # focus-ring style (harmless twice) comes the turn after, while the user reads: its Qt
    # enums and Python paint calls cost as much as the window. make bench stops at
    # `close_when_shown` (the window) or `close_when_styled` (the window with its style).
    after_first_paint(dialog, lambda: QTimer.singleShot(0, text_size.install_style))
    if close_when_shown:
        after_first_paint(dialog, dialog.reject)
    if close_when_styled:
        after_first_paint(dialog, lambda: QTimer.singleShot(0, dialog.reject))
    return dialog.store if dialog.exec() == QDialog.DialogCode.Accepted else None


def build_main_window(store: Store) -> QWidget:
    from ecoute_desktop.services.app import Services
    from ecoute_desktop.ui.common.background import BackgroundRunner
    from ecoute_desktop.ui.common.context import AppContext, Events
    from ecoute_desktop.ui.window.main_window import MainWindow

    runner = BackgroundRunner()
    window = MainWindow(AppContext(Services(store), runner, Events()))
    runner.setParent(window)
    from ecoute_desktop.ui.safety import locking  # auto-lock, backup at exit (issue 7)

    locking.install(window, window.context)
    from ecoute_desktop.ui.today import deadline_watcher  # the 48 h notification (issue 19)

    window.deadline_watcher = deadline_watcher.install(window.context.services, window)
    from ecoute_desktop.ui.mailbox import auto_pickup  # every N minutes, if asked (issue 15)

    window.auto_pickup = auto_pickup.install(window.context, window)
    _warm_up_in_background()
    return window


def settle_after_unlock() -> None:
    """Put what is alive once the base is open out of the cyclic collector's reach.

    Modules, classes, Qt's types and their enums are most of the process and live until
    it ends; a full collection walked them all, holding the interpreter 70-110 ms on the
    GUI thread when a list of 10,000 rows arrived (issue 21). Frozen (`gc.freeze`), they
    are skipped; what the session makes (windows, rows) is collected as before."""
    import gc

    import ecoute_desktop.services.app
    import ecoute_desktop.ui.window.main_window  # noqa: F401
    from ecoute_desktop.ui.common import palette

    # Qt 6's colorScheme() from now on (its enum costs 15-30 ms: not before the unlock
    # window, which reads the palette's window colour)
    palette.follow_system_scheme()
    text_size.install_style()  # already there unless the first window was never painted
    gc.freeze()


def _warm_up_in_background() -> None:
    """What the agenda's first opening would load in the click (the holidays library,
    this year's holidays), loaded on a thread while the user reads « Aujourd'hui »."""
    import threading

    from ecoute_desktop.domain.slots import warm_up_holidays
    from ecoute_desktop.domain.timeutil import utc_now

    threading.Thread(
        target=warm_up_holidays, args=(utc_now().date(),), name="warm-up", daemon=True
    ).start()


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    if args.self_test:
        from ecoute_desktop.ui import self_test

        return self_test.main(args.self_test_output)
    app = make_application(argv, style_now=False)  # the style once the first window shows
    if args.db is None:
        from ecoute_desktop.store.location import default_db_path

        args.db = default_db_path()
    path = args.db.expanduser()
    store = obtain_store(
        path, close_when_shown=args.close_when_shown, close_when_styled=args.close_when_styled
    )
    if store is None:
        return 0
    settle_after_unlock()
    window = build_main_window(store)
    window.resize(window.fontMetrics().averageCharWidth() * 150, window.fontMetrics().height() * 45)
    window.show()
    try:
        return app.exec()
    finally:
        store.close()


if __name__ == "__main__":
    raise SystemExit(main())
