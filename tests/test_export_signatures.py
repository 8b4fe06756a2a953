"""Exports are signed by their database's own key; the merge refuses what changed after signing.

Pins: each database draws its own hotliner id and Ed25519 key once and signs every export
with them; an export with a record flipped to urgent (the issue-18 attack, checksum
recomputed the open way) is refused by name with a French reason while the other files'
figures stand; a forger re-signing with their own key under a known hotliner id is refused
once the coordinator has seen that hotliner; two hotliners with the same pseudonym are both
counted, with a warning naming the clash; the merge groups by id, never by pseudonym.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from ecoute_desktop.cli import main
from ecoute_desktop.domain.models import Case, Member
from ecoute_desktop.services import export_anonymised as export
from ecoute_desktop.services.export_signing import public_key_hex
from ecoute_desktop.services.merge import merge_paths
from ecoute_desktop.store import Store
from tests.export_factory import document, record, resign, write


def _two_cases(store: Store) -> None:
    for day in (3, 4):
        member = Member("Fictif", "Test", telephone="06 00 00 00 00")
        store.cases.create(Case("", datetime(2026, 1, day, 9, tzinfo=UTC), member))


def test_each_database_signs_with_its_own_key_kept_inside_it(tmp_path: Path) -> None:
    documents = []
    for name in ("un", "deux"):
        with Store.create(tmp_path / name / "ecoute.db", "phrase de passe test") as store:
            _two_cases(store)
            identity = store.identity.get()
            doc = export.build_export(store, "2026-01", "2026-01", "Mésange")
            assert doc["hotliner_id"] == identity.hotliner_id
            assert doc["public_key"] == public_key_hex(identity.signing_seed)
            assert identity.signing_seed.hex() not in repr(identity)
            documents.append(doc)
    assert documents[0]["hotliner_id"] != documents[1]["hotliner_id"]
    assert documents[0]["public_key"] != documents[1]["public_key"]
    # The seed never leaves the database: not in the file, in no form.
    with Store.open(tmp_path / "un" / "ecoute.db", "phrase de passe test") as store:
        seed = store.identity.get().signing_seed
    data = export.export_bytes(documents[0])
    assert seed.hex().encode() not in data and seed not in data


def test_a_record_flipped_to_urgent_after_signing_is_refused_and_the_others_stand(
    store: Store, tmp_path: Path
) -> None:
    _two_cases(store)
    genuine = export.build_export(store, "2026-01", "2026-01", "Mésange")
    tampered = json.loads(json.dumps(genuine))
    # Version 1 let anyone recompute its checksum after this edit; nothing in version 2
    # can be recomputed without the key kept inside the hotliner's database.
    tampered["records"][0]["urgent"] = True
    other = document([record("2026-01"), record("2026-01")], pseudonym="Iroise")
    paths = [write(tmp_path / "modifie.json", tampered), write(tmp_path / "iroise.json", other)]

    outcome = merge_paths(paths)

    assert [r.source for r in outcome.refused] == ["modifie.json"]
    assert "signature invalide" in outcome.refused[0].reason
    assert "modifié après l'export" in outcome.refused[0].reason
    assert outcome.merge is not None
    assert outcome.merge.indicators().requests == 2 and outcome.merge.indicators().urgent == 0
    # The genuine file merges.
    genuine_path = write(tmp_path / "genuine.json", genuine)
    assert merge_paths([genuine_path]).merge.indicators().requests == 2


def test_the_cli_names_the_tampered_file_and_the_reason(tmp_path: Path, capsys) -> None:
    doc = document([record("2026-01", urgent=False)], pseudonym="Iroise")
    doc["records"][0]["urgent"] = True
    good = write(tmp_path / "bon.json", document([record("2026-02")], pseudonym="Mésange"))
    bad = write(tmp_path / "falsifie.json", doc)
    assert main(["merge", str(bad), str(good), "--json", "--no-state"]) == 0
    captured = capsys.readouterr()
    assert "Fichier refusé « falsifie.json » : signature invalide" in captured.err
    assert '"requests": 1' in captured.out and '"urgent": 0' in captured.out
    assert "1 fichier refusé" in captured.err


def test_a_forger_resigning_a_known_hotliners_export_is_refused(tmp_path: Path) -> None:
    state = tmp_path / "coordination.json"
    records = [record("2026-01") for _ in range(3)]
    genuine = document(records, period=("2026-01", "2026-01"), pseudonym="Iroise")
    assert merge_paths([write(tmp_path / "janvier.json", genuine)], state_path=state).ok

    forged = json.loads(json.dumps(genuine))
    forged["records"][0]["urgent"] = True
    forged["created_at"] = "2026-05-01T09:00:00Z"
    forged = resign(forged, "faussaire")  # valid signature, but another key
    outcome = merge_paths([write(tmp_path / "faux.json", forged)], state_path=state)

    assert outcome.merge is None
    assert [r.source for r in outcome.refused] == ["faux.json"]
    assert "clé de signature n'est pas celle des exports déjà reçus" in outcome.refused[0].reason
    assert "« Iroise »" in outcome.refused[0].reason


def test_two_keys_for_one_new_hotliner_id_count_neither(tmp_path: Path) -> None:
    doc = document([record("2026-01")], pseudonym="Iroise")
    forged = resign(dict(doc, export_id="11111111-2222-4333-8444-555555555555"), "faussaire")
    good = document([record("2026-01")], pseudonym="Mésange")
    paths = [write(tmp_path / n, d) for n, d in (("a.json", doc), ("b.json", forged))]
    outcome = merge_paths([*paths, write(tmp_path / "c.json", good)])
    assert sorted(r.source for r in outcome.refused) == ["a.json", "b.json"]
    assert all("clés de signature différentes" in r.reason for r in outcome.refused)
    assert outcome.merge.indicators().requests == 1


def test_two_hotliners_with_the_same_pseudonym_are_both_counted_with_a_warning(
    tmp_path: Path, capsys
) -> None:
    ten = document([record("2026-01") for _ in range(10)], pseudonym="Mésange", hotliner="un")
    two = document(
        [record("2026-01") for _ in range(2)],
        pseudonym="Mésange",
        hotliner="deux",
        created_at="2026-04-03T09:00:00Z",  # newer: the old rule kept only this one
    )
    paths = [write(tmp_path / "un.json", ten), write(tmp_path / "deux.json", two)]

    outcome = merge_paths(paths)
    assert outcome.refused == []
    assert outcome.merge.indicators().requests == 12
    [warning] = outcome.warnings
    assert "2 écoutants différents utilisent le même pseudonyme « Mésange »" in warning
    labels = sorted(outcome.merge.indicators_by_hotliner())
    assert len(labels) == 2 and all(label.startswith("Mésange (") for label in labels)

    assert main(["merge", *map(str, paths), "--json", "--no-state"]) == 0
    captured = capsys.readouterr()
    assert '"requests": 12' in captured.out
    assert "même pseudonyme « Mésange »" in captured.err
    assert "0 fichier refusé" in captured.err


def test_a_hotliner_who_changes_pseudonym_is_still_one_hotliner(tmp_path: Path) -> None:
    shared = [record("2026-01") for _ in range(3)]
    old = document(shared, pseudonym="Mésange", hotliner="un")
    new = document(shared[:2], pseudonym="Iroise", hotliner="un", created_at="2026-05-01T09:00:00Z")
    outcome = merge_paths([write(tmp_path / "a.json", old), write(tmp_path / "b.json", new)])
    # The newest export of the id wins for the months it covers: one case was deleted since.
    assert outcome.merge.indicators().requests == 2
    assert list(outcome.merge.indicators_by_hotliner()) == ["Iroise"]
    assert outcome.warnings == []
