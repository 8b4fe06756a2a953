"""RGPD: purge past retention and erasure keep past indicators identical; access PDF is complete."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from ecoute_desktop.domain.models import CallNote, Case, Member
from ecoute_desktop.domain.month import Month, month_range
from ecoute_desktop.domain.workflow import Status
from ecoute_desktop.services import safety_settings
from ecoute_desktop.services.access_export import write_member_pdf
from ecoute_desktop.services.demo import populate
from ecoute_desktop.services.indicators import month_indicators
from ecoute_desktop.services.retention import (
    erase_member,
    member_cases,
    months_before,
    purge,
    purge_preview,
)
from ecoute_desktop.store import Store

NOW = datetime(2026, 6, 15, 10, 0, tzinfo=UTC)
MARKER = "Zéphyrine-Quarzazate"


def _all_indicators(store: Store) -> dict[Month, dict]:
    return {
        m: month_indicators(store, m).to_json() for m in month_range(Month(2024, 1), Month(2026, 6))
    }


@pytest.fixture
def filled(store: Store) -> Store:
    populate(store, 150, date(2024, 1, 1), date(2026, 5, 31), seed=11, now=NOW)
    return store


def _add_member_case(store: Store, received: datetime, closed: datetime | None) -> Case:
    member = Member(
        MARKER,
        "Aurélie",
        "Ingénieure",
        "Ville de Nullepart",
        "06 39 98 11 22",
        "zephyrine@example.org",
    )
    case = Case("", received, member)
    case.notes.append(CallNote(f"Confidence {MARKER} sur son service", received, received))
    if closed is not None:
        for target in (Status.ACKNOWLEDGED, Status.SCHEDULED, Status.CALL_HELD, Status.CLOSED):
            case.advance(target, closed, "Test")
    return store.cases.create(case)


def test_months_before_clamps_to_the_end_of_month() -> None:
    assert months_before(datetime(2026, 3, 31, 10, tzinfo=UTC), 1).date() == date(2026, 2, 28)
    assert months_before(NOW, 12) == datetime(2025, 6, 15, 10, 0, tzinfo=UTC)


def test_preview_lists_only_cases_closed_before_the_retention_period(filled: Store) -> None:
    preview = purge_preview(filled, NOW)
    assert preview.months == 12 and preview.candidates
    cutoff = datetime(2025, 6, 15, 10, 0, tzinfo=UTC)
    for case in filled.cases.all():
        due = case.closed_at is not None and case.closed_at < cutoff
        assert (case.id in preview.case_ids) == due
    filled.settings.set(safety_settings.RETENTION_MONTHS, 24)
    assert len(purge_preview(filled, NOW).candidates) < len(preview.candidates)
    assert "statistiques anonymes sont conservées" in preview.summary()


def test_purge_erases_identity_and_notes_and_keeps_indicators(filled: Store) -> None:
    old = _add_member_case(
        filled, datetime(2024, 3, 4, 9, tzinfo=UTC), datetime(2024, 3, 20, 9, tzinfo=UTC)
    )
    filled.notes.save_draft(old.id, f"brouillon {MARKER}")
    before = _all_indicators(filled)
    preview = purge_preview(filled, NOW)
    assert old.id in preview.case_ids
    erased = purge(filled, preview, NOW)
    assert erased == len(preview.candidates)
    assert _all_indicators(filled) == before
    case = filled.cases.get(old.id)
    assert (case.member.nom, case.member.email, case.member.telephone) == ("", "", "")
    assert case.notes == [] and filled.notes.draft(old.id) is None
    assert case.reference == old.reference and case.themes == old.themes
    assert filled.search(MARKER) == [] and filled.search(old.reference) == []
    assert purge_preview(filled, NOW).candidates == []  # nothing left to purge
    assert not filled.integrity_problems()


def test_open_and_recent_cases_are_never_purged(filled: Store) -> None:
    open_case = _add_member_case(filled, datetime(2023, 1, 1, 9, tzinfo=UTC), None)
    recent = _add_member_case(
        filled, datetime(2026, 1, 5, 9, tzinfo=UTC), datetime(2026, 2, 1, 9, tzinfo=UTC)
    )
    purge(filled, purge_preview(filled, NOW), NOW)
    for kept in (open_case, recent):
        assert filled.cases.get(kept.id).member.nom == MARKER


def test_erasure_of_one_member_covers_all_their_cases_at_once(filled: Store) -> None:
    first = _add_member_case(filled, datetime(2026, 1, 5, 9, tzinfo=UTC), None)
    second = _add_member_case(filled, datetime(2026, 4, 5, 9, tzinfo=UTC), None)
    assert {c.id for c in member_cases(filled, second.id)} == {first.id, second.id}
    before = _all_indicators(filled)
    others = len(filled.cases.all())
    references = erase_member(filled, first.id, NOW)
    assert sorted(references) == sorted([first.reference, second.reference])
    assert _all_indicators(filled) == before
    assert len(filled.cases.all()) == others
    assert filled.search(MARKER) == []
    assert all(filled.cases.get(i).member.nom == "" for i in (first.id, second.id))


def test_right_of_access_pdf_holds_every_case_and_note(filled: Store, tmp_path: Path) -> None:
    first = _add_member_case(filled, datetime(2026, 1, 5, 9, tzinfo=UTC), None)
    second = _add_member_case(filled, datetime(2026, 4, 5, 9, tzinfo=UTC), None)
    target = write_member_pdf(filled, second.id, tmp_path / "acces.pdf")
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    for reference in (first.reference, second.reference):
        assert f"Sollicitation {reference}" in text
    assert text.count(f"Confidence {MARKER}") == 2
    assert "zephyrine@example.org" in text and "06 39 98 11 22" in text


def test_right_of_access_pdf_embeds_every_font_it_names(store: Store, tmp_path: Path) -> None:
    """No base-14 Helvetica reference: the PDF looks the same on every reader."""
    import subprocess

    case = _add_member_case(store, datetime(2026, 1, 5, 9, tzinfo=UTC), None)
    target = write_member_pdf(store, case.id, tmp_path / "acces.pdf")
    fonts = subprocess.run(["pdffonts", str(target)], capture_output=True, text=True, check=True)
    rows = fonts.stdout.splitlines()[2:]
    assert rows, "the PDF names no font"
    assert not any("Helvetica" in row for row in rows), fonts.stdout
    assert all(row.split()[-5] == "yes" for row in rows), fonts.stdout  # the "emb" column
