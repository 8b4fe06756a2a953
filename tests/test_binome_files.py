"""The `.ecoute-binome` file and `ecoute pair`: what a refused file leaves, what repeats do.

A tampered, truncated or foreign file is refused (exit 1, French message) and the base is
unchanged byte for byte; a wrong database passphrase exits 3; the same file twice and an
older file after a newer one change nothing; an erased member stays erased after an old
file; a kill -9 during an import leaves the base as before or fully merged.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ecoute_desktop.domain.models import Case, Member
from ecoute_desktop.services.app import Services
from ecoute_desktop.store import Store
from tests.binome_support import PHRASE, RAW_KEY, dump, exchange, pair_of, store_of
from tests.cli_support import digest
from tests.kill_points import run_child, spread

ROOT = Path(__file__).resolve().parent.parent


def _ecoute(*args: str, passphrase: str = RAW_KEY, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "ECOUTE_PASSPHRASE": passphrase, **env}
    return subprocess.run(
        [sys.executable, "-m", "ecoute_desktop", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _new_case(services: Services, nom: str, note: str = "") -> int:
    member = Member(nom, "Alex", "DGS", "Commune fictive", "0611223344", "alex@example.org")
    case = services.cases.create(Case("", datetime(2026, 3, 2, 9, tzinfo=UTC), member))
    assert case.id is not None
    if note:
        services.notes.save(case.id, note)
    return case.id


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Services, Services]:
    martine, jean = pair_of(tmp_path)
    yield martine, jean
    for services in (martine, jean):
        store_of(services).close()


def _other_pair_phrase() -> str:
    from ecoute_desktop.services.binome.phrase import new_phrase

    return new_phrase()


def test_cli_links_exports_and_imports_with_a_french_summary(tmp_path: Path) -> None:
    for name in ("martine", "jean"):
        Store.create(tmp_path / f"{name}.db", RAW_KEY).close()
    martine, jean = str(tmp_path / "martine.db"), str(tmp_path / "jean.db")
    drawn = _ecoute("--db", martine, "pair", "link", "--new")
    assert drawn.returncode == 0, drawn.stderr
    phrase = drawn.stdout.splitlines()[-1]
    assert len(phrase.split()) == 9
    typed = phrase.upper().replace("É", "E")  # read over the phone: case and accents vary
    linked = _ecoute("--db", jean, "pair", "link", ECOUTE_PAIR_KEY=typed)
    assert linked.returncode == 0, linked.stderr
    with Store.open(Path(martine), RAW_KEY) as store:
        _new_case(Services(store), "Fictif", "Première note")
    exported = _ecoute("--db", martine, "pair", "export", "-o", str(tmp_path / "m.ecoute-binome"))
    assert exported.returncode == 0, exported.stderr
    taken = _ecoute("--db", jean, "pair", "import", str(tmp_path / "m.ecoute-binome"))
    assert taken.returncode == 0, taken.stderr
    assert taken.stdout.strip() == "1 nouvelle sollicitation, 1 note de votre binôme"
    again = _ecoute("--db", jean, "pair", "import", str(tmp_path / "m.ecoute-binome"))
    assert again.stdout.strip() == "Rien de nouveau de votre binôme"
    wrong = _ecoute(
        "--db", jean, "pair", "import", str(tmp_path / "m.ecoute-binome"), passphrase="pas la bonne"
    )
    assert wrong.returncode == 3
    mistyped = _ecoute("--db", jean, "pair", "link", ECOUTE_PAIR_KEY=" ".join(phrase.split()[:8]))
    assert mistyped.returncode == 1 and "9 mots" in mistyped.stderr


def test_refused_files_leave_the_base_unchanged_byte_for_byte(
    tmp_path: Path, pair: tuple[Services, Services]
) -> None:
    martine, jean = pair
    _new_case(martine, "Fictif", "Une note")
    good = tmp_path / "martine.ecoute-binome"
    martine.pair.export(good)
    outsider = Services(Store.create(tmp_path / "autre.db", RAW_KEY))
    outsider.pair.link(_other_pair_phrase())
    _new_case(outsider, "Étranger")
    foreign = tmp_path / "autre.ecoute-binome"
    outsider.pair.export(foreign)
    store_of(outsider).close()
    data = good.read_bytes()
    tampered = tmp_path / "modifie.ecoute-binome"
    tampered.write_bytes(data[:5000] + bytes([data[5000] ^ 0x20]) + data[5001:])
    truncated = tmp_path / "tronque.ecoute-binome"
    truncated.write_bytes(data[: len(data) // 2])
    jean_db = store_of(jean).path
    store_of(jean).close()
    before = digest(jean_db)
    for refused, words in (
        (tampered, "autre binôme, ou il a été abîmé"),
        (truncated, "autre binôme, ou il a été abîmé"),
        (foreign, "autre binôme"),
    ):
        result = _ecoute("--db", str(jean_db), "pair", "import", str(refused))
        assert result.returncode == 1, (refused.name, result.stdout)
        assert words in result.stderr and refused.name in result.stderr
        assert "Traceback" not in result.stderr
        assert digest(jean_db) == before, f"{refused.name} changed the base"
    accepted = _ecoute("--db", str(jean_db), "pair", "import", str(good))
    assert accepted.returncode == 0 and digest(jean_db) != before  # the check can fail


def test_same_file_twice_and_a_stale_file_change_nothing(
    tmp_path: Path, pair: tuple[Services, Services]
) -> None:
    martine, jean = pair
    case_id = _new_case(martine, "Fictif", "Note 1")
    old = tmp_path / "ancien.ecoute-binome"
    martine.pair.export(old)
    case = martine.cases.get(case_id)
    case.member.telephone = "0799887766"
    martine.cases.update_member(case_id, case.member)
    martine.notes.save(case_id, "Note 2")
    new = tmp_path / "nouveau.ecoute-binome"
    martine.pair.export(new)
    jean.pair.import_file(new)
    merged = dump(jean)
    assert jean.pair.import_file(new).summary == "Rien de nouveau de Martine Durand"
    assert dump(jean) == merged
    jean.pair.import_file(old)  # older, after the newer one
    assert dump(jean) == merged
    (received,) = [c for c in store_of(jean).cases.all(with_notes=True)]
    assert received.member.telephone == "0799887766"
    assert sorted(n.body for n in received.notes) == ["Note 1", "Note 2"]


def test_erased_member_stays_erased_after_an_old_file(
    tmp_path: Path, pair: tuple[Services, Services]
) -> None:
    martine, jean = pair
    case_id = _new_case(martine, "Fictif", "Ce que l'adhérent a dit")
    old = tmp_path / "avant.ecoute-binome"
    martine.pair.export(old)
    assert "1 nouvelle sollicitation" in jean.pair.import_file(old).summary
    martine.cases.erase_member(case_id)
    assert "1 effacement" in exchange(martine, jean, tmp_path, "effacement")
    for services in (jean, martine):
        services.pair.import_file(old) if services is jean else None
    jean_case = store_of(jean).cases.all(with_notes=True)[0]
    assert (jean_case.member.nom, jean_case.member.telephone, jean_case.notes) == ("", "", [])
    # Jean's own old file, from before he heard of the erasure, neither brings it back.
    exchange(jean, martine, tmp_path, "retour")
    martine_case = store_of(martine).cases.get(case_id)
    assert (martine_case.member.nom, martine_case.notes) == ("", [])
    assert store_of(jean).search("Fictif") == []


def test_concurrent_edits_converge_and_keep_the_loser(
    tmp_path: Path, pair: tuple[Services, Services]
) -> None:
    martine, jean = pair
    case_id = _new_case(martine, "Fictif")
    exchange(martine, jean, tmp_path, "debut")
    jean_id = store_of(jean).cases.all()[0].id
    assert jean_id is not None
    for services, cid, phone in ((martine, case_id, "0611111111"), (jean, jean_id, "0622222222")):
        case = services.cases.get(cid)
        case.member.telephone = phone
        services.cases.update_member(cid, case.member)
        services.cases.acknowledge(cid)  # both acknowledge: the case is acknowledged once
    exchange(martine, jean, tmp_path, "m")
    exchange(jean, martine, tmp_path, "j")
    assert dump(martine) == dump(jean)
    final = martine.cases.get(case_id)
    assert str(final.status) == "accusée"
    (line,) = [c for c in martine.pair.conflicts(case_id) if c.field == "member.telephone"]
    assert {line.value, final.member.telephone} == {"0611111111", "0622222222"}
    assert line.author_name in ("Martine Durand", "Jean Petit")
    assert [c.value for c in jean.pair.conflicts(jean_id)] == [
        c.value for c in martine.pair.conflicts(case_id)
    ]


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="kill -9 is POSIX")
def test_kill_during_import_leaves_the_base_before_or_fully_merged(tmp_path: Path) -> None:
    martine, jean = pair_of(tmp_path)
    for index in range(6):
        _new_case(martine, f"Fictif{index}", f"Note {index}")
    sent = tmp_path / "envoi.ecoute-binome"
    martine.pair.export(sent)
    jean_db = store_of(jean).path
    before = dump(jean)
    for services in (martine, jean):
        store_of(services).close()
    template = tmp_path / "modele.db"
    shutil.copy(jean_db, template)
    dry_run = run_child("pair-import", str(jean_db), RAW_KEY, str(sent))
    assert dry_run.returncode == 0, dry_run.stderr
    with Store.open(jean_db, RAW_KEY) as store:
        merged = dump(Services(store))
    assert merged != before
    outcomes = {"before": 0, "merged": 0}
    for point in spread(dry_run.points, 14):
        shutil.copy(template, jean_db)
        done = run_child("pair-import", str(jean_db), RAW_KEY, str(sent), kill_at=point)
        assert done.killed, f"the import did not reach {point}"
        with Store.open(jean_db, RAW_KEY) as store:
            assert store.integrity_problems() == []
            state = dump(Services(store))
        assert state in (before, merged), f"half an import after a kill at {point}"
        outcomes["before" if state == before else "merged"] += 1
    assert outcomes["before"] and outcomes["merged"], outcomes


def test_a_file_rewritten_without_the_seal_key_is_refused(
    tmp_path: Path, pair: tuple[Services, Services]
) -> None:
    """Pages re-encrypted with the file key (a row removed: a truncated state) but no
    seal key: every page is sound, the seal over the content is not."""
    import sqlcipher3

    from ecoute_desktop.services.binome.phrase import keys_of, pair_key

    martine, jean = pair
    _new_case(martine, "Fictif", "Une note")
    path = tmp_path / "martine.ecoute-binome"
    martine.pair.export(path)
    data = path.read_bytes()
    assert b"Fictif" not in data and b"0611223344" not in data  # nothing readable
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{keys_of(pair_key(PHRASE)).file_key.hex()}'\"")
    conn.execute("DELETE FROM stamps WHERE id = (SELECT max(id) FROM stamps)")
    conn.close()
    before = dump(jean)
    with pytest.raises(Exception, match="incomplet ou a été modifié"):
        jean.pair.import_file(path)
    assert dump(jean) == before


def test_slots_absences_and_appointments_travel_for_covering(
    tmp_path: Path, pair: tuple[Services, Services]
) -> None:
    """Jean's weekly slots and holidays reach Martine (she books on them when covering);
    an appointment keeps its UID and SEQUENCE on both laptops."""
    from datetime import date, time, timedelta

    from ecoute_desktop.domain.models import WeeklySlot
    from ecoute_desktop.domain.slots import SlotException
    from ecoute_desktop.domain.timeutil import utc_now

    martine, jean = pair
    jean_me = jean.people.me()
    assert jean_me is not None and jean_me.id is not None
    jean.agenda.save_slot(WeeklySlot(jean_me.id, 1, time(14), time(17), date(2026, 1, 5)))
    jean.agenda.add_absence(SlotException(date(2026, 8, 3), date(2026, 8, 21), jean_me.id))
    case_id = _new_case(jean, "Fictif")
    jean.cases.set_urgent(case_id, True)
    start = (utc_now() + timedelta(days=3)).replace(hour=9, minute=0, second=0, microsecond=0)
    booked = jean.agenda.book(case_id, jean_me.id, start)
    assert booked.id is not None
    jean.agenda.move(booked.id, start + timedelta(hours=2))
    exchange(jean, martine, tmp_path, "jean")
    partner = martine.people.partner()
    assert partner is not None and partner.display_name == "Jean Petit"
    slots = [(s.hotliner_id, s.weekday, s.start, s.end) for s in martine.agenda.slots()]
    assert slots == [(partner.id, 1, time(14), time(17))]
    absences = [(a.hotliner_id, a.first_day) for a in martine.agenda.absences()]
    assert absences == [(partner.id, date(2026, 8, 3))]
    (case,) = store_of(martine).cases.all()
    (appointment,) = case.appointments
    assert (appointment.uid, appointment.sequence) == (booked.uid, 1)
    assert appointment.starts_at == start + timedelta(hours=2)
    assert appointment.hotliner_id == partner.id


def test_unlinked_or_relinked_base_refuses_the_old_pairs_files(
    tmp_path: Path, pair: tuple[Services, Services]
) -> None:
    from ecoute_desktop.services.binome.phrase import new_phrase
    from ecoute_desktop.store.pair_file import PairFileError

    martine, jean = pair
    _new_case(martine, "Fictif")
    path = tmp_path / "martine.ecoute-binome"
    martine.pair.export(path)
    jean.pair.unlink()
    with pytest.raises(PairFileError, match="liée à aucun binôme"):
        jean.pair.import_file(path)
    jean.pair.link(new_phrase())  # a new partner
    with pytest.raises(PairFileError, match="autre binôme"):
        jean.pair.import_file(path)
    jean.pair.link(PHRASE)  # back with Martine
    assert jean.pair.import_file(path).new_cases == 1


def test_a_sealed_file_with_a_bad_value_is_refused_naming_the_field(
    tmp_path: Path, pair: tuple[Services, Services]
) -> None:
    """Even a file made with the pair's keys (the partner's laptop misbehaving) is checked
    value by value; the message names the field, never its value."""
    from ecoute_desktop.domain.timeutil import utc_now
    from ecoute_desktop.services.binome.phrase import keys_of, pair_key
    from ecoute_desktop.store.pair_file import PairFileError, write_file

    martine, jean = pair
    _new_case(martine, "Fictif")
    state = store_of(martine).pair.outgoing(utc_now())
    (case,) = [r for r in state.records.values() if r.kind == "case"]
    case.fields["received_at"] = "hier matin, Fictif"
    path = tmp_path / "abime.ecoute-binome"
    meta = {"sender": store_of(martine).pair.me(), "sender_name": "Martine"}
    write_file(path, keys_of(pair_key(PHRASE)), meta, state)
    before = dump(jean)
    with pytest.raises(PairFileError) as refused:
        jean.pair.import_file(path)
    assert "« received_at » d'une sollicitation illisible" in str(refused.value)
    assert "Fictif" not in str(refused.value) and "abime.ecoute-binome" in str(refused.value)
    assert dump(jean) == before
