"""The intake corpus: `ecoute intake --dry-run --json` reads, from each synthetic e-mail of
tests/data/intake/, exactly what the table of docs/intake.md says (name, phone, fonction,
collectivité, urgency and the Paris receipt time), and the JSON has the contract's keys."""

from __future__ import annotations

import getpass
import json
from pathlib import Path

import pytest

from ecoute_desktop.cli import main
from ecoute_desktop.services.intake import JSON_KEYS

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "intake"
DOC = ROOT / "docs" / "intake.md"
COLUMNS = ("file", "kind", "name", "phone", "fonction", "collectivite", "urgency", "paris")


def _table() -> dict[str, dict[str, str]]:
    """The corpus table of docs/intake.md, by file name."""
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## The corpus", 1)[1]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    table = {}
    for line in rows:
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        assert len(cells) == len(COLUMNS), line
        row = dict(zip(COLUMNS, cells, strict=True))
        table[row["file"].strip("`")] = row
    return table


TABLE = _table()


def _intake_json(path: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    assert (
        main(["--db", str(path.parent / "absente.db"), "intake", str(path), "--dry-run", "--json"])
        == 0
    )
    return json.loads(capsys.readouterr().out)


def test_the_corpus_is_large_enough_and_every_file_is_in_the_table() -> None:
    files = sorted(p.name for p in CORPUS.glob("*.eml"))
    assert len(files) >= 20
    assert files == sorted(TABLE)


@pytest.fixture(autouse=True)
def _no_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    """--dry-run never opens the database: no passphrase is read, none is set."""
    monkeypatch.delenv("ECOUTE_PASSPHRASE", raising=False)

    def refuse(*args: object) -> str:
        raise AssertionError("--dry-run asked for a passphrase")

    monkeypatch.setattr(getpass, "getpass", refuse)


@pytest.mark.parametrize("name", sorted(TABLE))
def test_each_email_reads_as_the_table_says(name: str, capsys) -> None:
    expected = TABLE[name]
    found = _intake_json(CORPUS / name, capsys)
    assert tuple(found) == JSON_KEYS  # exactly the contract's keys, no reference in a dry run
    urgency = found["urgent_reason"] if found["urgent"] else "—"
    assert (
        found["name"],
        found["phone"],
        found["fonction"],
        found["collectivite"],
        urgency,
        found["received_at_paris"],
    ) == (
        expected["name"],
        expected["phone"],
        expected["fonction"],
        expected["collectivite"],
        expected["urgency"],
        expected["paris"],
    )
    assert found["phone"] == found["phones"][0]
    assert found["urgent"] == bool(found["urgent_reason"])
    for key in ("name", "prenom", "nom", "email", "phone", "fonction", "collectivite"):
        assert found[key], f"{name}: {key} is empty"
