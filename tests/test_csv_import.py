"""Importing the old spreadsheet: the CSV contract, every row checked, all rows or none.

Pins: both separators, BOM, Windows-1252, every date format in Paris time, theme and
orientation matching without case or accents, cases consistent with their status (with
their history), bad rows all reported by physical line and column with nothing imported,
and re-importing the same file without duplicates.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ecoute_desktop.domain.models import AppointmentStatus
from ecoute_desktop.domain.workflow import DropReason, Status
from ecoute_desktop.services.csv_import import (
    ImportFileError,
    apply_import,
    parse_cases_csv,
)
from ecoute_desktop.store import Store
from tests.csv_import_helpers import NOW, member, write_csv


def _import(store: Store, path: Path):
    plan = parse_cases_csv(path, store, now=NOW)
    assert plan.ok, [str(e) for e in plan.errors]
    return apply_import(store, plan)


def _errors(store: Store, path: Path) -> list[str]:
    plan = parse_cases_csv(path, store, now=NOW)
    assert not plan.ok
    assert plan.cases == []
    return [str(error) for error in plan.errors]


FULL_ROW = member(
    reference="2025-0007",
    urgent="oui",
    thematiques="Relationnel/Élus|Carrière",
    orientations="CNFPT|Niveau national AITF",
    date_accuse_reception="04/02/2025 10:00",
    date_rdv="10/02/2025 14:00",
    statut="clôturée",
    date_questionnaire="12/02/2025 18:30",
    notes="Échange apaisé ; rappel convenu.\nDeuxième ligne de la note.",
)


@pytest.mark.parametrize("separator", [";", ","])
def test_a_full_row_becomes_a_closed_case_with_its_history(
    store: Store, tmp_path: Path, separator: str
) -> None:
    row = dict(FULL_ROW, collectivite="Commune de Fictiville, Haute-Fiction")
    path = write_csv(tmp_path / "tableur.csv", [row], separator=separator)
    result = _import(store, path)
    assert result.imported == ["2025-A-007"]  # the old form renumbered, keeping its number
    case = store.cases.get_by_reference("2025-0007")
    assert (case.reference, case.former_reference) == ("2025-A-007", "2025-0007")
    assert case.member.nom == "Testelin1"
    assert case.member.collectivite == "Commune de Fictiville, Haute-Fiction"
    assert case.member.telephone == "06 39 98 01 07"
    assert case.urgent is True
    assert case.status is Status.CLOSED
    # Paris winter time is UTC+1.
    assert case.received_at == datetime(2025, 2, 3, 8, 15, tzinfo=UTC)
    assert case.acknowledged_at == datetime(2025, 2, 4, 9, 0, tzinfo=UTC)
    assert case.call_held_at == datetime(2025, 2, 10, 13, 0, tzinfo=UTC)
    assert case.questionnaire_sent_at == case.closed_at == datetime(2025, 2, 12, 17, 30, tzinfo=UTC)
    assert [t.path for t in case.themes] == ["Relationnel/Élus", "Carrière"]
    assert {o.target.label for o in case.orientations} == {"CNFPT", "Niveau national AITF"}
    assert case.referred_nationally
    (appointment,) = case.appointments
    assert appointment.starts_at == datetime(2025, 2, 10, 13, 0, tzinfo=UTC)
    assert appointment.ends_at - appointment.starts_at == timedelta(minutes=45)
    assert appointment.status is AppointmentStatus.BOOKED
    assert appointment.uid and appointment.hotliner_id is None
    (event,) = case.events
    assert (event.from_status, event.to_status, event.comment) == (
        Status.RECEIVED,
        Status.CLOSED,
        "import",
    )
    (note,) = case.notes
    assert note.body == "Échange apaisé ; rappel convenu.\nDeuxième ligne de la note."


def test_utf8_bom_and_windows_1252_files_read_with_their_accents(
    store: Store, tmp_path: Path
) -> None:
    rows = [member(1, nom="Hérault-Çà", thematiques="Carrière/Mobilité", statut="reçue")]
    bom = write_csv(tmp_path / "bom.csv", rows, bom=True)
    ansi = write_csv(
        tmp_path / "ansi.csv", [dict(rows[0], reference="2024-0001")], encoding="cp1252"
    )
    _import(store, bom)
    _import(store, ansi)
    cases = store.cases.all()
    assert [c.member.nom for c in cases] == ["Hérault-Çà", "Hérault-Çà"]
    assert all([t.path for t in c.themes] == ["Carrière/Mobilité"] for c in cases)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03/02/2025", datetime(2025, 2, 2, 23, 0, tzinfo=UTC)),
        ("3/2/2025", datetime(2025, 2, 2, 23, 0, tzinfo=UTC)),
        ("03/02/2025 09:15", datetime(2025, 2, 3, 8, 15, tzinfo=UTC)),
        ("15/07/2025 10:00", datetime(2025, 7, 15, 8, 0, tzinfo=UTC)),  # summer: UTC+2
        ("2025-02-03", datetime(2025, 2, 2, 23, 0, tzinfo=UTC)),
        ("2025-02-03T09:15", datetime(2025, 2, 3, 8, 15, tzinfo=UTC)),
        ("2025-02-03 09:15:30", datetime(2025, 2, 3, 8, 15, 30, tzinfo=UTC)),
        ("2025-02-03T09:15:00+01:00", datetime(2025, 2, 3, 8, 15, tzinfo=UTC)),
        ("2025-02-03T08:15:00Z", datetime(2025, 2, 3, 8, 15, tzinfo=UTC)),
    ],
)
def test_every_date_format_is_read_in_paris_time(
    store: Store, tmp_path: Path, text: str, expected: datetime
) -> None:
    path = write_csv(tmp_path / "dates.csv", [member(date_reception=text)])
    _import(store, path)
    (case,) = store.cases.all()
    assert case.received_at == expected


def test_themes_and_orientations_match_without_case_accents_or_spaces(
    store: Store, tmp_path: Path
) -> None:
    cells = {
        "thematiques": "relationnel/ELUS | CARRIERE / mobilite|juridique|Hiérarchique",
        "orientations": "medecine de prevention et psychologue du travail|cnfpt",
    }
    _import(store, write_csv(tmp_path / "t.csv", [member(**cells)]))
    (case,) = store.cases.all()
    assert [t.path for t in case.themes] == [
        "Relationnel/Élus",
        "Management/Hiérarchique",  # a sub-theme alone is accepted when unambiguous
        "Carrière/Mobilité",
        "Juridique",
    ]
    labels = [o.target.label for o in case.orientations]
    assert sorted(labels) == ["CNFPT", "Médecine de prévention et psychologue du travail"]


def test_an_unknown_theme_is_reported_with_its_physical_line(store: Store, tmp_path: Path) -> None:
    rows = [
        member(1, notes="Une note\nsur deux lignes"),  # lines 2 and 3 of the file
        member(2, thematiques="Relationnel/Voisins"),  # line 4
        member(3, thematiques="Astronomie"),  # line 5
    ]
    errors = _errors(store, write_csv(tmp_path / "themes.csv", rows))
    assert errors[0].startswith("ligne 4, colonne thematiques : sous-thème « Voisins » inconnu")
    assert errors[1].startswith("ligne 5, colonne thematiques : thème inconnu « Astronomie »")
    assert len(errors) == 2


def test_every_bad_row_is_reported_together_and_nothing_is_imported(
    store: Store, tmp_path: Path
) -> None:
    _import(store, write_csv(tmp_path / "first.csv", [member(reference="2025-0001")]))
    rows = [
        member(1),  # line 2: fine
        member(2, date_reception="31/02/2025"),  # line 3
        member(3, nom=""),  # line 4
        member(4, orientations="Cabinet d'avocats"),  # line 5
        member(5, urgent="peut-être"),  # line 6
        member(6),  # line 7: fine
        member(7, date_accuse_reception="01/02/2025 10:00"),  # line 8: before receipt
        member(8, statut="en cours"),  # line 9
        member(9, reference="2025-0012"),  # line 10
        member(10, reference="2025-12"),  # line 11: same reference as line 10
        member(11, email="pas une adresse"),  # line 12
    ]
    plan = parse_cases_csv(write_csv(tmp_path / "bad.csv", rows), store, now=NOW)
    assert plan.bad_lines == [3, 4, 5, 6, 8, 9, 11, 12]
    where = [(e.line, e.column) for e in plan.errors]
    assert where == [
        (3, "date_reception"),
        (4, "nom"),
        (5, "orientations"),
        (6, "urgent"),
        (8, "date_accuse_reception"),
        (9, "statut"),
        (11, "reference"),
        (12, "email"),
    ]
    assert "31/02/2025" in str(plan.errors[0])
    assert "2025-0012 déjà donnée ligne 10" in str(plan.errors[6])
    with pytest.raises(ValueError):
        apply_import(store, plan)
    assert store.cases.count() == 1


def test_error_messages_never_repeat_the_members_details(store: Store, tmp_path: Path) -> None:
    row = member(
        7,
        nom="Secretnom",
        prenom="Secretprenom",
        email="secret-sans-arobase",
        urgent="bof",
        date_reception="hier",
        notes="Confidences",
    )
    text = "\n".join(_errors(store, write_csv(tmp_path / "p.csv", [row])))
    for private in ("Secretnom", "Secretprenom", "secret-sans-arobase", "06 39 98", "Confidences"):
        assert private not in text


def test_the_status_must_agree_with_the_step_dates(store: Store, tmp_path: Path) -> None:
    rows = [
        member(1, statut="reçue", date_accuse_reception="04/02/2025"),  # line 2
        member(2, statut="clôturée", date_rdv="10/02/2025 14:00"),  # 3: no questionnaire date
        member(3, statut="rdv fixé"),  # 4: no appointment date
        member(4, date_rdv="10/02/2025 14:00", date_questionnaire="09/02/2025"),  # 5
        member(5, date_reception="01/03/2026 10:00"),  # 6: received in the future
        member(6, statut="appel effectué", date_rdv="20/01/2026 10:00"),  # 7: call to come
        member(7, statut="rdv fixé", date_rdv="20/01/2026"),  # 8: future call without time
        member(8, statut="sans suite", date_questionnaire="12/02/2025"),  # 9
    ]
    plan = parse_cases_csv(write_csv(tmp_path / "s.csv", rows), store, now=NOW)
    assert [(e.line, e.column) for e in plan.errors] == [
        (2, "statut"),
        (3, "date_questionnaire"),
        (4, "date_rdv"),
        (5, "date_questionnaire"),
        (6, "date_reception"),
        (7, "date_rdv"),
        (8, "date_rdv"),
        (9, "statut"),
    ]
    assert "questionnaire envoyé avant le rendez-vous" in str(plan.errors[3])
    assert store.cases.count() == 0


def test_missing_status_follows_the_dates_and_dropped_cases_keep_their_reason(
    store: Store, tmp_path: Path
) -> None:
    rows = [
        member(1, reference="2025-0001", date_accuse_reception="03/02/2025"),
        member(2, reference="2025-0002", date_rdv="20/01/2026 10:00"),
        member(3, reference="2025-0003", statut="Sans suite (injoignable)"),
        member(4, reference="2025-0004", statut="SANS SUITE"),
    ]
    _import(store, write_csv(tmp_path / "infer.csv", rows))
    cases = {c.former_reference: c for c in store.cases.all()}
    first = cases["2025-0001"]
    assert first.status is Status.ACKNOWLEDGED
    # A date without time on the day of receipt does not go back before the receipt.
    assert first.acknowledged_at == first.received_at
    assert cases["2025-0002"].status is Status.SCHEDULED
    assert cases["2025-0002"].appointments[0].starts_at == datetime(2026, 1, 20, 9, tzinfo=UTC)
    assert cases["2025-0003"].drop_reason is DropReason.UNREACHABLE
    assert cases["2025-0004"].drop_reason is DropReason.UNSPECIFIED  # « non précisé »
    assert cases["2025-0004"].events[0].to_status is Status.DROPPED


def test_reimporting_the_same_file_creates_no_duplicates(store: Store, tmp_path: Path) -> None:
    rows = [
        member(1, reference="2025-0001"),
        member(2, reference="2025-0002"),
        member(3),  # no reference: recognised by receipt time and name
    ]
    path = write_csv(tmp_path / "again.csv", rows)
    first = _import(store, path)
    assert len(first.imported) == 3
    second = _import(store, path)
    assert second.imported == []
    assert [line for line, _ in second.already_present] == [2, 3, 4]
    assert store.cases.count() == 3


def test_rows_without_reference_get_the_next_number_of_their_year(
    store: Store, tmp_path: Path
) -> None:
    rows = [
        member(1, date_reception="05/03/2025 10:00"),
        member(2, reference="2025-0041"),
        member(3, date_reception="20/12/2024 16:00"),
        member(4, date_reception="04/03/2025 10:00"),
    ]
    result = _import(store, write_csv(tmp_path / "numbers.csv", rows))
    assert result.imported == ["2025-A-041", "2024-A-001", "2025-A-042", "2025-A-043"]
    by_name = {c.member.nom: c.reference for c in store.cases.all()}
    # Numbers follow the order of receipt within a year.
    assert by_name["Testelin4"] == "2025-A-042"
    assert by_name["Testelin1"] == "2025-A-043"


def test_header_problems_are_reported_on_line_one(store: Store, tmp_path: Path) -> None:
    columns = ["Référence", "Date réception", "commentaire", "prenom", "Prénom"]
    errors = _errors(store, write_csv(tmp_path / "h.csv", [member()], columns=columns))
    assert errors[0].startswith("ligne 1, colonne commentaire : colonne inconnue")
    assert "ligne 1, colonne Prénom : colonne en double" in errors
    assert "ligne 1, colonne nom : colonne obligatoire absente de l'en-tête" in errors


def test_only_date_and_name_are_required(store: Store, tmp_path: Path) -> None:
    row = {"nom": "Testelin", "date_reception": "03/02/2025"}
    path = write_csv(tmp_path / "min.csv", [row, {}], columns=["nom", "date_reception"])
    _import(store, path)
    (case,) = store.cases.all()
    assert (case.status, case.urgent, case.events) == (Status.RECEIVED, False, [])


def test_a_row_with_more_values_than_columns_is_refused(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "shift.csv"
    path.write_text("nom;date_reception\nTestelin;03/02/2025;en trop\n", encoding="utf-8")
    assert _errors(store, path) == [
        "ligne 2 : 3 valeurs pour 2 colonnes d'en-tête (séparateur dans une valeur sans"
        " guillemets ?)"
    ]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (None, "fichier introuvable"),
        (b"", "fichier vide"),
        (b"nom;date_reception\n\x81\x8d\x8f;\xff\xfe\n", "encodage non reconnu"),
        (b'nom;date_reception\n"Testelin;03/02/2025\n', "CSV mal formé"),
    ],
)
def test_a_file_that_cannot_be_read_names_itself(
    store: Store, tmp_path: Path, content: bytes | None, reason: str
) -> None:
    path = tmp_path / "tableur.csv"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ImportFileError) as caught:
        parse_cases_csv(path, store, now=NOW)
    assert str(caught.value).startswith(str(path))
    assert reason in str(caught.value)
