"""Calendar files import at the booked Paris time, read by an independent parser in another process.

Pins: DTSTART with TZID=Europe/Paris equals the booked Paris time in summer and in winter,
and the file's own VTIMEZONE turns it into the right UTC instant; METHOD:PUBLISH, no
ORGANIZER/ATTENDEE, stable UID, DTSTAMP, SEQUENCE after a move, STATUS:CANCELLED after a
cancel; the member's version has no note nor the member's phone; `ecoute ics` contract.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from ecoute_desktop.cli import main as cli_main
from ecoute_desktop.domain.timeutil import PARIS
from ecoute_desktop.services import calendar_ics
from ecoute_desktop.services.app import Services
from tests.agenda_helpers import add_case, add_pair, paris
from tests.conftest import PASSPHRASE

READER = Path(__file__).with_name("ics_reader.py")
NOW = datetime(2026, 4, 10, 8, 0, tzinfo=UTC)


def read_independently(path: Path) -> dict:
    """Parse with tests/ics_reader.py in a fresh interpreter (no icalendar, no Écoute)."""
    done = subprocess.run(
        [sys.executable, "-I", str(READER), str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    parsed = json.loads(done.stdout)
    assert parsed["icalendar_loaded"] is False
    return parsed


@pytest.mark.parametrize(
    ("start", "utc_hour"),
    [(paris(2026, 7, 7, 14, 0), 12), (paris(2026, 12, 1, 15, 0), 14)],
    ids=["summer", "winter"],
)
def test_event_starts_at_the_booked_paris_time(store, tmp_path, start, utc_hour) -> None:
    me, _ = add_pair(store)
    case_id = add_case(store)
    booked = Services(store).agenda.book(case_id, me.id, start, "Agathe", at=NOW)
    path = calendar_ics.write_ics(
        tmp_path / "rdv.ics", calendar_ics.member_invitation(store, booked, NOW)
    )
    parsed = read_independently(path)
    assert parsed["method"] == "PUBLISH" and parsed["version"] == "2.0"
    assert parsed["timezones"] == ["Europe/Paris"]
    (event,) = parsed["events"]
    assert event["tzid"] == "Europe/Paris"
    assert event["local"] == start.replace(tzinfo=None).isoformat()
    assert datetime.fromisoformat(event["utc"]) == start.astimezone(UTC)
    assert datetime.fromisoformat(event["utc"]).hour == utc_hour
    assert event["uid"] == booked.uid and event["sequence"] == 0
    assert event["status"] == "CONFIRMED" and event["has_dtstamp"]
    assert not event["has_organizer"]


def test_member_invitation_carries_no_note_and_no_member_data(store, tmp_path) -> None:
    me, _ = add_pair(store)
    case_id = add_case(store, nom="Chantebois")
    store.notes.add(case_id, "Confidentiel : conflit avec le maire")
    booked = Services(store).agenda.book(case_id, me.id, paris(2026, 4, 14, 14), "Agathe", at=NOW)
    data = calendar_ics.member_invitation(store, booked, NOW)
    (event,) = read_independently(calendar_ics.write_ics(tmp_path / "m.ics", data))["events"]
    text = event["summary"] + event["description"]
    assert "06 39 98 00 01" in event["description"]  # the number to call
    assert "Agathe Testeur" in text
    for secret in ("Confidentiel", "maire", "CHANTEBOIS", "06 39 98 12 34"):
        assert secret not in data.decode("utf-8")


def test_move_and_cancel_update_sequence_and_status_under_the_same_uid(store, tmp_path) -> None:
    me, _ = add_pair(store)
    case_id = add_case(store)
    before = paris(2026, 3, 20, 9)  # booked and moved ahead of the calls, across the DST change
    booked = Services(store).agenda.book(
        case_id, me.id, paris(2026, 3, 24, 14), "Agathe", at=before
    )
    Services(store).agenda.move(booked.id, paris(2026, 3, 31, 15), at=before)
    moved = read_independently(
        calendar_ics.write_ics(tmp_path / "a.ics", calendar_ics.case_calendar(store, case_id))
    )["events"]
    assert [(e["uid"], e["sequence"], e["local"]) for e in moved] == [
        (booked.uid, 1, "2026-03-31T15:00:00")
    ]
    assert datetime.fromisoformat(moved[0]["utc"]) == paris(2026, 3, 31, 15).astimezone(UTC)
    Services(store).agenda.cancel(booked.id, "Agathe", at=NOW)
    gone = read_independently(
        calendar_ics.write_ics(tmp_path / "b.ics", calendar_ics.case_calendar(store, case_id))
    )["events"]
    assert [(e["uid"], e["sequence"], e["status"]) for e in gone] == [(booked.uid, 2, "CANCELLED")]


def test_cli_ics_for_a_case_and_for_upcoming(store, db_path, tmp_path, monkeypatch) -> None:
    me, partner = add_pair(store)
    soon = datetime.now(UTC) + timedelta(days=3)
    first = add_case(store, urgent=True)
    second = add_case(store, nom="Autre", urgent=True)
    add_case(store, nom="Sansrdv")
    Services(store).agenda.book(first, me.id, soon, "Agathe")
    Services(store).agenda.book(second, partner.id, soon + timedelta(hours=1), "Agathe")
    reference = store.cases.get(first).reference
    store.close()
    monkeypatch.setenv("ECOUTE_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "cas.ics"
    assert cli_main(["--db", str(db_path), "ics", "--case", reference, "-o", str(out)]) == 0
    (event,) = read_independently(out)["events"]
    assert datetime.fromisoformat(event["utc"]) == soon.replace(microsecond=0)
    assert event["local"] == soon.astimezone(PARIS).replace(tzinfo=None, microsecond=0).isoformat()
    upcoming = tmp_path / "tous.ics"
    assert cli_main(["--db", str(db_path), "ics", "--upcoming", "-o", str(upcoming)]) == 0
    events = read_independently(upcoming)["events"]
    assert len(events) == 2
    assert any("Bruno Essai" in e["description"] for e in events)
    assert cli_main(["--db", str(db_path), "ics", "--case", "1999-0001", "-o", str(out)]) == 1
    with pytest.raises(SystemExit) as usage:
        cli_main(["--db", str(db_path), "ics", "-o", str(out)])
    assert usage.value.code == 2


def test_paris_vtimezone_rule_agrees_with_the_tz_database() -> None:
    """The yearly rule written in every file matches tzdata's changes for years to come."""
    for year in range(2024, 2041):
        for month, before, after in ((3, 1, 2), (10, 2, 1)):
            day = datetime(year, month + 1, 1) - timedelta(days=1)
            while day.weekday() != 6:
                day -= timedelta(days=1)
            change = day.replace(hour=1, tzinfo=UTC)  # 01:00 UTC on the last Sunday
            hours = [
                (change + delta).astimezone(PARIS).utcoffset() / timedelta(hours=1)
                for delta in (timedelta(minutes=-1), timedelta(0))
            ]
            assert hours == [before, after], (year, month)
