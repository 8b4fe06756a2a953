"""The coordinator's merge of one hotliner's export gives the same figures as that laptop.

Pins: for the same database and months, `ecoute merge --json` of the file written by
`ecoute export-anonymised` prints exactly the keys of `ecoute indicators --json`, and every
one of them is equal — period, counts, themes and orientations (each case once per top-level
theme and per directory entry, the national referral once per case) — except
`median_ack_hours`, which the anonymised records cannot carry (delay buckets only): it is
null after the merge. Checked on fictitious data spread over Paris month boundaries and the
clock changes, with cases dropped with and without a booked call.

And the two documents built from those figures agree: the hotliner's period summary and the
coordinator's committee summary list the same sub-themes in the same order (most frequent
first), the same satisfaction answers and the same month-by-month figures.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from ecoute_desktop.cli import main
from ecoute_desktop.domain.anonymised import SUB_THEMES
from ecoute_desktop.domain.indicators import INDICATOR_KEYS
from ecoute_desktop.domain.models import Case, Member, Orientation
from ecoute_desktop.domain.workflow import DropReason, Status
from ecoute_desktop.services.app import Services
from ecoute_desktop.services.committee import committee_report
from ecoute_desktop.services.demo import populate
from ecoute_desktop.services.formatting import fr_int
from ecoute_desktop.services.merge import merge_paths
from ecoute_desktop.services.reports.data import period_report
from ecoute_desktop.store import Store
from tests.conftest import PASSPHRASE

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
# Exports carry delays as bands: both medians in hours stay None after a merge.
EXACTLY_EQUAL = [
    key for key in INDICATOR_KEYS if key not in ("median_ack_hours", "median_hours_to_call")
]


def _json(monkeypatch, capsys, *argv: str) -> dict:
    monkeypatch.setenv("ECOUTE_PASSPHRASE", PASSPHRASE)
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 0, err
    return json.loads(out)


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "ecoute.db"
    with Store.create(path, PASSPHRASE) as store:
        populate(store, 300, date(2026, 1, 1), date(2026, 10, 31), seed=11, now=NOW)
        national = next(t for t in store.directory.all() if t.national)
        elus = next(t for t in store.themes.all() if t.label == "Élus")
        colleagues = next(t for t in store.themes.all() if t.label == "Collègues")
        # 23:30 UTC on 31 March is 1 April in Paris; referred nationally twice.
        late = Case("", datetime(2026, 3, 31, 22, 30, tzinfo=UTC), Member("Bordure"))
        late.themes = [elus, colleagues]
        late.orientations = [Orientation(national, NOW), Orientation(national, NOW)]
        case = store.cases.create(late)
        Services(store).cases.advance(case.id, Status.DROPPED, "Test", DropReason.OTHER, at=NOW)
        for hours in (48, 49):  # the 48 h edge, received before the October clock change
            received = datetime(2026, 10, 24, 9, 0, tzinfo=UTC)
            edge = store.cases.create(Case("", received, Member("Horloge")))
            Services(store).cases.advance(
                edge.id, Status.ACKNOWLEDGED, "Test", at=received + timedelta(hours=hours)
            )
    return path


@pytest.mark.parametrize("first, last", [("2026-01", "2026-10"), ("2026-04", "2026-04")])
def test_merge_of_an_export_matches_the_indicators_of_its_database(
    database: Path, tmp_path: Path, monkeypatch, capsys, first: str, last: str
) -> None:
    export = tmp_path / "export.json"
    monkeypatch.setenv("ECOUTE_PASSPHRASE", PASSPHRASE)
    code = main(["--db", str(database), "export-anonymised", "--from", first, "--to", last,
                 "-o", str(export), "--pseudonym", "Mésange"])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    capsys.readouterr()
    last_day = (datetime.strptime(last + "-28", "%Y-%m-%d") + timedelta(days=4)).replace(day=1)
    last_day -= timedelta(days=1)
    local = _json(monkeypatch, capsys, "--db", str(database), "indicators", "--from",
                  f"{first}-01", "--to", last_day.date().isoformat(), "--json")  # fmt: skip
    merged = _json(monkeypatch, capsys, "merge", str(export), "--json")

    assert list(merged) == list(local) == list(INDICATOR_KEYS)
    assert {k: merged[k] for k in EXACTLY_EQUAL} == {k: local[k] for k in EXACTLY_EQUAL}
    assert merged["median_ack_hours"] is None and merged["median_hours_to_call"] is None
    assert local["requests"] > 0 and local["median_ack_hours"] is not None


def test_period_summary_and_committee_summary_count_and_order_alike(
    database: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    export = tmp_path / "export.json"
    monkeypatch.setenv("ECOUTE_PASSPHRASE", PASSPHRASE)
    code = main(["--db", str(database), "export-anonymised", "--from", "2026-01", "--to",
                 "2026-10", "-o", str(export), "--pseudonym", "Mésange"])  # fmt: skip
    assert code == 0, capsys.readouterr().err
    with Store.open(database, PASSPHRASE) as store:
        local = period_report(store, "2026-01", "2026-10")
    outcome = merge_paths([export])
    assert outcome.merge is not None
    committee = committee_report(outcome.merge, threshold=0)

    def committee_subs() -> list[tuple[str, list[tuple[str, str]]]]:
        result: list[tuple[str, list[tuple[str, str]]]] = []
        for label, count, _ in committee.themes.rows:
            if label.startswith("  "):
                result[-1][1].append((label.strip(), count))
            else:
                result.append((label, []))
        return [(top, subs) for top, subs in result if subs]

    def local_subs() -> list[tuple[str, list[tuple[str, str]]]]:
        return [
            (top, [(sub, fr_int(n)) for sub, n in subs.items()])
            for top, subs in local.sub_themes.items()
            if subs
        ]

    assert sorted(committee_subs()) == sorted(local_subs())
    # Not vacuous: for some theme, most-frequent-first differs from the vocabulary's order.
    vocabulary = [tuple(path.split("/", 1)) for path in SUB_THEMES]
    assert any(
        list(subs) != [sub for parent, sub in vocabulary if parent == top and sub in subs]
        for top, subs in local.sub_themes.items()
    )
    trend = [row[1:] for row in committee.trend.rows[:-1]]
    assert trend == [
        [
            fr_int(i.requests),
            fr_int(i.urgent),
            fr_int(i.acknowledged_within_48h),
            fr_int(i.calls_held),
            fr_int(i.questionnaires_sent),
            fr_int(i.closed),
            fr_int(i.national_referrals),
        ]
        for _, i in local.months
    ]
