"""The Store: one open encrypted database and its repositories."""

from __future__ import annotations

from pathlib import Path

import sqlcipher3

from ecoute_desktop.store import connection, lockfile, migrations, opening
from ecoute_desktop.store.agenda import AgendaRepository
from ecoute_desktop.store.cases import CaseRepository
from ecoute_desktop.store.database import Database
from ecoute_desktop.store.identity import IdentityRepository
from ecoute_desktop.store.mailbox import MailboxRepository
from ecoute_desktop.store.notes import NoteRepository
from ecoute_desktop.store.pair import PairRepository
from ecoute_desktop.store.people import PeopleRepository
from ecoute_desktop.store.queries import CaseQueries
from ecoute_desktop.store.reference import DirectoryRepository, ThemeRepository, seed_defaults
from ecoute_desktop.store.referentiel import ReferentielRepository
from ecoute_desktop.store.retention import RetentionRepository
from ecoute_desktop.store.satisfaction import SatisfactionRepository
from ecoute_desktop.store.search import search_case_ids
from ecoute_desktop.store.settings import SettingsRepository


class Store:
    """Everything the services and the GUI may read or write; nothing else runs SQL."""

    def __init__(self, conn: sqlcipher3.Connection, path: Path) -> None:
        self.db = Database(conn, path)
        self.cases = CaseRepository(self.db)
        self.notes = NoteRepository(self.db)
        self.themes = ThemeRepository(self.db)
        self.directory = DirectoryRepository(self.db)
        self.people = PeopleRepository(self.db)
        self.settings = SettingsRepository(self.db)
        self.agenda = AgendaRepository(self.db)
        self.queries = CaseQueries(self.db)
        self.retention = RetentionRepository(self.db)
        self.satisfaction = SatisfactionRepository(self.db)
        self.identity = IdentityRepository(self.db)
        self.mailbox = MailboxRepository(self.db)
        self.referentiel = ReferentielRepository(self.db)
        self.pair = PairRepository(self.db)
        self._holds_lock = False

    @property
    def path(self) -> Path:
        return self.db.path

    @classmethod
    def open(cls, path: Path | str, passphrase: str, *, lock: bool = True) -> Store:
        """Open an existing database, upgrading its schema if needed.

        Every page is checked (CorruptDatabaseError when damaged); with `lock` the
        one-writer lock is held until `close()` (LockedError if another process has it).
        """
        conn = opening.open_guarded(Path(path), passphrase, lock)
        store = cls(conn, Path(path))
        store._holds_lock = lock
        return store

    @classmethod
    def create(
        cls,
        path: Path | str,
        passphrase: str,
        with_defaults: bool = True,
        salt: bytes | None = None,
    ) -> Store:
        """Create a new database with the current schema (and the default taxonomy);
        `salt`: the demo base's public one (store/connection.py)."""
        conn = connection.create_connection(Path(path), passphrase, salt)
        try:
            migrations.migrate(conn)
            store = cls(conn, Path(path))
            if with_defaults:
                with store.db.write() as write_conn:
                    seed_defaults(write_conn)
            lockfile.acquire(Path(path))
            store._holds_lock = True
        except BaseException:
            conn.close()
            Path(path).unlink(missing_ok=True)
            raise
        return store

    def close(self) -> None:
        self.db.close()
        if self._holds_lock:
            self._holds_lock = False
            lockfile.release(self.path)

    def disconnect(self) -> None:
        """Close the connection but keep the writer's lock (the app is locked, not quit)."""
        self.db.close()

    def reconnect(self, passphrase: str) -> None:
        """Reopen the connection after `disconnect()`; WrongPassphraseError if refused."""
        self.db.reconnect(opening.open_guarded(self.path, passphrase, lock=False))

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def integrity_problems(self) -> list[str]:
        """Both integrity checks (SQLCipher pages, SQLite structure); empty when sound."""
        with self.db.read() as conn:
            return connection.integrity_problems(conn)

    def schema_version(self) -> int:
        with self.db.read() as conn:
            return migrations.schema_version(conn)

    def search(self, text: str, limit: int = 500) -> list[int]:
        """Ids of cases whose reference, member, collectivité or notes match `text`."""
        with self.db.read() as conn:
            return search_case_ids(conn, text, limit)
