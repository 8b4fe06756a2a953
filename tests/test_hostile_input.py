"""Bad input on every path gets a French sentence and changes nothing (issue 18).

Pins: CSV dates from year 1 to 9999 are imported or refused line by line (year 1 raised
OverflowError); a 200,000-character note (a pasted e-mail thread) imports whole (it was
refused as « guillemet non fermé »); a passphrase that is not UTF-8, from the
environment or the keyboard, is a usage error (exit 2), not a UnicodeEncodeError; a
member's e-mail field with two addresses addresses both, and one that is not an
address is said in the confirmation dialog.
"""

from __future__ import annotations

import getpass
import os
import subprocess
import sys
from datetime import UTC, datetime
from email import message_from_bytes
from email.policy import default
from pathlib import Path

import pytest

from ecoute_desktop.cli import main
from ecoute_desktop.services import confirmation
from ecoute_desktop.services.app import Services
from ecoute_desktop.services.csv_import import parse_cases_csv
from ecoute_desktop.store import Store, StoreError
from tests.agenda_helpers import add_case, add_pair, paris
from tests.csv_import_helpers import member, write_csv
from tests.safety_helpers import digest, make_db

ROOT = Path(__file__).resolve().parent.parent
RAW_KEY = "x'" + "2b" * 32 + "'"
NOW = datetime(2026, 4, 10, 8, 0, tzinfo=UTC)
NOT_UTF8 = "caf\udce9 crème"  # what Python makes of the Latin-1 bytes b"caf\xe9"


BEFORE, AFTER = (
    "date improbable « {} » (année avant 2000)",
    "date improbable « {} » (année après 2999)",
)
FUTURE = "date de réception dans le futur"


@pytest.mark.parametrize(
    ("cell", "refusal"),
    [
        ("01/01/0001", BEFORE),
        ("0001-01-01", BEFORE),
        ("0001-01-01T00:00:00+14:00", BEFORE),
        ("31/12/1999", BEFORE),
        ("01/01/2000 00:30", None),
        ("15/06/2025 09:15", None),
        ("31/12/2999 23:59", FUTURE),
        ("01/01/3000", AFTER),
        ("31/12/9999 23:59", AFTER),
        ("9999-12-31T23:59:00-05:00", AFTER),
    ],
)
def test_dates_from_year_1_to_9999_are_imported_or_refused_by_line(
    store: Store, tmp_path: Path, cell: str, refusal: str | None
) -> None:
    path = write_csv(tmp_path / "tableur.csv", [member(1, date_reception=cell)])
    plan = parse_cases_csv(path, store)
    expected = [] if refusal is None else [f"ligne 2, colonne date_reception : {refusal}"]
    assert [str(e) for e in plan.errors] == [line.format(cell) for line in expected]


def test_a_pasted_email_thread_of_200000_characters_imports_whole(
    store: Store, tmp_path: Path
) -> None:
    thread = "> Bonjour,\n> « Voir ci-dessous ; merci. »\n" * 5000
    thread = (thread + "x" * 200_000)[:200_000]
    path = write_csv(tmp_path / "tableur.csv", [member(1, notes=thread)])
    plan = parse_cases_csv(path, store)
    assert plan.ok, [str(e) for e in plan.errors]
    from ecoute_desktop.services.csv_import import apply_import

    apply_import(store, plan)
    (case,) = store.cases.all(with_notes=True)
    assert [note.body for note in case.notes] == [thread]


def test_a_passphrase_variable_that_is_not_utf8_is_a_usage_error(tmp_path: Path) -> None:
    base = make_db(tmp_path / "ecoute.db", RAW_KEY, cases=2)
    before = digest(base)
    env = {k.encode(): v.encode() for k, v in os.environ.items() if k != "ECOUTE_PASSPHRASE"}
    env[b"ECOUTE_PASSPHRASE"] = b"caf\xe9 cr\xe8me"
    for argv in (["check"], ["restore", str(base)], ["passphrase"]):
        result = subprocess.run(
            [sys.executable, "-m", "ecoute_desktop", "--db", str(base), *argv],
            cwd=ROOT,
            env=env,
            capture_output=True,
            timeout=120,
        )
        err = result.stderr.decode("utf-8")
        assert result.returncode == 2, err
        assert "La variable ECOUTE_PASSPHRASE contient des octets" in err
        assert "Traceback" not in err
    assert digest(base) == before


def test_a_typed_passphrase_that_is_not_utf8_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    base = make_db(tmp_path / "ecoute.db", RAW_KEY, cases=1)
    monkeypatch.delenv("ECOUTE_PASSPHRASE", raising=False)
    monkeypatch.setattr(getpass, "getpass", lambda _prompt="": NOT_UTF8)
    assert main(["--db", str(base), "check"]) == 2
    assert "La phrase de passe saisie contient des octets" in capsys.readouterr().err


def test_the_store_refuses_a_passphrase_that_is_not_text_in_french(tmp_path: Path) -> None:
    base = make_db(tmp_path / "ecoute.db", RAW_KEY, cases=1)
    before = digest(base)
    with pytest.raises(StoreError, match="pas du texte"):
        Store.open(base, NOT_UTF8)
    with pytest.raises(StoreError, match="pas du texte"):
        Store.create(tmp_path / "nouvelle.db", NOT_UTF8)
    assert digest(base) == before
    assert not (tmp_path / "nouvelle.db").exists()


@pytest.fixture
def booked(store: Store):
    def book(email: str, nom: str = "Chantebois") -> confirmation.Confirmation:
        me, _ = add_pair(store)
        case_id = add_case(store, nom=nom, email=email)
        Services(store).agenda.book(case_id, me.id, paris(2026, 4, 14, 14, 30), "Agathe", at=NOW)
        return confirmation.build(store, case_id, NOW)

    return book


def test_a_member_with_two_addresses_gets_the_draft_at_both(booked, tmp_path: Path) -> None:
    built = booked("a@x.org,b@y.org")
    path = confirmation.write_eml(tmp_path / "Confirmation.eml", built)
    message = message_from_bytes(path.read_bytes(), policy=default)
    assert [a.addr_spec for a in message["To"].addresses] == ["a@x.org", "b@y.org"]
    assert message["To"].addresses[1].display_name == "Élodie CHANTEBOIS"


def test_an_email_field_that_is_not_an_address_is_said_and_writes_nothing(
    booked, tmp_path: Path
) -> None:
    built = booked("a@x.org, pas une adresse")
    target = tmp_path / "Confirmation.eml"
    with pytest.raises(confirmation.AddressError, match="« pas » n'est pas une adresse"):
        confirmation.write_eml(target, built)
    assert not target.exists()


def test_the_confirmation_dialog_says_why_the_draft_cannot_be_addressed(
    booked, store: Store, qtbot
) -> None:
    from ecoute_desktop.ui.case.confirmation_dialog import ConfirmationDialog
    from ecoute_desktop.ui.common.background import BackgroundRunner
    from ecoute_desktop.ui.common.context import AppContext, Events

    booked("a@x.org;;b@@y.org")
    case_id = store.cases.all()[0].id
    dialog = ConfirmationDialog(AppContext(Services(store), BackgroundRunner(), Events()), case_id)
    qtbot.addWidget(dialog)
    assert "« b@@y.org » n'est pas une adresse électronique valide" in dialog.status.text()
    assert not dialog.eml_button.isEnabled()
    assert dialog.copy_button.isEnabled()  # the text and attachments can still be sent


def test_a_line_break_in_the_member_name_never_reaches_the_draft_headers(
    booked, tmp_path: Path
) -> None:
    built = booked("a@x.org", nom="Chantebois\nBcc: espion@example.org")
    data = confirmation.eml_bytes(built)
    message = message_from_bytes(data, policy=default)
    assert message["Bcc"] is None
    assert [a.addr_spec for a in message["To"].addresses] == ["a@x.org"]
