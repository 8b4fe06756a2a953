"""The cases list and dashboard read summaries and filter them by status, theme, month, urgency."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from ecoute_desktop.domain.case_rows import CaseFilter
from ecoute_desktop.domain.models import Case, Member
from ecoute_desktop.domain.workflow import Status
from ecoute_desktop.services.app import Services
from ecoute_desktop.store import Store


def _case(store: Store, nom: str, received: datetime, urgent: bool = False) -> Case:
    return store.cases.create(Case("", received, Member(nom, "Anne"), urgent=urgent))


def test_summaries_carry_themes_and_filters_select_them(store: Store) -> None:
    now = datetime(2026, 3, 10, 12, tzinfo=UTC)
    relationnel = next(t for t in store.themes.all() if t.label == "Relationnel")
    elus = next(t for t in store.themes.all() if t.label == "Élus")
    first = _case(store, "Aubrac", datetime(2026, 2, 27, 23, 30, tzinfo=UTC), urgent=True)
    second = _case(store, "Bellerive", datetime(2026, 3, 2, 9, tzinfo=UTC))
    store.cases.set_themes(first.id, [elus.id])
    Services(store).cases.advance(second.id, Status.ACKNOWLEDGED, "Moi")

    rows = store.queries.summaries(now)
    assert [r.reference for r in rows] == [second.reference, first.reference]
    assert rows[1].month == "2026-02"  # 23:30 UTC on 27 Feb is still February in Paris
    assert rows[1].member_name == "Anne AUBRAC"

    by_theme = CaseFilter(theme_ids=frozenset({relationnel.id, elus.id})).apply(rows)
    assert [r.id for r in by_theme] == [first.id]
    assert [r.id for r in CaseFilter(status=Status.ACKNOWLEDGED).apply(rows)] == [second.id]
    assert [r.id for r in CaseFilter(urgent=True).apply(rows)] == [first.id]
    assert [r.id for r in CaseFilter(month="2026-03").apply(rows)] == [second.id]
    assert [r.id for r in CaseFilter(case_ids=frozenset({first.id})).apply(rows)] == [first.id]
    assert store.queries.months() == ["2026-03", "2026-02"]


def test_upcoming_appointments_only_booked_in_window(store: Store) -> None:
    from ecoute_desktop.store.timestamps import to_db

    now = datetime(2026, 3, 10, 8, tzinfo=UTC)
    case = _case(store, "Chantebois", now - timedelta(days=1))
    with store.db.write() as conn:
        for offset, status, uid in ((1, "fixé", "a"), (2, "annulé", "b"), (9, "fixé", "c")):
            start = now + timedelta(days=offset)
            conn.execute(
                "INSERT INTO appointments (case_id, starts_at, ends_at, status, uid, created_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    case.id,
                    to_db(start),
                    to_db(start + timedelta(minutes=45)),
                    status,
                    uid,
                    to_db(now),
                    to_db(now),
                ),
            )
    rows = store.queries.appointments_between(now, now + timedelta(days=8))
    assert [(r.reference, r.starts_at) for r in rows] == [(case.reference, now + timedelta(days=1))]
    summary = store.queries.summary(case.id, now)
    assert summary is not None and summary.next_appointment == now + timedelta(days=1)
