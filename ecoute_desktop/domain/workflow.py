"""The life of a request (sollicitation): states, allowed transitions and their events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Status(StrEnum):
    """Workflow states; the values are the French words shown and exported."""

    RECEIVED = "reçue"
    ACKNOWLEDGED = "accusée"
    SCHEDULED = "rdv fixé"
    CALL_HELD = "appel effectué"
    CLOSED = "clôturée"
    DROPPED = "sans suite"

    @property
    def is_open(self) -> bool:
        return self not in (Status.CLOSED, Status.DROPPED)


class DropReason(StrEnum):
    """Why a request ended without follow-up (« sans suite »); the values are reported."""

    UNREACHABLE = "ne répond pas"
    WITHDRAWN = "a renoncé"
    OTHER_HELP = "a trouvé une autre aide"
    OUT_OF_SCOPE = "hors du champ du point d'écoute"
    OTHER = "autre"
    UNSPECIFIED = "non précisé"  # an old base or a spreadsheet without a reason
    # The same e-mail taken on both laptops: this case is the other's copy, not a request
    # (domain/twice_taken.py); never picked by hand, never counted.
    DUPLICATE = "doublon"


# The reasons a hotliner picks from (« non précisé » is only what older data says).
DROP_CHOICES: tuple[DropReason, ...] = tuple(
    r for r in DropReason if r not in (DropReason.UNSPECIFIED, DropReason.DUPLICATE)
)
# Reasons written before issue 19, read as the reason that replaced them.
LEGACY_DROP_REASONS: dict[str, DropReason] = {
    "injoignable": DropReason.UNREACHABLE,
    "désistement": DropReason.WITHDRAWN,
    "hors champ": DropReason.OUT_OF_SCOPE,
}


def drop_reason_of(value: str | None) -> DropReason | None:
    """A stored reason (current or legacy wording); unknown text is « non précisé »."""
    if not value:
        return None
    try:
        return DropReason(value)
    except ValueError:
        return LEGACY_DROP_REASONS.get(value, DropReason.UNSPECIFIED)


# The main line of the workflow; "sans suite" is allowed from every open state.
MAIN_LINE: tuple[Status, ...] = (
    Status.RECEIVED,
    Status.ACKNOWLEDGED,
    Status.SCHEDULED,
    Status.CALL_HELD,
    Status.CLOSED,
)

ALLOWED: dict[Status, frozenset[Status]] = {
    Status.RECEIVED: frozenset({Status.ACKNOWLEDGED, Status.DROPPED}),
    Status.ACKNOWLEDGED: frozenset({Status.SCHEDULED, Status.DROPPED}),
    # A cancelled appointment sends the case back to "accusée" to book again.
    Status.SCHEDULED: frozenset({Status.CALL_HELD, Status.ACKNOWLEDGED, Status.DROPPED}),
    # « Rappel convenu »: another call is booked after a call held.
    Status.CALL_HELD: frozenset({Status.SCHEDULED, Status.CLOSED, Status.DROPPED}),
    Status.CLOSED: frozenset(),
    Status.DROPPED: frozenset(),
}

# Steps at which a request without an acknowledgment marked sent still waits for one.
AWAITING_ACK: frozenset[Status] = frozenset(
    {Status.RECEIVED, Status.ACKNOWLEDGED, Status.SCHEDULED}
)

# Where a cancelled call to come sends a case back (no stamp, no call counted).
STEP_BACK: frozenset[Status] = frozenset({Status.ACKNOWLEDGED, Status.CALL_HELD})

# What the single "next step" button of a case does, labelled as the user sees it.
NEXT_STEP_LABELS: dict[Status, str] = {
    Status.ACKNOWLEDGED: "Accusé de réception envoyé",
    Status.SCHEDULED: "RDV fixé",
    Status.CALL_HELD: "Appel effectué",
    Status.CLOSED: "Questionnaire envoyé",
}


class WorkflowError(ValueError):
    """An illegal transition was asked for; the message is in French."""


@dataclass(frozen=True, slots=True)
class StatusEvent:
    """One status change of a case; never edited once recorded."""

    at: datetime
    by: str
    from_status: Status
    to_status: Status
    reason: DropReason | None = None
    comment: str = ""


def next_step(status: Status) -> Status | None:
    """The next state on the main line, or None at its end or for a dropped case."""
    if status not in MAIN_LINE or status is Status.CLOSED:
        return None
    return MAIN_LINE[MAIN_LINE.index(status) + 1]


def check_transition(current: Status, target: Status, reason: DropReason | None) -> None:
    """Raise WorkflowError unless `current` → `target` is allowed with `reason`."""
    if target not in ALLOWED[current]:
        raise WorkflowError(f"Passage impossible de « {current} » à « {target} ».")
    if target is Status.DROPPED and reason is None:
        raise WorkflowError("Une sollicitation classée sans suite demande un motif.")
    if target is not Status.DROPPED and reason is not None:
        raise WorkflowError("Seul le classement sans suite prend un motif.")
