"""Synthetic hotliner pair, slots and cases shared by the agenda, calendar and message tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from ecoute_desktop.domain.models import Case, Hotliner, Member, WeeklySlot
from ecoute_desktop.domain.timeutil import PARIS
from ecoute_desktop.store import Store


def paris(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS)


def add_pair(store: Store) -> tuple[Hotliner, Hotliner]:
    """Two fictitious hotliners: the user (Tuesday afternoons) and a partner (Thursday mornings)."""
    me = store.people.save(
        Hotliner("Testeur", "Agathe", "06 39 98 00 01", "agathe@example.org", is_self=True)
    )
    partner = store.people.save(Hotliner("Essai", "Bruno", "06 39 98 00 02", "bruno@example.org"))
    store.people.set_binome(me, partner)
    store.agenda.save_slot(WeeklySlot(me.id, 1, time(14), time(17), date(2026, 1, 1)))
    store.agenda.save_slot(WeeklySlot(partner.id, 3, time(9), time(12), date(2026, 1, 1)))
    return me, partner


def add_case(
    store: Store,
    nom: str = "Fictif",
    prenom: str = "Élodie",
    email: str = "elodie.fictif@example.org",
    urgent: bool = False,
    received: datetime | None = None,
) -> int:
    case = Case(
        "",
        received or datetime(2026, 4, 9, 9, 0, tzinfo=UTC),
        Member(nom, prenom, telephone="06 39 98 12 34", email=email),
        urgent=urgent,
    )
    return store.cases.create(case).id
