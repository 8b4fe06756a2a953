"""The coordinator sees who is missing: hotliners of earlier merges with no export for the period.

Pins: the state file remembers hotliner ids, pseudonyms and last months between merges;
a later merge lists « Pas encore reçu : Iroise (dernier export : mars 2026) » (CLI and
service); a hotliner silent for more than a year is no longer expected; a damaged state
file is reported and left as it was; `--no-state` reads and writes nothing; the file is
replaced atomically and keeps no record content.
"""

from __future__ import annotations

import json
from pathlib import Path

from ecoute_desktop.cli import main
from ecoute_desktop.services import coordinator_state
from ecoute_desktop.services.merge import merge_paths
from tests.export_factory import document, record, write


def _export(folder: Path, name: str, pseudonym: str, first: str, last: str, n: int = 2) -> Path:
    doc = document(
        [record(first) for _ in range(n)],
        pseudonym=pseudonym,
        period=(first, last),
        created_at=f"{last}-28T09:00:00Z",
    )
    return write(folder / name, doc)


def test_a_merge_lists_the_hotliner_whose_export_is_missing(tmp_path: Path, capsys) -> None:
    state = tmp_path / "etat" / "coordination.json"
    q1 = [
        _export(tmp_path, "mesange-t1.json", "Mésange", "2026-01", "2026-03"),
        _export(tmp_path, "iroise-t1.json", "Iroise", "2026-01", "2026-03"),
    ]
    first = merge_paths(q1, state_path=state)
    assert first.missing == [] and first.refused == []
    assert state.is_file()

    q2 = [_export(tmp_path, "mesange-t2.json", "Mésange", "2026-04", "2026-06")]
    outcome = merge_paths(q2, state_path=state)
    assert [m.message for m in outcome.missing] == [
        "Pas encore reçu : Iroise (dernier export : mars 2026)"
    ]

    code = main(["merge", str(q2[0]), "--json", "--state", str(state)])
    assert code == 0
    assert "Pas encore reçu : Iroise (dernier export : mars 2026)" in capsys.readouterr().err


def test_a_partial_period_is_missing_too_and_a_complete_one_is_not(tmp_path: Path) -> None:
    state = tmp_path / "coordination.json"
    merge_paths([_export(tmp_path, "a.json", "Iroise", "2026-01", "2026-01")], state_path=state)
    partial = _export(tmp_path, "b.json", "Iroise", "2026-02", "2026-02")
    outcome = merge_paths([partial], "2026-02", "2026-03", state_path=state)
    assert [m.message for m in outcome.missing] == [
        "Pas encore reçu : Iroise (dernier export : février 2026)"
    ]
    full = _export(tmp_path, "c.json", "Iroise", "2026-02", "2026-03")
    assert merge_paths([full], "2026-02", "2026-03", state_path=state).missing == []


def test_a_hotliner_silent_for_over_a_year_is_no_longer_expected(tmp_path: Path) -> None:
    state = tmp_path / "coordination.json"
    merge_paths([_export(tmp_path, "a.json", "Iroise", "2024-01", "2024-12")], state_path=state)
    later = _export(tmp_path, "b.json", "Mésange", "2026-01", "2026-03")
    assert merge_paths([later], state_path=state).missing == []
    soon = _export(tmp_path, "c.json", "Mésange", "2025-10", "2025-12")
    assert [m.pseudonym for m in merge_paths([soon], state_path=state).missing] == ["Iroise"]


def test_the_state_file_holds_ids_keys_pseudonyms_and_months_only(tmp_path: Path) -> None:
    state = tmp_path / "coordination.json"
    path = _export(tmp_path, "a.json", "Iroise", "2026-01", "2026-03")
    merge_paths([path], state_path=state)
    saved = json.loads(state.read_text("utf-8"))
    [(hotliner_id, entry)] = saved["hotliners"].items()
    source = json.loads(path.read_text("utf-8"))
    assert hotliner_id == source["hotliner_id"]
    assert entry == {
        "public_key": source["public_key"],
        "pseudonym": "Iroise",
        "last_month": "2026-03",
        "last_export_at": "2026-03-28T09:00:00Z",
    }
    assert not any(r["id"] in state.read_text("utf-8") for r in source["records"])
    assert list(tmp_path.glob(".coordination.json.*")) == []  # no temporary file left


def test_a_damaged_state_file_is_reported_and_left_untouched(tmp_path: Path) -> None:
    state = tmp_path / "coordination.json"
    state.write_text('{"format": "ecoute-coordination", "hotliners": [', "utf-8")
    before = state.read_bytes()
    outcome = merge_paths(
        [_export(tmp_path, "a.json", "Iroise", "2026-01", "2026-03")], state_path=state
    )
    assert outcome.merge is not None and outcome.merge.indicators().requests == 2
    assert any("est illisible" in w and "n'est pas modifié" in w for w in outcome.warnings)
    assert state.read_bytes() == before


def test_no_state_reads_and_writes_nothing(tmp_path: Path, monkeypatch, capsys) -> None:
    default = tmp_path / "donnees" / "coordination.json"
    monkeypatch.setattr(coordinator_state, "default_state_path", lambda: default)
    path = _export(tmp_path, "a.json", "Iroise", "2026-01", "2026-03")
    assert main(["merge", str(path), "--json", "--no-state"]) == 0
    assert not default.exists()
    assert main(["merge", str(path), "--json"]) == 0  # the default place, from platformdirs
    assert default.is_file()
    assert "Premier export reçu de « Iroise »" in capsys.readouterr().err
