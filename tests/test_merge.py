"""The coordinator's merge: deduplication, `--json` keys, French CSV and the committee PDF."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from pypdf import PdfReader

from ecoute_desktop.cli import main
from ecoute_desktop.domain.indicators import INDICATOR_KEYS
from ecoute_desktop.services.committee_csv import committee_csv
from ecoute_desktop.services.merge import merge_paths
from tests.export_factory import document, record, write
from tests.report_helpers import between, first_count, pdf_text, row_numbers


def _two_hotliners(tmp_path: Path) -> list[Path]:
    a = [record("2026-01", urgent=True) for _ in range(6)] + [
        record("2026-02", ack_delay=">48h", themes=["Juridique"], sub_themes=[]) for _ in range(4)
    ]
    b = [
        record("2026-02", orientations=["Niveau national AITF"], national_referral=True)
        for _ in range(5)
    ] + [record("2026-03", status="rdv fixé", call_held=False, questionnaire_sent=False)]
    return [
        write(tmp_path / "mesange.json", document(a, "Mésange")),
        write(tmp_path / "pinson.json", document(b, "Pinson")),
    ]


def test_same_file_twice_counts_once(tmp_path: Path) -> None:
    paths = _two_hotliners(tmp_path)
    once = merge_paths(paths).merge
    twice = merge_paths([*paths, paths[0], tmp_path / "." / "mesange.json"]).merge
    assert twice.indicators().to_json() == once.indicators().to_json()
    assert len(twice.duplicates) == 2


def test_latest_export_of_a_hotliner_wins_on_overlap(tmp_path: Path) -> None:
    kept, changed, deleted = record("2026-01"), record("2026-02"), record("2026-02")
    old = document(
        [kept, changed, deleted], "Mésange", ("2026-01", "2026-02"), "2026-03-01T08:00:00Z"
    )
    updated = dict(changed, status="sans suite", call_held=False, questionnaire_sent=False)
    moved = dict(kept, month="2026-03")
    new = document([updated, moved], "Mésange", ("2026-02", "2026-03"), "2026-04-01T08:00:00Z")
    for order in ([old, new], [new, old]):
        paths = [write(tmp_path / f"{i}.json", doc) for i, doc in enumerate(order)]
        merged = merge_paths(paths).merge
        by_id = {m.record["id"]: m.record for m in merged.records}
        assert set(by_id) == {kept["id"], changed["id"]}  # deleted case is gone
        assert by_id[changed["id"]]["status"] == "sans suite"
        assert by_id[kept["id"]]["month"] == "2026-03"
        assert merged.indicators().requests == 2


def test_period_options_filter_months(tmp_path: Path) -> None:
    merged = merge_paths(_two_hotliners(tmp_path), "2026-02", "2026-02").merge
    ind = merged.indicators().to_json()
    assert ind["requests"] == 9
    assert ind["period"] == {"from": "2026-02-01", "to": "2026-02-28"}


def test_json_has_exactly_the_indicator_keys(tmp_path: Path, capsys) -> None:
    assert main(["merge", *map(str, _two_hotliners(tmp_path)), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert tuple(out) == INDICATOR_KEYS
    assert out["requests"] == 16 and out["urgent"] == 6 and out["national_referrals"] == 5
    assert out["acknowledged"] == 16 and out["acknowledged_within_48h"] == 12
    assert out["median_ack_hours"] is None  # buckets only: documented in docs/export-format.md
    assert out["themes"]["Juridique"] == 4 and out["themes"]["Relationnel"] == 12
    assert out["closed"] == 15 and out["calls_held"] == 15


def test_csv_opens_in_french_spreadsheets(tmp_path: Path) -> None:
    target = tmp_path / "comite.csv"
    assert main(["merge", *map(str, _two_hotliners(tmp_path)), "--csv", str(target)]) == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    header, january = rows[0], rows[1]
    assert header[:3] == ["Mois", "Sollicitations", "Urgentes"]
    assert january[0] == "2026-01" and january[1] == "6"
    assert january[header.index("Part accusés dans les 48 h (%)")] == "100,0"
    february = rows[2]
    assert february[header.index("Part accusés dans les 48 h (%)")] == "55,6"
    assert february[header.index("Thème : Juridique")] == "4"
    assert february[header.index("Thème : Carrière")] == "< 3"
    total = next(r for r in rows if r and r[0] == "Total")
    assert total[1] == "16"


def test_threshold_zero_shows_every_cell(tmp_path: Path) -> None:
    merged = merge_paths(_two_hotliners(tmp_path)).merge
    text = committee_csv(merged, threshold=0).decode("utf-8-sig")
    assert "< " not in text and ";s;" not in text


def test_committee_pdf_shows_merged_figures(tmp_path: Path) -> None:
    target = tmp_path / "comite.pdf"
    args = ["merge", *map(str, _two_hotliners(tmp_path)), "--pdf", str(target)]
    assert main([*args, "--comment", "Séance de printemps", "--threshold", "0"]) == 0
    assert len(PdfReader(target).pages) >= 2
    text = pdf_text(target)
    assert "Synthèse pour le comité" in text and "janvier – mars 2026" in text
    assert "Effectifs exacts" in text
    key = between(text, "Chiffres clés", "Évolution mois par mois")
    assert first_count(key, "Sollicitations reçues") == 16
    assert first_count(key, "dont urgentes") == 6
    assert first_count(key, "Appels effectués (rappels compris)") == 15
    assert first_count(key, "Sollicitations avec au moins un appel") == 15
    by_hotliner = between(text, "Par écoutant (pseudonyme)", "Exports fusionnés")
    assert row_numbers(by_hotliner, "Mésange")[:3] == ["10", "6", "6"]
    assert row_numbers(by_hotliner, "Pinson")[:2] == ["6", "0"]
    assert row_numbers(by_hotliner, "Total")[:3] == ["16", "6", "12"]
    assert "Séance de printemps" in text


def test_committee_pdf_hides_small_counts_month_by_month(tmp_path: Path) -> None:
    """Urgent requests: 6 in January, 0 in February and March (hidden as « < 3 »), so the
    quarter says « 6 à 10 », never 6; the requests (a volume) stay exact."""
    target = tmp_path / "comite.pdf"
    assert main(["merge", *map(str, _two_hotliners(tmp_path)), "--pdf", str(target)]) == 0
    text = " ".join(pdf_text(target).split())
    key = between(text, "Chiffres clés", "Évolution mois par mois")
    assert "Sollicitations reçues 16" in key
    assert "dont urgentes 6 à 10" in key
    assert "Petits effectifs : tout effectif de moins de 3" in text
    assert "Effectifs exacts" not in text
