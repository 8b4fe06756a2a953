"""Exports record the référentiel version and stable theme ids; the coordinator's merge
counts a theme renamed between two versions once, under its current name, reads older
exports (no ids) by name, and names an id it cannot map instead of guessing."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ecoute_desktop.domain.committee_figures import committee_figures
from ecoute_desktop.domain.models import Case, Member
from ecoute_desktop.services.app import Services
from ecoute_desktop.services.export_anonymised import write_export
from ecoute_desktop.services.merge import merge_paths
from tests.referentiel_helpers import new_base, publish, target_id, theme_id


@pytest.fixture
def bases(tmp_path: Path):
    opened: dict[str, Services] = {}

    def make(name: str) -> Services:
        opened[name] = new_base(tmp_path, name)
        return opened[name]

    yield make
    for services in opened.values():
        services._store.close()


def case_in(services: Services, month: int, *paths: str) -> None:
    case = services.cases.create(
        Case("", datetime(2026, month, 5, 9, tzinfo=UTC), Member("Fictif", "Élodie"))
    )
    assert case.id is not None
    services.cases.set_themes(case.id, [theme_id(services, p) for p in paths])


def export(services: Services, path: Path, month: str, pseudonym: str) -> Path:
    write_export(services._store, path, month, month, pseudonym)
    return path


def test_a_renamed_theme_counts_once_across_two_versions(bases, tmp_path):
    coordinator, early, late, old = bases("coord"), bases("a"), bases("b"), bases("c")
    v1 = publish(coordinator, tmp_path / "v1.ecoute-referentiel")
    early.referentiel.import_file(v1)
    case_in(early, 10, "Juridique/Conflit")
    first = export(early, tmp_path / "a.json", "2026-10", "Mesange")
    stamp = json.loads(first.read_text(encoding="utf-8"))["referentiel"]
    assert stamp["version"] == 1
    record = json.loads(first.read_text(encoding="utf-8"))["records"][0]
    conflit = next(t for t in stamp["themes"] if t["label"] == "Conflit")
    assert record["theme_ids"] == [conflit["id"]]

    coordinator.reference.rename_theme(theme_id(coordinator, "Juridique"), "Droit et statut")
    late.referentiel.import_file(publish(coordinator, tmp_path / "v2.ecoute-referentiel"))
    case_in(late, 11, "Droit et statut/Conflit")
    second = export(late, tmp_path / "b.json", "2026-11", "Pinson")
    case_in(old, 12, "Juridique")  # never imported: an export as before, without ids
    third = export(old, tmp_path / "c.json", "2026-12", "Rouge-gorge")
    assert "referentiel" not in json.loads(third.read_text(encoding="utf-8"))

    outcome = merge_paths([second, first, third], "2026-10", "2026-12")
    assert outcome.refused == [] and outcome.warnings == []
    assert outcome.merge is not None
    tally = outcome.merge.tally()
    assert tally.indicators.themes["Droit et statut"] == 3
    assert "Juridique" not in tally.indicators.themes
    assert tally.sub_themes["Droit et statut"]["Conflit"] == 2
    committee = committee_figures(outcome.merge, 0)  # the committee's PDF and CSV rows
    assert "Droit et statut" in committee.themes and "Juridique" not in committee.themes
    assert committee.sheets["2026-10"].sheet.values[("theme", "Droit et statut")] == 1
    by_month = outcome.merge.indicators_by_month()
    assert [by_month[m].themes["Droit et statut"] for m in ("2026-10", "2026-11", "2026-12")] == [
        1,
        1,
        1,
    ]


def test_an_id_the_current_tree_lacks_is_named_not_guessed(bases, tmp_path):
    coordinator, early, late = bases("coord"), bases("a"), bases("b")
    coordinator.reference.add_theme("Éphémère")
    early.referentiel.import_file(publish(coordinator, tmp_path / "v1.ecoute-referentiel"))
    case_in(early, 10, "Éphémère")
    first = export(early, tmp_path / "a.json", "2026-10", "Mesange")
    gone = json.loads(first.read_text(encoding="utf-8"))["records"][0]["theme_ids"][0]
    with coordinator._store.db.write() as conn:  # deleted outright, not retired
        conn.execute("DELETE FROM themes WHERE label = 'Éphémère'")
    late.referentiel.import_file(publish(coordinator, tmp_path / "v2.ecoute-referentiel"))
    case_in(late, 10, "Relationnel")
    second = export(late, tmp_path / "b.json", "2026-10", "Pinson")

    outcome = merge_paths([first, second], "2026-10", "2026-10")
    assert outcome.merge is not None
    assert len(outcome.warnings) == 1 and gone in outcome.warnings[0]
    assert "a.json" in outcome.warnings[0] and "non compté" in outcome.warnings[0]
    themes = outcome.merge.indicators().themes
    assert "Éphémère" not in themes and "Questions diverses" in themes
    assert themes["Relationnel"] == 1 and sum(themes.values()) == 1


def test_an_export_naming_an_id_outside_its_stamp_is_refused(bases, tmp_path):
    from tests.export_factory import resign

    coordinator, hotliner = bases("coord"), bases("a")
    hotliner.referentiel.import_file(publish(coordinator, tmp_path / "v1.ecoute-referentiel"))
    case_in(hotliner, 10, "Relationnel")
    path = export(hotliner, tmp_path / "a.json", "2026-10", "Mesange")
    document = json.loads(path.read_text(encoding="utf-8"))
    document["records"][0]["theme_ids"] = ["th-00000000"]
    path.write_text(json.dumps(resign(document, "a")), encoding="utf-8")
    outcome = merge_paths([path])
    assert outcome.merge is None
    assert "thème absent du référentiel de l'export" in outcome.refused[0].reason


def test_one_file_with_another_coordination_tree_does_not_impose_it(bases, tmp_path):
    coordinator, impostor = bases("coord"), bases("faux")
    first, second, odd = bases("a"), bases("b"), bases("c")
    v1 = publish(coordinator, tmp_path / "v1.ecoute-referentiel")
    for services in (first, second):
        services.referentiel.import_file(v1)
    impostor.reference.rename_theme(theme_id(impostor, "Relationnel"), "Autre nom")
    with impostor._store.db.write() as conn:
        conn.execute("UPDATE referentiel_state SET version = 40")
    odd.referentiel.import_file(publish(impostor, tmp_path / "faux.ecoute-referentiel"))
    for services, month in ((first, 10), (second, 11), (odd, 12)):
        case_in(services, month, "Management" if services is not odd else "Autre nom")
    files = [
        export(first, tmp_path / "a.json", "2026-10", "Mesange"),
        export(second, tmp_path / "b.json", "2026-11", "Pinson"),
        export(odd, tmp_path / "c.json", "2026-12", "Merle"),
    ]
    outcome = merge_paths(files, "2026-10", "2026-12")
    assert outcome.merge is not None
    assert any("c.json" in w and "autre coordination" in w for w in outcome.warnings)
    themes = outcome.merge.indicators().themes
    assert themes["Management"] == 2 and "Relationnel" in themes


def test_a_renamed_body_of_the_directory_counts_once(bases, tmp_path):
    coordinator, early, late = bases("coord"), bases("a"), bases("b")
    early.referentiel.import_file(publish(coordinator, tmp_path / "v1.ecoute-referentiel"))
    referred(early, 10, "Centre de gestion")
    first = export(early, tmp_path / "a.json", "2026-10", "Mesange")
    cdg = target_id(coordinator, "Centre de gestion")
    coordinator.reference.save_target(cdg, "Centre de gestion départemental", False)
    late.referentiel.import_file(publish(coordinator, tmp_path / "v2.ecoute-referentiel"))
    referred(late, 11, "Centre de gestion départemental")
    assert export_issues(late) == []  # no « exporté sous un libellé générique »
    second = export(late, tmp_path / "b.json", "2026-11", "Pinson")

    outcome = merge_paths([first, second], "2026-10", "2026-11")
    assert outcome.merge is not None and outcome.warnings == []
    orientations = outcome.merge.indicators().orientations
    assert orientations["Centre de gestion départemental"] == 2
    assert "Centre de gestion" not in orientations and orientations.get("Autre", 0) == 0
    committee = committee_figures(outcome.merge, 0)
    assert "Centre de gestion départemental" in committee.orientations


def referred(services: Services, month: int, label: str) -> None:
    case = services.cases.create(
        Case("", datetime(2026, month, 5, 9, tzinfo=UTC), Member("Fictif", "Élodie"))
    )
    assert case.id is not None
    services.cases.set_themes(case.id, [theme_id(services, "Relationnel")])
    services.cases.refer(case.id, target_id(services, label))


def export_issues(services: Services) -> list:
    from ecoute_desktop.services.export_anonymised import completeness_issues

    return [
        reason
        for issue in completeness_issues(services._store, "2026-01", "2026-12")
        for reason in issue.reasons
        if "générique" in reason
    ]
