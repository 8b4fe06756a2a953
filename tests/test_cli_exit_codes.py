"""Every `ecoute` command keeps the exit-code contract: 0 ok, 1 bad input, 2 usage, 3 passphrase.

Pins: each command that opens a database exits 3 with the one French passphrase message
(and leaves the file byte for byte unchanged) when the passphrase is wrong; exits 1 naming
the missing file when --db points nowhere; and a file that cannot be written (the output
is a folder, the restore target's folder does not exist) is a French message naming it with
exit 1 — never a Python traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ecoute_desktop.cli import main
from ecoute_desktop.store import Store
from tests.cli_support import digest
from tests.conftest import PASSPHRASE
from tests.safety_helpers import NEW_PASSPHRASE

STRONG_NEW = NEW_PASSPHRASE
WRONG_MESSAGE = "Phrase de passe incorrecte"


def _commands(folder: Path) -> dict[str, list[str]]:
    """Every command that opens the database, with valid arguments otherwise."""
    cases_csv = folder / "cas.csv"
    cases_csv.write_text("date_reception;nom\n02/03/2026;Fictif\n", encoding="utf-8")
    answers = folder / "reponses.csv"
    answers.write_text("reference;satisfaction\n2026-0001;5\n", encoding="utf-8")
    backup = folder / "sauvegarde.db"
    if not backup.exists():
        Store.create(backup, PASSPHRASE).close()
    out = folder / "sorties"
    out.mkdir(exist_ok=True)
    return {
        "import-cases": ["import-cases", str(cases_csv)],
        "import-satisfaction": ["import-satisfaction", str(answers)],
        "indicators": ["indicators", "--month", "2026-03", "--json"],
        "check": ["check"],
        "ics": ["ics", "--upcoming", "-o", str(out / "rdv.ics")],
        "charter": ["charter", "-o", str(out / "charte.pdf")],
        "report monthly": ["report", "monthly", "2026-03", "-o", str(out / "m.pdf")],
        "report period": [
            "report",
            "period",
            "--from",
            "2026-01",
            "--to",
            "2026-03",
            "-o",
            str(out / "p.pdf"),
        ],
        "export-anonymised": [
            "export-anonymised",
            "--from",
            "2026-01",
            "--to",
            "2026-03",
            "-o",
            str(out / "x.json"),
            "--pseudonym",
            "Merle",
        ],
        "backup": ["backup", "-o", str(out / "b.db")],
        "restore": ["restore", str(backup)],
        "passphrase": ["passphrase"],
        "referentiel import": ["referentiel", "import", str(folder / "r.ecoute-referentiel")],
        "referentiel show": ["referentiel", "show", "--json"],
        "referentiel publish": ["referentiel", "publish", "-o", str(out / "r.ecoute-referentiel")],
        "referentiel key": ["referentiel", "key"],
        "pair link": ["pair", "link", "--new"],
        "pair export": ["pair", "export", "-o", str(out / "envoi.ecoute-binome")],
        "pair import": ["pair", "import", str(cases_csv)],  # refused later; the base first
        "pair keep": ["pair", "keep", "2026-A-001"],
    }


COMMANDS = [
    "import-cases",
    "import-satisfaction",
    "indicators",
    "check",
    "ics",
    "charter",
    "report monthly",
    "report period",
    "export-anonymised",
    "backup",
    "restore",
    "passphrase",
    "referentiel import",
    "referentiel show",
    "referentiel publish",
    "referentiel key",
    "pair link",
    "pair export",
    "pair import",
    "pair keep",
]


def _run(monkeypatch, capsys, argv: list[str], passphrase: str) -> tuple[int, str]:
    monkeypatch.setenv("ECOUTE_PASSPHRASE", passphrase)
    monkeypatch.setenv("ECOUTE_NEW_PASSPHRASE", STRONG_NEW)
    try:
        code = main(argv)
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    return code, capsys.readouterr().err


@pytest.mark.parametrize("command", COMMANDS)
def test_a_wrong_passphrase_exits_3_and_touches_nothing(
    command: str, tmp_path: Path, monkeypatch, capsys
) -> None:
    db = tmp_path / "ecoute.db"
    Store.create(db, PASSPHRASE).close()
    argv = _commands(tmp_path)[command]
    before = {p.name: digest(p) for p in tmp_path.glob("*.db")}

    code, err = _run(monkeypatch, capsys, ["--db", str(db), *argv], "pas la bonne phrase")

    assert code == 3, err
    assert WRONG_MESSAGE in err and "Traceback" not in err
    assert {p.name: digest(p) for p in tmp_path.glob("*.db")} == before
    assert not any((tmp_path / "sorties").iterdir())


@pytest.mark.parametrize("command", [c for c in COMMANDS if c != "restore"])
def test_a_missing_database_exits_1_naming_it(
    command: str, tmp_path: Path, monkeypatch, capsys
) -> None:
    missing = tmp_path / "nulle part" / "ecoute.db"
    argv = _commands(tmp_path)[command]

    code, err = _run(monkeypatch, capsys, ["--db", str(missing), *argv], PASSPHRASE)

    assert code == 1, err
    assert str(missing) in err
    assert not missing.parent.exists()


@pytest.mark.parametrize("command", ["ics", "charter", "report monthly", "export-anonymised"])
def test_an_output_that_is_a_folder_is_refused_in_french(
    command: str, tmp_path: Path, monkeypatch, capsys
) -> None:
    db = tmp_path / "ecoute.db"
    Store.create(db, PASSPHRASE).close()
    argv = _commands(tmp_path)[command]
    folder = tmp_path / "un dossier"
    folder.mkdir()
    argv[argv.index("-o") + 1] = str(folder)

    code, err = _run(monkeypatch, capsys, ["--db", str(db), *argv], PASSPHRASE)

    assert code == 1, err
    assert str(folder) in err and "dossier" in err
    assert list(folder.iterdir()) == [] and not list(tmp_path.glob(".*part"))


def test_restoring_into_a_missing_folder_is_refused_in_french(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    backup = tmp_path / "sauvegarde.db"
    Store.create(backup, PASSPHRASE).close()
    target = tmp_path / "absent" / "ecoute.db"

    code, err = _run(monkeypatch, capsys, ["--db", str(target), "restore", str(backup)], PASSPHRASE)

    assert code == 1, err
    assert "absent" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [
        ["indicators", "--month", "0000-01", "--json"],
        ["indicators", "--from", "0001-01-01", "--to", "0001-01-31", "--json"],
        ["indicators", "--from", "2026-01-01", "--to", "9999-12-31", "--json"],
        ["report", "monthly", "0000-01", "-o", "m.pdf"],
        ["report", "period", "--from", "2026-01", "--to", "9999-12", "-o", "p.pdf"],
        [
            "export-anonymised",
            "--from",
            "0001-01",
            "--to",
            "0001-02",
            "-o",
            "x.json",
            "--pseudonym",
            "Merle",
        ],
    ],
    ids=["month-0", "from-year-1", "to-year-9999", "report-0", "period-9999", "export-1"],
)
def test_a_year_out_of_range_is_a_usage_error_in_french(
    argv: list[str], tmp_path: Path, monkeypatch, capsys
) -> None:
    db = tmp_path / "ecoute.db"
    Store.create(db, PASSPHRASE).close()
    monkeypatch.chdir(tmp_path)

    code, err = _run(monkeypatch, capsys, ["--db", str(db), *argv], PASSPHRASE)

    assert code == 2, err
    assert "invalide" in err and "Traceback" not in err and "out of range" not in err
