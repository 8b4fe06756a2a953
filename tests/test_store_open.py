"""Opening the encrypted database: bad passphrases and bad files change nothing, files are private.

Pins: a wrong passphrase, an empty, plain-SQLite, random or missing file each give one clear
error and leave the folder exactly as it was; new files are owner-only; the file opens with
the standard SQLCipher 4 recipe; SQLCipher's log never reaches the terminal; nothing the user
typed (a member's name, a note) can be read in any file the store writes.
"""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlcipher3

from ecoute_desktop.domain.models import Case, Member
from ecoute_desktop.store import (
    AlreadyExistsError,
    NotEncryptedError,
    Store,
    StoreError,
    WrongPassphraseError,
)
from ecoute_desktop.store.errors import EmptyFileError, MissingFileError
from tests.conftest import PASSPHRASE

WRONG_MESSAGE = "Phrase de passe incorrecte ou fichier qui n'est pas une base Écoute."


def snapshot(folder: Path) -> dict[str, str]:
    """Name → SHA-256 of every file in `folder` (the -wal and -shm files included)."""
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.iterdir())
        if path.is_file()
    }


@pytest.fixture
def closed_db(db_path: Path) -> Path:
    """A database holding one case, closed (its write-ahead log folded in)."""
    with Store.create(db_path, PASSPHRASE) as created:
        created.cases.create(Case("", datetime(2026, 3, 2, 9, tzinfo=UTC), Member("Fictif")))
    return db_path


def test_wrong_passphrase_raises_one_clear_error_and_changes_no_byte(closed_db: Path) -> None:
    before = snapshot(closed_db.parent)
    assert list(before) == [closed_db.name]  # no -wal / -shm left by a clean close
    with pytest.raises(WrongPassphraseError) as caught:
        Store.open(closed_db, PASSPHRASE + " ")
    assert str(caught.value) == WRONG_MESSAGE
    assert snapshot(closed_db.parent) == before


def test_wrong_passphrase_while_the_database_is_open_changes_no_byte(db_path: Path) -> None:
    with Store.create(db_path, PASSPHRASE) as opened:
        opened.cases.create(Case("", datetime(2026, 3, 2, 9, tzinfo=UTC), Member("Fictif")))
        before = snapshot(db_path.parent)
        assert {f"{db_path.name}-wal", f"{db_path.name}-shm"} <= set(before)
        shm = db_path.with_name(f"{db_path.name}-shm")
        shm_before = shm.read_bytes()
        with pytest.raises(WrongPassphraseError):
            Store.open(db_path, "pas la bonne")
        after = snapshot(db_path.parent)
        assert after.keys() == before.keys()
        assert after[db_path.name] == before[db_path.name]
        assert after[f"{db_path.name}-wal"] == before[f"{db_path.name}-wal"]
        # The -shm file is shared memory, not data: every reader, with or without the
        # key, may only move its read mark (wal-index bytes 100-119, aReadMark[]).
        shm_after = shm.read_bytes()
        assert len(shm_after) == len(shm_before)
        changed = [i for i, (x, y) in enumerate(zip(shm_before, shm_after, strict=True)) if x != y]
        assert all(100 <= offset < 120 for offset in changed), changed
        assert opened.cases.count() == 1


def test_right_passphrase_still_opens_after_wrong_attempts(closed_db: Path) -> None:
    for attempt in ("", "x", PASSPHRASE.upper()):
        with pytest.raises(WrongPassphraseError):
            Store.open(closed_db, attempt)
    with Store.open(closed_db, PASSPHRASE) as reopened:
        assert reopened.cases.count() == 1


def _plain_sqlite(path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES ('clair')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize(
    ("kind", "error", "message_part"),
    [
        ("plain", NotEncryptedError, "base SQLite non chiffrée"),
        ("empty", EmptyFileError, "est vide"),
        ("random", WrongPassphraseError, WRONG_MESSAGE),
        ("text", WrongPassphraseError, WRONG_MESSAGE),
    ],
)
def test_a_file_that_is_not_an_ecoute_database_is_refused_untouched(
    tmp_path: Path, kind: str, error: type[StoreError], message_part: str
) -> None:
    path = tmp_path / "autre.db"
    if kind == "plain":
        _plain_sqlite(path)
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "random":
        path.write_bytes(os.urandom(3 * 4096 + 17))
    else:
        path.write_text("nom;prenom\nFictif;Anne\n", encoding="utf-8")
    before = snapshot(tmp_path)
    with pytest.raises(error) as caught:
        Store.open(path, PASSPHRASE)
    assert message_part in str(caught.value)
    assert snapshot(tmp_path) == before


def test_an_encrypted_database_of_another_application_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = snapshot(tmp_path)
    with pytest.raises(WrongPassphraseError):
        Store.open(path, PASSPHRASE)
    assert snapshot(tmp_path) == before


def test_a_missing_path_is_an_error_and_creates_nothing(tmp_path: Path) -> None:
    path = tmp_path / "absent" / "ecoute.db"
    with pytest.raises(MissingFileError) as caught:
        Store.open(path, PASSPHRASE)
    assert "Aucune base Écoute" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_given_as_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        Store.open(tmp_path, PASSPHRASE)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_new_database_and_its_folder_are_private(db_path: Path) -> None:
    with Store.create(db_path, PASSPHRASE) as created:
        created.cases.create(Case("", datetime(2026, 3, 2, 9, tzinfo=UTC), Member("Fictif")))
        for path in db_path.parent.iterdir():  # the database, its -wal and -shm
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700


def test_creating_over_an_existing_file_is_refused_and_keeps_it(closed_db: Path) -> None:
    before = snapshot(closed_db.parent)
    with pytest.raises(AlreadyExistsError):
        Store.create(closed_db, "une autre phrase")
    assert snapshot(closed_db.parent) == before
    with Store.open(closed_db, PASSPHRASE) as reopened:
        assert reopened.cases.count() == 1


def test_creating_with_an_empty_passphrase_is_refused(db_path: Path) -> None:
    with pytest.raises(StoreError):
        Store.create(db_path, "")
    assert not db_path.exists()


def test_file_opens_with_the_standard_sqlcipher_4_recipe(closed_db: Path) -> None:
    """What the `sqlcipher` shell does: connect, `PRAGMA key = '…'`, read."""
    conn = sqlcipher3.connect(str(closed_db))
    try:
        conn.execute(f"PRAGMA key = '{PASSPHRASE}'")
        assert conn.execute("SELECT count(*) FROM cases").fetchone() == (1,)
        assert conn.execute("PRAGMA kdf_iter").fetchone()[0] == "256000"
        assert conn.execute("PRAGMA cipher_page_size").fetchone()[0] == "4096"
        assert conn.execute("PRAGMA cipher_kdf_algorithm").fetchone()[0] == "PBKDF2_HMAC_SHA512"
        assert conn.execute("PRAGMA cipher_hmac_algorithm").fetchone()[0] == "HMAC_SHA512"
        assert conn.execute("PRAGMA cipher_plaintext_header_size").fetchone()[0] == "0"
    finally:
        conn.close()
    # Nothing of the SQLite header is readable without the key.
    assert not closed_db.read_bytes().startswith(b"SQLite format 3")


_WRONG_ATTEMPT = """
import sys
from ecoute_desktop.store import Store, WrongPassphraseError
try:
    Store.open(sys.argv[1], "pas la bonne phrase")
except WrongPassphraseError:
    print("refusée")
"""


def test_sqlcipher_log_lines_do_not_reach_the_terminal(closed_db: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _WRONG_ATTEMPT, str(closed_db)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "refusée"
    assert result.stderr == ""


# ---- no plaintext ---------------------------------------------------------
NAME_MARKER = "Quasimodeauxgrillons"
FIRSTNAME_MARKER = "Zéphyrinette"
PLACE_MARKER = "Bourg-Imaginarium"
NOTE_MARKER = "hippocampevolant"


def _needles() -> list[bytes]:
    words = [NAME_MARKER, FIRSTNAME_MARKER, PLACE_MARKER, NOTE_MARKER]
    words += [word.lower() for word in words]
    words += ["Zephyrinette", "zephyrinette"]  # as the accent-free search index keeps it
    return [word.encode(enc) for word in words for enc in ("utf-8", "utf-16-le", "utf-16-be")]


def _assert_no_plaintext(folder: Path) -> None:
    files = [path for path in folder.iterdir() if path.is_file()]
    assert files
    for path in files:
        data = path.read_bytes()
        for needle in _needles():
            assert needle not in data, f"plaintext found in {path.name}"


def test_no_member_name_or_note_is_readable_in_any_file(db_path: Path) -> None:
    with Store.create(db_path, PASSPHRASE) as opened:
        member = Member(
            NAME_MARKER,
            FIRSTNAME_MARKER,
            "Ingénieure voirie",
            f"Ville de {PLACE_MARKER}",
            "06 39 98 12 34",
            f"{FIRSTNAME_MARKER.lower()}@example.org",
        )
        case = opened.cases.create(Case("", datetime(2026, 3, 2, 9, tzinfo=UTC), member))
        opened.notes.add(case.id, f"Échange confidentiel : {NOTE_MARKER} au service.")
        opened.notes.save_draft(case.id, f"Brouillon {NOTE_MARKER}")
        assert opened.search(NOTE_MARKER) == [case.id]  # the data really is in there
        names = {path.name for path in db_path.parent.iterdir()}
        assert f"{db_path.name}-wal" in names
        _assert_no_plaintext(db_path.parent)  # while open: database, -wal, -shm
    _assert_no_plaintext(db_path.parent)  # after close
    with Store.open(db_path, PASSPHRASE) as reopened:
        assert reopened.cases.get(case.id).member.nom == NAME_MARKER


def test_any_passphrase_works_quotes_and_accents_included(tmp_path: Path) -> None:
    """The key goes through SQLCipher's key API: no quoting problem, no SQL injection."""
    tricky = "l'été « 42 » \"; DROP TABLE cases; --"
    path = tmp_path / "data" / "ecoute.db"
    with Store.create(path, tricky) as created:
        created.cases.create(Case("", datetime(2026, 3, 2, 9, tzinfo=UTC), Member("Fictif")))
    with Store.open(path, tricky) as reopened:
        assert reopened.cases.count() == 1
    conn = sqlcipher3.connect(str(path))  # the sqlcipher shell, with SQL quoting
    try:
        conn.execute("PRAGMA key = '{}'".format(tricky.replace("'", "''")))
        assert conn.execute("SELECT count(*) FROM cases").fetchone() == (1,)
    finally:
        conn.close()


def test_open_database_runs_with_the_safety_pragmas(store: Store) -> None:
    with store.db.read() as conn:
        values = {
            name: conn.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("foreign_keys", "journal_mode", "synchronous", "secure_delete")
        }
        temp_store = conn.execute("PRAGMA temp_store").fetchone()[0]
    assert values == {
        "foreign_keys": 1,
        "journal_mode": "wal",
        "synchronous": 2,  # FULL
        "secure_delete": 1,
    }
    assert temp_store == 2  # MEMORY: no temporary file with decrypted data
