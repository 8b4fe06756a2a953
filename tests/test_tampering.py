"""Damaged files are detected at opening, never "repaired"; wrong passphrases never get in.

The 1,000 wrong passphrases are real passphrases tried through `Store.open`, the
same path as the unlock window (full key derivation, about 0.25 s each with the
damage probe), spread over two processes: near misses of the right one (a changed
case, a missing letter, an extra space, another Unicode normalisation…) and other
phrases. None opens the file, and its bytes and folder stay identical.
"""

from __future__ import annotations

import os
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
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


def _refused(path: str, candidates: list[str]) -> int:
    """How many of `candidates` Store.open refuses as a wrong passphrase (run in a worker)."""
    refused = 0
    for wrong in candidates:
        try:
            Store.open(Path(path), wrong).close()
        except WrongPassphraseError:
            refused += 1
    return refused


def test_one_thousand_wrong_passphrases_none_accepted_file_unchanged(closed_db: Path) -> None:
    before = digest(closed_db)
    listing = sorted(p.name for p in closed_db.parent.iterdir())
    near = _near_misses()
    others = [f"phrase fausse numéro {i} {PASSPHRASE[i % 7 :]}" for i in range(1000 - len(near))]
    candidates = sorted(set(near + others))
    assert len(candidates) == 1000 and PASSPHRASE not in candidates
    halves = [candidates[0::2], candidates[1::2]]
    with ProcessPoolExecutor(max_workers=2, mp_context=get_context("spawn")) as pool:
        refused = sum(pool.map(_refused, [str(closed_db)] * 2, halves))
    assert refused == 1000
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
    from ecoute_desktop.ui.safety.unlock_dialog import UnlockDialog

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
