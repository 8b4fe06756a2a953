"""`ecoute mailbox` against a real IMAP server (Dovecot): configure with the password from
the environment, trust the certificate by its fingerprint, `fetch` lists what waits and
writes nothing (no body unless `--body`), `take` creates the case received at the
message's arrival; a stopped server exits 1 with the French reason, a wrong passphrase 3.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ecoute_desktop.store import Store
from tests import imap_server
from tests.cli_support import digest, run
from tests.conftest import PASSPHRASE
from tests.imap_server import MAILBOX_PASSWORD, MAILBOX_USER, Dovecot
from tests.test_mailbox_pickup import ARRIVALS, fill

dovecot = imap_server.dovecot  # the fixtures, shared with the other mailbox tests
imap_certificates = imap_server.imap_certificates


@pytest.fixture
def database(db_path: Path) -> Path:
    Store.create(db_path, PASSPHRASE).close()
    return db_path


@pytest.fixture
def configured(monkeypatch, capsys, database: Path, dovecot: Dovecot) -> Path:
    fill(dovecot)
    dovecot.start()
    monkeypatch.setenv("ECOUTE_MAILBOX_PASSWORD", MAILBOX_PASSWORD)
    db = str(database)
    code, out, err = run(
        monkeypatch, capsys, "--db", db, "mailbox", "configure", "--host", "127.0.0.1",
        "--port", str(dovecot.imaps_port), "--security", "tls", "--user", MAILBOX_USER,
    )  # fmt: skip
    assert (code, err) == (0, ""), err
    assert f"Messagerie enregistrée : ligne sur 127.0.0.1:{dovecot.imaps_port}" in out
    code, out, err = run(monkeypatch, capsys, "--db", db, "mailbox", "fetch")
    assert code == 1 and "n'est pas reconnu par le système" in err
    code, out, err = run(monkeypatch, capsys, "--db", db, "mailbox", "trust", "00" * 32)
    assert code == 1 and "autre certificat" in err
    fingerprint = dovecot.certificate.sha256
    code, out, err = run(monkeypatch, capsys, "--db", db, "mailbox", "trust", fingerprint)
    assert (code, err) == (0, ""), err
    with Store.open(database, PASSPHRASE) as store:
        assert store.settings.get("mailbox").password == MAILBOX_PASSWORD  # inside the base
    return database


def test_fetch_lists_without_bodies_and_writes_nothing(monkeypatch, capsys, configured) -> None:
    before = digest(configured)
    code, out, err = run(monkeypatch, capsys, "--db", str(configured), "mailbox", "fetch", "--json")
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert document["count"] == 3
    first = document["messages"][0]
    assert first["key"] == "<corpus-01@mail.example.org>"
    assert first["arrived_at"] == ARRIVALS[0].isoformat()
    assert first["member"]["collectivite"] == "Mairie de Ploërmel"
    assert "body" not in first and "Ploërmel" not in json.dumps(
        {k: v for k, v in first.items() if k != "member"}
    )
    assert digest(configured) == before

    code, out, _ = run(monkeypatch, capsys, "--db", str(configured), "mailbox", "fetch", "--body")
    assert code == 0 and "3 messages en attente." in out
    assert "Collectivité : Mairie de Ploërmel" in out  # the body, asked for
    code, out, _ = run(monkeypatch, capsys, "--db", str(configured), "mailbox", "fetch")
    assert "Collectivité : Mairie de Ploërmel" not in out
    assert digest(configured) == before


def test_take_creates_the_case_at_the_arrival(monkeypatch, capsys, configured) -> None:
    db = str(configured)
    key = "<corpus-03@mail.example.org>"
    code, out, err = run(monkeypatch, capsys, "--db", db, "mailbox", "take", key)
    assert (code, err) == (0, "")
    assert out.startswith("Sollicitation ") and "créée" in out
    code, out, err = run(monkeypatch, capsys, "--db", db, "mailbox", "take", key)
    assert code == 0 and "Déjà pris" in out
    with Store.open(configured, PASSPHRASE) as store:
        found = store.cases.taken_from_message(key)
        assert found is not None
        assert store.cases.get(found[0]).received_at == ARRIVALS[1]
    code, out, _ = run(monkeypatch, capsys, "--db", db, "mailbox", "fetch", "--json")
    assert [m["key"] for m in json.loads(out)["messages"]] == [
        "<corpus-01@mail.example.org>",
        "<corpus-05@mail.example.org>",
    ]
    code, out, err = run(monkeypatch, capsys, "--db", db, "mailbox", "take", "<absent@example.org>")
    assert code == 1 and "Aucun message de clé" in err


def test_exit_codes(monkeypatch, capsys, configured, dovecot: Dovecot) -> None:
    db = str(configured)
    code, _, err = run(monkeypatch, capsys, "--db", db, "mailbox", "fetch", passphrase="non")
    assert code == 3
    dovecot.stop()
    code, out, err = run(monkeypatch, capsys, "--db", db, "mailbox", "fetch", "--json")
    assert (code, out) == (1, "")
    assert "ecoute : Impossible de joindre le serveur de messagerie 127.0.0.1:" in err
    key = "<corpus-01@mail.example.org>"
    code, out, err = run(monkeypatch, capsys, "--db", db, "mailbox", "take", key)
    assert code == 1 and "Impossible de joindre" in err
