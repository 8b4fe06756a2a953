"""Hostile export files are each refused with a French reason; good ones still merge."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ecoute_desktop.cli import main
from ecoute_desktop.services import merge_validation
from ecoute_desktop.services.merge import merge_paths
from tests.export_factory import document, record, write

HOSTILE = Path(__file__).parent / "data" / "hostile_exports"
EXPECTED = {
    "truncated.json": "tronqué",
    "edited_after_signing.json": "signature invalide : le contenu a été modifié après",
    "old_unsigned_v1.json": "ancien format (version 1), sans signature",
    "markup_region.json": "valeur hors de la liste autorisée (champ « region »)",
    "phone_pseudonym.json": "valeur mal formée (champ « pseudonym »)",
    "wrong_types.json": "type de valeur incorrect",
    "extra_fields.json": "champ non prévu",
    "extra_top_field.json": "champ non prévu",
    "out_of_range.json": "valeur trop grande",
    "deeply_nested.json": "imbriquée trop profondément",
    "utf16.json": "UTF-16",
    "empty.json": "fichier vide",
    "unknown_version.json": "version de format 3 inconnue",
    "not_json.json": "n'est pas du JSON",  # a CSV given by mistake
    "other_format.json": "pas un export anonymisé",
    "huge.json": "trop volumineux",
}


@pytest.fixture
def hostile_dir(tmp_path: Path, monkeypatch) -> Path:
    """The committed hostile files plus a huge one generated now (limit lowered to 1 MB)."""
    folder = tmp_path / "recus"
    shutil.copytree(HOSTILE, folder)
    (folder / "README.md").unlink()
    monkeypatch.setattr(merge_validation, "MAX_EXPORT_BYTES", 1024 * 1024)
    doc = document([record("2026-01") for _ in range(4000)])  # about 1.2 MB, otherwise valid
    write(folder / "huge.json", doc)
    return folder


def test_every_hostile_file_is_refused_with_its_reason(hostile_dir: Path, tmp_path: Path) -> None:
    good = write(tmp_path / "bon.json", document([record("2026-02"), record("2026-03")]))
    paths = [*sorted(hostile_dir.iterdir()), good]
    outcome = merge_paths(paths)
    reasons = {refusal.source: refusal.reason for refusal in outcome.refused}
    assert set(reasons) == set(EXPECTED)
    for name, expected in EXPECTED.items():
        assert expected in reasons[name], (name, reasons[name])
    assert outcome.merge is not None
    assert outcome.merge.indicators().requests == 2
    assert [f.source for f in outcome.merge.files] == ["bon.json"]


def test_cli_lists_refused_files_and_still_merges(
    hostile_dir: Path, tmp_path: Path, capsys
) -> None:
    good = write(tmp_path / "bon.json", document([record("2026-02")]))
    assert main(["merge", *map(str, sorted(hostile_dir.iterdir())), str(good), "--json"]) == 0
    captured = capsys.readouterr()
    for name in EXPECTED:
        assert f"Fichier refusé « {name} »" in captured.err
    assert '"requests": 1' in captured.out


def test_cli_exits_1_when_no_file_merges(hostile_dir: Path, capsys) -> None:
    assert (
        main(["merge", str(hostile_dir / "empty.json"), str(hostile_dir / "x.json"), "--json"]) == 1
    )
    err = capsys.readouterr().err
    assert "fichier introuvable" in err and "aucun fichier n'a pu être fusionné" in err


def test_refusal_messages_never_quote_file_content(hostile_dir: Path) -> None:
    outcome = merge_paths(sorted(hostile_dir.iterdir()))
    for refusal in outcome.refused:
        assert "Dupont" not in refusal.message and "texte libre" not in refusal.message


def test_a_month_outside_the_declared_period_is_refused(tmp_path: Path) -> None:
    doc = document([record("2026-05")], period=("2026-01", "2026-03"))
    outcome = merge_paths([write(tmp_path / "hors.json", doc)])
    assert "hors de la période" in outcome.refused[0].reason
