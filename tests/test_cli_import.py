"""`ecoute import-cases FILE.csv` as a user runs it from a terminal.

Pins: exit 0 with a French summary (importées, déjà présentes) and no duplicates on a
second run; exit 1 with every bad row as « ligne L, colonne C : raison » after the file
name on stderr and nothing imported; exit 1 naming the file when it is missing (before
any passphrase is asked); exit 3 on a wrong passphrase; exit 2 without a file argument.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ecoute_desktop.cli import main
from ecoute_desktop.store import Store
from tests.cli_support import run
from tests.conftest import PASSPHRASE
from tests.csv_import_helpers import member, write_csv


@pytest.fixture
def database(db_path: Path) -> Path:
    Store.create(db_path, PASSPHRASE).close()
    return db_path


def _count(path: Path) -> int:
    with Store.open(path, PASSPHRASE) as store:
        return store.cases.count()


def test_import_prints_a_summary_and_a_second_run_duplicates_nothing(
    monkeypatch, capsys, database: Path, tmp_path: Path
) -> None:
    rows = [member(1, reference="2025-0001"), member(2, reference="2025-0002"), member(3)]
    csv_path = write_csv(tmp_path / "tableur.csv", rows)
    code, out, err = run(monkeypatch, capsys, "--db", str(database), "import-cases", str(csv_path))
    assert (code, err) == (0, "")
    assert "3 sollicitations importées, 0 déjà présente." in out
    code, out, _ = run(monkeypatch, capsys, "--db", str(database), "import-cases", str(csv_path))
    assert code == 0
    assert "0 sollicitation importée, 3 déjà présentes." in out
    assert "2025-0001, 2025-0002, 2025-A-003" in out  # as given, or as drawn
    assert _count(database) == 3


def test_bad_rows_are_listed_on_stderr_and_nothing_is_imported(
    monkeypatch, capsys, database: Path, tmp_path: Path
) -> None:
    rows = [
        member(1),
        member(2, date_reception="32/01/2025"),
        member(3, thematiques="Jardinage"),
    ]
    csv_path = write_csv(tmp_path / "tableur.csv", rows)
    code, out, err = run(monkeypatch, capsys, "--db", str(database), "import-cases", str(csv_path))
    assert code == 1
    assert out == ""
    lines = err.splitlines()
    assert lines[0] == (
        f"ecoute : {csv_path} : 2 lignes en erreur, aucune sollicitation importée :"
    )
    assert lines[1].startswith(f"{csv_path} : ligne 3, colonne date_reception : date invalide")
    assert lines[2].startswith(f"{csv_path} : ligne 4, colonne thematiques : thème inconnu")
    assert _count(database) == 0


def test_dry_run_checks_without_writing(
    monkeypatch, capsys, database: Path, tmp_path: Path
) -> None:
    csv_path = write_csv(tmp_path / "tableur.csv", [member(1), member(2)])
    code, out, _ = run(
        monkeypatch, capsys, "--db", str(database), "import-cases", "--dry-run", str(csv_path)
    )
    assert code == 0
    assert "fichier valide, 2 sollicitations à importer" in out
    assert _count(database) == 0


def test_a_missing_file_is_named_before_any_passphrase_is_asked(
    monkeypatch, capsys, database: Path, tmp_path: Path
) -> None:
    def no_prompt(*_args: object) -> str:
        raise AssertionError("the passphrase was asked for a missing file")

    monkeypatch.delenv("ECOUTE_PASSPHRASE", raising=False)
    monkeypatch.setattr("getpass.getpass", no_prompt)
    missing = tmp_path / "absent.csv"
    code = main(["--db", str(database), "import-cases", str(missing)])
    _, err = capsys.readouterr()
    assert code == 1
    assert err == f"ecoute : {missing} : fichier introuvable\n"


def test_wrong_passphrase_and_usage_errors_have_their_exit_codes(
    monkeypatch, capsys, database: Path, tmp_path: Path
) -> None:
    csv_path = write_csv(tmp_path / "tableur.csv", [member(1)])
    code, _, err = run(
        monkeypatch, capsys, "--db", str(database), "import-cases", str(csv_path), passphrase="x"
    )
    assert code == 3
    assert "Phrase de passe incorrecte" in err
    code, _, err = run(monkeypatch, capsys, "--db", str(database), "import-cases")
    assert code == 2
    assert _count(database) == 0


def test_the_command_exits_1_from_a_real_terminal(database: Path, tmp_path: Path) -> None:
    csv_path = write_csv(tmp_path / "tableur.csv", [member(1, urgent="peut-être")])
    completed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from ecoute_desktop.cli import main; sys.exit(main(sys.argv[1:]))",
            "--db",
            str(database),
            "import-cases",
            str(csv_path),
        ],
        capture_output=True,
        text=True,
        env={"ECOUTE_PASSPHRASE": PASSPHRASE, "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert completed.returncode == 1
    assert "ligne 2, colonne urgent : valeur « peut-être » non comprise" in completed.stderr
    assert "Traceback" not in completed.stderr
