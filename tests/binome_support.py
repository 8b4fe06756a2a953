"""Helpers of the pair exchange tests: two linked bases, a canonical dump of shared state."""

from __future__ import annotations

from pathlib import Path

from ecoute_desktop.domain.models import Hotliner
from ecoute_desktop.services.app import Services
from ecoute_desktop.store import Store
from ecoute_desktop.store.pair_records import canonical, read_records

RAW_KEY = "x'" + "5e" * 32 + "'"  # tests only: SQLCipher without the slow key derivation
# Drawn once with `ecoute pair link --new` (tests only, never shown to a user).
PHRASE = "imputable baser occuper géantes collecte ouvrage grosso factures nécessité"


def pair_of(folder: Path) -> tuple[Services, Services]:
    """Martine's base and Jean's, each with both profiles, linked with PHRASE."""
    martine = Services(Store.create(folder / "martine.db", RAW_KEY))
    jean = Services(Store.create(folder / "jean.db", RAW_KEY))
    martine.people.save_pair(Hotliner("Durand", "Martine", is_self=True), Hotliner("Petit", "Jean"))
    jean.people.save_pair(Hotliner("Petit", "Jean", is_self=True), Hotliner("Durand", "Martine"))
    martine.pair.link(PHRASE)
    jean.pair.link(PHRASE)
    return martine, jean


def store_of(services: Services) -> Store:
    return services._store


def dump(services: Services) -> dict[str, object]:
    """The shared state as the partner would see it: records, tombstones, edits kept."""
    store = store_of(services)
    with store.db.read() as conn:
        records = {
            gid: (r.kind, r.parent, canonical(r.fields)) for gid, r in read_records(conn).items()
        }
        stones = sorted(conn.execute("SELECT gid, kind FROM sync_tombstones").fetchall())
        kept = sorted(
            conn.execute("SELECT case_gid, field, value, author, hlc FROM sync_conflicts")
        )
    return {"records": records, "tombstones": stones, "conflicts": kept}


def exchange(sender: Services, receiver: Services, folder: Path, name: str) -> str:
    """`sender` writes a file, `receiver` takes it; the summary."""
    path = folder / f"{name}.ecoute-binome"
    sender.pair.export(path)
    return receiver.pair.import_file(path).summary
