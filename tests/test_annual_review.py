"""The annual review: one A4 page a committee reads in a minute, from one base or from a merge.

Pins: `ecoute report review` and `ecoute merge --review` write one A4 page whose fonts are
all embedded; with exact figures (threshold 0) every headline figure, theme, orientation
and month equals `ecoute indicators --json` for the same period (the merge: the sum of
both bases); with the committee's threshold every count is the very text of the committee
summary (same hidden cells); no free text but « Actions à envisager » reaches the page (no
member field, note, local label, suggestion, question, hotliner name or pseudonym); the
PNG is the page at 150 dpi (1240 × 1754); a text too long for the page, or a file that is
neither .pdf nor .png, is refused before anything is written.
"""

from __future__ import annotations

import json
import re
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image

from ecoute_desktop.cli import main
from ecoute_desktop.domain.models import CallNote, Case, Member, Orientation
from ecoute_desktop.domain.satisfaction import SCALES, Answer, ColumnMapping, FormMapping, Role
from ecoute_desktop.domain.timeutil import PARIS
from ecoute_desktop.domain.workflow import Status
from ecoute_desktop.services import formatting
from ecoute_desktop.services.committee import committee_report
from ecoute_desktop.services.committee_own import own_merge
from ecoute_desktop.services.demo import DEMO_PASSPHRASE, populate, write_demo_database
from ecoute_desktop.store import Store
from ecoute_desktop.store.satisfaction import NewResponse
from tests.conftest import PASSPHRASE

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
FIRST, LAST = "2026-01", "2026-10"
MONTHS = [f"2026-{n:02d}" for n in range(1, 11)]
ACTIONS = "- Action-Marqueur-Kestrel : former deux écoutants.\n- Relancer les centres de gestion."
QUESTION = "Question-Marqueur-Pangolin ?"
MARKERS = [
    "Membrenom-Ocelot",
    "Membreprenom-Ocelot",
    "Fonction-Ocelot",
    "Collectivite-Ocelot",
    "01 99 00 77 11",
    "ocelot@example.net",
    "Note-Marqueur-Ocelot",
    "Theme-Local-Ocelot",
    "Organisme-Local-Ocelot",
    "Suggestion-Marqueur-Ocelot",
    QUESTION,
    "Jacqueline",  # the hotliner's own name
]


def _seed(path: Path, seed: int, responses: int) -> Path:
    """Ten months of fictitious cases, questionnaire answers and one case full of markers."""
    with Store.create(path, PASSPHRASE) as store:
        store.settings.set("region", "FR-BRE")
        populate(store, 260, date(2026, 1, 1), date(2026, 10, 31), seed=seed, now=NOW)
        theme = store.themes.add("Theme-Local-Ocelot") if seed == 1 else None
        target = store.directory.add("Organisme-Local-Ocelot") if seed == 1 else None
        member = Member(*MARKERS[:6])
        received = datetime(2026, 3, 4, 10, 0, tzinfo=PARIS)
        at = received + timedelta(days=1)
        case = Case("", received, member, satisfaction=4, status=Status.CALL_HELD)
        case.acknowledged_at, case.call_held_at, case.calls_held = at, at, 3  # two call-backs
        case.notes = [CallNote("Note-Marqueur-Ocelot, à ne jamais publier", at, at)]
        if theme is not None and target is not None:
            case.themes = [theme]
            case.orientations = [Orientation(target, at)]
        store.cases.create(case)
        scale = SCALES["4-niveaux"]
        mapping = FormMapping([ColumnMapping(QUESTION, Role.RATING, scale.key)])
        answers = [
            NewResponse(
                f"sid-{seed}-{n}",
                datetime(2026, 1 + n % 10, 10, 12, tzinfo=UTC),
                f"C{n:03d}",
                None,
                [Answer(QUESTION, scale.key, scale.levels[(n * 7 + seed) % 4])],
                [("Commentaire", "Suggestion-Marqueur-Ocelot")],
            )
            for n in range(responses)
        ]
        store.satisfaction.add(f"form-{seed}", "Questionnaire", mapping, answers)
    return path


@pytest.fixture(scope="module")
def bases(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("review")
    return _seed(folder / "a.db", 1, 60), _seed(folder / "b.db", 2, 35)


def run(monkeypatch, capsys, *argv: str, passphrase: str = PASSPHRASE) -> tuple[int, str, str]:
    monkeypatch.setenv("ECOUTE_PASSPHRASE", passphrase)
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return int(code or 0), out, err


def indicators(monkeypatch, capsys, db: Path, *period: str) -> dict:
    code, out, err = run(monkeypatch, capsys, "--db", str(db), "indicators", *period, "--json")
    assert code == 0, err
    return json.loads(out)


def period_json(monkeypatch, capsys, db: Path) -> dict:
    return indicators(monkeypatch, capsys, db, "--from", "2026-01-01", "--to", "2026-10-31")


def review(monkeypatch, capsys, db: Path, out: Path, *extra: str) -> str:
    argv = ["--db", str(db), "report", "review", "--from", FIRST, "--to", LAST, "-o", str(out)]
    code, _, err = run(monkeypatch, capsys, *argv, *extra)
    assert code == 0, err
    return page_text(out)


def export(monkeypatch, capsys, db: Path, out: Path, pseudonym: str) -> Path:
    argv = ["--db", str(db), "export-anonymised", "--from", FIRST, "--to", LAST, "-o", str(out)]
    code, _, err = run(monkeypatch, capsys, *argv, "--pseudonym", pseudonym)
    assert code == 0, err
    return out


def fr_int(value: int) -> str:
    return formatting.fr_int(value).replace("\u202f", " ")


def fr_percent(part: int, whole: int, digits: int = 1) -> str:
    return formatting.fr_percent(part, whole, digits).replace("\u202f", " ")


def page_text(path: Path) -> str:
    """The page's text in drawing order (pdftotext -raw), no-break spaces made plain."""
    out = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
    return out.replace("\u202f", " ").replace("\xa0", " ")


def tile(text: str, caption: str) -> str:
    """The big figure printed just above a headline caption (words may wrap)."""
    pattern = r"\n([^\n]+)\n" + r"\s+".join(map(re.escape, caption.split()))
    found = re.search(pattern, text)
    assert found, f"no tile « {caption} » in:\n{text[:800]}"
    return found.group(1)


def bars(text: str, start: str, end: str) -> dict[str, str]:
    """Label → printed value of the ranked bars between two headings (label, value, …)."""
    lines = text[text.index(start) + len(start) : text.index(end)].strip("\n").splitlines()
    return dict(zip(lines[0::2], lines[1::2], strict=True))


def trend(text: str) -> tuple[list[str], list[str]]:
    """(requests per month, calls per month) as printed under « Évolution mois par mois »."""
    head = text.index("Évolution ")
    chart = text[head : text.index("Appels effectués", head)].splitlines()
    month = r"[a-zéû]+\.?"
    label = re.compile(rf"{month}(?:–{month})?")
    requests = [chart[i - 1] for i, line in enumerate(chart) if label.fullmatch(line)]
    row = text[text.index("Appels effectués", head) :].splitlines()[0]  # one line: one baseline
    calls = re.findall(
        r"au moins \d+|\d+ à \d+|< \d+|\d+|\bs\b", row.removeprefix("Appels effectués")
    )
    return requests, calls


def satisfied_share(figures: dict) -> str:
    question = figures["satisfaction"]["questions"][QUESTION]
    return fr_percent(question["satisfied"], question["answered"], 0)


def assert_review_equals(text: str, expected: dict, months: list[dict]) -> None:
    requests = expected["requests"]
    assert tile(text, "sollicitations reçues") == fr_int(requests)
    assert tile(text, "appels effectués") == fr_int(expected["calls_held"])
    within = fr_percent(expected["acknowledged_within_48h"], requests)
    assert tile(text, "accusées sous 48 h") == within
    national = tile(text, "orientations vers le niveau national")
    assert national == fr_int(expected["national_referrals"])
    assert tile(text, "de satisfaits") == satisfied_share(expected)
    themes = bars(text, "Orientations proposées", "Une sollicitation compte")
    want = {**expected["themes"], **expected["orientations"]}
    assert themes == {label: fr_int(n) for label, n in want.items()}
    by_month, calls = trend(text)
    assert by_month == [fr_int(m["requests"]) for m in months]
    assert calls == [fr_int(m["calls_held"]) for m in months]


def test_review_of_one_base_is_the_indicators_of_its_period(
    bases: tuple[Path, Path], tmp_path: Path, monkeypatch, capsys
) -> None:
    db = bases[1]  # no local label: the page's vocabulary is that of the indicators
    text = review(monkeypatch, capsys, db, tmp_path / "bilan.pdf", "--threshold", "0")
    months = [indicators(monkeypatch, capsys, db, "--month", m) for m in MONTHS]
    assert_review_equals(text, period_json(monkeypatch, capsys, db), months)
    assert "janvier – octobre 2026" in text and "Bretagne" in text
    assert "Effectifs exacts" in text


def test_review_of_a_merge_adds_up_both_bases(
    bases: tuple[Path, Path], tmp_path: Path, monkeypatch, capsys
) -> None:
    files = [
        export(monkeypatch, capsys, db, tmp_path / f"{n}.json", f"Pseudo-Marqueur-{n}")
        for n, db in enumerate(bases)
    ]
    out = tmp_path / "bilan-comite.pdf"
    argv = ["merge", *map(str, files), "--no-state", "--review", str(out), "--threshold", "0"]
    code, _, err = run(monkeypatch, capsys, *argv, "--actions", ACTIONS)
    assert code == 0, err
    text = page_text(out)
    one, two = (period_json(monkeypatch, capsys, db) for db in bases)
    total = {
        key: one[key] + two[key]
        for key in ("requests", "calls_held", "acknowledged_within_48h", "national_referrals")
    }
    for key in ("themes", "orientations"):
        total[key] = {label: one[key][label] + two[key].get(label, 0) for label in one[key]}
    total["orientations"]["Autre"] += 1  # base a's local body leaves under « Autre »
    total["themes"]["Questions diverses"] += 1  # and its local theme under the generic one
    total["themes"].pop("Theme-Local-Ocelot")
    total["orientations"].pop("Organisme-Local-Ocelot")
    question = [b["satisfaction"]["questions"][QUESTION] for b in (one, two)]
    total["satisfaction"] = {
        "questions": {
            QUESTION: {
                key: question[0][key] + question[1][key] for key in ("satisfied", "answered")
            }
        }
    }
    months = []
    for month in MONTHS:
        pair = [indicators(monkeypatch, capsys, db, "--month", month) for db in bases]
        months.append({key: pair[0][key] + pair[1][key] for key in ("requests", "calls_held")})
    assert_review_equals(text, total, months)
    assert "2 exports fusionnés" in text
    squeezed = " ".join(text.split())
    assert "Pseudo-Marqueur" not in squeezed
    assert "Action-Marqueur-Kestrel" in squeezed


def test_small_cells_are_hidden_exactly_as_in_the_committee_summary(
    bases: tuple[Path, Path], tmp_path: Path, monkeypatch, capsys
) -> None:
    db = bases[1]
    text = review(monkeypatch, capsys, db, tmp_path / "bilan.pdf", "--threshold", "5")
    with Store.open(db, PASSPHRASE) as store:
        summary = committee_report(own_merge(store, FIRST, LAST), 5)
    expected = {row[0].removesuffix(" (national)"): row[1] for row in summary.orientations.rows}
    expected |= {row[0]: row[1] for row in summary.themes.rows if not row[0].startswith(" ")}
    printed = bars(text, "Orientations proposées", "Une sollicitation compte")
    assert printed == expected
    assert any(value.startswith("< ") or " à " in value for value in printed.values())
    key = {row[0]: row[1] for row in summary.key_figures.rows}
    assert tile(text, "appels effectués") == key["Appels effectués (rappels compris)"]
    national = "Orientations vers le niveau national"
    assert tile(text, national.lower()) == key[national]
    calls = [row[4] for row in summary.trend.rows[:-1]]  # « Appels effectués » by month
    assert trend(text)[1] == calls
    assert "moins de 5" in " ".join(text.split())


def test_no_free_text_but_the_actions_reaches_the_page(
    bases: tuple[Path, Path], tmp_path: Path, monkeypatch, capsys
) -> None:
    db = bases[0]
    with Store.open(db, PASSPHRASE) as store:
        cases = store.cases.all(with_notes=True)
    forbidden = set(MARKERS) | {"example.org", "06 39 98"}
    for case in cases:
        m = case.member
        forbidden |= {m.nom, m.prenom, m.fonction, m.collectivite, m.telephone, m.email}
        forbidden |= {note.body for note in case.notes}
    forbidden.discard("")
    for threshold in ("0", "3"):
        out = tmp_path / f"bilan-{threshold}.pdf"
        text = review(monkeypatch, capsys, db, out, "--threshold", threshold, "--actions", ACTIONS)
        squeezed = " ".join(text.split())
        assert "Action-Marqueur-Kestrel : former deux écoutants." in squeezed
        assert "Relancer les centres de gestion." in squeezed
        compact = "".join(text.split())  # a marker wrapped over two lines is still found
        for value in forbidden | {"Ocelot", "Pangolin"}:
            assert "".join(value.split()) not in compact, f"free text: {value[:12]}…"


def test_the_demo_base_gives_one_a4_page_with_embedded_fonts_and_a_150_dpi_png(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    db = write_demo_database(tmp_path / "demo.db", count=120, months=12)
    this_month = datetime.now(PARIS).date().replace(day=1)
    first = (this_month - timedelta(days=330)).strftime("%Y-%m")
    last = this_month.strftime("%Y-%m")
    for name in ("bilan.pdf", "bilan.png"):
        argv = ["--db", str(db), "report", "review", "--from", first, "--to", last]
        code, _, err = run(
            monkeypatch, capsys, *argv, "-o", str(tmp_path / name), passphrase=DEMO_PASSPHRASE
        )
        assert code == 0, err
    pdf = tmp_path / "bilan.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert re.search(r"^Pages:\s+1$", info.stdout, re.MULTILINE), info.stdout
    assert "595.276 x 841.89 pts (A4)" in info.stdout
    check = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows, "no font listed"
    for row in rows:
        assert "DejaVu" in row and row.split()[-5] == "yes", row  # the "emb" column
    with Image.open(tmp_path / "bilan.png") as image:
        assert image.size == (1240, 1754)
        assert [round(d) for d in image.info["dpi"]] == [150, 150]
        assert image.getpixel((12, 900))[:3] == (255, 255, 255)  # white paper, not clear
    assert "Bilan de la ligne d'écoute" in page_text(pdf)


def test_bad_review_requests_are_refused_before_writing(
    bases: tuple[Path, Path], tmp_path: Path, monkeypatch, capsys
) -> None:
    db = str(bases[1])
    wrong = tmp_path / "bilan.docx"
    argv = ["--db", db, "report", "review", "--from", FIRST, "--to", LAST]
    code, _, err = run(monkeypatch, capsys, *argv, "-o", str(wrong))
    assert code == 2 and ".pdf ou .png" in err and not wrong.exists()
    long = tmp_path / "long.pdf"
    essay = "\n".join(f"- Action numéro {n} à discuter en comité." for n in range(60))
    code, _, err = run(monkeypatch, capsys, *argv, "-o", str(long), "--actions", essay)
    assert code == 2 and "trop long" in err and not long.exists()
    code, _, err = run(monkeypatch, capsys, "merge", "x.json", "--review", str(wrong))
    assert code == 2 and ".pdf ou .png" in err


def test_an_empty_period_says_so_on_its_one_page(
    bases: tuple[Path, Path], tmp_path: Path, monkeypatch, capsys
) -> None:
    out = tmp_path / "vide.pdf"
    argv = ["--db", str(bases[1]), "report", "review", "--from", "2025-01", "--to", "2025-12"]
    code, _, err = run(monkeypatch, capsys, *argv, "-o", str(out))
    assert code == 0, err
    text = " ".join(page_text(out).split())
    assert "Aucune sollicitation sur cette période" in text
    assert "Évolution mois par mois" not in text and " à " not in text.split("Thèmes")[0]
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True)
    assert re.search(r"^Pages:\s+1$", info.stdout, re.MULTILINE)


def test_a_long_period_groups_its_trend_by_three_months(
    bases: tuple[Path, Path], tmp_path: Path, monkeypatch, capsys
) -> None:
    """Two years: eight bars of three months, each the sum of its months' indicators."""
    db, out = bases[1], tmp_path / "deux-ans.pdf"
    argv = ["--db", str(db), "report", "review", "--from", "2025-01", "--to", "2026-12"]
    code, _, err = run(monkeypatch, capsys, *argv, "-o", str(out), "--threshold", "0")
    assert code == 0, err
    text = page_text(out)
    assert "Évolution par périodes de 3 mois" in text
    months = [f"{year}-{n:02d}" for year in (2025, 2026) for n in range(1, 13)]
    figures = [indicators(monkeypatch, capsys, db, "--month", m) for m in months]
    groups = [figures[i : i + 3] for i in range(0, 24, 3)]
    requests, calls = trend(text)
    assert requests == [fr_int(sum(m["requests"] for m in group)) for group in groups]
    assert calls == [fr_int(sum(m["calls_held"] for m in group)) for group in groups]
    assert "janv.–mars" in text and "oct.–déc." in text
