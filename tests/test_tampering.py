"""Damaged files are detected at opening, never "repaired"; wrong passphrases never get in.

The 1,000 wrong passphrases: 40 go through the full key derivation (about 0.12 s
each: near misses such as a changed case, a missing letter, an extra space) and
960 are wrong raw 256-bit keys (`x'…'`), which SQLCipher accepts through the same
key API and checks with the same page-1 HMAC, without the deliberate slowness of the
key derivation. None opens the file, and its bytes stay identical.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from pathlib import Path

import pytest

from ecoute_desktop.cli import main
from ecoute_desktop.services.backup import automatic_backup, latest_backup
from ecoute_desktop.store import CorruptDatabaseError, Store, WrongPassphraseError
from tests.conftest import PASSPHRASE
from tests.safety_helpers import PAGE, digest, flip_byte, make_db


@pytest.fixture
def closed_db(db_path: Path) -> Path:
    return make_db(db_path, PASSPHRASE, cases=25)


def _near_misses() -> list[str]:
    base = PASSPHRASE
    misses = {
        base.upper(),
        base.capitalize(),
        base + " ",
        " " + base,
        base[:-1],
        base + "!",
        base.replace(" ", ""),
        base.replace(" ", "-"),
        base[::-1],
        "",
        unicodedata.normalize("NFD", "é" + base),
    }
    misses |= {base[:i] + base[i + 1 :] for i in range(0, len(base), 3)}
    misses |= {base[:i] + "x" + base[i + 1 :] for i in range(1, len(base), 4)}
    misses.discard(base)
    return sorted(misses)[:40]


def test_one_thousand_wrong_passphrases_none_accepted_file_unchanged(closed_db: Path) -> None:
    before = digest(closed_db)
    listing = sorted(p.name for p in closed_db.parent.iterdir())
    near = _near_misses()
    raw_keys = [
        "x'" + hashlib.sha256(f"clé {i}".encode()).hexdigest() + "'"
        for i in range(1000 - len(near))
    ]
    tried = 0
    for wrong in [*near, *raw_keys]:
        with pytest.raises(WrongPassphraseError):
            Store.open(closed_db, wrong)
        tried += 1
    assert tried == 1000
    assert digest(closed_db) == before
    assert sorted(p.name for p in closed_db.parent.iterdir()) == listing
    with Store.open(closed_db, PASSPHRASE) as store:  # the right one still works
        assert store.cases.count() == 25


def test_flipped_byte_detected_on_every_page(closed_db: Path) -> None:
    pristine = closed_db.read_bytes()
    pages = len(pristine) // PAGE
    assert pages > 20
    for page in range(pages):
        # Alternately in the encrypted data and in the page's IV/HMAC trailer.
        offset = page * PAGE + (100 + 37 * page if page % 2 else PAGE - 30)
        closed_db.write_bytes(pristine)
        flip_byte(closed_db, offset)
        tampered = digest(closed_db)
        with pytest.raises(CorruptDatabaseError, match=r"endommagée.*sauvegarde"):
            Store.open(closed_db, PASSPHRASE)
        assert digest(closed_db) == tampered, "a damaged file must never be rewritten"
        assert sorted(p.name for p in closed_db.parent.iterdir()) == [closed_db.name]


def test_flipped_salt_byte_never_opens(closed_db: Path) -> None:
    """The salt (first 16 bytes) changes the key itself: refused like a wrong passphrase."""
    flip_byte(closed_db, 5)
    tampered = digest(closed_db)
    with pytest.raises(WrongPassphraseError):
        Store.open(closed_db, PASSPHRASE)
    assert digest(closed_db) == tampered


def test_damaged_database_offers_the_latest_backup(closed_db: Path) -> None:
    with Store.open(closed_db, PASSPHRASE) as store:
        backup = automatic_backup(store)
    flip_byte(closed_db, 7 * PAGE + 500)
    with pytest.raises(CorruptDatabaseError):
        Store.open(closed_db, PASSPHRASE)
    offered = latest_backup(closed_db)
    assert offered is not None and offered.path == backup.path
    assert closed_db.stat().st_size > 0  # not replaced by an empty database


def test_cli_check_names_the_damage(
    closed_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ECOUTE_PASSPHRASE", PASSPHRASE)
    flip_byte(closed_db, 5 * PAGE + 9)
    assert main(["--db", str(closed_db), "check"]) == 1
    assert "endommagée" in capsys.readouterr().err
    assert os.path.getsize(closed_db) % PAGE == 0


def test_unlock_window_names_the_damage_and_the_latest_backup(qtbot, closed_db: Path) -> None:
    from ecoute_desktop.ui.unlock_dialog import UnlockDialog

    with Store.open(closed_db, PASSPHRASE) as store:
        backup = automatic_backup(store)
    flip_byte(closed_db, 9 * PAGE + 77)
    dialog = UnlockDialog(closed_db)
    qtbot.addWidget(dialog)
    dialog.passphrase_edit.setText(PASSPHRASE)
    assert dialog.try_unlock() is False
    assert "endommagée" in dialog.error_label.text()
    assert str(backup.path.parent) in dialog.error_label.text()
    assert dialog.latest == backup.path and not dialog.restore_button.isHidden()
