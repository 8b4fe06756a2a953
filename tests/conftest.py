"""Shared test set-up: one headless QApplication, fresh encrypted stores, synthetic data."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from ecoute_desktop.store import Store

PASSPHRASE = "cheval correct agrafe batterie 42"


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
