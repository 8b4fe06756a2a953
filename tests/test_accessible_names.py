"""Every control of the desk has a name a screen reader can say.

Pins: in every main view, the case page (open, closed and with the directory popup), the
main window's own controls and every dialog (new case, booking, confirmation, templates,
slots, passphrase change, unlock, lock screen, first-run assistant), each button, field,
list, combo box, spin box, date field and table has a non-empty accessible name, or a
label whose buddy it is, or (buttons) a visible text with words (Qt gives it as the name;
a lone symbol such as « + » is not enough). A
control's own internal parts (the line edit inside a spin box, a header) are not counted.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QToolBar,
    QWidget,
)

from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.domain.workflow import Status
from ecoute_desktop.services.app import Services
from ecoute_desktop.store import Store
from ecoute_desktop.ui.window.main_window import MainWindow
from ecoute_desktop.ui.window.views import VIEWS
from tests.desk_support import add_case, isolated_settings, make_context  # noqa: F401

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QTextEdit,
    QPlainTextEdit,
    QAbstractItemView,
)
INTERNAL_PARENTS = (QComboBox, QAbstractSpinBox, QLineEdit, QTabBar, QToolBar)


def _inside(widget: QWidget, root: QWidget, kinds: tuple[type, ...]) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root.parentWidget():
        if isinstance(parent, kinds):
            return True
        parent = parent.parentWidget()
    return False


def unnamed(root: QWidget) -> list[str]:
    """The interactive widgets under `root` with no name a screen reader could say."""
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QHeaderView):
            continue
        if widget is not root and not widget.isVisibleTo(root):
            continue  # not shown in this state (screen readers do not see it either)
        if _inside(widget, root, INTERNAL_PARENTS):
            continue  # a control's own parts (popup list, spin arrows, clear button, scrollers)
        if type(widget) is QAbstractButton and isinstance(widget.parent(), QAbstractItemView):
            continue  # a table's corner button
        if widget.objectName() in ("qt_toolbar_ext_button", "qt_menubar_ext_button"):
            continue
        if widget.accessibleName().strip() or id(widget) in buddies:
            continue
        if isinstance(widget, QAbstractButton) and any(c.isalpha() for c in widget.text()):
            continue  # a word, not only a symbol such as « + » or « … »
        parent = widget.parentWidget()
        missing.append(
            f"{type(widget).__name__} {widget.objectName()!r} under"
            f" {type(parent).__name__} {parent.accessibleName() if parent else ''!r}"
        )
    return missing


@pytest.fixture
def window(qtbot, store: Store) -> MainWindow:
    main = MainWindow(make_context(store))
    qtbot.addWidget(main)
    main.resize(1400, 900)
    main.show()
    yield main
    main.context.runner.wait()


def _case(store: Store, *steps: Status) -> int:
    case = add_case(store, "Fictif", utc_now() - timedelta(days=3), note="Note fictive")
    for step in steps:
        Services(store).cases.advance(case.id, step, "Moi")
    return case.id  # type: ignore[return-value]


@pytest.mark.parametrize("key", [spec.key for spec in VIEWS])
def test_every_view(qtbot, window: MainWindow, store: Store, key: str) -> None:
    _case(store)
    view = window.show_view(key)
    window.context.runner.wait()
    tabs = getattr(view, "tabs", None)
    for index in range(tabs.count() if tabs is not None else 1):
        if tabs is not None:
            tabs.setCurrentIndex(index)
        assert unnamed(view) == []
        assert unlabelled_combos(view) == []  # else a reader says only « Novembre »


def test_main_window_and_case_pages(qtbot, window: MainWindow, store: Store) -> None:
    assert unnamed(window) == []
    open_case = _case(store)
    closed = _case(store, Status.ACKNOWLEDGED, Status.SCHEDULED, Status.CALL_HELD, Status.CLOSED)
    for case_id in (open_case, closed):
        view = window.open_case(case_id)
        assert unnamed(view) == []
        view.orientation.show_directory()  # type: ignore[attr-defined]
        assert unnamed(view.orientation.popup) == []  # type: ignore[attr-defined]
        view.orientation.popup.close()  # type: ignore[attr-defined]


def test_dialogs(qtbot, window: MainWindow, store: Store, tmp_path: Path) -> None:
    from ecoute_desktop.ui.agenda.booking_dialog import BookingDialog
    from ecoute_desktop.ui.agenda.slots_dialog import SlotsDialog
    from ecoute_desktop.ui.case.confirmation_dialog import ConfirmationDialog
    from ecoute_desktop.ui.safety.first_run import FirstRunWizard
    from ecoute_desktop.ui.safety.lock_screen import LockScreen
    from ecoute_desktop.ui.safety.safety_settings import PassphraseDialog
    from ecoute_desktop.ui.safety.unlock_dialog import UnlockDialog
    from ecoute_desktop.ui.settings.templates_dialog import TemplatesDialog

    case_id = _case(store)
    context = window.context
    dialogs: list[QWidget] = [
        window.new_case(),
        BookingDialog(context, case_id, window),
        ConfirmationDialog(context, case_id, window),
        TemplatesDialog(context, window),
        SlotsDialog(context, window),
        PassphraseDialog(context, window),
        UnlockDialog(store.path, window),
        LockScreen(Services(store).session, lambda: None),
    ]
    wizard = FirstRunWizard(tmp_path / "nouvelle" / "ecoute.db", window)
    for dialog in dialogs:
        qtbot.addWidget(dialog) if dialog.parent() is None else None
        dialog.show()
        assert unnamed(dialog) == [], type(dialog).__name__
        dialog.close()
    wizard.show()
    for _ in range(3):
        assert unnamed(wizard.currentPage()) == [], wizard.currentPage().title()
        wizard.passphrase_page.fields.suggest_button.click()
        wizard.next()
    wizard.close()


def unlabelled_combos(root: QWidget) -> list[str]:
    """Visible combo boxes that no label names (its buddy, directly or through a focus
    proxy) or that have no accessible name of their own (else a reader says only
    the current value, « Novembre »)."""
    labelled = set()
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        while buddy is not None:
            labelled.add(id(buddy))
            buddy = buddy.focusProxy()
    missing = []
    for combo in root.findChildren(QComboBox):
        if not combo.isVisibleTo(root):
            continue
        if id(combo) not in labelled or not combo.accessibleName().strip():
            missing.append(f"{combo.accessibleName() or combo.currentText()!r}")
    return missing


def test_every_combo_box_of_a_case_page_has_a_label_and_a_name(
    qtbot, window: MainWindow, store: Store
) -> None:
    for case_id in (_case(store), _case(store, Status.ACKNOWLEDGED)):
        assert unlabelled_combos(window.open_case(case_id)) == []
