"""Restoring a backup from the app: from Paramètres (database open) or the unlock window.

The backup is checked first (it must open with the current passphrase and pass both
integrity checks), the user confirms, then `services.backup.restore` keeps the current
file aside and puts the backup in its place. In the running app the store is reopened
in place: the connection is closed, the file replaced, the same `Store` reconnected,
and every view refreshed, exactly as after unlocking (views only read through the
store, so nothing from the old file survives). No restart is needed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ecoute_desktop.services import backup as backups
from ecoute_desktop.store import StoreError, WrongPassphraseError
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.formatting import long_datetime
from ecoute_desktop.ui.common.widget_kit import wait_cursor


def _title() -> str:
    return QCoreApplication.translate("restore", "Restaurer une sauvegarde")


_T = TypeVar("_T")


def _busy(work: Callable[[], _T]) -> _T:
    with wait_cursor():
        return work()


def taken_at(path: Path) -> datetime:
    """When a backup was made: the UTC time in an automatic backup's name, else the file's."""
    match = re.search(r"-sauvegarde-(\d{8}-\d{6})", path.name)
    if match:
        return datetime.strptime(match.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
    return datetime.fromtimestamp(path.stat().st_mtime, UTC)


def describe(path: Path, cases: int) -> str:
    """« du mardi 3 mars 2026 à 18 h 00 (dossier « … »), 120 sollicitation(s) », Paris time.

    The file name (its stamp is in UTC, an hour or two off) is left to the details."""
    return QCoreApplication.translate(
        "restore", "du {0} (dossier « {1} »), {2} sollicitation(s)"
    ).format(long_datetime(taken_at(path)), path.parent, cases)


def check_backup(parent: QWidget | None, backup: Path, passphrase: str) -> int | None:
    """Number of cases of a sound backup that opens with `passphrase`; None (and why) if not."""
    try:
        check = _busy(lambda: backups.verify_backup(backup, passphrase))
    except WrongPassphraseError:
        prompts.warn(
            parent,
            _title(),
            QCoreApplication.translate(
                "restore",
                "Cette sauvegarde ne s'ouvre pas avec cette phrase de passe. Si elle a été"
                " faite avant un changement de phrase de passe, restaurez-la avec la"
                " commande « ecoute restore » et l'ancienne phrase de passe.",
            ),
        )
        return None
    except StoreError as error:
        prompts.warn(parent, _title(), str(error))
        return None
    if not check.sound:
        prompts.warn(
            parent,
            _title(),
            QCoreApplication.translate(
                "restore",
                "Cette sauvegarde est endommagée (contrôle d'intégrité) : rien n'a été changé.",
            ),
        )
        return None
    return int(check.cases)


def _confirm(parent: QWidget | None, backup: Path, cases: int, current: str) -> bool:
    return prompts.confirm_action(
        parent,
        _title(),
        QCoreApplication.translate(
            "restore",
            "Restaurer la sauvegarde {0} ?\n\n{1} sera mise de côté dans le même dossier"
            " (nom se terminant par « avant-restauration-… ») : rien n'est effacé. Ce qui a"
            " été saisi après cette sauvegarde n'apparaîtra plus dans Écoute.",
        ).format(describe(backup, cases), current),
        QCoreApplication.translate("restore", "Restaurer"),
        details=QCoreApplication.translate("restore", "Fichier : {0}").format(backup),
    )


def restore_into_open_app(parent: QWidget, context: AppContext) -> Path | None:
    """Paramètres › « Restaurer une sauvegarde… »; returns where the old file was kept."""
    session = context.services.session
    backup = prompts.ask_open_path(
        parent,
        QCoreApplication.translate("restore", "Choisir la sauvegarde à restaurer"),
        QCoreApplication.translate("restore", "Sauvegardes Écoute (*.db)"),
    )
    if backup is None:
        return None
    if backup.resolve() == session.path.resolve():
        prompts.warn(
            parent,
            _title(),
            QCoreApplication.translate("restore", "Ce fichier est la base elle-même."),
        )
        return None
    passphrase = prompts.ask_passphrase(
        parent,
        _title(),
        QCoreApplication.translate(
            "restore", "Votre phrase de passe actuelle, pour vérifier la sauvegarde :"
        ),
    )
    if passphrase is None:
        return None
    try:  # the current passphrase, proven on the open database's file
        _busy(lambda: session.check_passphrase(passphrase))
    except WrongPassphraseError:
        prompts.warn(
            parent,
            _title(),
            QCoreApplication.translate(
                "restore", "Phrase de passe incorrecte : rien n'a été changé."
            ),
        )
        return None
    cases = check_backup(parent, backup, passphrase)
    if cases is None:
        return None
    current = QCoreApplication.translate(
        "restore", "La base actuelle ({0} sollicitation(s))"
    ).format(context.services.cases.count())
    if not _confirm(parent, backup, cases, current):
        return None
    window = parent.window()
    for hook in ("flush_drafts", "clear_personal_data"):
        action = getattr(window, hook, None)
        if callable(action):
            action()
    context.runner.wait()
    try:  # the views hear of the restored content once it is open again
        aside = _busy(lambda: session.restore(backup, passphrase))
    except (StoreError, OSError) as error:
        prompts.warn(parent, _title(), str(error))
        return None
    auto_lock = getattr(window, "auto_lock", None)
    if auto_lock is not None:
        auto_lock.session_backup = None  # belongs to the file set aside
    return aside


def restore_damaged(parent: QWidget | None, db_path: Path, backup: Path, passphrase: str) -> bool:
    """From the unlock window, when the database is damaged: restore `backup` in its place."""
    cases = check_backup(parent, backup, passphrase)
    if cases is None:
        return False
    current = QCoreApplication.translate("restore", "Le fichier endommagé")
    if not _confirm(parent, backup, cases, current):
        return False
    try:
        _busy(lambda: backups.restore(db_path, backup, passphrase))
    except (StoreError, OSError) as error:
        prompts.warn(parent, _title(), str(error))
        return False
    return True
