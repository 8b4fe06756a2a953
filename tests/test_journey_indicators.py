"""Delays to the first call and endings without a call, in every report (issue 19).

A hand-computed March 2026 cohort, saved in a real base: two calls on one case (the
delay runs to the first), a case with no call, receipts around the clock change of
29 March (real hours, not wall-clock hours), « sans suite » with and without a reason.
`ecoute indicators --json`, the monthly report, the anonymised export (bands, never
hours), the merge and the CSV import's `motif` column all tell the same story.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from ecoute_desktop.cli import main
from ecoute_desktop.domain.call_delay import CallBand, call_band
from ecoute_desktop.domain.merge import merge_exports
from ecoute_desktop.domain.models import Case, Member
from ecoute_desktop.domain.workflow import DropReason, Status
from ecoute_desktop.services.app import Services
from ecoute_desktop.services.merge_validation import parse_export
from ecoute_desktop.store import Store
from tests.conftest import PASSPHRASE
from tests.report_helpers import between, first_count, pdf_text, row_numbers

PARIS = ZoneInfo("Europe/Paris")


def paris(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=PARIS).astimezone(UTC)


def _cohort() -> list[Case]:
    def new(reference: str, received: datetime) -> Case:
        return Case(reference, received, Member(f"Fictif {reference[-1]}"))

    # A: Saturday 28 March 10 h (UTC+1) → first call Monday 30 March 10 h (UTC+2):
    # 48 h on the wall clock, 47 h really; then a « rappel convenu » held on 2 April.
    a = new("2026-0201", paris(3, 28, 10))
    a.advance(Status.ACKNOWLEDGED, paris(3, 28, 12), "T")
    a.advance(Status.SCHEDULED, paris(3, 28, 12), "T")
    a.advance(Status.CALL_HELD, paris(3, 30, 10), "T")
    a.advance(Status.SCHEDULED, paris(3, 30, 11), "T")
    a.advance(Status.CALL_HELD, paris(4, 2, 10), "T")
    # B: 2 March 9 h → call 5 March 21 h: 84 h (2–7 j), closed.
    b = new("2026-0202", paris(3, 2, 9))
    for step, at in ((Status.ACKNOWLEDGED, paris(3, 2, 10)), (Status.SCHEDULED, paris(3, 2, 10))):
        b.advance(step, at, "T")
    b.advance(Status.CALL_HELD, paris(3, 5, 21), "T")
    b.advance(Status.CLOSED, paris(3, 6, 9), "T")
    # C: no call; found other help.
    c = new("2026-0203", paris(3, 10, 9))
    c.advance(Status.DROPPED, paris(3, 12, 9), "T", DropReason.OTHER_HELP)
    # D: no call; « sans suite » of an older base without a reason.
    d = new("2026-0204", paris(3, 11, 9))
    d.status, d.closed_at = Status.DROPPED, paris(3, 13, 9)
    # E: 1 March 10 h → call 11 March 10 h: 240 h, 10 days (8–14 j).
    e = new("2026-0205", paris(3, 1, 10))
    e.advance(Status.ACKNOWLEDGED, paris(3, 1, 11), "T")
    e.advance(Status.SCHEDULED, paris(3, 1, 11), "T")
    e.advance(Status.CALL_HELD, paris(3, 11, 10), "T")
    # F: 20 March 10 h → call 12 h (2 h), then « sans suite »: ended after a call.
    f = new("2026-0206", paris(3, 20, 10))
    f.advance(Status.ACKNOWLEDGED, paris(3, 20, 11), "T")
    f.advance(Status.SCHEDULED, paris(3, 20, 11), "T")
    f.advance(Status.CALL_HELD, paris(3, 20, 12), "T")
    f.advance(Status.DROPPED, paris(3, 25, 12), "T", DropReason.WITHDRAWN)
    # G: received 29 March 1 h 30 (UTC+1, before the change) → call 31 March 2 h 30
    # (UTC+2): 49 h on the wall clock, 48 h really: « 2–7 j » all the same.
    g = new("2026-0207", paris(3, 29, 1, 30))
    g.advance(Status.ACKNOWLEDGED, paris(3, 29, 9), "T")
    g.advance(Status.SCHEDULED, paris(3, 29, 9), "T")
    g.advance(Status.CALL_HELD, paris(3, 31, 2, 30), "T")
    return [a, b, c, d, e, f, g]


# delays in real hours: A 47, B 84, E 240, F 2, G 48 → 2, 47, 48, 84, 240
EXPECTED = {
    "requests": 7,
    "calls_held": 6,  # A twice, B, E, F, G
    "cases_with_call": 5,
    "median_hours_to_call": 48.0,
    "closed_without_call": {
        "a trouvé une autre aide": 1,  # C
        "non précisé": 1,  # D
        "a renoncé": 0,  # F gave up after a call: not « without a call »
        "autre": 0,
        "hors du champ du point d'écoute": 0,
        "ne répond pas": 0,
    },
}
EXPECTED_BANDS = {"<48h": 2, "2-7j": 2, "8-14j": 1, ">14j": 0}  # F, A | B, G | E


@pytest.fixture
def march(store: Store) -> Store:
    for case in _cohort():
        store.cases.create(case)
    return store


def test_indicators_json_has_hand_computed_delays_and_reasons(march, monkeypatch, capsys) -> None:
    monkeypatch.setenv("ECOUTE_PASSPHRASE", PASSPHRASE)
    code = main(["--db", str(march.path), "indicators", "--month", "2026-03", "--json"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    printed = json.loads(out)
    assert {key: printed[key] for key in EXPECTED} == EXPECTED
    assert "calls_held" in printed and "median_ack_hours" in printed  # earlier keys kept


def test_the_delay_band_is_cut_in_real_hours() -> None:
    assert call_band(47.99) is CallBand.UNDER_48H
    assert call_band(48) is CallBand.DAYS_2_7
    assert call_band(7 * 24 + 23) is CallBand.DAYS_2_7
    assert call_band(8 * 24) is CallBand.DAYS_8_14
    assert call_band(15 * 24) is CallBand.OVER_14_DAYS
    assert call_band(None) is CallBand.NONE


def test_export_carries_bands_never_hours_and_the_merge_reads_them(march) -> None:
    services = Services(march)
    records = services.documents.export_records("2026-03", "2026-03")
    bands = sorted(r["call_delay"] for r in records)
    assert bands == sorted(["<48h", "2-7j", "none", "none", "8-14j", "<48h", "2-7j"])
    assert sorted(str(r["drop_reason"]) for r in records if r["status"] == "sans suite") == [
        "a renoncé",
        "a trouvé une autre aide",
        "non précisé",
    ]
    text = json.dumps(records, ensure_ascii=False)
    for hours in ("47", "84", "240", "134"):  # no exact delay leaves the laptop
        assert f": {hours}" not in text and f":{hours}" not in text

    document_path = march.path.parent / "export.json"
    services.documents.write_export(document_path, "2026-03", "2026-03", "Mésange")
    merged = merge_exports([parse_export(document_path.read_bytes(), "export.json")])
    ind = merged.indicators()
    assert ind.calls_held == EXPECTED["calls_held"]
    assert ind.cases_with_call == EXPECTED["cases_with_call"]
    assert ind.closed_without_call == EXPECTED["closed_without_call"]
    assert ind.call_bands == EXPECTED_BANDS
    assert ind.median_hours_to_call is None and ind.median_call_band == "2-7j"


def test_an_export_without_the_new_fields_still_merges() -> None:
    from tests.export_factory import document, record

    old = document([record("2026-01"), record("2026-01", status="sans suite", call_held=False)])
    data = json.dumps(old, ensure_ascii=False).encode()
    ind = merge_exports([parse_export(data, "ancien.json")]).indicators()
    assert (ind.calls_held, ind.cases_with_call) == (1, 1)
    assert ind.closed_without_call["non précisé"] == 1


def test_monthly_report_shows_the_delay_and_the_reasons(march, tmp_path) -> None:
    target = tmp_path / "mars.pdf"
    target.write_bytes(Services(march).documents.monthly_pdf("2026-03"))
    text = pdf_text(target)
    key = between(text, "Chiffres clés", "Thèmes")
    assert row_numbers(key, "Délai médian jusqu'au premier appel")[0].startswith("48,0")
    reasons = between(text, "Sans suite sans appel, par motif", "Délai médian")
    assert first_count(reasons, "a trouvé une autre aide") == 1
    assert first_count(reasons, "non précisé") == 1
    assert "a renoncé" not in reasons  # F ended after a call


def test_csv_import_maps_the_optional_motif_column(store: Store, tmp_path) -> None:
    path = tmp_path / "ancien.csv"
    path.write_text(
        "reference;date_reception;nom;statut;motif\n"
        "2025-0001;03/03/2025 10:00;Fictif A;sans suite;A renoncé\n"
        "2025-0002;04/03/2025 10:00;Fictif B;sans suite;\n"
        "2025-0003;05/03/2025 10:00;Fictif C;sans suite (injoignable);\n",
        encoding="utf-8",
    )
    services = Services(store)
    plan = services.imports.plan_cases(path)
    assert not plan.errors, plan.errors
    services.imports.import_cases(plan)
    reasons = {c.reference: c.drop_reason for c in store.cases.all()}
    assert reasons == {
        "2025-A-001": DropReason.WITHDRAWN,
        "2025-A-002": DropReason.UNSPECIFIED,
        "2025-A-003": DropReason.UNREACHABLE,  # the old word, read as its new one
    }


def test_a_motif_on_a_case_not_dropped_is_refused_with_its_line(store: Store, tmp_path) -> None:
    path = tmp_path / "faux.csv"
    path.write_text(
        "reference;date_reception;nom;statut;motif\n"
        "2025-0001;03/03/2025 10:00;Fictif A;reçue;a renoncé\n"
        "2025-0002;04/03/2025 10:00;Fictif B;sans suite;parti en vacances\n",
        encoding="utf-8",
    )
    plan = Services(store).imports.plan_cases(path)
    assert [(e.line, e.column) for e in plan.errors] == [(2, "motif"), (3, "motif")]
    assert store.cases.count() == 0
