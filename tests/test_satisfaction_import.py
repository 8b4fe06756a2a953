"""Importing the satisfaction questionnaire's answers (Framaforms CSV) and editing the score.

Pins: the reference and satisfaction columns are found by their titles (case and accents
ignored, also below a title row); scores given as digits or French labels land on the right
cases; `;`/`,`, UTF-8 with BOM and Windows-1252 files read alike; one bad line (unknown
reference, unreadable answer, conflicting duplicate) and nothing is written, every problem
listed with its line; rows without reference or answer are skipped and reported; the CLI
exit codes (0, 1, 2, 3); the store can set and clear one case's score; the monthly report
figures then count the imported answers.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from ecoute_desktop.cli import main
from ecoute_desktop.domain.models import Case, Member
from ecoute_desktop.services.csv_import import ImportFileError, read_csv
from ecoute_desktop.services.satisfaction_import import (
    apply_satisfaction,
    parse_score,
    plan_satisfaction,
    read_satisfaction_csv,
)
from ecoute_desktop.store import Store
from tests.conftest import PASSPHRASE

RECEIVED = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def _cases(store: Store, count: int = 3) -> list[str]:
    refs = []
    for number in range(count):
        case = store.cases.create(Case("", RECEIVED, Member(f"Nomfictif{number}", "Alix")))
        refs.append(case.reference)
    return refs


def _scores(store: Store) -> dict[str, int | None]:
    return {c.reference: c.satisfaction for c in store.cases.all()}


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_digits_and_french_labels_land_on_the_right_cases(store: Store, tmp_path: Path) -> None:
    refs = _cases(store, 4)
    csv = _write(
        tmp_path / "reponses.csv",
        "\ufeffN° de soumission;Date;Référence;"
        "Êtes-vous SATISFAIT ? (Satisfaction globale);Remarque\n"
        f"1;02/04/2026;{refs[0]};Très satisfaite;merci\n"
        f"2;03/04/2026;{refs[1]};2;\n"
        f"3;03/04/2026;{refs[2]};Pas du tout satisfait(e);\n"
        f"4;04/04/2026;{refs[3]};Moyennement;\n",
    )
    plan = read_satisfaction_csv(csv, store)
    assert plan.ok, plan.errors
    assert apply_satisfaction(store, plan) == 4
    assert _scores(store) == {refs[0]: 5, refs[1]: 2, refs[2]: 1, refs[3]: 3}


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("5", 5),
        ("4/5", 4),
        ("3 - Moyennement", 3),
        ("Satisfait(e)", 4),
        ("satisfaite", 4),
        ("TRÈS SATISFAIT(E)", 5),
        ("Peu satisfaite", 2),
        ("", None),
    ],
)
def test_answers_read_as_scores(text: str, score: int | None) -> None:
    assert parse_score(text) == score


@pytest.mark.parametrize("text", ["6", "0", "bof", "3,5", "Très"])
def test_other_answers_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="réponse non reconnue"):
        parse_score(text)


def test_comma_separated_windows_1252_with_a_title_row(store: Store, tmp_path: Path) -> None:
    refs = _cases(store, 2)
    csv = _write(
        tmp_path / "framaforms.csv",
        "Questionnaire de satisfaction,,\n"
        "Envoyé le,reference,Satisfaction\n"
        f"02/04/2026,{refs[0]},Satisfait\n"
        f"02/04/2026,{refs[1]},Très satisfait\n",
        encoding="cp1252",
    )
    plan = read_satisfaction_csv(csv, store)
    assert plan.ok, plan.errors
    apply_satisfaction(store, plan)
    assert _scores(store) == {refs[0]: 4, refs[1]: 5}


def test_one_bad_line_and_nothing_is_written(store: Store, tmp_path: Path) -> None:
    refs = _cases(store, 2)
    store.cases.update_details(store.cases.get_by_reference(refs[1]).id, satisfaction=3)
    csv = _write(
        tmp_path / "r.csv",
        "reference;satisfaction\n"
        f"{refs[0]};5\n"  # line 2: fine
        "2026-0999;4\n"  # line 3: unknown
        f"{refs[1]};bof\n"  # line 4: unreadable
        "pas une ref;4\n"  # line 5: invalid reference
        f"{refs[0]};1\n",  # line 6: conflicts with line 2
    )
    plan = plan_satisfaction(read_csv(csv), store)
    assert [str(e) for e in plan.errors] == [
        "ligne 3, colonne reference : aucune sollicitation 2026-0999 dans cette base",
        "ligne 4, colonne satisfaction : réponse non reconnue (attendu une note de 1 à 5 ou"
        " « Très satisfait(e) », « Satisfait(e) », « Moyennement », « Peu satisfait(e) »,"
        " « Pas du tout satisfait(e) »)",
        "ligne 5, colonne reference : référence invalide (attendu AAAA-L-NNN, par ex."
        " 2026-A-042 (ou l'ancienne forme 2026-0042))",
        "ligne 6, colonne satisfaction : la sollicitation "
        f"{refs[0]} a déjà une autre réponse ligne 2 ; supprimez l'une des deux",
    ]
    with pytest.raises(ValueError):
        apply_satisfaction(store, plan)
    assert _scores(store) == {refs[0]: None, refs[1]: 3}


def test_rows_without_reference_or_answer_are_skipped_and_named(
    store: Store, tmp_path: Path
) -> None:
    refs = _cases(store, 2)
    csv = _write(
        tmp_path / "r.csv",
        f"reference;satisfaction\n{refs[0]};4\n;5\n\n{refs[1]};\n{refs[0]};4\n",
    )
    plan = plan_satisfaction(read_csv(csv), store)
    assert plan.ok
    assert (plan.without_reference, plan.without_answer) == ([3], [5])
    assert plan.scores == {refs[0]: 4}


def test_missing_columns_are_named(store: Store, tmp_path: Path) -> None:
    csv = _write(tmp_path / "r.csv", "nom;note\nX;4\n")
    with pytest.raises(ImportFileError, match="colonne « reference »"):
        read_satisfaction_csv(csv, store)
    two = _write(tmp_path / "d.csv", "reference;Satisfaction;Commentaire satisfaction\n")
    with pytest.raises(ImportFileError, match="plusieurs colonnes"):
        read_satisfaction_csv(two, store)


def test_a_score_can_be_set_and_cleared(store: Store) -> None:
    (ref,) = _cases(store, 1)
    case_id = store.cases.get_by_reference(ref).id
    store.cases.update_details(case_id, satisfaction=4)
    store.cases.update_details(case_id, urgent=True)  # None leaves the score alone
    assert store.cases.get(case_id).satisfaction == 4
    store.cases.update_details(case_id, clear_satisfaction=True)
    assert store.cases.get(case_id).satisfaction is None
    with pytest.raises(ValueError):
        store.cases.update_details(case_id, satisfaction=7)


def test_imported_answers_reach_the_report_figures(store: Store, tmp_path: Path) -> None:
    from ecoute_desktop.services.reports.data import monthly_report

    refs = _cases(store, 3)
    csv = _write(tmp_path / "r.csv", f"reference;satisfaction\n{refs[0]};5\n{refs[1]};3\n")
    apply_satisfaction(store, read_satisfaction_csv(csv, store))
    satisfaction = monthly_report(store, "2026-03").figures.satisfaction
    assert (satisfaction.answers, satisfaction.counts[5], satisfaction.counts[3]) == (2, 1, 1)


# ---- command line ------------------------------------------------------------


def _run(monkeypatch, capsys, *argv: str, passphrase: str = PASSPHRASE) -> tuple[int, str, str]:
    monkeypatch.setenv("ECOUTE_PASSPHRASE", passphrase)
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_imports_and_reports(monkeypatch, capsys, db_path: Path, tmp_path: Path) -> None:
    with Store.create(db_path, PASSPHRASE) as store:
        refs = _cases(store, 2)
    csv = _write(tmp_path / "r.csv", f"reference;satisfaction\n{refs[0]};5\n;4\n{refs[1]};4\n")
    db = str(db_path)
    code, out, err = _run(monkeypatch, capsys, "--db", db, "import-satisfaction", str(csv))
    assert code == 0
    assert out == f"{csv} : satisfaction enregistrée pour 2 sollicitations.\n"
    assert err == f"{csv} : réponses sans référence ignorées (lignes 3).\n"
    with Store.open(db_path, PASSPHRASE) as store:
        assert _scores(store) == {refs[0]: 5, refs[1]: 4}


def test_cli_exit_codes(monkeypatch, capsys, db_path: Path, tmp_path: Path) -> None:
    with Store.create(db_path, PASSPHRASE) as store:
        (ref,) = _cases(store, 1)
    db = str(db_path)
    bad = _write(tmp_path / "bad.csv", f"reference;satisfaction\n{ref};4\n2026-0777;2\n")
    code, out, err = _run(monkeypatch, capsys, "--db", db, "import-satisfaction", str(bad))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"ecoute : {bad} : 1 erreur, aucune réponse enregistrée :",
        f"{bad} : ligne 3, colonne reference : aucune sollicitation 2026-0777 dans cette base",
    ]
    missing = tmp_path / "absent.csv"
    code, _, err = _run(monkeypatch, capsys, "--db", db, "import-satisfaction", str(missing))
    assert code == 1 and "fichier introuvable" in err
    code, _, _ = _run(monkeypatch, capsys, "--db", db, "import-satisfaction")
    assert code == 2
    good = _write(tmp_path / "good.csv", f"reference;satisfaction\n{ref};4\n")
    code, _, _ = _run(
        monkeypatch, capsys, "--db", db, "import-satisfaction", str(good), passphrase="faux"
    )
    assert code == 3
    with Store.open(db_path, PASSPHRASE) as store:
        assert _scores(store) == {ref: None}
