"""The random export identifier of each case (created with the case, never derived from it)."""

from __future__ import annotations

from collections.abc import Iterable

from ecoute_desktop.store.database import Database


class ExportIdRepository:
    """Reads `cases.export_id`: the only case identifier that may leave the laptop."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def for_cases(self, case_ids: Iterable[int]) -> dict[int, str]:
        """Case id → export id for the given cases."""
        wanted = list(case_ids)
        found: dict[int, str] = {}
        with self._db.read() as conn:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = conn.execute(f"SELECT id, export_id FROM cases WHERE id IN ({marks})", chunk)
                found.update((case_id, export_id) for case_id, export_id in rows)
        return found
