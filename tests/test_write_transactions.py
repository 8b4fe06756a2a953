"""A failed write reports its own error and leaves nothing half-written.

Pins: when SQLite has already rolled a transaction back by itself (as it does on a full
disk or an I/O error in the middle of a large import or purge), `store.db.write()` raises
that original error — not « cannot rollback - no transaction is active » — nothing of the
transaction is kept, and the next write works.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import sqlcipher3

from ecoute_desktop.domain.models import Case, Member
from ecoute_desktop.store import Store

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def test_an_error_that_rolled_back_by_itself_is_reported_as_such(store: Store) -> None:
    case = store.cases.create(Case("", NOW, Member("Fictif", "Alix")))
    with store.db.read() as conn:
        # Stands for a full disk: SQLite ends the whole transaction on its own.
        conn.execute(
            "CREATE TEMP TRIGGER full_disk BEFORE INSERT ON main.call_notes"
            " WHEN NEW.body = 'trop' BEGIN SELECT RAISE(ROLLBACK, 'disque plein simulé'); END"
        )
    with (
        pytest.raises(sqlcipher3.IntegrityError, match="disque plein simulé"),
        store.db.write(),
    ):
        store.notes.add(case.id, "première note de la transaction", at=NOW)
        store.notes.add(case.id, "trop", at=NOW)

    assert store.notes.for_case(case.id) == []
    store.notes.add(case.id, "note suivante", at=NOW)
    assert [n.body for n in store.notes.for_case(case.id)] == ["note suivante"]
