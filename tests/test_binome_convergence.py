"""Random edits on two linked bases, files exchanged in random orders (hypothesis).

Files are taken repeated, reordered and stale; after a final exchange each way both bases
hold the same shared state, and nothing saved on either side is lost: every case, every
status event and every note is there (unless its member was erased), and a value that
lost to a concurrent edit is kept in the case's history.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ecoute_desktop.domain.models import Case, Member, WeeklySlot
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.domain.workflow import DropReason, Status, WorkflowError, next_step
from ecoute_desktop.services.app import Services
from ecoute_desktop.store import Store
from tests.binome_support import RAW_KEY, dump, exchange, pair_of, store_of

SIDES = st.integers(0, 1)
OPERATIONS = st.one_of(
    st.tuples(st.just("create"), SIDES, st.integers(0, 999)),
    st.tuples(st.just("note"), SIDES, st.integers(0, 99)),
    # phone edits weigh more: both partners changing one field is what the rule is for
    *[st.tuples(st.just("phone"), SIDES, st.integers(0, 99), st.sampled_from(["06", "07"]))] * 4,
    st.tuples(st.just("urgent"), SIDES, st.integers(0, 99), st.booleans()),
    st.tuples(st.just("step"), SIDES, st.integers(0, 99)),
    st.tuples(st.just("drop"), SIDES, st.integers(0, 99)),
    st.tuples(st.just("themes"), SIDES, st.integers(0, 99), st.integers(0, 5)),
    st.tuples(st.just("edit_note"), SIDES, st.integers(0, 99)),
    st.tuples(st.just("erase"), SIDES, st.integers(0, 99)),
    st.tuples(st.just("book"), SIDES, st.integers(0, 99), st.integers(0, 20)),
    st.tuples(st.just("assign"), SIDES, st.integers(0, 99), st.booleans()),
    st.tuples(st.just("refer"), SIDES, st.integers(0, 99), st.integers(0, 3)),
    st.tuples(st.just("satisfaction"), SIDES, st.integers(0, 99), st.integers(1, 5)),
    st.tuples(st.just("slot"), SIDES, st.booleans(), st.integers(0, 4), st.integers(8, 17)),
    st.tuples(st.just("export"), SIDES),
    st.tuples(st.just("import"), SIDES, st.integers(0, 99)),
)


class World:
    """Two bases, the files each wrote, and what each user saw saved."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.sides = pair_of(folder)
        self.files: tuple[list[Path], list[Path]] = ([], [])
        self.notes_saved: set[tuple[str, str]] = set()  # (note gid, its case's gid)
        self.cases_saved: set[str] = set()
        self.events_saved: set[str] = set()
        self.counter = 0
        self.file_times: tuple[list[int], list[int]] = ([], [])  # when each file was written
        self.seen = [0, 0]  # per side: the latest partner's file taken (its time)
        self.phones: dict[tuple[int, str], tuple[int, str, int]] = {}  # last edit per side
        exchange(self.sides[0], self.sides[1], folder, "setup-0")
        exchange(self.sides[1], self.sides[0], folder, "setup-1")

    def case_ids(self, side: int) -> list[int]:
        return [c.id for c in store_of(self.sides[side]).cases.all() if c.id is not None]

    def pick(self, side: int, index: int) -> int | None:
        ids = self.case_ids(side)
        return ids[index % len(ids)] if ids else None

    def run(self, operation: tuple) -> None:
        kind, side = operation[0], operation[1]
        services: Services = self.sides[side]
        self.counter += 1
        if kind == "create":
            member = Member(f"Adhérent{operation[2]}", "Test", telephone="0600000000")
            services.cases.create(Case("", datetime(2026, 3, 2, 9, tzinfo=UTC), member))
            return
        if kind == "export":
            path = self.folder / f"side{side}-{self.counter}.ecoute-binome"
            services.pair.export(path)
            self.files[side].append(path)
            self.file_times[side].append(self.counter)
            return
        if kind == "import":
            sent = self.files[1 - side]
            if sent:
                index = operation[2] % len(sent)
                services.pair.import_file(sent[index])
                self.seen[side] = max(self.seen[side], self.file_times[1 - side][index])
            return
        if kind == "slot":  # a weekly slot of one partner, typed on either laptop
            person = services.people.me() if operation[2] else services.people.partner()
            if person is not None and person.id is not None:
                start = time(operation[4])
                slot = WeeklySlot(
                    person.id, operation[3], start, time(operation[4] + 1), date(2026, 1, 5)
                )
                try:
                    services.agenda.save_slot(slot)
                except ValueError:
                    return
            return
        case_id = self.pick(side, operation[2])
        if case_id is None:
            return
        case = services.cases.get(case_id)
        if kind == "note":
            services.notes.save(case_id, f"Note {self.counter} de {side}")
        elif kind == "edit_note" and case.notes:
            services.notes.save(case_id, f"Note revue {self.counter}", case.notes[0].id)
        elif kind == "phone":
            case.member.telephone = f"{operation[3]}{self.counter:08d}"
            services.cases.update_member(case_id, case.member)
            with store_of(services).db.read() as conn:
                (gid,) = conn.execute(
                    "SELECT export_id FROM cases WHERE id = ?", (case_id,)
                ).fetchone()
            # (when, value, what this side had seen of the partner's edits then)
            self.phones[(side, gid)] = (self.counter, case.member.telephone, self.seen[side])
        elif kind == "urgent":
            services.cases.set_urgent(case_id, operation[3])
        elif kind == "themes":
            chosen = [t.id for t in services.reference.themes()[: operation[3]]]
            services.cases.set_themes(case_id, chosen)
        elif kind in ("step", "drop"):
            target = Status.DROPPED if kind == "drop" else next_step(case.status)
            if target is None or target is Status.SCHEDULED or not case.status.is_open:
                return
            reason = DropReason.WITHDRAWN if target is Status.DROPPED else None
            try:
                services.cases.advance(case_id, target, reason=reason)
            except WorkflowError:
                return
        elif kind == "erase":
            services.cases.erase_member(case_id)
        elif kind == "book":  # urgent, so outside the weekly slots too
            services.cases.set_urgent(case_id, True)
            day = utc_now() + timedelta(days=1 + operation[3] % 5)
            start = day.replace(hour=8 + operation[3] % 7, minute=0, second=0, microsecond=0)
            me = services.people.me()
            try:
                services.agenda.book(case_id, me.id if me else None, start)
            except ValueError:  # taken, or a step the booking rules refuse
                return
        elif kind == "assign":
            person = services.people.me() if operation[3] else services.people.partner()
            if person is not None and person.id is not None:
                services.cases.assign(case_id, person.id)
        elif kind == "refer":
            targets = services.reference.directory()
            services.cases.refer(case_id, targets[operation[3] % len(targets)].id)
        elif kind == "satisfaction":
            services.cases.set_satisfaction(case_id, operation[3])

    def remember_saved(self) -> None:
        for services in self.sides:
            with store_of(services).db.read() as conn:
                self.cases_saved |= {r[0] for r in conn.execute("SELECT export_id FROM cases")}
                self.events_saved |= {r[0] for r in conn.execute("SELECT gid FROM status_events")}
                self.notes_saved |= set(
                    conn.execute(
                        "SELECT n.gid, c.export_id FROM call_notes n"
                        " JOIN cases c ON c.id = n.case_id"
                    ).fetchall()
                )


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(OPERATIONS, min_size=1, max_size=40))
@example(  # both partners change the same phone number before exchanging again
    [
        ("create", 0, 1),
        ("export", 0),
        ("import", 1, 0),
        ("phone", 0, 0, "06"),
        ("phone", 1, 0, "07"),
        ("step", 0, 0),
        ("step", 1, 0),
    ]
)
def test_any_exchange_order_converges_and_loses_nothing(operations: list[tuple]) -> None:
    folder = Path(tempfile.mkdtemp(prefix="ecoute-binome-test-"))
    world = World(folder)
    try:
        for operation in operations:
            world.run(operation)
            world.remember_saved()
        martine, jean = world.sides
        # The same two bases, final exchange in the other order: merging commutes.
        twins = []
        for services in world.sides:
            store_of(services).close()
            twin = folder / "twin" / store_of(services).path.name
            twin.parent.mkdir(exist_ok=True)
            shutil.copy(store_of(services).path, twin)
            twins.append(Services(Store.open(twin, RAW_KEY)))
        martine, jean = world.sides = (
            Services(Store.open(store_of(martine).path, RAW_KEY)),
            Services(Store.open(store_of(jean).path, RAW_KEY)),
        )
        exchange(martine, jean, folder, "final-0")
        exchange(jean, martine, folder, "final-1")
        first, second = dump(martine), dump(jean)
        assert first == second
        twin_martine, twin_jean = twins
        exchange(twin_jean, twin_martine, folder / "twin", "final-1")
        exchange(twin_martine, twin_jean, folder / "twin", "final-0")
        assert dump(twin_martine) == dump(twin_jean)
        assert dump(twin_martine)["records"] == first["records"], "the order of files mattered"
        for services in twins:
            store_of(services).close()
        with store_of(martine).db.read() as conn:
            erased = {
                r[0]
                for r in conn.execute("SELECT export_id FROM cases WHERE purged_at IS NOT NULL")
            }
            cases = {r[0] for r in conn.execute("SELECT export_id FROM cases")}
            events = {r[0] for r in conn.execute("SELECT gid FROM status_events")}
            notes = {r[0] for r in conn.execute("SELECT gid FROM call_notes")}
        with store_of(martine).db.read() as conn:
            phones = dict(
                conn.execute(
                    "SELECT c.export_id, m.telephone FROM cases c JOIN members m"
                    " ON m.id = c.member_id"
                )
            )
            kept = {r[0] for r in conn.execute("SELECT value FROM sync_conflicts")}
        for (side, gid), (when, value, _) in world.phones.items():
            if gid in erased or gid not in phones:
                continue
            other = world.phones.get((1 - side, gid))
            overwritten_knowingly = other is not None and other[2] >= when
            if not overwritten_knowingly:  # the partner never replaced it having seen it
                assert phones[gid] == value or f'"{value}"' in kept, (value, phones[gid])
        assert world.cases_saved <= cases
        assert world.events_saved <= events
        assert {gid for gid, case in world.notes_saved if case not in erased} <= notes
        for services in world.sides:
            store_of(services).close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
