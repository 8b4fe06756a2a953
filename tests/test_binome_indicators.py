"""Indicators count each case once for the pair: both partners' anonymised exports carry the
same case ids and who follows each case, and the coordinator's merge keeps each case once,
under its follower."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from ecoute_desktop.domain.merge import merge_exports
from ecoute_desktop.domain.models import Case, Member
from ecoute_desktop.services.app import Services
from ecoute_desktop.services.export_anonymised import write_export
from ecoute_desktop.services.merge_validation import read_export
from tests.binome_support import exchange, pair_of, store_of


def _cases(services: Services, count: int, day: int) -> None:
    me = services.people.me()
    assert me is not None
    for index in range(count):
        member = Member(f"Fictif{day}{index}", "Alex", telephone=f"06000000{day}{index}")
        received = datetime(2026, 3, day, 9 + index, tzinfo=UTC)
        services.cases.create(Case("", received, member, hotliner_id=me.id))


def test_merge_of_both_partners_exports_counts_every_case_once(tmp_path: Path) -> None:
    martine, jean = pair_of(tmp_path)
    _cases(martine, 3, 2)
    _cases(jean, 2, 5)
    exchange(martine, jean, tmp_path, "m")
    exchange(jean, martine, tmp_path, "j")
    assert store_of(martine).cases.count() == store_of(jean).cases.count() == 5
    files = []
    for services, pseudonym in ((martine, "Mésange"), (jean, "Pinson")):
        path = tmp_path / f"{pseudonym}.json"
        write_export(store_of(services), path, "2026-03", "2026-03", pseudonym)
        files.append(read_export(path))
    assert all(len(f.records) == 5 for f in files)  # each partner exports the pair's cases
    merged = merge_exports(files)
    assert len(merged.records) == 5
    assert merged.indicators().requests == 5
    labels = merged.hotliner_labels()
    by_hotliner = {name: merged.indicators_by_hotliner()[name].requests for name in labels.values()}
    assert by_hotliner == {"Mésange": 3, "Pinson": 2}
    for services in (martine, jean):
        store_of(services).close()
