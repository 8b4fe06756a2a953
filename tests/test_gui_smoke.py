"""Monkey test of the whole desk on a demo database, as an impatient user would stress it.

Pins: on each view and on a case page at every workflow step, clicking every visible,
enabled button (and every entry of a button's menu) and triggering every menu action
raises no Python error, opens only dialogs that build and close (each is shown, read and
rejected: nothing blocks), leaves no English word on screen (Qt's own buttons and context
menus included: the tests' application loads Qt's French translations like the real one),
reports no failed background task, and leaves a database that passes SQLCipher's and
SQLite's integrity checks with every case still readable. « Verrouiller » locks behind a
French lock screen that refuses a wrong passphrase and brings the same view back; its
« Quitter » quits with the database closed and sound.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QToolButton,
    QWidget,
)

from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.domain.workflow import DropReason, Status
from ecoute_desktop.services.app import Services
from ecoute_desktop.services.demo import DEMO_PASSPHRASE, write_demo_database
from ecoute_desktop.store import Store
from ecoute_desktop.ui.app import build_main_window
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.settings.rubrics import Rubrics
from ecoute_desktop.ui.window.main_window import MainWindow
from ecoute_desktop.ui.window.views import VIEWS
from tests.desk_support import add_case, isolated_settings
from tests.monkey_support import (
    Prompts,
    button_key,
    clickable,
    close_strays,
    english_on_screen,
    fake_exec,
    poke,
    settle,
)

__all__ = ["isolated_settings"]  # autouse fixture: QSettings kept in the test folder

MAX_CLICKS = 150  # per page; the pages have far fewer distinct buttons
BY = "Jacqueline MOREL"


@dataclass
class Desk:
    window: MainWindow
    store: Store
    prompts: Prompts
    cases: dict[Status, int]
    dialogs: list[str] = field(default_factory=list)  # every dialog or popup shown
    english: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # « where › what: exception »
    clicked: list[str] = field(default_factory=list)
    background: list[str] = field(default_factory=list)  # failed background work

    def poke(self, dialog: QWidget) -> None:
        poke(dialog, self.window.context.runner, self.clicked)


def _case_per_status(store: Store) -> dict[Status, int]:
    """One synthetic case at each workflow step, whatever the date the demo ends on."""
    now = utc_now()
    me = store.people.me()
    assert me is not None
    cases: dict[Status, int] = {}
    steps = {
        Status.RECEIVED: (),
        Status.ACKNOWLEDGED: (Status.ACKNOWLEDGED,),
        Status.SCHEDULED: (Status.ACKNOWLEDGED,),  # booked below, which moves it on
        Status.CALL_HELD: (Status.ACKNOWLEDGED, Status.SCHEDULED, Status.CALL_HELD),
        Status.CLOSED: (Status.ACKNOWLEDGED, Status.SCHEDULED, Status.CALL_HELD, Status.CLOSED),
        Status.DROPPED: (Status.DROPPED,),
    }
    for number, (status, path) in enumerate(steps.items()):
        case = add_case(
            store,
            f"Quintal-{number}",
            now - timedelta(hours=50 + number),
            note=f"Échange préparatoire numéro {number}.",
            telephone=f"06 39 98 77 6{number}",
            email=f"membre{number}@example.org",
            collectivite="Ville de Clairval",
        )
        assert case.id is not None
        for target in path:
            reason = DropReason.UNREACHABLE if target is Status.DROPPED else None
            Services(store).cases.advance(case.id, target, BY, reason)
        if status is Status.SCHEDULED:
            store.cases.update_details(case.id, urgent=True)  # may be booked outside slots
            start = (now + timedelta(days=3)).replace(hour=6, minute=0, second=0, microsecond=0)
            Services(store).agenda.book(case.id, me.id, start, BY)
        assert store.cases.get(case.id).status is status
        cases[status] = case.id
    return cases


def _trace_background(runner: object, desk: Desk, monkeypatch) -> None:
    """Background work that fails is reported with its traceback (the runner logs a name)."""
    run = runner.run  # type: ignore[attr-defined]

    def traced_run(work: Callable[[], object], *callbacks: object) -> None:
        def traced() -> object:
            try:
                return work()
            except BaseException as error:
                lines = "".join(traceback.format_exception(error)[-4:])
                desk.background.append(f"after {desk.clicked[-1:]}: {lines}")
                raise

        run(traced, *callbacks)

    monkeypatch.setattr(runner, "run", traced_run)


@pytest.fixture
def desk(qtbot, tmp_path: Path, monkeypatch, caplog) -> Iterator[Desk]:
    for variable in ("HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_DOCUMENTS_DIR"):
        monkeypatch.setenv(variable, str(tmp_path / "home"))  # nothing outside the test
    caplog.set_level(logging.WARNING)
    path = write_demo_database(tmp_path / "ecoute.db", count=30, months=2)
    store = Store.open(path, DEMO_PASSPHRASE)
    cases = _case_per_status(store)
    answers = Prompts()
    answers.install(monkeypatch, prompts)
    window = build_main_window(store)
    assert isinstance(window, MainWindow)
    desk = Desk(window, store, answers, cases)
    monkeypatch.setattr(QDialog, "exec", fake_exec(desk.dialogs, desk.english, desk.poke))
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: True))
    _trace_background(window.context.runner, desk, monkeypatch)
    window.resize(1400, 900)
    window.show()
    settle(window.context.runner)
    yield desk
    auto_lock = getattr(window, "auto_lock", None)
    if auto_lock is not None:
        auto_lock.stop()
    window.context.runner.wait()
    close_strays(window, [], [])
    window.close()
    window.deleteLater()  # gone now: an old window must not hear the next test's font change
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if store.db.is_open:
        store.close()


def _record(desk: Desk, where: str, exceptions: list) -> None:
    for kind, value, tb in exceptions:
        lines = "".join(traceback.format_exception(kind, value, tb)[-3:])
        desk.errors.append(f"{where}: {kind.__name__}: {value}\n{lines}")


def _press(qtbot, desk: Desk, where: str, act: Callable[[], None]) -> None:
    """One user action; errors, dialogs and popups it caused are collected."""
    with qtbot.captureExceptions() as exceptions:
        desk.clicked.append(where)
        act()
        settle(desk.window.context.runner)
        close_strays(desk.window, desk.dialogs, desk.english, desk.poke)
        settle(desk.window.context.runner)
    _record(desk, where, exceptions)


def _trigger_menu(qtbot, desk: Desk, where: str, button: QToolButton) -> None:
    for action in button.menu().actions():
        if action.isEnabled() and not action.isSeparator():
            _press(qtbot, desk, f"{where} › {action.text()}", action.trigger)


def monkey_page(qtbot, desk: Desk, name: str, goto: Callable[[], QWidget]) -> None:
    """Click every distinct button of the page (each tab of its tab widgets, each rubric of
    Paramètres too)."""
    done: set[tuple[str, ...]] = set()
    page = goto()
    desk.english += [f"{name} › {line}" for line in english_on_screen(desk.window)]
    tabs: list[tuple[QWidget | None, int]] = [
        (t, i) for t in page.findChildren(QTabWidget) for i in range(t.count())
    ]
    tabs += [(r, i) for r in page.findChildren(Rubrics) for i in range(r.count())]
    for tab_widget, index in [(None, 0), *tabs]:
        if tab_widget is not None:
            if not shiboken6.isValid(tab_widget) or not tab_widget.isVisibleTo(page):
                continue
            if isinstance(tab_widget, Rubrics):
                tab_widget.set_current(index)
            else:
                tab_widget.setCurrentIndex(index)  # type: ignore[attr-defined]
            settle(desk.window.context.runner)
        for _ in range(MAX_CLICKS):
            if desk.window.stack.currentWidget() is not page or not shiboken6.isValid(page):
                page = goto()  # a button opened or closed a case page: back to the page tested
            todo = [b for b in clickable(page) if button_key(b) not in done]
            if not todo:
                break
            button = todo[0]
            done.add(button_key(button))
            where = f"{name} › {button.text() or button.accessibleName()}"
            if isinstance(button, QToolButton) and button.menu() is not None:
                _trigger_menu(qtbot, desk, where, button)
            else:
                _press(qtbot, desk, where, button.click)
        desk.english += [f"{name} › {line}" for line in english_on_screen(desk.window)]
    _enter_on_tables(qtbot, desk, name, goto)


def _enter_on_tables(qtbot, desk: Desk, name: str, goto: Callable[[], QWidget]) -> None:
    """Enter on the first row of each list or table (opens a case from the lists)."""
    page = goto()
    count = len([v for v in page.findChildren(QAbstractItemView) if _has_rows(v, page)])
    for number in range(count):
        page = goto()
        views = [v for v in page.findChildren(QAbstractItemView) if _has_rows(v, page)]
        if number >= len(views):
            return
        view = views[number]
        view.setFocus()
        view.setCurrentIndex(view.model().index(0, 0))
        where = f"{name} › Entrée sur {view.accessibleName() or type(view).__name__}"
        _press(qtbot, desk, where, lambda v=view: qtbot.keyClick(v, Qt.Key.Key_Return))


def _has_rows(view: QAbstractItemView, page: QWidget) -> bool:
    return (
        not isinstance(view, QHeaderView)
        and view.isVisibleTo(page)
        and view.model() is not None
        and view.model().rowCount() > 0
    )


def assert_clean(desk: Desk, caplog) -> None:
    failed = [r.getMessage() for r in caplog.records if "failed" in r.getMessage()]
    assert desk.errors == [], "\n".join(desk.errors)
    assert desk.background == [], "\n".join(desk.background)
    assert sorted(set(desk.english)) == []
    assert failed == []
    assert desk.store.integrity_problems() == []
    for row in desk.store.queries.summaries(utc_now()):
        assert desk.store.cases.get(row.id).reference == row.reference  # every case readable


@pytest.mark.parametrize("key", [spec.key for spec in VIEWS])
def test_every_button_of_each_view(qtbot, desk: Desk, caplog, key: str) -> None:
    monkey_page(qtbot, desk, key, lambda: desk.window.show_view(key))
    labels = [label.text() for label in desk.window.view(key).findChildren(QLabel)]
    assert not any("Bientôt disponible" in text for text in labels)  # the real view
    assert_clean(desk, caplog)


@pytest.mark.parametrize("status", list(Status), ids=[s.name.lower() for s in Status])
def test_every_button_of_a_case_page(qtbot, desk: Desk, caplog, status: Status) -> None:
    case_id = desk.cases[status]
    monkey_page(qtbot, desk, f"case {status}", lambda: desk.window.open_case(case_id))
    assert any("Retour" in where for where in desk.clicked)
    assert_clean(desk, caplog)


def _menu_actions(desk: Desk) -> list[QAction]:
    found = []
    pending = list(desk.window.menuBar().actions())
    while pending:
        action = pending.pop(0)
        if action.menu() is not None:
            pending[:0] = action.menu().actions()
        elif not action.isSeparator() and action is not desk.window.lock_action:
            found.append(action)
    return found


def test_every_menu_action(qtbot, desk: Desk, caplog) -> None:
    desk.window.open_case(desk.cases[Status.SCHEDULED])  # menus used from a case page too
    actions = _menu_actions(desk)
    assert {"Nouvelle sollicitation", "Guide rapide", "À propos d'Écoute"} <= {
        a.text() for a in actions
    }
    for action in actions:
        _press(qtbot, desk, f"menu › {action.text()}", action.trigger)
    desk.window.set_text_scale(100)
    assert_clean(desk, caplog)
    assert {"NewCaseDialog", "GuideDialog", "AboutDialog"} <= set(desk.dialogs)


def test_qt_standard_buttons_and_menus_are_french(qtbot, desk: Desk) -> None:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Close
        | QDialogButtonBox.StandardButton.Save
        | QDialogButtonBox.StandardButton.Yes
        | QDialogButtonBox.StandardButton.No
    )
    qtbot.addWidget(buttons)
    texts = {b.text().replace("&", "") for b in buttons.buttons()}
    assert texts == {"Annuler", "Fermer", "Enregistrer", "Oui", "Non"}
    box = QMessageBox(QMessageBox.Icon.Warning, "Titre", "Texte", QMessageBox.StandardButton.Ok)
    qtbot.addWidget(box)
    box.setDetailedText("détails")
    box.show()
    assert english_on_screen(box) == []
    editor = desk.window.open_case(desk.cases[Status.RECEIVED]).notes.editor  # type: ignore[attr-defined]
    menu = editor.createStandardContextMenu()
    assert "Coller" in [a.text().replace("&", "").split("\t")[0] for a in menu.actions()]


def test_the_monkey_sees_errors_and_english(qtbot, desk: Desk) -> None:
    """The harness itself: an exception raised by a button's slot is reported with the
    button's name, and an English button is reported."""
    page = desk.window.show_view("today")
    broken = QPushButton("Bouton défectueux", page)
    broken.clicked.connect(lambda: 1 / 0)
    english = QPushButton("Save", page)
    for button in (broken, english):
        page.layout().addWidget(button)
        button.show()
    monkey_page(qtbot, desk, "today", lambda: page)
    assert any("Bouton défectueux" in e and "ZeroDivisionError" in e for e in desk.errors)
    assert any("'Save'" in line for line in desk.english)


def test_lock_from_the_toolbar_then_unlock(qtbot, desk: Desk) -> None:
    window = desk.window
    window.show_view("agenda")
    window.lock_action.trigger()
    auto_lock = window.auto_lock  # type: ignore[attr-defined]
    assert auto_lock.is_locked and not window.isVisible()
    screen = auto_lock.screen
    assert english_on_screen(screen) == []
    screen.passphrase_edit.setText("mauvaise phrase")
    screen.unlock_button.click()
    assert auto_lock.is_locked and screen.error_label.text()
    screen.passphrase_edit.setText(DEMO_PASSPHRASE)
    screen.unlock_button.click()
    qtbot.waitUntil(lambda: not auto_lock.is_locked and window.isVisible())
    assert window.stack.currentWidget() is window.view("agenda")
    assert desk.store.integrity_problems() == []


def test_quit_from_the_lock_screen(qtbot, desk: Desk) -> None:
    window = desk.window
    window.open_case(desk.cases[Status.CALL_HELD])
    window.lock_action.trigger()
    auto_lock = window.auto_lock  # type: ignore[attr-defined]
    quits: list[bool] = []
    auto_lock.quit_application = lambda: quits.append(True)
    auto_lock.screen.quit_button.click()
    assert quits == [True]
    assert not desk.store.db.is_open  # the connection is closed and the lock released
    with Store.open(desk.store.path, DEMO_PASSPHRASE) as reopened:
        assert reopened.integrity_problems() == []
