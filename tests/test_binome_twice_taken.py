"""The same e-mail taken on both laptops before an exchange: noticed, settled once, counted once.

Martine and Jean each take the member's e-mail before exchanging. After the exchange both
bases list the two cases as one request; Martine keeps hers (further along); the other
case ends « sans suite » (« doublon ») with a comment naming the kept one, travels to Jean
by the next exchange, nothing is listed any more, the pair's dumps converge, and the
indicators and the anonymised export count one request.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ecoute_desktop.domain.aggregation import compute_indicators
from ecoute_desktop.domain.month import Month
from ecoute_desktop.domain.workflow import DropReason, Status, WorkflowError
from ecoute_desktop.services.app import Services
from ecoute_desktop.services.export_anonymised import export_records
from ecoute_desktop.services.indicators import month_indicators
from ecoute_desktop.services.intake import read_request
from ecoute_desktop.services.intake.taking import NewRequest
from tests.binome_support import RAW_KEY, dump, exchange, pair_of, store_of

MAIL = Path(__file__).resolve().parent / "data" / "intake" / "07-transfere-outlook.eml"


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Services, Services]:
    martine, jean = pair_of(tmp_path)
    yield martine, jean
    for services in (martine, jean):
        store_of(services).close()


def take_mail(services: Services) -> int:
    request = read_request(MAIL.read_bytes())
    taken = services.intake.create_case_from_request(NewRequest.from_request(request))
    assert taken.created
    return taken.case_id


def _month() -> str:
    return str(Month.of(read_request(MAIL.read_bytes()).received_at))


def _requests(services: Services) -> tuple[int, int, int]:
    """What the figures count: the database's tally, the cases' tally, the export."""
    store = store_of(services)
    month = Month.parse(_month())
    return (
        month_indicators(store, month).requests,
        compute_indicators(store.cases.all(), *month.days).requests,
        len(export_records(store, _month(), _month())),
    )


def test_both_laptops_list_it_and_one_action_settles_it_on_both(
    tmp_path: Path, pair: tuple[Services, Services]
) -> None:
    martine, jean = pair
    hers, his = take_mail(martine), take_mail(jean)
    martine.cases.acknowledge(hers)  # further along: proposed to keep
    exchange(martine, jean, tmp_path, "m1")
    path = tmp_path / "j1.ecoute-binome"
    jean.pair.export(path)
    result = martine.pair.import_file(path)

    assert len(result.twice_taken) == 1
    her_ref = martine.cases.get(hers).reference
    his_ref = jean.cases.get(his).reference
    assert result.lines[-1] == (
        f"La même demande a été prise sur les deux ordinateurs : {her_ref} et {his_ref}."
    )
    for services in (martine, jean):
        (found,) = services.pair.twice_taken()
        assert [c.reference for c in found.cases] == [her_ref, his_ref]
    assert _requests(martine) == (2, 2, 2)  # before settling, the figures say two

    (found,) = martine.pair.twice_taken()
    assert martine.pair.keep(found.proposed.id) == his_ref
    assert martine.pair.twice_taken() == []
    with pytest.raises(ValueError, match="pas de doublon"):
        martine.pair.keep(found.proposed.id)  # done once
    exchange(martine, jean, tmp_path, "m2")
    exchange(jean, martine, tmp_path, "j2")

    for services in (martine, jean):
        assert services.pair.twice_taken() == []
        kept = store_of(services).cases.get_by_reference(her_ref)
        other = store_of(services).cases.get_by_reference(his_ref)
        assert kept is not None and other is not None
        assert kept.status is Status.ACKNOWLEDGED and kept.drop_reason is None
        assert (other.status, other.drop_reason) == (Status.DROPPED, DropReason.DUPLICATE)
        assert other.events[-1].comment == (
            f"Doublon de {her_ref} : la même demande a été prise sur les deux ordinateurs."
        )
        assert other.notes, "the duplicate keeps its notes: nothing is deleted"
        assert _requests(services) == (1, 1, 1)
    assert dump(martine) == dump(jean)


def test_an_ended_case_cannot_be_classed_and_is_proposed(
    tmp_path: Path, pair: tuple[Services, Services]
) -> None:
    martine, jean = pair
    hers, his = take_mail(martine), take_mail(jean)
    jean.cases.drop(his, DropReason.WITHDRAWN)
    exchange(jean, martine, tmp_path, "j1")
    (found,) = martine.pair.twice_taken()
    assert found.other.id == hers and found.proposed.status is Status.DROPPED  # ended: kept
    with pytest.raises(WorkflowError, match="ne peut plus être classée"):
        martine.pair.keep(hers)
    assert martine.cases.get(hers).status is Status.RECEIVED


def _cli(monkeypatch, capsys, *argv: str) -> tuple[int, str, str]:
    from ecoute_desktop.cli import main

    monkeypatch.setenv("ECOUTE_PASSPHRASE", RAW_KEY)
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_cli_lists_it_at_import_and_keeps_one(tmp_path: Path, monkeypatch, capsys) -> None:
    martine, jean = pair_of(tmp_path)
    hers, his = take_mail(martine), take_mail(jean)
    her_ref, his_ref = martine.cases.get(hers).reference, jean.cases.get(his).reference
    jean.pair.export(tmp_path / "jean.ecoute-binome")
    for services in (martine, jean):
        store_of(services).close()
    db = str(tmp_path / "martine.db")

    taken = str(tmp_path / "jean.ecoute-binome")
    code, out, err = _cli(monkeypatch, capsys, "--db", db, "pair", "import", taken)
    assert code == 0, err
    assert (
        f"La même demande a été prise sur les deux ordinateurs : {her_ref} et {his_ref}."
        in out.splitlines()
    )
    assert "ecoute pair keep REF" in out
    code, out, err = _cli(monkeypatch, capsys, "--db", db, "pair", "keep", his_ref)
    said = f"{her_ref} est classée sans suite comme doublon de {his_ref}."
    assert (code, out.strip()) == (0, said)
    code, out, err = _cli(monkeypatch, capsys, "--db", db, "pair", "keep", his_ref)
    assert code == 1 and "pas de doublon" in err
    code, out, err = _cli(monkeypatch, capsys, "--db", db, "pair", "keep", "2026-Z-999")
    assert code == 1 and "« 2026-Z-999 »" in err


def test_the_case_proposed_is_further_along_then_the_earlier() -> None:
    from datetime import UTC, datetime, timedelta

    from ecoute_desktop.domain.twice_taken import TakenCase, pair_of

    at = datetime(2026, 3, 2, 9, tzinfo=UTC)
    late = at + timedelta(minutes=5)
    received = TakenCase(1, "2026-A-001", Status.RECEIVED, at, at)
    booked = TakenCase(2, "2026-B-001", Status.SCHEDULED, late, late)
    assert pair_of(received, booked).proposed == booked  # further along wins
    earlier = TakenCase(3, "2026-B-002", Status.RECEIVED, at, at - timedelta(hours=1))
    assert pair_of(received, earlier).proposed == earlier  # same step: created earlier
    closed = TakenCase(4, "2026-B-003", Status.CLOSED, late, late)
    assert pair_of(booked, closed).proposed == closed  # an ended case cannot be classed
