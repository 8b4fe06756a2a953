"""Helpers for the desk's GUI tests: isolated QSettings, an app context, synthetic emails."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from email.message import EmailMessage
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from ecoute_desktop.domain.models import Case, Hotliner, Member
from ecoute_desktop.services.app import Services
from ecoute_desktop.store import Store
from ecoute_desktop.ui.common.background import BackgroundRunner
from ecoute_desktop.ui.common.context import AppContext, Events


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path) -> Iterator[None]:
    """QSettings written under the test's folder, never in the user's profile (autouse)."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    yield
    from ecoute_desktop.ui.common import text_size

    text_size.apply_scale(100, remember=False)


def store_of(context: AppContext) -> Store:
    """The store behind a context, for a test's setup and assertions (never for the GUI)."""
    return context.services._store


def make_context(store: Store) -> AppContext:
    if store.people.me() is None:
        store.people.save(Hotliner("Morel", "Jacqueline", "06 39 98 00 01", is_self=True))
    return AppContext(Services(store), BackgroundRunner(), Events())


def add_case(store: Store, nom: str, received: datetime, note: str = "", **member: str) -> Case:
    case = Case("", received, Member(nom, member.pop("prenom", "Anne"), **member))
    created = store.cases.create(case)
    if note:
        store.notes.add(created.id, note)  # type: ignore[arg-type]
    return created


def write_eml(
    path: Path,
    body: str,
    date: str = "Tue, 03 Mar 2026 09:14:27 +0100",
    sender: str = "Élodie Fontclair <elodie.fontclair@example.org>",
) -> Path:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = "ecoute@example.org"
    message["Subject"] = "Demande d'échange"
    message["Date"] = date
    message.set_content(body)
    path.write_bytes(message.as_bytes())
    return path
