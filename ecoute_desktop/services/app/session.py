"""The open database as the user sees it: locked or not, its file, backups, purge, restore."""

from __future__ import annotations

from pathlib import Path

from ecoute_desktop.services import backup, retention, safety_settings
from ecoute_desktop.services.app.base import Area
from ecoute_desktop.services.app.events import CasesChanged, ReferenceChanged, SettingsChanged
from ecoute_desktop.services.passphrase import actions as passphrase_actions
from ecoute_desktop.store import Store


class SessionService(Area):
    """Locking closes the connection (the writer's lock stays ours); unlocking reopens it."""

    @property
    def is_open(self) -> bool:
        return self._store.db.is_open

    @property
    def path(self) -> Path:
        return self._store.path

    def disconnect(self) -> None:
        """Close the connection but keep the writer's lock (locked, not quit)."""
        self._store.disconnect()

    def reconnect(self, passphrase: str) -> None:
        """Reopen after `disconnect()`; WrongPassphraseError if refused."""
        self._store.reconnect(passphrase)

    def close(self) -> None:
        """Close the base and release the writer's lock (quitting)."""
        self._store.close()

    def reopened(self) -> None:
        """After unlocking: the views read everything again (nothing changed meanwhile,
        but they were emptied when locking)."""
        self._tx.publish(CasesChanged())

    def check_passphrase(self, passphrase: str) -> None:
        """Prove a passphrase opens this file (WrongPassphraseError) without touching it."""
        Store.open(self._store.path, passphrase, lock=False).close()

    def passphrase_profile_words(self) -> list[str]:
        """The user's own name, e-mail and phone: the gate weakens a phrase that holds them."""
        return passphrase_actions.profile_words(self._store.people.me())

    def change_passphrase(self, old: str, new: str) -> None:
        """The one passphrase change (the gate inside): WeakPassphraseError,
        WrongPassphraseError or StoreError, and then nothing changed."""
        passphrase_actions.change_passphrase(self._store, old, new)

    # ---- backups -------------------------------------------------------------
    def backup_now(self) -> backup.BackupInfo:
        """« Sauvegarder maintenant »: into the chosen folder, verified, the last N kept."""
        return backup.automatic_backup(self._store)

    def backup_if_changed(self, replace: Path | None = None) -> backup.BackupInfo | None:
        """The backup at locking and quitting, only when the content changed."""
        return backup.backup_if_changed(self._store, replace=replace)

    def latest_backup(self) -> backup.BackupInfo | None:
        return backup.latest_backup(self._store.path, [safety_settings.backup_dir(self._store)])

    def restore(self, backup_path: Path, passphrase: str) -> Path | None:
        """Put a backup in place of the open base (kept aside) and reopen it; returns the
        aside file. The connection is reopened even when the restore fails."""
        self._store.disconnect()  # the writer's lock stays ours
        try:
            aside = backup.restore(self._store.path, backup_path, passphrase)
        except BaseException:
            self._store.reconnect(passphrase)  # the current file was put back
            raise
        self._store.reconnect(passphrase)
        self._tx.publish(CasesChanged(), ReferenceChanged(), SettingsChanged())
        return aside

    # ---- retention --------------------------------------------------------------
    def purge_preview(self) -> retention.PurgePreview:
        """The cases past retention now, without changing anything."""
        return retention.purge_preview(self._store)

    def purge(self, preview: retention.PurgePreview) -> int:
        """Erase the personal data of the cases of `preview` still past retention.

        The erasure is its own transaction followed by a checkpoint (so erased words leave
        every page): it cannot run inside an outer one, and publishes once it is done."""
        count = retention.purge(self._store, preview)
        self._tx.publish(CasesChanged())
        return count
