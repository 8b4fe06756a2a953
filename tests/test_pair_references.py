"""References are unique across the pair, and an old reference still finds its case.

Pins: the two laptops of a pair, each knowing both names, draw different letters and never
number a case alike; the letter chosen in Paramètres is used for new cases; upgrading a
database renumbers « 2025-0007 » to « 2025-B-007 » and keeps the old reference findable by
the search, by reference and by the questionnaire import, which never files an answer
under another case.
"""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from ecoute_desktop.domain.models import Case, Hotliner, Member
from ecoute_desktop.domain.references import default_letter, normalise
from ecoute_desktop.services.app import Services
from ecoute_desktop.services.first_steps import reference_letter, save_report_identity
from ecoute_desktop.store import Store
from tests.data.make_fixtures import FIXTURE_PASSPHRASE, fixture_path

RECEIVED = datetime(2026, 3, 2, 9, tzinfo=UTC)


def _laptop(path: Path, me: tuple[str, str], partner: tuple[str, str]) -> Store:
    store = Store.create(path, "phrase de passe test")
    mine = store.people.save(Hotliner(me[0], me[1], is_self=True))
    theirs = store.people.save(Hotliner(partner[0], partner[1]))
    store.people.set_binome(mine, theirs)
    return store


def _new_cases(store: Store, count: int) -> list[str]:
    return [
        store.cases.create(Case("", RECEIVED, Member(f"Fictif{i}", "Test"))).reference
        for i in range(count)
    ]


def test_the_two_laptops_of_a_pair_never_share_a_reference(tmp_path: Path) -> None:
    morel, lenoir = ("Morel", "Jacqueline"), ("lenoir", "Alain")  # typed differently
    with _laptop(tmp_path / "a" / "ecoute.db", morel, lenoir) as one:
        first = _new_cases(one, 12)
    with _laptop(tmp_path / "b" / "ecoute.db", ("Lenoir", "Alain"), morel) as two:
        second = _new_cases(two, 12)
    assert first[0] == "2026-B-001" and second[0] == "2026-A-001"
    assert set(first).isdisjoint(second)
    assert len(set(first)) == len(set(second)) == 12


def test_the_letter_chosen_in_parametres_numbers_the_next_cases(store: Store) -> None:
    assert reference_letter(store) == "A"  # alone: A
    assert _new_cases(store, 1) == ["2026-A-001"]
    save_report_identity(store, None, "", "c")
    assert reference_letter(store) == "C"
    assert _new_cases(store, 2) == ["2026-C-001", "2026-C-002"]
    assert _new_cases(store, 0) == []
    assert normalise("2026-c-2") == "2026-C-002" and normalise("2026-0") is None
    assert default_letter(("Martin", "Zoé"), ("Martin", "Anne")) == "B"


def _upgraded(tmp_path: Path) -> Path:
    path = tmp_path / "v2" / "ecoute.db"
    path.parent.mkdir()
    shutil.copyfile(fixture_path(2), path)
    return path


def test_upgrade_renumbers_and_the_old_reference_still_finds_its_case(tmp_path: Path) -> None:
    with Store.open(_upgraded(tmp_path), FIXTURE_PASSPHRASE) as store:
        # The fixture's hotliner is Morel with partner Lenoir: Lenoir comes first, so « B ».
        held = store.cases.get_by_reference("2025-0007")
        assert held is not None
        assert (held.reference, held.former_reference) == ("2025-B-007", "2025-0007")
        assert store.cases.get_by_reference("2025-B-007").id == held.id
        assert store.search("2025-0007") == [held.id]
        assert store.search("2025-B-007") == [held.id]
        assert reference_letter(store) == "B"
        # New cases follow in the new form, after the renumbered ones of their year.
        late = store.cases.create(
            Case("", datetime(2025, 12, 1, 9, tzinfo=UTC), Member("Fictif", "Test"))
        )
        assert late.reference == "2025-B-009"
        # The upgrade drew this database's export identity.
        assert len(store.identity.get().hotliner_id) == 32


def test_questionnaire_answers_by_old_reference_go_to_that_case_only(tmp_path: Path) -> None:
    """Links sent before the upgrade carried the old reference in the code field."""
    fixed = (
        '"N°";"SID";"Date de soumission";"Brouillon";"Code";"Êtes-vous satisfait de l\'écoute ?"'
    )
    rows = [
        '"1";"301";"03/03/2026 - 14:00";"0";"2025-0007";"Très satisfait"',
        '"2";"302";"03/04/2026 - 14:00";"0";"2025-B-008";"Satisfait"',
        '"3";"303";"03/05/2026 - 14:00";"0";"2025-A-007";"Peu satisfait"',
    ]
    csv = tmp_path / "framaforms.csv"
    csv.write_text("\r\n".join([fixed, *rows]) + "\r\n", "utf-8")
    with Store.open(_upgraded(tmp_path), FIXTURE_PASSPHRASE) as store:
        service = Services(store).satisfaction
        preview = service.preview(csv)
        assert preview.plan.ok
        assert service.confirm_import(preview) == 3
        with store.db.read() as conn:
            attached = dict(
                conn.execute(
                    "SELECT r.sid, c.reference FROM satisfaction_responses r"
                    " LEFT JOIN cases c ON c.id = r.case_id"
                )
            )
    # « 2025-0007 » is this laptop's old reference; « 2025-A-007 » is the partner's case:
    # it still counts, but is never filed under this laptop's 2025-B-007.
    assert attached == {"301": "2025-B-007", "302": "2025-B-008", "303": None}
