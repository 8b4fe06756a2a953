"""Shared test set-up: one headless QApplication, fresh encrypted stores, synthetic data."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from ecoute_desktop.services.app import Services
from ecoute_desktop.store import Store


def pytest_configure(config: pytest.Config) -> None:
    """Qt preferences (text size, window geometry) go to a folder of this test process.

    Otherwise every test would write the user's real ~/.config/Ecoute, and two xdist
    workers would race on the same file (one sets 200 %, the other reads 100 %).
    """
    from PySide6.QtCore import QSettings

    folder = tempfile.mkdtemp(prefix="ecoute-tests-settings-")
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, folder)


PASSPHRASE = "cheval correct agrafe batterie 42"


@pytest.fixture(autouse=True)
def coordinator_state_in_tmp(tmp_path: Path, monkeypatch) -> Path:
    """`ecoute merge` and the Coordination view keep their state in this test's folder.

    Otherwise the coordinator's state file would go to the user's real data folder and
    carry hotliners (and pinned keys) from one test to the next.
    """
    from ecoute_desktop.services import coordinator_state

    path = tmp_path / "coordinator-state" / "coordination.json"
    monkeypatch.setattr(coordinator_state, "default_state_path", lambda: path)
    return path


@pytest.fixture(scope="session")
def qapp(qapp):  # pytest-qt's session QApplication, extended
    """The session's QApplication speaks French like the real one (`make_application`):
    French locale and Qt's own strings (standard buttons, context menus, dialogs)."""
    from ecoute_desktop.ui.app import install_french

    install_french(qapp)
    return qapp


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "ecoute.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """A new encrypted database with the default taxonomy and directory."""
    opened = Store.create(db_path, PASSPHRASE)
    yield opened
    opened.close()


@pytest.fixture
def slots_context(store: Store, qtbot):
    """An app context whose pair has a slot every day, 8 h–20 h (dialogs with free times)."""
    from datetime import date, time

    from ecoute_desktop.domain.models import WeeklySlot
    from ecoute_desktop.ui.common.background import BackgroundRunner
    from ecoute_desktop.ui.common.context import AppContext, Events
    from tests.agenda_helpers import add_pair

    me, _ = add_pair(store)
    for weekday in range(7):
        store.agenda.save_slot(WeeklySlot(me.id, weekday, time(8), time(20), date(2020, 1, 1)))
    runner = BackgroundRunner()
    yield AppContext(Services(store), runner, Events())
    runner.wait()


@pytest.fixture
def at_200():
    """The whole application at 200 % text size for one test."""
    from ecoute_desktop.ui.common import text_size

    text_size.apply_scale(200, remember=False)
    yield
    text_size.apply_scale(100, remember=False)
