"""This database's export identity: its random hotliner id and its signing key (never shown)."""

from __future__ import annotations

from dataclasses import dataclass

from ecoute_desktop.store.database import Database


@dataclass(frozen=True, slots=True)
class ExportIdentity:
    """Who signs this laptop's exports: an id and an Ed25519 private key (32-byte seed).

    Kept only inside the encrypted database; the seed never leaves it (`repr` hides it).
    """

    hotliner_id: str  # 32 hex digits, random: says nothing about the hotliner
    signing_seed: bytes

    def __repr__(self) -> str:
        return f"ExportIdentity(hotliner_id={self.hotliner_id!r})"


class IdentityRepository:
    """The one row written by migration 3 (`_v3_signed_exports_and_pair_references`)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self) -> ExportIdentity:
        with self._db.read() as conn:
            row = conn.execute(
                "SELECT hotliner_id, signing_seed FROM export_identity WHERE id = 1"
            ).fetchone()
        if row is None:  # the migration writes it; a missing row is a damaged base
            raise LookupError("export identity missing")
        return ExportIdentity(row[0], bytes(row[1]))
