"""The main window: navigation between views, the open case, shortcuts, text size, lock hook."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from ecoute_desktop.ui.common import text_size
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.window.views import VIEWS, ViewSpec

if TYPE_CHECKING:  # imported when first used, at run time
    from ecoute_desktop.services.intake import IntakeRequest
    from ecoute_desktop.ui.case.case_view import CaseView
    from ecoute_desktop.ui.cases.cases_import import CasesImporter
    from ecoute_desktop.ui.mailbox.auto_pickup import AutoPickup
    from ecoute_desktop.ui.mailbox.pickup_dialog import MailboxPickupDialog
    from ecoute_desktop.ui.safety.locking import AutoLock
    from ecoute_desktop.ui.today.deadline_watcher import DeadlineWatcher

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Views are built the first time they are shown; the open case has its own page."""

    lock_requested = Signal()  # issue 7 connects the real locking here

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Écoute"))
        self.setAccessibleName(self.tr("Fenêtre principale d'Écoute"))
        self.setAcceptDrops(True)
        self._views: dict[str, QWidget] = {}
        self._specs: list[ViewSpec] = list(VIEWS)
        self.case_view: CaseView | None = None
        self._return_row = 0
        self.new_case_dialogs: list[QWidget] = []
        self.pickup_dialog: MailboxPickupDialog | None = None
        self.cases_importer: CasesImporter | None = None
        self.deadline_watcher: DeadlineWatcher | None = None  # set by ui.app.build_main_window
        self.auto_lock: AutoLock | None = None  # set by locking.install
        self.auto_pickup: AutoPickup | None = None  # set by ui.app.build_main_window

        self.navigation = QListWidget()
        self.navigation.setAccessibleName(self.tr("Navigation"))
        for spec in self._specs:
            self.navigation.addItem(spec.title)
        self._fit_navigation()
        self.stack = QStackedWidget()
        self.stack.setAccessibleName(self.tr("Contenu"))
        central = QWidget()
        row = QHBoxLayout(central)
        row.addWidget(self.navigation)
        row.addWidget(self.stack, 1)
        self._build_actions()  # menus and toolbar first: a screen reader's order is the eye's
        self.setCentralWidget(central)
        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("État"))
        self.statusBar().addWidget(self.status_label, 1)
        self.navigation.currentRowChanged.connect(self._show_row)
        # The row a case was opened from stays highlighted: clicking it again leaves the case
        # (currentRowChanged does not fire for the row that is already current).
        self.navigation.itemClicked.connect(self._navigation_clicked)
        context.events.open_case.connect(self.open_case)
        context.events.cases_changed.connect(self._update_status)
        context.events.reference_data_changed.connect(self._update_status)
        context.events.new_case_requested.connect(lambda: self.new_case())
        context.events.import_requested.connect(lambda: self.import_cases())
        context.events.settings_requested.connect(self.show_settings)
        context.events.new_case_from_email.connect(self.new_case)
        context.events.mailbox_pickup_requested.connect(lambda: self.pick_up_mail())
        self.navigation.setCurrentRow(0)
        self._update_status()

    # ---- actions --------------------------------------------------------
    def _build_actions(self) -> None:
        self.menuBar().setAccessibleName(self.tr("Menus"))  # made before the toolbar: above it
        toolbar = QToolBar(self.tr("Actions"))
        toolbar.setAccessibleName(self.tr("Barre d'actions"))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        self.new_case_action = self._action(  # not `self.new_case`: `checked` is no request
            self.tr("Nouvelle sollicitation"), QKeySequence.StandardKey.New, lambda: self.new_case()
        )
        self.search_action = self._action(
            self.tr("Rechercher"), QKeySequence.StandardKey.Find, self.focus_search
        )
        self.lock_action = self._action(self.tr("Verrouiller"), QKeySequence("Ctrl+L"), self.lock)
        from ecoute_desktop.ui.window import pair_exchange  # issue 11

        self.pair_exchange = pair_exchange.install(self.context, self)
        self.exchange_action = self.pair_exchange.action
        for action in (
            self.new_case_action,
            self.search_action,
            self.exchange_action,
            self.lock_action,
        ):
            toolbar.addAction(action)
            toolbar.widgetForAction(action).setAccessibleName(action.text())
        menu = self.menuBar().addMenu(self.tr("&Affichage"))
        size_menu = menu.addMenu(self.tr("Taille du &texte"))
        group = QActionGroup(self)
        self.size_actions: dict[int, QAction] = {}
        for scale in text_size.CHOICES:
            action = QAction(f"{scale} %", self, checkable=True)
            action.setChecked(scale == text_size.current_scale())
            action.triggered.connect(lambda _=False, s=scale: self.set_text_scale(s))
            group.addAction(action)
            size_menu.addAction(action)
            self.size_actions[scale] = action
        bigger = self._action(self.tr("Agrandir le texte"), QKeySequence.StandardKey.ZoomIn, None)
        bigger.triggered.connect(lambda: self._step_text(+1))
        smaller = self._action(self.tr("Réduire le texte"), QKeySequence.StandardKey.ZoomOut, None)
        smaller.triggered.connect(lambda: self._step_text(-1))
        size_menu.addSeparator()
        size_menu.addActions([bigger, smaller])
        case_menu = self.menuBar().addMenu(self.tr("&Sollicitations"))
        case_menu.addActions(
            [self.new_case_action, self.search_action, self.exchange_action, self.lock_action]
        )
        open_eml = self._action(self.tr("Ouvrir un courriel (.eml)…"), None, self.ask_email_files)
        case_menu.addAction(open_eml)
        self.pickup_action = self._action(
            self.tr("Relever la boîte…"), QKeySequence("Ctrl+R"), lambda: self.pick_up_mail()
        )
        case_menu.addAction(self.pickup_action)
        self.import_cases_action = self._action(
            self.tr("Importer un tableur (CSV)…"), None, lambda: self.import_cases()
        )
        case_menu.addAction(self.import_cases_action)
        go_menu = self.menuBar().addMenu(self.tr("A&ller à"))
        self.view_actions: list[QAction] = []
        for number, spec in enumerate(self._specs[:9], start=1):
            action = self._action(
                spec.title, QKeySequence(f"Ctrl+{number}"), partial(self.show_view, spec.key)
            )
            go_menu.addAction(action)
            self.view_actions.append(action)
        help_menu = self.menuBar().addMenu(self.tr("A&ide"))
        self.guide_action = self._action(
            self.tr("Guide rapide"), QKeySequence.StandardKey.HelpContents, self.show_guide
        )
        self.about_action = self._action(self.tr("À propos d'Écoute"), None, self.show_about)
        help_menu.addActions([self.guide_action, self.about_action])

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | None,
        slot: Callable[[], object] | None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text} ({keys})")  # menus show it themselves
        if slot is not None:
            action.triggered.connect(slot)
        self.addAction(action)
        return action

    def set_text_scale(self, scale: int) -> None:
        scale = text_size.apply_scale(scale)
        for value, action in self.size_actions.items():
            action.setChecked(value == scale)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_navigation()
            current = self.stack.currentWidget()
            refresh = getattr(current, "refresh", None)
            if callable(refresh) and self.context.services.session.is_open:
                refresh()

    def _fit_navigation(self) -> None:
        """As wide as the longest title; on a narrow window (large text on a laptop) as
        the longest word, « Export anonymisé » taking two lines, to leave room to the view."""
        metrics = self.navigation.fontMetrics()
        narrow = self.width() < metrics.averageCharWidth() * 110
        titles = [spec.title for spec in self._specs]
        texts = [word for title in titles for word in title.split()] if narrow else titles
        widest = max(metrics.horizontalAdvance(text) for text in texts)
        self.navigation.setWordWrap(narrow)
        self.navigation.setFixedWidth(widest + metrics.averageCharWidth() * 3)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_navigation()

    def _step_text(self, direction: int) -> None:
        choices = text_size.CHOICES
        current = min(choices, key=lambda c: abs(c - text_size.current_scale()))
        index = max(0, min(len(choices) - 1, choices.index(current) + direction))
        self.set_text_scale(choices[index])

    # ---- views ----------------------------------------------------------
    def view(self, key: str) -> QWidget:
        """The view for `key`, built on first use. A view that cannot be imported raises:
        a broken build must fail loudly (tests, `--self-test`), never show an empty page."""
        if key not in self._views:
            spec = next(s for s in self._specs if s.key == key)
            module = importlib.import_module(spec.module)
            widget = module.create_view(self.context, self)
            widget.setAccessibleName(widget.accessibleName() or spec.title)
            import_requested = getattr(widget, "import_requested", None)
            if import_requested is not None:
                import_requested.connect(lambda: self.import_cases())
            self._views[key] = widget
            self.stack.addWidget(widget)
        return self._views[key]

    def show_view(self, key: str) -> QWidget:
        row = next(i for i, s in enumerate(self._specs) if s.key == key)
        self.navigation.setCurrentRow(row)
        return self._views[key]

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        built = self._specs[row].key not in self._views
        widget = self.view(self._specs[row].key)
        refresh = getattr(widget, "refresh", None)
        # A view that fills itself when built is not filled twice in its first opening
        # (the agenda's week: ~30 ms, issue 21).
        if callable(refresh) and not (built and getattr(widget, "filled_when_built", False)):
            refresh()
        self.stack.setCurrentWidget(widget)

    def _navigation_clicked(self, item: QListWidgetItem) -> None:
        if self.case_view is not None and self.navigation.row(item) == self._return_row:
            self.close_case()

    def open_case(self, case_id: int) -> QWidget:
        """Show one case on its own page; « Retour » comes back to the list."""
        from ecoute_desktop.ui.case.case_view import CaseView

        self.close_case()
        self._return_row = max(0, self.navigation.currentRow())
        view = CaseView(self.context, case_id, self)
        view.back_requested.connect(self.close_case)
        self.case_view = view
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        return view

    def close_case(self) -> None:
        view = self.case_view
        if view is None:
            return
        view.flush()
        self.case_view = None
        self.stack.removeWidget(view)
        view.deleteLater()
        self._show_row(self._return_row)

    def show_settings(self, section: str) -> QWidget:
        """Paramètres at `section` (a first-steps key, see SettingsView.show_section)."""
        self.close_case()
        view = self.show_view("settings")
        show_section = getattr(view, "show_section", None)
        if callable(show_section):
            show_section(section)
        return view

    def focus_search(self) -> None:
        self.close_case()
        view = self.show_view("cases")
        focus = getattr(view, "focus_search", None)
        if callable(focus):
            focus()

    # ---- new cases ------------------------------------------------------
    def new_case(self, request: IntakeRequest | None = None) -> QWidget:
        from ecoute_desktop.ui.case.new_case_dialog import NewCaseDialog

        dialog = NewCaseDialog(self.context, self, request)
        dialog.finished.connect(lambda _: self._forget_dialog(dialog))
        self.new_case_dialogs.append(dialog)
        dialog.open()
        return dialog

    def pick_up_mail(self) -> QWidget:
        """« Relever la boîte »: one dialog, brought forward and read again."""
        from ecoute_desktop.ui.mailbox.pickup_dialog import MailboxPickupDialog

        if self.pickup_dialog is None:
            self.pickup_dialog = MailboxPickupDialog(self.context, self)
        self.pickup_dialog.show()
        self.pickup_dialog.raise_()
        self.pickup_dialog.activateWindow()
        self.pickup_dialog.pick_up()
        return self.pickup_dialog

    def _forget_dialog(self, dialog: QWidget) -> None:
        if dialog in self.new_case_dialogs:
            self.new_case_dialogs.remove(dialog)

    def open_email_files(self, paths: list[Path]) -> list[QWidget]:
        """One prefilled form per email file."""
        from ecoute_desktop.services.intake import IntakeRefused, read_request
        from ecoute_desktop.ui.common import prompts

        dialogs = []
        for path in paths:
            name = Path(path).name
            try:
                request = read_request(Path(path).read_bytes())
            except OSError:
                reason = self.tr("Le fichier « {0} » ne peut pas être lu.").format(name)
            except IntakeRefused as refusal:
                reason = self.tr("Le courriel « {0} » est refusé : {1}").format(name, refusal)
            else:
                dialogs.append(self.new_case(request))
                continue
            prompts.warn(self, self.tr("Courriel illisible"), reason)
        return dialogs

    def import_cases(self, path: Path | None = None) -> QObject:
        """« Importer un tableur (CSV)… »: ask, check off the GUI thread, preview, import."""
        from ecoute_desktop.ui.cases.cases_import import CasesImporter

        if self.cases_importer is None:
            self.cases_importer = CasesImporter(self.context, self)
        self.cases_importer.start(path)
        return self.cases_importer

    def show_guide(self) -> QWidget:
        from ecoute_desktop.ui.common.help_dialogs import GuideDialog, open_dialog

        return open_dialog(GuideDialog(self))

    def show_about(self) -> QWidget:
        from ecoute_desktop.ui.common.help_dialogs import AboutDialog, open_dialog

        services = self.context.services
        backups = services.settings.backup_dir() if services.session.is_open else None
        return open_dialog(AboutDialog(services.session.path, backups, self))

    def ask_email_files(self) -> None:
        from ecoute_desktop.ui.common import prompts

        paths = prompts.ask_open_paths(
            self, self.tr("Ouvrir des courriels"), self.tr("Courriels (*.eml)")
        )
        self.open_email_files(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if any(u.toLocalFile().lower().endswith(".eml") for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls()]
        eml = [p for p in paths if p.suffix.lower() == ".eml"]
        if eml:
            event.acceptProposedAction()
            self.open_email_files(eml)

    # ---- locking hook (issue 7), status, closing ---------------------------
    def flush_drafts(self) -> None:
        """Save whatever note is being typed (as a draft in the encrypted database)."""
        if self.case_view is not None:
            self.case_view.flush()

    def clear_personal_data(self) -> None:
        """Close the open case and empty every view that shows personal data."""
        self.close_case()
        if self.pickup_dialog is not None:
            self.pickup_dialog.clear_personal_data()
            self.pickup_dialog.hide()
        for widget in self._views.values():
            clear = getattr(widget, "clear_personal_data", None)
            if callable(clear):
                clear()
        self.status_label.clear()

    def place(self) -> tuple[int, int | None]:
        """The navigation row shown and the case open on its own page (for the auto-lock)."""
        case_id = self.case_view.case_id if self.case_view is not None else None
        return self.navigation.currentRow(), case_id

    def return_to(self, row: int, case_id: int | None) -> None:
        """After unlocking: that view, read afresh, and that case (KeyError if gone)."""
        if row >= 0:
            self.navigation.setCurrentRow(row)
            refresh = getattr(self.stack.currentWidget(), "refresh", None)
            if callable(refresh):
                refresh()
        if case_id is not None:
            self.open_case(case_id)

    def lock(self) -> None:
        """Ctrl+L / « Verrouiller »: save drafts, then ask the application to lock."""
        self.flush_drafts()
        self.lock_requested.emit()

    def _update_status(self) -> None:
        services = self.context.services
        count = services.cases.count()
        self.status_label.setText(
            self.tr("{0} sollicitation(s) — base : {1}").format(count, services.session.path.name)
            + self.pair_exchange.last_exchange_text()
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush_drafts()
        self.context.runner.wait()
        super().closeEvent(event)
