"""The anonymised export: nothing personal leaves, it matches the published schema, ids are stable.

Also the completeness check before export and the `export-anonymised` command.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jsonschema
import pytest

from ecoute_desktop.cli import main
from ecoute_desktop.domain.models import CallNote, Case, Hotliner, Member, Orientation
from ecoute_desktop.domain.workflow import Status
from ecoute_desktop.resource_files import resource_path
from ecoute_desktop.services import export_anonymised as export
from ecoute_desktop.services.merge_validation import parse_export
from ecoute_desktop.store import Store
from tests.conftest import PASSPHRASE

MARKERS = {
    "nom": "Zorbaquixnom",
    "prenom": "Wylfraprenom",
    "fonction": "Fonctionmarqueurqx",
    "collectivite": "Communedexqvilleqx",
    "telephone": "06 39 98 71 93",
    "email": "courriel.marqueur.qx@example.org",
}
NOTE_MARKER = "Notemarqueurconfidentielqx"
HOTLINER_MARKER = "Ecoutantmarqueurqx"
RECEIVED = datetime(2026, 2, 10, 9, 0, tzinfo=UTC)


def _seed(store: Store) -> list[Case]:
    """Three cases of February 2026 full of marker strings, one complete, two not."""
    store.people.save(Hotliner(HOTLINER_MARKER, "Prénomécoutantqx", is_self=True))
    themes = store.themes.all()
    sub = next(t for t in themes if t.label == "Élus")
    national = next(t for t in store.directory.all() if t.national)
    cases = []
    for index in range(3):
        member = Member(**{k: f"{v}{index}" if k != "telephone" else v for k, v in MARKERS.items()})
        case = Case("", RECEIVED + timedelta(days=index), member, urgent=index == 0)
        case.notes.append(CallNote(f"{NOTE_MARKER} {index}", RECEIVED, RECEIVED))
        if index == 0:
            case.themes = [sub]
            case.advance(Status.ACKNOWLEDGED, RECEIVED + timedelta(hours=48), "x")
            case.advance(Status.SCHEDULED, RECEIVED + timedelta(hours=50), "x")
            case.advance(Status.CALL_HELD, RECEIVED + timedelta(hours=60), "x")
            case.orientations.append(Orientation(national, RECEIVED + timedelta(hours=60)))
            case.advance(Status.CLOSED, RECEIVED + timedelta(hours=70), "x")
            case.satisfaction = 5
        elif index == 1:
            case.advance(
                Status.ACKNOWLEDGED, RECEIVED + timedelta(days=1, hours=48, minutes=1), "x"
            )
            case.advance(Status.SCHEDULED, RECEIVED + timedelta(days=3), "x")
            case.advance(Status.CALL_HELD, RECEIVED + timedelta(days=4), "x")
        cases.append(store.cases.create(case))
    store.settings.set("region", "Région test")
    return cases


@pytest.fixture
def seeded(store: Store) -> Store:
    _seed(store)
    return store


def test_export_contains_no_personal_marker(seeded: Store, tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    export.write_export(seeded, target, "2026-01", "2026-03", "Mésange")
    data = target.read_bytes()
    folded = data.decode("utf-8").casefold()
    for marker in [*MARKERS.values(), NOTE_MARKER, HOTLINER_MARKER, "Prénomécoutantqx"]:
        assert marker.encode("utf-8") not in data
        assert marker[:12].casefold() not in folded
    assert b"71 93" not in data
    for case in seeded.cases.all():
        assert case.reference.encode() not in data
        assert b"2026-02-1" not in data  # no exact day of receipt
    assert json.loads(data)["record_count"] == 3


def test_export_validates_against_the_published_schema(seeded: Store) -> None:
    schema_file = resource_path("schemas", "export-v2.schema.json")
    schema = json.loads(schema_file.read_text("utf-8"))
    document = export.build_export(seeded, "2026-02", "2026-02", "Mésange")
    validator = jsonschema.Draft7Validator(schema)
    assert list(validator.iter_errors(document)) == []
    # and the merge's own strict reader accepts the saved bytes
    accepted = parse_export(export.export_bytes(document), "export.json")
    assert accepted.header.record_count == 3


def test_schema_allows_no_free_text_in_records() -> None:
    schema_file = resource_path("schemas", "export-v2.schema.json")
    schema = json.loads(schema_file.read_text("utf-8"))
    record = schema["definitions"]["record"]
    assert record["additionalProperties"] is False
    for name, rule in record["properties"].items():
        strings = rule.get("type") == "string" or "items" in rule
        if name == "month":
            continue
        if name in ("theme_ids", "orientation_ids"):  # the référentiel's ids: no text
            kind = "theme_id" if name == "theme_ids" else "target_id"
            assert rule["items"] == {"$ref": f"#/definitions/{kind}"}
            assert schema["definitions"][kind]["pattern"] in (
                "^th-[0-9a-f]{8}$",
                "^or-[0-9a-f]{8}$",
            )
            continue
        if strings and name not in ("id", "followed_by"):
            assert "enum" in rule.get("items", rule), name
        if name in ("id", "followed_by"):  # random ids, nothing typed
            assert rule["pattern"] == "^[0-9a-f]{32}$"


def test_reexport_keeps_record_ids_and_changes_export_id(seeded: Store) -> None:
    first = export.build_export(seeded, "2026-02", "2026-02", "Mésange")
    second = export.build_export(seeded, "2026-02", "2026-02", "Mésange")
    assert [r["id"] for r in first["records"]] == [r["id"] for r in second["records"]]
    assert first["export_id"] != second["export_id"]
    assert first["records"] == second["records"]
    assert (first["hotliner_id"], first["public_key"]) == (
        second["hotliner_id"],
        second["public_key"],
    )  # the same database signs with the same key, every time


def test_records_carry_buckets_vocabularies_and_counts(seeded: Store) -> None:
    records = export.export_records(seeded, "2026-02", "2026-02")
    closed = next(r for r in records if r["status"] == "clôturée")
    assert closed["ack_delay"] == "24-48h"  # exactly 48 h is on time
    assert closed["themes"] == ["Relationnel"]
    assert closed["sub_themes"] == ["Relationnel/Élus"]
    assert closed["orientations"] == ["Niveau national AITF"]
    assert closed["national_referral"] is True
    assert closed["satisfaction"] == 5 and closed["month"] == "2026-02"
    late = next(r for r in records if r["status"] == "appel effectué")
    assert late["ack_delay"] == ">48h"  # one minute late
    assert late["call_held"] is True and late["questionnaire_sent"] is False
    assert next(r for r in records if r["status"] == "reçue")["ack_delay"] == "none"


def test_completeness_check_lists_weak_cases(seeded: Store) -> None:
    issues = export.completeness_issues(seeded, "2026-02", "2026-02")
    reasons = {issue.reference: issue.reasons for issue in issues}
    assert len(issues) == 2
    assert any("questionnaire non envoyé" in " ".join(r) for r in reasons.values())
    assert any("accusé de réception non enregistré" in " ".join(r) for r in reasons.values())
    assert all("aucun thème" in r for r in reasons.values())


def test_local_theme_leaves_under_a_generic_label(store: Store) -> None:
    local = store.themes.add("Sujet local inventé")
    case = store.cases.create(Case("", RECEIVED, Member("X")))
    store.cases.set_themes(case.id, [local.id])
    record = export.export_records(store, "2026-02", "2026-02")[0]
    assert record["themes"] == ["Questions diverses"]
    issue = export.completeness_issues(store, "2026-02", "2026-02")[0]
    assert "Sujet local inventé" in " ".join(issue.reasons)  # said on screen, never exported


def test_pseudonym_must_not_be_the_hotliners_name(seeded: Store) -> None:
    with pytest.raises(ValueError, match="nom"):
        export.build_export(seeded, "2026-02", "2026-02", f"Le {HOTLINER_MARKER}")
    with pytest.raises(ValueError, match="Pseudonyme invalide"):
        export.build_export(seeded, "2026-02", "2026-02", "a@b\nc")


def test_cli_export_warns_but_exports(
    seeded: Store, db_path: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    seeded.close()
    monkeypatch.setenv("ECOUTE_PASSPHRASE", PASSPHRASE)
    target = tmp_path / "sortie.json"
    base = ["--db", str(db_path), "export-anonymised", "--from", "2026-02", "--to", "2026-02"]
    assert main([*base, "-o", str(target), "--pseudonym", "Mésange"]) == 0
    captured = capsys.readouterr()
    assert "2 sollicitations incomplètes exportées quand même" in captured.err
    assert json.loads(target.read_text("utf-8"))["pseudonym"] == "Mésange"
    assert main([*base, "-o", str(target)]) == 0  # the pseudonym was remembered
    assert (target.stat().st_mode & 0o777) == 0o600
