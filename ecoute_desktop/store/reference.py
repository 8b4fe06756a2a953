"""Theme taxonomy and orientation directory: editable, retired entries keep their history."""

from __future__ import annotations

import sqlcipher3

from ecoute_desktop.domain.models import OrientationTarget, Theme
from ecoute_desktop.domain.taxonomy import DEFAULT_DIRECTORY, DEFAULT_THEMES
from ecoute_desktop.store.database import Database

_THEME_SELECT = """
    SELECT t.id, t.label, t.parent_id, p.label, t.retired, t.ref_id
    FROM themes t LEFT JOIN themes p ON p.id = t.parent_id
"""
_TARGET_COLUMNS = "id, label, national, telephone, email, website, details, retired, ref_id"


def theme_from_row(row: tuple) -> Theme:
    return Theme(row[0], row[1], row[2], row[3], bool(row[4]), row[5])


def target_from_row(row: tuple) -> OrientationTarget:
    return OrientationTarget(
        row[0], row[1], bool(row[2]), row[3], row[4], row[5], row[6], bool(row[7]), row[8]
    )


def seed_defaults(conn: sqlcipher3.Connection) -> None:
    """Insert the default taxonomy and directory (inside the caller's transaction)."""
    for position, (label, children) in enumerate(DEFAULT_THEMES):
        cursor = conn.execute(
            "INSERT INTO themes (label, position) VALUES (?, ?)", (label, position)
        )
        for child_position, child in enumerate(children):
            conn.execute(
                "INSERT INTO themes (label, parent_id, position) VALUES (?, ?, ?)",
                (child, cursor.lastrowid, child_position),
            )
    for position, entry in enumerate(DEFAULT_DIRECTORY):
        conn.execute(
            "INSERT INTO orientation_targets (label, national, website, details, position)"
            " VALUES (?, ?, ?, ?, ?)",
            (entry.label, int(entry.national), entry.website, entry.details, position),
        )


class ThemeRepository:
    """The two-level theme taxonomy."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def all(self, include_retired: bool = False) -> list[Theme]:
        """Top-level themes each followed by their sub-themes, in display order."""
        where = "" if include_retired else " WHERE t.retired = 0 AND coalesce(p.retired, 0) = 0"
        order = " ORDER BY coalesce(p.position, t.position), t.parent_id IS NOT NULL, t.position"
        with self._db.read() as conn:
            return [theme_from_row(r) for r in conn.execute(_THEME_SELECT + where + order)]

    def get(self, theme_id: int) -> Theme:
        with self._db.read() as conn:
            row = conn.execute(_THEME_SELECT + " WHERE t.id = ?", (theme_id,)).fetchone()
        if row is None:
            raise KeyError(theme_id)
        return theme_from_row(row)

    def add(self, label: str, parent_id: int | None = None) -> Theme:
        label = _clean_label(label)
        with self._db.write() as conn:
            (position,) = conn.execute(
                "SELECT coalesce(max(position), -1) + 1 FROM themes WHERE parent_id IS ?",
                (parent_id,),
            ).fetchone()
            cursor = conn.execute(
                "INSERT INTO themes (label, parent_id, position) VALUES (?, ?, ?)",
                (label, parent_id, position),
            )
        return self.get(cursor.lastrowid)

    def rename(self, theme_id: int, label: str) -> None:
        with self._db.write() as conn:
            conn.execute(
                "UPDATE themes SET label = ? WHERE id = ?", (_clean_label(label), theme_id)
            )

    def move(self, theme_id: int, parent_id: int) -> None:
        """Put a sub-theme under another theme, last; cases tagged with it keep it."""
        with self._db.write() as conn:
            (position,) = conn.execute(
                "SELECT coalesce(max(position), -1) + 1 FROM themes WHERE parent_id = ?",
                (parent_id,),
            ).fetchone()
            conn.execute(
                "UPDATE themes SET parent_id = ?, position = ? WHERE id = ?",
                (parent_id, position, theme_id),
            )

    def set_retired(self, theme_id: int, retired: bool = True) -> None:
        """Hide a theme from new tagging; cases already tagged keep it."""
        with self._db.write() as conn:
            conn.execute("UPDATE themes SET retired = ? WHERE id = ?", (int(retired), theme_id))


class DirectoryRepository:
    """The orientation directory."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def all(self, include_retired: bool = False) -> list[OrientationTarget]:
        where = "" if include_retired else " WHERE retired = 0"
        with self._db.read() as conn:
            rows = conn.execute(
                f"SELECT {_TARGET_COLUMNS} FROM orientation_targets{where} ORDER BY position, id"
            )
            return [target_from_row(r) for r in rows]

    def get(self, target_id: int) -> OrientationTarget:
        with self._db.read() as conn:
            row = conn.execute(
                f"SELECT {_TARGET_COLUMNS} FROM orientation_targets WHERE id = ?", (target_id,)
            ).fetchone()
        if row is None:
            raise KeyError(target_id)
        return target_from_row(row)

    def add(self, label: str, national: bool = False, **contact: str) -> OrientationTarget:
        with self._db.write() as conn:
            (position,) = conn.execute(
                "SELECT coalesce(max(position), -1) + 1 FROM orientation_targets"
            ).fetchone()
            cursor = conn.execute(
                "INSERT INTO orientation_targets (label, national, position) VALUES (?, ?, ?)",
                (_clean_label(label), int(national), position),
            )
            self._set_contact(conn, cursor.lastrowid, contact)
        return self.get(cursor.lastrowid)

    def update(
        self, target_id: int, label: str, national: bool, **contact: str
    ) -> OrientationTarget:
        """Rename or change contact details; cases keep pointing at the same entry."""
        with self._db.write() as conn:
            conn.execute(
                "UPDATE orientation_targets SET label = ?, national = ? WHERE id = ?",
                (_clean_label(label), int(national), target_id),
            )
            self._set_contact(conn, target_id, contact)
        return self.get(target_id)

    def set_retired(self, target_id: int, retired: bool = True) -> None:
        with self._db.write() as conn:
            conn.execute(
                "UPDATE orientation_targets SET retired = ? WHERE id = ?", (int(retired), target_id)
            )

    @staticmethod
    def _set_contact(conn: sqlcipher3.Connection, target_id: int, contact: dict[str, str]) -> None:
        for key in ("telephone", "email", "website", "details"):
            if key in contact:
                conn.execute(
                    f"UPDATE orientation_targets SET {key} = ? WHERE id = ?",
                    (contact[key].strip(), target_id),
                )
        unknown = set(contact) - {"telephone", "email", "website", "details"}
        if unknown:
            raise TypeError(f"unknown contact fields: {sorted(unknown)}")


def _clean_label(label: str) -> str:
    label = " ".join(label.split())
    if not label:
        raise ValueError("Le libellé ne peut pas être vide.")
    return label
