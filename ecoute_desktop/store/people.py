"""Hotliners (the user and their partner) and binômes."""

from __future__ import annotations

from ecoute_desktop.domain.models import Binome, Hotliner
from ecoute_desktop.store.database import Database

_COLUMNS = "id, nom, prenom, telephone, email, is_self"


def _hotliner(row: tuple) -> Hotliner:
    return Hotliner(row[1], row[2], row[3], row[4], bool(row[5]), row[0])


class PeopleRepository:
    """The people who answer the line."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def all(self) -> list[Hotliner]:
        with self._db.read() as conn:
            rows = conn.execute(f"SELECT {_COLUMNS} FROM hotliners ORDER BY is_self DESC, id")
            return [_hotliner(r) for r in rows]

    def get(self, hotliner_id: int) -> Hotliner:
        with self._db.read() as conn:
            row = conn.execute(
                f"SELECT {_COLUMNS} FROM hotliners WHERE id = ?", (hotliner_id,)
            ).fetchone()
        if row is None:
            raise KeyError(hotliner_id)
        return _hotliner(row)

    def me(self) -> Hotliner | None:
        """The hotliner who uses this database, if their profile was recorded."""
        with self._db.read() as conn:
            row = conn.execute(f"SELECT {_COLUMNS} FROM hotliners WHERE is_self = 1").fetchone()
        return None if row is None else _hotliner(row)

    def save(self, hotliner: Hotliner) -> Hotliner:
        """Insert or update; only one hotliner can be the user."""
        values = (hotliner.nom, hotliner.prenom, hotliner.telephone, hotliner.email)
        with self._db.write() as conn:
            if hotliner.is_self:
                conn.execute(
                    "UPDATE hotliners SET is_self = 0 WHERE is_self = 1 AND id IS NOT ?",
                    (hotliner.id,),
                )
            if hotliner.id is None:
                cursor = conn.execute(
                    "INSERT INTO hotliners (nom, prenom, telephone, email, is_self)"
                    " VALUES (?, ?, ?, ?, ?)",
                    (*values, int(hotliner.is_self)),
                )
                hotliner.id = cursor.lastrowid
            else:
                conn.execute(
                    "UPDATE hotliners SET nom = ?, prenom = ?, telephone = ?, email = ?,"
                    " is_self = ? WHERE id = ?",
                    (*values, int(hotliner.is_self), hotliner.id),
                )
        return hotliner

    def binome(self) -> Binome | None:
        """The user's pair, if a partner was recorded."""
        with self._db.read() as conn:
            row = conn.execute("SELECT id, first_id, second_id FROM binomes LIMIT 1").fetchone()
        if row is None:
            return None
        return Binome(self.get(row[1]), self.get(row[2]), row[0])

    def set_binome(self, first: Hotliner, second: Hotliner) -> Binome:
        with self._db.write() as conn:
            conn.execute("DELETE FROM binomes")
            cursor = conn.execute(
                "INSERT INTO binomes (first_id, second_id) VALUES (?, ?)", (first.id, second.id)
            )
        return Binome(first, second, cursor.lastrowid)
