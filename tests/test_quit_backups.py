"""Backups at quitting and locking: made only when the content changed (seven idle quits
keep older backups), one per session; closing the lock screen quits properly (lock released,
the backup made at locking), never a bare quit that skips them."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from ecoute_desktop.services import safety_settings as keys
from ecoute_desktop.services.backup import automatic_backup, backup_due, list_backups
from ecoute_desktop.services.demo import populate
from ecoute_desktop.store import Store, lockfile
from ecoute_desktop.ui.safety.locking import AutoLock
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.desk_support import isolated_settings, make_context

__all__ = ["isolated_settings"]


def _names(store_path: Path, folder: Path) -> list[str]:
    return [info.path.name for info in list_backups(folder, store_path)]


def _session(qtbot, db_path: Path, work=None) -> list[str]:
    """One run of the app: open, look at the desk, maybe work, close the window, quit."""
    store = Store.open(db_path, PASSPHRASE)
    window = MainWindow(make_context(store))
    qtbot.addWidget(window)
    auto_lock = AutoLock(window, window.context, idle_ms=600_000)
    window.show()
    for key in ("today", "cases", "settings"):
        window.show_view(key)
    window.context.runner.wait()
    if work is not None:
        work(store)
    window.close()
    auto_lock.backup_at_exit()  # what QApplication.aboutToQuit runs
    auto_lock.stop()
    store.close()
    return [] if auto_lock.session_backup is None else [auto_lock.session_backup.name]


@pytest.fixture
def folder(db_path: Path) -> Path:
    """A database with 7 older backups (a full rotation), one a day."""
    with Store.create(db_path, PASSPHRASE) as store:
        make_context(store)
        populate(store, 20, date(2025, 1, 1), date(2025, 12, 31), seed=5)
        for day in range(1, 8):
            store.notes.add(store.cases.all()[0].id, f"Note du jour {day}")  # type: ignore[arg-type]
            automatic_backup(store, at=datetime(2026, 1, day, 18, tzinfo=UTC))
        return keys.backup_dir(store)


def test_seven_idle_quits_keep_the_older_backups(qtbot, db_path: Path, folder: Path) -> None:
    before = _names(db_path, folder)
    assert len(before) == 7
    for _ in range(7):
        assert _session(qtbot, db_path) == []
    assert _names(db_path, folder) == before


def test_a_quit_after_a_change_makes_one_backup(qtbot, db_path: Path, folder: Path) -> None:
    before = _names(db_path, folder)

    def work(store: Store) -> None:
        store.notes.add(store.cases.all()[0].id, "Une nouvelle note")  # type: ignore[arg-type]

    made = _session(qtbot, db_path, work)
    after = _names(db_path, folder)
    assert len(made) == 1 and after[0] == made[0]
    assert after[1:] == before[:6]  # the oldest one made room
    assert _session(qtbot, db_path) == []  # and the next idle quit adds nothing


def test_a_missing_last_backup_is_made_again(store: Store, tmp_path: Path) -> None:
    make_context(store)
    info = automatic_backup(store)
    assert backup_due(store)[0] is False
    info.path.unlink()
    assert backup_due(store)[0] is True


def test_closing_the_lock_screen_quits_properly(qtbot, db_path: Path, folder: Path) -> None:
    store = Store.open(db_path, PASSPHRASE)
    window = MainWindow(make_context(store))
    qtbot.addWidget(window)
    auto_lock = AutoLock(window, window.context, idle_ms=600_000)
    quits: list[bool] = []
    auto_lock.quit_application = lambda: quits.append(True)
    window.show()
    store.notes.add(store.cases.all()[0].id, "Note tapée avant de verrouiller")  # type: ignore[arg-type]
    auto_lock.lock()
    made = auto_lock.session_backup
    assert made is not None and made.name == _names(db_path, folder)[0]  # backup at locking
    assert auto_lock.screen is not None and lockfile.is_held(db_path)
    auto_lock.screen.close()  # the window's close button
    assert quits == [True]
    assert not lockfile.is_held(db_path) and not store.db.is_open
    auto_lock.backup_at_exit()  # aboutToQuit after that: nothing more, nothing lost
    with Store.open(db_path, PASSPHRASE) as again:  # nobody else holds it
        assert again.cases.count() == 20


def test_lock_then_quit_keeps_one_backup_per_session(qtbot, db_path: Path, folder: Path) -> None:
    store = Store.open(db_path, PASSPHRASE)
    window = MainWindow(make_context(store))
    qtbot.addWidget(window)
    auto_lock = AutoLock(window, window.context, idle_ms=600_000)
    window.show()
    case_id = store.cases.all()[0].id
    store.notes.add(case_id, "Avant la pause")  # type: ignore[arg-type]
    auto_lock.lock()
    first = auto_lock.session_backup
    assert auto_lock.screen is not None
    auto_lock.screen.passphrase_edit.setText(PASSPHRASE)
    assert auto_lock.screen.try_unlock()
    store.notes.add(case_id, "Après la pause")  # type: ignore[arg-type]
    auto_lock.backup_at_exit()
    auto_lock.stop()
    store.close()
    names = _names(db_path, folder)
    assert first is not None and not first.exists()  # replaced by the newer one
    assert auto_lock.session_backup is not None and names[0] == auto_lock.session_backup.name
    assert len(names) == 7
