"""`ecoute intake FILE.eml` as a user runs it: the case is created from the e-mail, the same
Message-ID twice gives one case, --dry-run writes nothing, refusals are French with the
exit codes of every command (1 bad input, 2 usage, 3 wrong passphrase)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ecoute_desktop.services.intake import JSON_KEYS
from ecoute_desktop.store import Store
from tests.cli_support import digest, run
from tests.conftest import PASSPHRASE

CORPUS = Path(__file__).resolve().parent / "data" / "intake"
URGENT_MAIL = CORPUS / "03-signature-au-plus-vite.eml"


@pytest.fixture
def database(db_path: Path) -> Path:
    Store.create(db_path, PASSPHRASE).close()
    return db_path


def test_intake_creates_the_case_with_what_the_email_says(monkeypatch, capsys, database) -> None:
    code, out, err = run(
        monkeypatch, capsys, "--db", str(database), "intake", str(URGENT_MAIL), "--json"
    )
    assert (code, err) == (0, "")
    document = json.loads(out)
    assert tuple(document) == (*JSON_KEYS, "reference")
    with Store.open(database, PASSPHRASE) as store:
        case = store.cases.get_by_reference(document["reference"])
        assert case is not None
        assert (case.member.prenom, case.member.nom) == ("Marc", "Le Goff")
        assert case.member.telephone == "06 39 98 33 44"  # the mobile, though written second
        assert case.member.fonction == "Responsable du centre technique municipal"
        assert case.member.collectivite == "Mairie de Quimperlé"
        assert case.urgent
        assert case.received_at == datetime(2026, 3, 5, 6, 45, tzinfo=UTC)
        assert "au plus vite" in case.notes[0].body


def test_the_same_message_id_twice_gives_one_case(monkeypatch, capsys, database, tmp_path) -> None:
    code, out, _ = run(monkeypatch, capsys, "--db", str(database), "intake", str(URGENT_MAIL))
    assert code == 0 and "créée" in out
    reference = json.loads(
        run(monkeypatch, capsys, "--db", str(database), "intake", str(URGENT_MAIL), "--json")[1]
    )["reference"]
    # The same message fetched again by a mail server that added a header on its way.
    again = tmp_path / "copie.eml"
    again.write_bytes(
        b"Received: by mx.example.org; Thu, 5 Mar 2026 07:46:00 +0100\n" + URGENT_MAIL.read_bytes()
    )
    code, out, _ = run(monkeypatch, capsys, "--db", str(database), "intake", str(again))
    assert code == 0
    assert f"déjà pris (sollicitation {reference}), rien n'a été créé" in out
    with Store.open(database, PASSPHRASE) as store:
        assert store.cases.count() == 1


def test_dry_run_writes_nothing(monkeypatch, capsys, database) -> None:
    before = digest(database)
    code, out, _ = run(
        monkeypatch, capsys, "--db", str(database), "intake", str(URGENT_MAIL), "--dry-run"
    )
    assert code == 0 and "rien n'a été écrit" in out
    assert "Mairie de Quimperlé" in out and "oui (au plus vite)" in out
    assert digest(database) == before
    with Store.open(database, PASSPHRASE) as store:
        assert store.cases.count() == 0


def test_a_hostile_email_is_refused_in_french_and_changes_nothing(
    monkeypatch, capsys, database, tmp_path
) -> None:
    nested = "".join(
        f"Content-Type: multipart/mixed; boundary=b{i}\n\n--b{i}\n" for i in range(2000)
    )
    hostile = tmp_path / "piege.eml"
    hostile.write_text(f"From: a@example.org\nMIME-Version: 1.0\n{nested}", encoding="ascii")
    before = digest(database)
    code, out, err = run(monkeypatch, capsys, "--db", str(database), "intake", str(hostile))
    assert code == 1 and out == ""
    assert (
        f"{hostile} : courriel refusé : le courriel contient plus de 64 parties imbriquées." in err
    )
    assert "Traceback" not in err
    assert digest(database) == before


def test_exit_codes_as_elsewhere(monkeypatch, capsys, database, tmp_path) -> None:
    missing = tmp_path / "absent.eml"
    code, _, err = run(monkeypatch, capsys, "--db", str(database), "intake", str(missing))
    assert code == 1 and "absent.eml" in err
    code, _, err = run(
        monkeypatch, capsys, "--db", str(database), "intake", str(URGENT_MAIL), passphrase="fausse"
    )
    assert code == 3
    code, _, _ = run(monkeypatch, capsys, "--db", str(database), "intake")
    assert code == 2
    code, _, err = run(
        monkeypatch, capsys, "--db", str(tmp_path / "aucune.db"), "intake", str(URGENT_MAIL)
    )
    assert code == 1 and "Aucune base Écoute" in err
    with Store.open(database, PASSPHRASE) as store:
        assert store.cases.count() == 0
