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
    """Why a request ended without follow-up."""

    UNREACHABLE = "injoignable"
    WITHDRAWN = "désistement"
    OUT_OF_SCOPE = "hors champ"
    OTHER = "autre"


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
    Status.CALL_HELD: frozenset({Status.CLOSED, Status.DROPPED}),
    Status.CLOSED: frozenset(),
    Status.DROPPED: frozenset(),
}

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
