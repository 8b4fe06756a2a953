"""Monthly reports and period summaries as PDF, read back as a committee member would read them.

Pins: every figure printed equals `ecoute indicators --json` for the same period (key
figures, themes, orientations, each month of a summary); no name, phone, e-mail,
collectivité, function or note of any case appears; an empty month says "Aucune
sollicitation ce mois-ci" on one page, without charts; the files pass `qpdf --check`,
embed all their fonts, are written atomically, and `ecoute report` reports bad input.
"""

from __future__ import annotations

import json
import re
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from ecoute_desktop.cli import main
from ecoute_desktop.domain.models import CallNote, Case, Member
from ecoute_desktop.domain.timeutil import PARIS
from ecoute_desktop.services.demo import populate
from ecoute_desktop.store import Store
from tests.conftest import PASSPHRASE
from tests.report_helpers import (
    between,
    key_figures,
    number,
    orientation_table,
    pdf_text,
    row_numbers,
    theme_table,
)

NOW = datetime(2026, 5, 10, 12, 0, tzinfo=UTC)
REGION = "FR-HDF"  # a code of the fixed list; the report prints its name
MARKER_MEMBERS = [
    Member(
        nom=f"Zorglubnom{i}",
        prenom=f"Zorglubprenom{i}",
        fonction=f"Zorglubfonction{i}",
        collectivite=f"Zorglubville{i}",
        telephone=f"01 99 00 55 {i:02d}",
        email=f"zorglub{i}@example.net",
    )
    for i in range(4)
]


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """January–March 2026 of fictitious cases, plus cases whose every personal field is a marker."""
    path = tmp_path_factory.mktemp("reports") / "ecoute.db"
    with Store.create(path, PASSPHRASE) as store:
        store.settings.set("region", REGION)
        populate(store, 240, date(2026, 1, 1), date(2026, 3, 31), seed=51, now=NOW)
        themes = store.themes.all()
        for i, member in enumerate(MARKER_MEMBERS):
            received = datetime(2026, 2, 3 + i, 9, 30, tzinfo=PARIS)
            case = Case("", received, member, satisfaction=5)
            case.themes = [themes[i + 1]]
            at = received + timedelta(days=2)
            case.notes = [CallNote(f"Zorglubnote{i} confidentielle", at, at)]
            store.cases.create(case)
    return path


def run_cli(monkeypatch, capsys, *argv: str) -> tuple[int, str, str]:
    monkeypatch.setenv("ECOUTE_PASSPHRASE", PASSPHRASE)
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return int(code or 0), out, err


def indicators_json(monkeypatch, capsys, db: Path, *period: str) -> dict:
    code, out, err = run_cli(monkeypatch, capsys, "--db", str(db), "indicators", *period, "--json")
    assert code == 0, err
    return json.loads(out)


def report(monkeypatch, capsys, db: Path, out: Path, *argv: str) -> str:
    code, _, err = run_cli(monkeypatch, capsys, "--db", str(db), "report", *argv, "-o", str(out))
    assert code == 0, err
    return pdf_text(out)


def assert_same_figures(text: str, expected: dict) -> None:
    figures = key_figures(text)
    for key, value in figures.items():
        assert value == expected[key], key
    assert theme_table(text) == expected["themes"]
    assert orientation_table(text) == expected["orientations"]


def test_monthly_report_figures_are_those_of_the_indicators(
    dataset: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    for month in ("2026-01", "2026-02", "2026-03"):
        expected = indicators_json(monkeypatch, capsys, dataset, "--month", month)
        assert expected["requests"] > 20  # a real month, not an empty one
        text = report(monkeypatch, capsys, dataset, tmp_path / f"{month}.pdf", "monthly", month)
        assert_same_figures(text, expected)


def test_monthly_report_has_title_region_comparison_and_comment(
    dataset: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    march = indicators_json(monkeypatch, capsys, dataset, "--month", "2026-03")
    february = indicators_json(monkeypatch, capsys, dataset, "--month", "2026-02")
    out = tmp_path / "mars.pdf"
    text = report(
        monkeypatch,
        capsys,
        dataset,
        out,
        "monthly",
        "2026-03",
        "--comment",
        "Mois chargé : <b> & co",
    )
    assert "Rapport mensuel — mars 2026" in text
    assert "Hauts-de-France" in text
    comparison = between(text, "Comparaison avec le mois précédent", "Les sollicitations du mois")
    cells = row_numbers(comparison, "Sollicitations reçues")
    assert [number(c) for c in cells[:2]] == [march["requests"], february["requests"]]
    difference = march["requests"] - february["requests"]
    assert cells[2].replace("−", "-") == (f"+{difference}" if difference > 0 else str(difference))
    assert "Commentaires" in text and "Mois chargé : <b> & co" in text
    pages = len(PdfReader(out).pages)
    assert re.search(rf"Page {pages} / {pages}", text)
    assert "Généré le" in text


def test_period_summary_totals_and_each_month_match_the_indicators(
    dataset: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    total = indicators_json(
        monkeypatch, capsys, dataset, "--from", "2026-01-01", "--to", "2026-03-31"
    )
    text = report(
        monkeypatch,
        capsys,
        dataset,
        tmp_path / "t1.pdf",
        "period",
        "--from",
        "2026-01",
        "--to",
        "2026-03",
    )
    assert "janvier – mars 2026" in text
    assert_same_figures(text, total)
    trend = between(text, "Orient.", "Le délai médian de la période")
    for month, label in (
        ("2026-01", "janvier 2026"),
        ("2026-02", "février 2026"),
        ("2026-03", "mars 2026"),
    ):
        expected = indicators_json(monkeypatch, capsys, dataset, "--month", month)
        row = row_numbers(trend, label)
        assert number(row[0]) == expected["requests"]
        assert number(row[1]) == expected["urgent"]
        assert number(row[2].split(" (")[0]) == expected["acknowledged_within_48h"]
        assert [number(c) for c in row[4:8]] == [
            expected["calls_held"],
            expected["questionnaires_sent"],
            expected["closed"],
            expected["national_referrals"],
        ]
        themes_by_month = between(text, "Thèmes par mois", "Orientations par mois")
        column = ("2026-01", "2026-02", "2026-03").index(month)
        for theme, count in expected["themes"].items():
            assert number(row_numbers(themes_by_month, theme)[column]) == count
    assert number(row_numbers(trend, "Total")[0]) == total["requests"]


def test_no_personal_field_of_any_case_appears(
    dataset: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    texts = [
        report(monkeypatch, capsys, dataset, tmp_path / "m.pdf", "monthly", "2026-02"),
        report(
            monkeypatch,
            capsys,
            dataset,
            tmp_path / "p.pdf",
            "period",
            "--from",
            "2026-01",
            "--to",
            "2026-03",
        ),
    ]
    metadata = [str(PdfReader(tmp_path / name).metadata) for name in ("m.pdf", "p.pdf")]
    with Store.open(dataset, PASSPHRASE) as store:
        cases = store.cases.all(with_notes=True)
    assert len(cases) > 200
    forbidden = {"Zorglub", "example.org", "example.net", "06 39 98", "01 99 00"}
    for case in cases:
        m = case.member
        forbidden |= {m.nom, m.prenom, m.fonction, m.collectivite, m.telephone, m.email}
        forbidden |= {note.body for note in case.notes}
        forbidden |= {sentence for note in case.notes for sentence in note.body.split(". ")}
    forbidden.discard("")
    for text in texts + metadata:
        squeezed = " ".join(text.split())
        for value in forbidden:
            assert value not in squeezed, "a personal field reached the report"


def test_an_empty_month_says_so_on_one_page_without_charts(
    dataset: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    out = tmp_path / "vide.pdf"
    text = report(monkeypatch, capsys, dataset, out, "monthly", "2025-06")
    assert "Aucune sollicitation ce mois-ci" in text
    assert "Thèmes abordés" not in text and "Arrivées par semaine" not in text
    assert len(PdfReader(out).pages) == 1
    period = report(
        monkeypatch,
        capsys,
        dataset,
        tmp_path / "vide2.pdf",
        "period",
        "--from",
        "2025-01",
        "--to",
        "2025-06",
    )
    assert "Aucune sollicitation sur cette période" in period


def test_files_are_valid_and_embed_all_their_fonts(
    dataset: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    runs = [
        ("monthly", "2026-03"),
        ("monthly", "2025-06"),
        ("period", "--from", "2026-01", "--to", "2026-03"),
    ]
    for index, argv in enumerate(runs):
        out = tmp_path / f"r{index}.pdf"
        report(monkeypatch, capsys, dataset, out, *argv)
        check = subprocess.run(["qpdf", "--check", str(out)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr
        fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True)
        rows = fonts.stdout.splitlines()[2:]
        assert rows, "no font listed"
        for row in rows:
            assert "DejaVu" in row and row.split()[-5] == "yes", row  # the "emb" column


def test_satisfaction_weeks_and_sub_themes_on_a_hand_checked_month(
    store: Store, tmp_path: Path
) -> None:
    from ecoute_desktop.services.reports import write_monthly_report

    themes = {t.path: t for t in store.themes.all()}
    specs = [  # (Paris day, theme paths, satisfaction)
        (date(2026, 3, 2), ["Relationnel/Élus", "Relationnel/Collègues"], 5),
        (date(2026, 3, 3), ["Relationnel/Élus"], 4),
        (date(2026, 3, 20), ["Carrière"], None),
        (date(2026, 3, 31), ["Juridique/Conflit"], 2),
    ]
    for day, paths, score in specs:
        case = Case("", datetime(day.year, day.month, day.day, 10, tzinfo=PARIS), Member("Test"))
        case.themes = [themes[p] for p in paths]
        case.satisfaction = score
        store.cases.create(case)
    out = write_monthly_report(store, "2026-03", tmp_path / "mars.pdf")
    text = pdf_text(out)
    table = between(text, "Thème / sous-thème", "Une sollicitation compte")
    assert [number(c) for c in row_numbers(table, "Relationnel")[:1]] == [2]
    assert number(row_numbers(table, "Élus")[0]) == 2
    assert number(row_numbers(table, "Collègues")[0]) == 1
    assert number(row_numbers(table, "Carrière")[0]) == 1
    # Scores typed on a case are not questionnaire responses (imported from Framaforms).
    joined = " ".join(text.split())
    assert "Aucune réponse au questionnaire de satisfaction reçue dans la période." in joined
    # Weeks of March 2026: Sun 1 alone, then Monday-based weeks, the last one clipped.
    weeks = between(text, "Arrivées par semaine", "Sollicitations reçues par semaine")
    for label in ("1er mars", "2–8 mars", "16–22 mars", "30–31 mars"):
        assert label in weeks


def test_report_command_rejects_bad_input(
    tmp_path: Path, store: Store, monkeypatch, capsys
) -> None:
    db = str(store.path)
    code, _, err = run_cli(
        monkeypatch,
        capsys,
        "--db",
        db,
        "report",
        "monthly",
        "2026-13",
        "-o",
        str(tmp_path / "x.pdf"),
    )
    assert code == 2 and "Mois invalide « 2026-13 »" in err
    code, _, err = run_cli(
        monkeypatch,
        capsys,
        "--db",
        db,
        "report",
        "period",
        "--from",
        "2026-05",
        "--to",
        "2026-01",
        "-o",
        str(tmp_path / "x.pdf"),
    )
    assert code == 2 and "--to" in err
    code, _, err = run_cli(
        monkeypatch,
        capsys,
        "--db",
        db,
        "report",
        "monthly",
        "2026-01",
        "-o",
        str(tmp_path / "absent" / "x.pdf"),
    )
    assert code == 1 and "n'existe pas" in err
    assert list(tmp_path.iterdir()) == [] or all(p.name == "data" for p in tmp_path.iterdir())


def test_a_failed_write_leaves_the_previous_file_untouched(
    store: Store, tmp_path: Path, monkeypatch
) -> None:
    from ecoute_desktop.services import reports

    target = tmp_path / "rapport.pdf"
    target.write_bytes(b"ancien rapport")

    def broken(_report: object) -> bytes:
        raise RuntimeError("panne simulée")

    monkeypatch.setattr(reports, "render_monthly", broken)
    with pytest.raises(RuntimeError):
        reports.write_monthly_report(store, "2026-03", target)
    assert target.read_bytes() == b"ancien rapport"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["rapport.pdf"]


def test_period_threshold_gives_the_committee_version(
    dataset: Path, tmp_path: Path, monkeypatch, capsys
) -> None:
    """`report period --threshold N` applies the committee's rule to one's own cases; with
    0 the exact figures say « Effectifs exacts »; without it, the exact summary as before."""
    total = indicators_json(
        monkeypatch, capsys, dataset, "--from", "2026-01-01", "--to", "2026-03-31"
    )
    period = ["period", "--from", "2026-01", "--to", "2026-03"]
    hidden = report(monkeypatch, capsys, dataset, tmp_path / "c.pdf", *period, "--threshold", "3")
    flat = " ".join(hidden.split())
    assert "Synthèse de la période pour le comité" in flat
    assert f"Sollicitations reçues {total['requests']}" in flat  # a volume: exact
    assert "Petits effectifs" in flat and "<3" in flat.replace(" ", "")
    exact = report(monkeypatch, capsys, dataset, tmp_path / "e.pdf", *period, "--threshold", "0")
    assert "Effectifs exacts" in exact and "<3" not in exact.replace(" ", "")
    urgent = " ".join(between(exact, "dont urgentes", "Accusés").split())
    assert urgent.startswith(str(total["urgent"]))
