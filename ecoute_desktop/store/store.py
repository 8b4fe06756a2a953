"""The Store: one open encrypted database and its repositories."""

from __future__ import annotations

from pathlib import Path

import sqlcipher3

from ecoute_desktop.store import connection, migrations
from ecoute_desktop.store.agenda import AgendaRepository
from ecoute_desktop.store.cases import CaseRepository
from ecoute_desktop.store.database import Database
from ecoute_desktop.store.notes import NoteRepository
from ecoute_desktop.store.people import PeopleRepository
from ecoute_desktop.store.queries import CaseQueries
from ecoute_desktop.store.reference import DirectoryRepository, ThemeRepository, seed_defaults
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

    @property
    def path(self) -> Path:
        return self.db.path

    @classmethod
    def open(cls, path: Path | str, passphrase: str) -> Store:
        """Open an existing database, upgrading its schema if needed."""
        conn = connection.open_connection(Path(path), passphrase)
        try:
            migrations.migrate(conn)
        except BaseException:  # a newer schema, a failed migration: never leave it open
            conn.close()
            raise
        return cls(conn, Path(path))

    @classmethod
    def create(cls, path: Path | str, passphrase: str, with_defaults: bool = True) -> Store:
        """Create a new database with the current schema (and the default taxonomy)."""
        conn = connection.create_connection(Path(path), passphrase)
        try:
            migrations.migrate(conn)
            store = cls(conn, Path(path))
            if with_defaults:
                with store.db.write() as write_conn:
                    seed_defaults(write_conn)
        except BaseException:
            conn.close()
            Path(path).unlink(missing_ok=True)
            raise
        return store

    def close(self) -> None:
        self.db.close()

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
