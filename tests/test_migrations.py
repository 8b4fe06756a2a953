"""Schema upgrades: every released database file opens in today's Écoute with its data intact.

Pins: the stored file of each released schema version (tests/data/) is upgraded to the
current version on opening, keeps its cases, members, themes, referrals, notes and history,
is searchable and sound; the current version opens without migrating; a file from a newer
Écoute is refused untouched; a failing migration leaves the file exactly at its old version.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
import sqlcipher3

from ecoute_desktop.domain.workflow import DropReason, Status
from ecoute_desktop.services.app import Services
from ecoute_desktop.store import NewerSchemaError, Store
from ecoute_desktop.store import migrations as migrations_module
from ecoute_desktop.store.connection import create_connection
from ecoute_desktop.store.migrations import MIGRATIONS, SCHEMA_VERSION, migrate
from tests.data.make_fixtures import (
    DISMISSED_KEY,
    FIXTURE_PASSPHRASE,
    NOTE_WORD,
    RELATIONNEL_ID,
    fixture_path,
)

RELEASED_VERSIONS = (1, 2, 5, 6, 9)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.name: _sha256(p) for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def fixture_copy(tmp_path: Path):
    """Copy a committed fixture into tmp_path (the committed file is never opened)."""

    def copy(version: int) -> Path:
        source = fixture_path(version)
        digest = _sha256(source)
        target = tmp_path / f"copy-v{version}" / "ecoute.db"
        target.parent.mkdir()
        shutil.copyfile(source, target)
        assert _sha256(source) == digest
        return target

    return copy


def _raw_tables(path: Path) -> tuple[int, list[str]]:
    """user_version and table names, read with a bare SQLCipher connection."""
    conn = sqlcipher3.connect(str(path))
    try:
        conn.execute(f"PRAGMA key = '{FIXTURE_PASSPHRASE}'")
        (version,) = conn.execute("PRAGMA user_version").fetchone()
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master ORDER BY name")]
    finally:
        conn.close()
    return version, names


def test_a_fixture_is_kept_for_every_released_version() -> None:
    for version in RELEASED_VERSIONS:
        path = fixture_path(version)
        assert path.is_file(), f"missing {path.name}: run tests/data/make_fixtures.py"
        assert _raw_tables(path)[0] == version
    assert max(RELEASED_VERSIONS) <= SCHEMA_VERSION


@pytest.mark.parametrize("version", RELEASED_VERSIONS)
def test_upgrade_keeps_every_case_and_its_history(fixture_copy, version: int) -> None:
    path = fixture_copy(version)
    with Store.open(path, FIXTURE_PASSPHRASE) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.integrity_problems() == []
        assert store.cases.count() == 2

        held = store.cases.get_by_reference("2025-0007")
        assert held is not None
        assert (held.member.nom, held.member.prenom) == ("Rochebrune", "Camille")
        assert held.member.collectivite == "Ville de Valbourg"
        assert held.urgent and held.status is Status.CALL_HELD
        assert [t.path for t in held.themes] == ["Relationnel/Élus", "Relationnel/Hiérarchie"]
        assert held.top_themes == {"Relationnel"}
        assert held.referred_nationally
        assert [(e.from_status, e.to_status) for e in held.events] == [
            (Status.RECEIVED, Status.ACKNOWLEDGED),
            (Status.ACKNOWLEDGED, Status.SCHEDULED),
            (Status.SCHEDULED, Status.CALL_HELD),
        ]
        assert len(held.notes) == 1 and NOTE_WORD in held.notes[0].body
        assert len(held.appointments) == 1
        assert held.acknowledged_at.isoformat() == "2025-11-04T10:00:00+00:00"

        dropped = store.cases.get_by_reference("2025-0008")
        assert dropped is not None
        assert dropped.status is Status.DROPPED
        assert dropped.drop_reason is DropReason.UNREACHABLE

        # The search index (added by version 2) covers what was there before.
        assert store.search(NOTE_WORD) == [held.id]
        assert store.search("valbourg") == [held.id]
        assert store.search("Clairval") == [dropped.id]

        me = store.people.me()
        assert me is not None and me.prenom == "Jacqueline"
        # Migration 5: the free-text region is a code now; « Région fictive » is in no list.
        assert store.settings.get("region") == ""
        # The upgraded file accepts today's writes.
        Services(store).cases.advance(held.id, Status.CLOSED, by="Test")
        store.notes.add(held.id, "Suite de l'échange, mot girouette.")
        assert store.search("girouette") == [held.id]
    assert _raw_tables(path)[0] == SCHEMA_VERSION


def test_upgrade_from_5_keeps_the_questionnaire_answer_and_the_taken_email(fixture_copy) -> None:
    path = fixture_copy(5)
    with Store.open(path, FIXTURE_PASSPHRASE) as store:
        assert store.satisfaction.response_count() == 1
        # Migration 5 gave this laptop « B »: its partner Lenoir sorts before Morel.
        held = store.cases.get_by_reference("2025-B-007")
        assert held is not None and held.calls_held == 1  # migration 6 counted its call
        dropped = store.cases.get_by_reference("2025-0008")
        assert store.cases.taken_from_message("<fixture-0008@example.org>") == (
            dropped.id,
            dropped.reference,
        )


def test_the_sharing_features_data_survives_reopening(fixture_copy) -> None:
    """Schema 9 (mailbox, référentiel, binôme): what each added is read back as it was."""
    path = fixture_copy(9)
    with Store.open(path, FIXTURE_PASSPHRASE) as store:
        services = Services(store)
        # 7: the dismissed message is never offered again
        assert store.mailbox.known_keys([DISMISSED_KEY, "<autre@example.org>"]) == {DISMISSED_KEY}
        # 8: « Relationnel » keeps its stable id, so a référentiel import matches it
        ids = {theme.label: theme.ref_id for theme in store.referentiel.local_themes()}
        assert ids["Relationnel"] == RELATIONNEL_ID and ids["Juridique"] is None
        # 9: the note's author and the exchange folder; no pair key, so not linked
        status = services.pair.status()
        assert status.folder == "/tmp/echange-fictif" and not status.linked
        with store.db.read() as conn:
            assert conn.execute("SELECT author FROM call_notes").fetchall() == [
                ("Jacqueline Morel",)
            ]


def test_opening_the_current_version_migrates_nothing(fixture_copy, monkeypatch) -> None:
    latest = max(RELEASED_VERSIONS)
    if latest != SCHEMA_VERSION:
        pytest.skip(f"no fixture yet for schema {SCHEMA_VERSION}: add it with make_fixtures.py")
    path = fixture_copy(latest)
    before = _raw_tables(path)

    def must_not_run(conn: sqlcipher3.Connection) -> None:
        raise AssertionError("a migration ran on an up-to-date database")

    monkeypatch.setattr(migrations_module, "MIGRATIONS", (must_not_run,) * SCHEMA_VERSION)
    with Store.open(path, FIXTURE_PASSPHRASE) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.cases.count() == 2
        assert store.notes.draft(1) == "Brouillon : rappeler en décembre."
    assert _raw_tables(path) == before


def test_a_database_from_a_newer_ecoute_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "data" / "newer.db"
    conn = create_connection(path, FIXTURE_PASSPHRASE)
    migrate(conn)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = _snapshot(path.parent)
    with pytest.raises(NewerSchemaError) as caught:
        Store.open(path, FIXTURE_PASSPHRASE)
    assert "version plus récente" in str(caught.value)
    assert _snapshot(path.parent) == before


def test_a_failing_migration_leaves_the_old_version_whole(fixture_copy, monkeypatch) -> None:
    path = fixture_copy(1)
    version_before, tables_before = _raw_tables(path)
    assert version_before == 1

    def half_done_then_fails(conn: sqlcipher3.Connection) -> None:
        MIGRATIONS[1](conn)  # the real migration 2 runs completely...
        conn.execute("CREATE TABLE leftover (x)")
        conn.execute("DELETE FROM call_notes")
        raise RuntimeError("panne simulée")  # ...then the step fails

    patched = list(MIGRATIONS)
    patched[1] = half_done_then_fails
    monkeypatch.setattr(migrations_module, "MIGRATIONS", tuple(patched))
    with pytest.raises(RuntimeError, match="panne simulée"):
        Store.open(path, FIXTURE_PASSPHRASE)
    assert _raw_tables(path) == (version_before, tables_before)
    monkeypatch.undo()
    with Store.open(path, FIXTURE_PASSPHRASE) as store:  # the real upgrade still works
        assert store.schema_version() == SCHEMA_VERSION
        assert store.search(NOTE_WORD) != []


def test_migrate_to_an_intermediate_version_stops_there(tmp_path: Path) -> None:
    conn = create_connection(tmp_path / "data" / "step.db", FIXTURE_PASSPHRASE)
    try:
        assert migrate(conn, target=1) == 1
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "cases" in names and "case_search" not in names
        assert migrate(conn) == SCHEMA_VERSION
        assert migrate(conn) == SCHEMA_VERSION  # idempotent
    finally:
        conn.close()
