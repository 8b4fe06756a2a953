"""Synthetic, entirely fictitious cases for the demo database, tests and benchmarks.

Phone numbers are taken from the ranges reserved for fiction (06 39 98 …),
e-mail addresses from example.org, collectivités from invented place names.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from ecoute_desktop.domain import settings_spec
from ecoute_desktop.domain.models import (
    Appointment,
    CallNote,
    Case,
    Hotliner,
    Member,
    Orientation,
    WeeklySlot,
)
from ecoute_desktop.domain.taxonomy import fold
from ecoute_desktop.domain.timeutil import PARIS, utc_now
from ecoute_desktop.domain.workflow import DROP_CHOICES, Status
from ecoute_desktop.services.demo_identity import DEMO_PASSPHRASE, DEMO_SALT
from ecoute_desktop.store import Store

FIRST_NAMES = (
    "Anne",
    "Bernard",
    "Camille",
    "Dominique",
    "Élodie",
    "François",
    "Gaëlle",
    "Hervé",
    "Inès",
    "Jérôme",
    "Karine",
    "Loïc",
    "Maëlle",
    "Nicolas",
    "Océane",
    "Patrice",
    "Quentin",
    "Roselyne",
    "Sébastien",
    "Thérèse",
    "Ugo",
    "Véronique",
    "Xavier",
    "Yannick",
)
LAST_NAMES = (
    "Aubrac",
    "Bellerive",
    "Chantebois",
    "Delaunoy",
    "Estérel",
    "Fontclair",
    "Granmont",
    "Hautecour",
    "Isambert",
    "Joncquière",
    "Kervelec",
    "Lavandier",
    "Montjoyeux",
    "Noirval",
    "Orsenne",
    "Piedmont",
    "Quintal",
    "Rochebrune",
    "Saint-Aubrel",
    "Tillemont",
)
PLACES = (
    "Valbourg",
    "Montclair-sur-Loue",
    "Saint-Fictif",
    "Belvédère-les-Bains",
    "Rivemont",
    "Haute-Sérène",
    "Clairval",
    "Pont-Imaginaire",
    "Bourg-d'Essai",
    "Lanvezec",
)
EMPLOYERS = (
    "Ville de {}",
    "Communauté de communes de {}",
    "Département de {}",
    "Syndicat des eaux de {}",
    "Métropole de {}",
)
JOBS = (
    "Directeur des services techniques",
    "Ingénieure voirie",
    "Responsable bâtiments",
    "Cheffe de projet urbanisme",
    "Ingénieur territorial",
    "Directrice générale adjointe",
    "Responsable du service eau et assainissement",
    "Chargé d'opérations",
)
NOTE_SENTENCES = (
    "L'adhérent décrit des tensions répétées avec un élu sur les arbitrages budgétaires.",
    "Premier échange : besoin d'être écouté avant tout, pas de demande précise.",
    "Question sur la fin de détachement sur emploi fonctionnel et les options possibles.",
    "Difficultés avec la hiérarchie depuis la réorganisation des services.",
    "Souhaite préparer un entretien de mobilité ; conseils sur le CV et le réseau.",
    "Litige sur un marché public : inquiétude sur sa responsabilité personnelle.",
    "Épuisement signalé ; orientation vers la médecine de prévention évoquée.",
    "Rappel convenu dans quinze jours pour faire le point.",
    "L'équipe est en sous-effectif ; recherche de ressources mobilisables.",
    "Échange apaisé, l'adhérent repart avec des pistes concrètes.",
)


def _received_at(rng: random.Random, day: date) -> datetime:
    local = datetime(
        day.year, day.month, day.day, rng.randint(7, 21), rng.randint(0, 59), tzinfo=PARIS
    )
    return local.astimezone(UTC)


def _awake(moment: datetime) -> datetime:
    """The same moment, or the next morning at 8 (same minutes) if it falls at night in Paris.

    Volunteers do not acknowledge at 3 a.m.; no random draw here, so the rest of the
    generated data is unchanged.
    """
    local = moment.astimezone(PARIS)
    if local.hour < 8:
        local = local.replace(hour=8)
    elif local.hour >= 21:
        local = (local + timedelta(days=1)).replace(hour=8)
    return local.astimezone(UTC)


# The user's demo slots: Tuesday 14:00–17:00 and Thursday 9:00–12:00 (see write_demo_database).
_DEMO_CALL_HOURS = {1: (14, 15, 16), 3: (9, 10, 11)}


def _call_time(
    rng: random.Random, booked_at: datetime, taken: set[datetime] | None = None
) -> datetime:
    """A call on one of the user's slots, at least a day after it was booked.

    Times in `taken` are skipped (next hour of the slot, then the next slot day), so the
    demo agenda has no double booking; the random draws are the same either way.
    """
    local = booked_at.astimezone(PARIS) + timedelta(days=1)
    while local.weekday() not in _DEMO_CALL_HOURS:
        local += timedelta(days=1)
    hour = rng.choice(_DEMO_CALL_HOURS[local.weekday()])
    taken = taken if taken is not None else set()
    while True:
        hours = _DEMO_CALL_HOURS.get(local.weekday(), ())
        for candidate in [h for h in hours if h >= hour]:
            moment = local.replace(hour=candidate, minute=0, second=0).astimezone(UTC)
            if moment not in taken:
                taken.add(moment)
                return moment
        local += timedelta(days=1)
        hour = 0


def fictitious_member(rng: random.Random) -> Member:
    prenom, nom = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    handle = fold(f"{prenom}.{nom}").replace(" ", "").replace("'", "")
    return Member(
        nom=nom,
        prenom=prenom,
        fonction=rng.choice(JOBS),
        collectivite=rng.choice(EMPLOYERS).format(rng.choice(PLACES)),
        telephone=f"06 39 98 {rng.randint(0, 99):02d} {rng.randint(0, 99):02d}",
        email=f"{handle}@example.org",
    )


def fictitious_case(
    store_themes: list,
    targets: list,
    rng: random.Random,
    received_at: datetime,
    now: datetime,
    by: str,
    notes: int,
    taken: set[datetime] | None = None,
) -> Case:
    """One case pushed along the workflow as far as its age allows (calls avoid `taken`)."""
    case = Case("", received_at, fictitious_member(rng), urgent=rng.random() < 0.12)
    leaves = [t for t in store_themes if t.parent_id is not None] or store_themes
    tops = [t for t in store_themes if t.parent_id is None]
    case.themes = rng.sample(leaves, k=rng.choice((1, 1, 2)))
    if rng.random() < 0.15:
        case.themes.append(rng.choice(tops))
    moment = received_at
    plan = [Status.ACKNOWLEDGED, Status.SCHEDULED, Status.CALL_HELD, Status.CLOSED]
    steps_hours = [
        rng.choice((2, 6, 20, 30, 40, 47, 60, 80)),
        rng.randint(1, 48),
        rng.randint(24, 24 * 7),
        rng.randint(1, 72),
    ]
    call_end: datetime | None = None
    for target, hours in zip(plan, steps_hours, strict=True):
        if rng.random() < 0.04 and case.status.is_open:
            drop_at = _awake(moment + timedelta(hours=hours))
            if drop_at < now:
                case.advance(Status.DROPPED, drop_at, by, rng.choice(DROP_CHOICES))
            break
        if target is Status.CALL_HELD and call_end is not None:
            moment = call_end
        else:
            moment = _awake(moment + timedelta(hours=hours))
        if moment >= now:
            break
        case.advance(target, moment, by)
        if target is Status.SCHEDULED:
            call_at = _call_time(rng, moment, taken)
            call_end = call_at + timedelta(minutes=45)
            case.appointments.append(Appointment(0, None, call_at, call_end))
        if target is Status.CALL_HELD:
            if targets and rng.random() < 0.35:
                case.orientations.append(Orientation(rng.choice(targets), moment))
            for index in range(notes):
                at = moment + timedelta(minutes=10 * index)
                body = " ".join(rng.sample(NOTE_SENTENCES, k=2))
                case.notes.append(CallNote(body, at, at))
        if target is Status.CLOSED and rng.random() < 0.6:
            case.satisfaction = rng.choice((3, 4, 4, 5, 5))
    return case


def populate(
    store: Store,
    count: int,
    first_day: date,
    last_day: date,
    seed: int = 2026,
    notes_per_call: tuple[int, int] = (1, 3),
    now: datetime | None = None,
    one_agenda: bool = False,
) -> None:
    """Add `count` fictitious cases received between two Paris days, in one transaction.

    `one_agenda`: every call on a free hour of the user's demo slots, never two at once
    (the demo database, whose agenda is looked at). Only for volumes one hotliner can
    hold: beyond six calls a week the calls drift weeks, then years, ahead and most cases
    never reach their call. Without it (statistical data sets, benchmarks) calls may share
    an hour, as in a region's pooled data.
    """
    rng = random.Random(seed)
    now = now or utc_now()
    themes, targets = store.themes.all(), store.directory.all()
    me = store.people.me()
    by = me.display_name if me else "Démo"
    span = (last_day - first_day).days + 1
    days = sorted(first_day + timedelta(days=rng.randrange(span)) for _ in range(count))
    taken: set[datetime] | None = set() if one_agenda else None
    with store.db.write():
        for day in days:
            notes = rng.randint(*notes_per_call)
            received = min(_received_at(rng, day), now - timedelta(minutes=rng.randint(5, 600)))
            case = fictitious_case(themes, targets, rng, received, now, by, notes, taken)
            case.hotliner_id = me.id if me else None
            for appointment in case.appointments:
                appointment.hotliner_id = case.hotliner_id
            store.cases.create(case)


def write_demo_database(path: Path, count: int = 120, months: int = 6) -> Path:
    """A demo database (passphrase `demo`) covering the last `months` months up to today."""
    today = utc_now().astimezone(PARIS).date()
    first = date(today.year, today.month, 1)
    for _ in range(months - 1):
        first = date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1)
    with Store.create(path, DEMO_PASSPHRASE, salt=DEMO_SALT) as store:
        me = store.people.save(
            Hotliner(
                "Morel",
                "Jacqueline",
                "06 39 98 00 01",
                "jacqueline.morel@example.org",
                is_self=True,
            )
        )
        partner = store.people.save(
            Hotliner("Lenoir", "Alain", "06 39 98 00 02", "alain.lenoir@example.org")
        )
        store.people.set_binome(me, partner)
        assert me.id is not None and partner.id is not None  # saved: the store gave them ids
        slot_start = date(first.year, 1, 1)
        store.agenda.save_slot(WeeklySlot(me.id, 1, time(14), time(17), slot_start))
        store.agenda.save_slot(WeeklySlot(me.id, 3, time(9), time(12), slot_start))
        store.agenda.save_slot(WeeklySlot(partner.id, 2, time(9), time(12), slot_start))
        store.settings.set(settings_spec.REGION, "FR-BRE")  # a code of header_fields.REGIONS
        populate(store, count, first, today, one_agenda=True)
    return path
