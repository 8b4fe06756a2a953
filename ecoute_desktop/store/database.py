"""An open database connection shared by the repositories, with its lock and transactions."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import sqlcipher3

from ecoute_desktop.store.disk_errors import disk_errors_said


class Database:
    """Serialises access to one SQLCipher connection; writes run in one transaction each."""

    def __init__(self, conn: sqlcipher3.Connection, path: Path) -> None:
        self._conn: sqlcipher3.Connection | None = conn
        self.path = Path(path)
        self._lock = threading.RLock()
        self._depth = 0

    @property
    def conn(self) -> sqlcipher3.Connection:
        if self._conn is None:
            raise RuntimeError("database is closed")
        return self._conn

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    @contextmanager
    def read(self) -> Iterator[sqlcipher3.Connection]:
        """The connection, for reads, while holding the lock."""
        with self._lock, disk_errors_said():
            yield self.conn

    @contextmanager
    def write(self) -> Iterator[sqlcipher3.Connection]:
        """One atomic transaction (nested calls join the outer one).

        A full or failing disk is raised as DiskFullError (the transaction rolled back).
        """
        with self._lock, disk_errors_said():
            conn = self.conn
            if self._depth:
                self._depth += 1
                try:
                    yield conn
                finally:
                    self._depth -= 1
                return
            conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield conn
            except BaseException:
                # SQLite may have rolled back already (full disk, I/O error): a second
                # ROLLBACK would raise and hide the real error.
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            else:
                conn.execute("COMMIT")
            finally:
                self._depth = 0

    def reconnect(self, conn: sqlcipher3.Connection) -> None:
        """Use a freshly opened connection to the same file (after `close()`)."""
        with self._lock:
            if self._conn is not None:
                conn.close()
                raise RuntimeError("database is already open")
            self._conn = conn

    def close(self) -> None:
        """Fold the write-ahead log into the file and close the connection."""
        with self._lock:
            if self._conn is None:
                return
            with suppress(sqlcipher3.DatabaseError):
                self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._conn.close()
            self._conn = None
