"""Persistence of the shared référentiel: its state row, its sheets, and the plain writes
an import makes to the themes and the directory (rows updated in place, never deleted)."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from typing import Any

from ecoute_desktop.domain.referentiel import (
    LocalTarget,
    LocalTheme,
    RefSheet,
    RefTarget,
    RefTheme,
)
from ecoute_desktop.store.database import Database

LOCAL_POSITION = 10_000  # entries added on this laptop come after the référentiel's


@dataclass(frozen=True, slots=True)
class ReferentielState:
    """The version installed (0: none), its date, the trusted key (hex, "" before the
    first import) and the texts it set (to tell them from texts the hotliner wrote)."""

    version: int
    published_on: str
    trusted_key: str
    applied: dict[str, str]


class ReferentielRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    def state(self) -> ReferentielState:
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT version, published_on, trusted_key, applied FROM referentiel_state"
            ).fetchone()
        try:
            applied = json.loads(row[3])
        except ValueError:
            applied = {}
        if not isinstance(applied, dict):
            applied = {}
        return ReferentielState(int(row[0]), row[1], row[2], applied)

    def set_state(self, state: ReferentielState) -> None:
        with self._db.write() as conn:
            conn.execute(
                "UPDATE referentiel_state SET version = ?, published_on = ?, trusted_key = ?,"
                " applied = ?",
                (
                    state.version,
                    state.published_on,
                    state.trusted_key,
                    json.dumps(state.applied, ensure_ascii=False),
                ),
            )

    def publisher_seed(self, create: bool = False) -> bytes | None:
        """The coordinator's signing seed (32 bytes), drawn now when `create` and absent."""
        with self._db.write() as conn:
            (seed,) = conn.execute("SELECT publisher_seed FROM referentiel_state").fetchone()
            if seed is None and create:
                seed = secrets.token_bytes(32)
                conn.execute("UPDATE referentiel_state SET publisher_seed = ?", (seed,))
        return None if seed is None else bytes(seed)

    # ---- what the diff reads ----------------------------------------------
    def local_themes(self) -> list[LocalTheme]:
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT id, label, parent_id, retired, ref_id FROM themes ORDER BY id"
            ).fetchall()
        return [LocalTheme(r[0], r[1], r[2], bool(r[3]), r[4]) for r in rows]

    def local_targets(self) -> list[LocalTarget]:
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT id, label, national, telephone, email, website, details, retired,"
                " ref_id FROM orientation_targets ORDER BY id"
            ).fetchall()
        return [
            LocalTarget(r[0], r[1], bool(r[2]), r[3], r[4], r[5], r[6], bool(r[7]), r[8])
            for r in rows
        ]

    def sheets(self) -> list[RefSheet]:
        with self._db.read() as conn:
            rows = conn.execute(
                "SELECT ref_id, title, file_name, pdf FROM referentiel_sheets ORDER BY position"
            ).fetchall()
        return [RefSheet(r[0], r[1], r[2], bytes(r[3])) for r in rows]

    # ---- plain writes -----------------------------------------------------
    def apply_themes(self, themes: list[RefTheme], matches: dict[str, int]) -> None:
        """Every incoming theme updates its matched row or is inserted; rows with an id
        the référentiel no longer lists are retired; local rows go after, untouched."""
        incoming = {t.id for t in themes}
        with self._db.write() as conn:
            conn.execute(
                "UPDATE themes SET position = ? + position WHERE ref_id IS NULL AND position < ?",
                (LOCAL_POSITION, LOCAL_POSITION),
            )
            for row_id, ref_id in conn.execute(
                "SELECT id, ref_id FROM themes WHERE ref_id IS NOT NULL"
            ).fetchall():
                if ref_id not in incoming:
                    conn.execute("UPDATE themes SET retired = 1 WHERE id = ?", (row_id,))
            local_ids: dict[str, int] = {}
            tops = [t for t in themes if t.parent is None]
            subs = [t for t in themes if t.parent is not None]
            for position, theme in enumerate(tops + subs):
                parent = local_ids.get(theme.parent) if theme.parent else None
                values = (theme.label, parent, position, int(theme.retired), theme.id)
                row_id = matches.get(theme.id)
                if row_id is None:
                    cursor = conn.execute(
                        "INSERT INTO themes (label, parent_id, position, retired, ref_id)"
                        " VALUES (?, ?, ?, ?, ?)",
                        values,
                    )
                    row_id = int(cursor.lastrowid or 0)
                else:
                    conn.execute(
                        "UPDATE themes SET label = ?, parent_id = ?, position = ?, retired = ?,"
                        " ref_id = ? WHERE id = ?",
                        (*values, row_id),
                    )
                local_ids[theme.id] = row_id

    def apply_directory(self, targets: list[RefTarget], matches: dict[str, int]) -> None:
        incoming = {t.id for t in targets}
        with self._db.write() as conn:
            conn.execute(
                "UPDATE orientation_targets SET position = ? + position"
                " WHERE ref_id IS NULL AND position < ?",
                (LOCAL_POSITION, LOCAL_POSITION),
            )
            for row_id, ref_id in conn.execute(
                "SELECT id, ref_id FROM orientation_targets WHERE ref_id IS NOT NULL"
            ).fetchall():
                if ref_id not in incoming:
                    conn.execute(
                        "UPDATE orientation_targets SET retired = 1 WHERE id = ?", (row_id,)
                    )
            for position, t in enumerate(targets):
                values: tuple[Any, ...] = (
                    t.label,
                    int(t.national),
                    t.contact,
                    t.email,
                    t.address,
                    t.when,
                    position,
                    int(t.retired),
                    t.id,
                )
                row_id = matches.get(t.id)
                if row_id is None:
                    conn.execute(
                        "INSERT INTO orientation_targets (label, national, telephone, email,"
                        " website, details, position, retired, ref_id)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        values,
                    )
                else:
                    conn.execute(
                        "UPDATE orientation_targets SET label = ?, national = ?, telephone = ?,"
                        " email = ?, website = ?, details = ?, position = ?, retired = ?,"
                        " ref_id = ? WHERE id = ?",
                        (*values, row_id),
                    )

    def replace_sheets(self, sheets: list[RefSheet]) -> None:
        with self._db.write() as conn:
            conn.execute("DELETE FROM referentiel_sheets")
            conn.executemany(
                "INSERT INTO referentiel_sheets (ref_id, title, file_name, pdf, position)"
                " VALUES (?, ?, ?, ?, ?)",
                [(s.id, s.title, s.file_name, s.pdf, n) for n, s in enumerate(sheets)],
            )

    def add_sheet(self, sheet: RefSheet) -> None:
        with self._db.write() as conn:
            (position,) = conn.execute(
                "SELECT coalesce(max(position), -1) + 1 FROM referentiel_sheets"
            ).fetchone()
            conn.execute(
                "INSERT INTO referentiel_sheets (ref_id, title, file_name, pdf, position)"
                " VALUES (?, ?, ?, ?, ?)",
                (sheet.id, sheet.title, sheet.file_name, sheet.pdf, position),
            )

    def remove_sheet(self, ref_id: str) -> None:
        with self._db.write() as conn:
            conn.execute("DELETE FROM referentiel_sheets WHERE ref_id = ?", (ref_id,))

    def assign_ids(self, themes: dict[int, str], targets: dict[int, str]) -> None:
        """Give stable ids to the coordinator's entries that had none (first publication)."""
        with self._db.write() as conn:
            conn.executemany(
                "UPDATE themes SET ref_id = ? WHERE id = ?", [(r, i) for i, r in themes.items()]
            )
            conn.executemany(
                "UPDATE orientation_targets SET ref_id = ? WHERE id = ?",
                [(r, i) for i, r in targets.items()],
            )
