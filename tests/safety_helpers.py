"""Helpers of the safety tests: synthetic databases, tampering, which passphrase opens a file."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from ecoute_desktop.services.demo import populate
from ecoute_desktop.store import Store, StoreError
from ecoute_desktop.store.copying import verify_file

PAGE = 4096
# Drawn once by `ecoute passphrase --suggest`: the gate accepts it (tests only, never shown).
NEW_PASSPHRASE = "secouer niais éplucher viande ressemble prairie chemises"


def make_db(path: Path, passphrase: str, cases: int = 30) -> Path:
    """A closed database with `cases` fictitious cases (with notes)."""
    with Store.create(path, passphrase) as store:
        populate(store, cases, date(2025, 1, 1), date(2025, 12, 31), seed=7)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def flip_byte(path: Path, offset: int) -> None:
    data = bytearray(Path(path).read_bytes())
    data[offset] ^= 0x5A
    Path(path).write_bytes(bytes(data))


def openers(path: Path, *passphrases: str) -> list[str]:
    """Those of `passphrases` that open `path` with both integrity checks clean."""
    working = []
    for passphrase in passphrases:
        try:
            check = verify_file(path, passphrase)
        except StoreError:
            continue
        if check.sound:
            working.append(passphrase)
    return working


def snapshot(path: Path, passphrase: str) -> dict[str, object]:
    """What a user would see: every case's reference, member and notes."""
    with Store.open(path, passphrase, lock=False) as store:
        return {
            case.reference: (case.member.nom, case.member.email, [n.body for n in case.notes])
            for case in store.cases.all(with_notes=True)
        }
