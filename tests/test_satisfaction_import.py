"""Importing Framaforms downloads of the satisfaction questionnaire (service and CLI).

Pins: every download shape (tab, comma, semicolon, pipe; three header rows or labels
only; English or French fixed columns; UTF-8, BOM or Windows-1252; .xlsx) gives the
same responses; drafts are skipped; option (X) columns and 4-level, 5-level and numeric
scales are detected worst → best; a known code attaches its case, an unknown or
missing one still counts, and so does every response when no column is the code; a
re-import adds nothing; an answer outside its scale or a malformed file imports nothing
and names line, column and reason; the CLI contract.
"""

from __future__ import annotations

import copy
import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from ecoute_desktop.cli import main
from ecoute_desktop.domain.models import Case, Member
from ecoute_desktop.domain.satisfaction import Role
from ecoute_desktop.services.app import Services
from ecoute_desktop.services.csv_import import ImportFileError
from ecoute_desktop.store import Store
from tests.conftest import PASSPHRASE

DATA = Path(__file__).parent / "data" / "framaforms"
RECEIVED = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
MARCH = (date(2026, 3, 1), date(2026, 3, 31))


def coded_cases(store: Store, *codes: str) -> list[Case]:
    """Cases whose questionnaire codes are those of the fixtures (drawn codes replaced)."""
    cases = []
    for number, code in enumerate(codes):
        case = store.cases.create(Case("", RECEIVED, Member(f"Nomfictif{number}", "Alix")))
        with store.db.write() as conn:
            conn.execute("UPDATE cases SET questionnaire_code = ? WHERE id = ?", (code, case.id))
        cases.append(case)
    return cases


def attached(store: Store) -> dict[str, str]:
    with store.db.read() as conn:
        rows = conn.execute(
            "SELECT r.sid, c.reference FROM satisfaction_responses r"
            " LEFT JOIN cases c ON c.id = r.case_id ORDER BY r.sid"
        )
        return {sid: ref or "" for sid, ref in rows}


@pytest.mark.parametrize(
    ("name", "how", "header_rows", "language"),
    [
        ("defaut-tabulation-en.tsv", "texte délimité (tabulation), UTF-8", 3, "en"),
        ("defaut-virgule-titres-seuls-en.csv", "texte délimité (virgule), UTF-8", 1, "en"),
    ],
)
def test_default_download_every_kind_of_question(
    store: Store, name: str, how: str, header_rows: int, language: str
) -> None:
    k7q2, m3xp = coded_cases(store, "K7Q2", "M3XP")
    service = Services(store).satisfaction
    preview = service.preview(DATA / name)
    assert (preview.how, preview.layout.header_rows, preview.layout.language) == (
        how,
        header_rows,
        language,
    )
    roles = [(c.label, c.role, c.scale) for c in preview.mapping.columns]
    assert roles[:5] == [
        ("Code", Role.CODE, None),
        ("Accueil par l'écoutant", Role.RATING, "4-niveaux"),
        ("Délai avant l'appel", Role.RATING, "5-niveaux-moyennement"),
        ("Note globale", Role.RATING, "1-5"),
        ("Recommanderiez-vous le point d'écoute ?", Role.RATING, "0-10"),
    ]
    assert [c.role for c in preview.mapping.columns[5:]] == [Role.CHOICE] * 3 + [Role.TEXT]
    plan = preview.plan
    first = preview.layout.labels_line + 1
    assert plan.drafts == [first + 2]  # SID 103 is a draft
    assert plan.unknown_code == [first + 3] and plan.without_code == [first + 4]
    assert service.confirm_import(preview) == 4
    assert attached(store) == {"101": k7q2.reference, "102": m3xp.reference, "104": "", "105": ""}
    figures = service.figures(*MARCH).to_json()
    assert figures["responses"] == 3  # SID 105 was submitted on 2 April
    welcome = figures["questions"]["Accueil par l'écoutant"]
    assert welcome == {
        "answered": 3,
        "counts": {
            "Pas du tout satisfait": 1,
            "Peu satisfait": 0,
            "Satisfait": 1,
            "Très satisfait": 1,
        },
        "satisfied": 2,
        "mean": 2.67,  # (1 + 3 + 4) / 3 on 1..4
        "scale_max": 4,
    }
    delay = figures["questions"]["Délai avant l'appel"]
    assert list(delay["counts"]) == [
        "Pas du tout satisfait",
        "Peu satisfait",
        "Moyennement satisfait",
        "Satisfait",
        "Très satisfait",
    ]
    assert (delay["mean"], delay["scale_max"]) == (3.0, 5)
    recommend = figures["questions"]["Recommanderiez-vous le point d'écoute ?"]
    assert (recommend["counts"]["10"], recommend["satisfied"], recommend["scale_max"]) == (1, 2, 11)
    options = [q for label, q in figures["questions"].items() if "oreille" in str(q["counts"])]
    assert options[0]["counts"] == {
        "Bouche à oreille": 1,
        "Revue de l'association": 2,
        "Site de l'association": 1,
    }
    assert service.confirm_import(service.preview(DATA / name)) == 0  # re-import adds nothing
    assert len(attached(store)) == 4


@pytest.mark.parametrize(
    ("name", "how"),
    [
        ("fr-point-virgule.csv", "texte délimité (point-virgule), UTF-8"),
        (
            "fr-point-virgule-cp1252-titres-seuls.csv",
            "texte délimité (point-virgule), Windows-1252",
        ),
        ("fr-barre-verticale-bom.csv", "texte délimité (barre verticale), UTF-8 (BOM)"),
    ],
)
def test_french_downloads(store: Store, name: str, how: str) -> None:
    k7q2, m3xp = coded_cases(store, "K7Q2", "M3XP")
    service = Services(store).satisfaction
    preview = service.preview(DATA / name)
    assert (preview.how, preview.layout.language) == (how, "fr")
    scales = {c.label: c.scale for c in preview.mapping.columns if c.role is Role.RATING}
    assert scales == {
        "Êtes-vous satisfait de l'écoute ?": "4-niveaux",
        "Êtes-vous satisfait de l'orientation proposée ?": "5-niveaux-neutre",
    }
    assert [c.label for c in preview.mapping.columns if c.role is Role.TEXT] == ["Commentaire"]
    assert service.confirm_import(preview) == 3  # the draft is skipped
    assert attached(store) == {"201": k7q2.reference, "202": m3xp.reference, "204": ""}
    question = service.figures(*MARCH).questions["Êtes-vous satisfait de l'orientation proposée ?"]
    assert question.counts["Ni satisfait ni insatisfait"] == 1 and question.mean == 3.0


def test_xlsx_download(store: Store, tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    import csv

    (k7q2,) = coded_cases(store, "K7Q2")
    with (DATA / "fr-point-virgule.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append([int(c) if c.isdigit() and len(c) < 4 else c for c in row])
    sheet.cell(4, 3).value = datetime(2026, 3, 3, 14, 0)  # a date cell, as Excel keeps it
    path = tmp_path / "reponses.xlsx"
    book.save(path)
    service = Services(store).satisfaction
    preview = service.preview(path)
    assert preview.how == "Excel (.xlsx)" and preview.layout.header_rows == 3
    assert service.confirm_import(preview) == 3
    assert attached(store)["201"] == k7q2.reference
    with store.db.read() as conn:
        (submitted,) = conn.execute(
            "SELECT submitted_at FROM satisfaction_responses WHERE sid = '201'"
        ).fetchone()
    assert submitted.startswith("2026-03-03T13:00")  # 14:00 Paris time is 13:00 UTC


def test_answer_outside_the_scale_imports_nothing(store: Store, tmp_path: Path) -> None:
    service = Services(store).satisfaction
    service.confirm_import(service.preview(DATA / "fr-point-virgule.csv"))  # mapping confirmed
    with store.db.write() as conn:  # forget the responses, keep the remembered mapping
        conn.execute("DELETE FROM satisfaction_responses")
    preview = service.preview(DATA / "fr-reponse-hors-echelle.csv")
    assert preview.remembered
    assert [str(e) for e in preview.plan.errors] == [
        "ligne 5, colonne 11 « Êtes-vous satisfait de l'écoute ? » : réponse hors de l'échelle"
        " « 4 niveaux (Pas du tout … Très satisfait) » (attendu : « Pas du tout satisfait »,"
        " « Peu satisfait », « Satisfait », « Très satisfait »)"
    ]
    with pytest.raises(ValueError):
        service.confirm_import(preview)
    assert attached(store) == {}


def test_malformed_files_are_refused_with_their_line(store: Store, tmp_path: Path) -> None:
    service = Services(store).satisfaction
    text = (DATA / "fr-point-virgule.csv").read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    broken = tmp_path / "guillemet.csv"
    broken.write_text("".join(lines[:4]) + lines[4].replace('"Satisfait"', '"Satisfait'), "utf-8")
    with pytest.raises(ImportFileError, match=r"ligne 5 : texte délimité mal formé"):
        service.preview(broken)
    bad_date = tmp_path / "date.csv"
    bad_date.write_text(text.replace('"03/09/2026 - 11:30"', '"9 mars"', 1), "utf-8")
    errors = [str(e) for e in service.preview(bad_date).plan.errors]
    assert errors == [
        "ligne 5, colonne 3 « Date de soumission » : date illisible (attendu MM/JJ/AAAA - HH:MM,"
        " comme Framaforms l'écrit)"
    ]
    not_framaforms = tmp_path / "autre.csv"
    not_framaforms.write_text("reference;satisfaction\n2026-0001;5\n", "utf-8")
    with pytest.raises(ImportFileError, match="colonnes « SID » et « Submitted Time »"):
        service.preview(not_framaforms)
    assert attached(store) == {}


def test_codes_are_random_unique_and_readable(store: Store) -> None:
    cases = [store.cases.create(Case("", RECEIVED, Member(f"N{i}"))) for i in range(40)]
    codes = [store.satisfaction.code_of(c.id) for c in cases]
    assert len(set(codes)) == 40
    assert all(len(code) == 4 and not set(code) & set("0O1lI") for code in codes)
    assert all(code not in case.reference for code, case in zip(codes, cases, strict=True))


# ---- command line ------------------------------------------------------------


def _run(monkeypatch, capsys, *argv: str) -> tuple[int, str, str]:
    monkeypatch.setenv("ECOUTE_PASSPHRASE", PASSPHRASE)
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_imports_with_the_detection(monkeypatch, capsys, db_path: Path, tmp_path) -> None:
    with Store.create(db_path, PASSPHRASE) as store:
        coded_cases(store, "K7Q2")
    file = tmp_path / "reponses.tsv"
    shutil.copy(DATA / "defaut-tabulation-en.tsv", file)
    db = str(db_path)
    code, out, err = _run(
        monkeypatch, capsys, "--db", db, "import-satisfaction", str(file), "--dry-run"
    )
    assert (code, out) == (
        0,
        f"{file} : fichier valide, 4 réponses à enregistrer (rien n'a été écrit).\n",
    )
    assert "correspondance détectée" in err and f"{file} : brouillons ignorés (lignes 6)." in err
    code, out, _ = _run(monkeypatch, capsys, "--db", db, "import-satisfaction", str(file))
    assert (code, out) == (
        0,
        f"{file} : 4 réponses enregistrées (dont 1 rattachée(s) à une sollicitation).\n",
    )
    code, out, err = _run(monkeypatch, capsys, "--db", db, "import-satisfaction", str(file))
    assert out == f"{file} : 0 réponse enregistrée (dont 0 rattachée(s) à une sollicitation).\n"
    assert "déjà importées, ignorées (lignes 4, 5, 7, 8)" in err
    bad = tmp_path / "hors.csv"
    shutil.copy(DATA / "fr-reponse-hors-echelle.csv", bad)
    code, out, err = _run(monkeypatch, capsys, "--db", db, "import-satisfaction", str(bad))
    assert code == 0  # detection alone: the odd column is read as free text, not refused
    code, _, err = _run(monkeypatch, capsys, "--db", db, "import-satisfaction", str(tmp_path / "x"))
    assert code == 1 and "fichier introuvable" in err
    with Store.open(db_path, PASSPHRASE) as store:
        assert store.satisfaction.response_count() == 7


def test_a_mapping_without_code_column_imports_every_response_unattached(store: Store) -> None:
    """The user sets the code column to « ignorée »: the check still runs (it used to add
    None to a column number), and every response counts without a case."""
    service = Services(store).satisfaction
    preview = service.preview(DATA / "fr-point-virgule.csv")
    mapping = copy.deepcopy(preview.mapping)
    mapping.set_code(None)
    assert mapping.code_index is None
    checked = service.with_mapping(preview, mapping)
    assert checked.plan.ok
    assert checked.plan.responses
    assert len(checked.plan.without_code) == len(checked.plan.responses)
    assert all(r.case_id is None for r in checked.plan.responses)
