"""The pair's merge rules (docs/binome.md), plain Python: fields, conflicts, workflow.

Every shared field is a last-writer-wins register: the entry with the greater
`(stamp, author)` wins, so merging is idempotent, commutative and associative. Each entry
also says, per author, the latest stamp its value was merged with (`seen`): when neither
side had seen the other's stamp, the two edits were concurrent and the loser is kept.
Status events are a set; the workflow status is replayed from them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime

from ecoute_desktop.domain.workflow import ALLOWED, STEP_BACK, DropReason, Status


@dataclass(frozen=True, slots=True)
class Entry:
    """One field's value as known by a base: its hash, stamp, author and what it saw."""

    hash: str
    hlc: str
    author: str
    seen: dict[str, str] = field(default_factory=dict)

    @property
    def order(self) -> tuple[str, str, str]:
        """Total: the stamp, then the author, then the value (never equal for two values,
        even in a file that reuses a stamp)."""
        return (self.hlc, self.author, self.hash)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What merging a remote entry into a local one decided."""

    entry: Entry  # the merged entry to keep
    remote_wins: bool  # the remote value must be written
    loser: Entry | None = None  # a concurrent edit that lost, when the values differ


def _joined(a: dict[str, str], b: dict[str, str]) -> dict[str, str]:
    seen = dict(a)
    for author, hlc in b.items():
        if hlc > seen.get(author, ""):
            seen[author] = hlc
    return seen


def merge_entry(local: Entry | None, remote: Entry) -> Outcome:
    """The rule for one field (the same on both laptops, whatever the order of files)."""
    if local is None:
        return Outcome(remote, True)
    if local.order == remote.order and local.seen == remote.seen:
        return Outcome(local, False)  # the usual case: the same entry on both sides
    seen = _joined(local.seen, remote.seen)
    if local.order == remote.order:
        return Outcome(replace(local, seen=seen), False)
    remote_newer = remote.order > local.order
    winner, loser = (remote, local) if remote_newer else (local, remote)
    concurrent = (
        local.seen.get(remote.author, "") < remote.hlc
        and remote.seen.get(local.author, "") < local.hlc
    )
    kept = loser if concurrent and loser.hash != winner.hash else None
    return Outcome(replace(winner, seen=seen), remote_newer, kept)


def stamped(previous: Entry | None, value_hash: str, hlc: str, author: str) -> Entry:
    """A local change: a new stamp, having seen everything the previous entry saw."""
    seen = dict(previous.seen) if previous else {}
    seen[author] = hlc
    return Entry(value_hash, hlc, author, seen)


@dataclass(frozen=True, slots=True)
class EventFacts:
    """What replaying needs of a status event (plain values)."""

    gid: str
    at: datetime
    from_status: Status
    to_status: Status
    reason: DropReason | None


@dataclass(frozen=True, slots=True)
class Replayed:
    status: Status
    drop_reason: DropReason | None
    closed_at: datetime | None


def _applies(status: Status, event: EventFacts) -> bool:
    if event.from_status is not status:
        return False
    target = event.to_status
    moves_back = status is Status.SCHEDULED and target in STEP_BACK
    if target not in ALLOWED[status] and not moves_back:
        return False
    return target is not Status.DROPPED or event.reason is not None


def replay(events: Iterable[EventFacts]) -> Replayed | None:
    """The workflow state the merged history leads to, by the rules of domain/workflow.py.

    From the state the history starts in, the earliest event (time, then gid) that the
    rules allow from where the case stands is applied, and so on: events recorded in the
    same second follow their chain; an event whose starting state no longer holds is
    skipped (two acknowledgments made on both laptops count once; of a drop and a booking
    made at once, the first stands). None when there is no event (the stored state stays).
    """
    pending = sorted(events, key=lambda e: (e.at, e.gid))
    if not pending:
        return None
    reached = {e.to_status for e in pending}
    first = next((e for e in pending if e.from_status not in reached), pending[0])
    status = first.from_status  # where the history starts: a state no event leads to
    reason: DropReason | None = None
    closed_at: datetime | None = None
    while True:
        event = next((e for e in pending if _applies(status, e)), None)
        if event is None:
            return Replayed(status, reason, closed_at)
        pending.remove(event)
        status = event.to_status
        if status is Status.DROPPED:
            reason, closed_at = event.reason, event.at
        elif status is Status.CLOSED:
            closed_at = event.at
