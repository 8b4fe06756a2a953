"""The same e-mail taken on both laptops before an exchange: which case the pair keeps.

Two cases sharing an e-mail's key (`cases.message_key`) are one member's one request.
The pair keeps one; the other ends « sans suite » with the reason « doublon » and a
comment naming the kept case, so it travels to the partner like any step, stays readable
in the history, and no figure counts it as a request (docs/binome.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ecoute_desktop.domain.workflow import MAIN_LINE, DropReason, Status, WorkflowError


@dataclass(frozen=True, slots=True)
class TakenCase:
    """One of the two cases: what the choice shows and sorts by."""

    id: int
    reference: str
    status: Status
    received_at: datetime
    created_at: datetime
    drop_reason: DropReason | None = None


@dataclass(frozen=True, slots=True)
class TwiceTaken:
    """Two cases of one e-mail; `proposed` is the one to keep unless the user says otherwise."""

    proposed: TakenCase
    other: TakenCase

    @property
    def cases(self) -> tuple[TakenCase, TakenCase]:
        return self.proposed, self.other

    def other_than(self, kept_id: int) -> TakenCase:
        """The case to class as the duplicate when `kept_id` is kept (ValueError if neither)."""
        if kept_id == self.proposed.id:
            return self.other
        if kept_id == self.other.id:
            return self.proposed
        raise ValueError("Cette sollicitation n'est pas l'une des deux.")


def is_duplicate(status: Status, reason: DropReason | None) -> bool:
    """A case already classed as the copy of another: neither listed nor counted."""
    return status is Status.DROPPED and reason is DropReason.DUPLICATE


def _progress(case: TakenCase) -> int:
    """How far along: an ended case (which cannot be classed any more) first."""
    if not case.status.is_open:
        return len(MAIN_LINE) + (1 if case.status is Status.CLOSED else 0)
    return MAIN_LINE.index(case.status)


def pair_of(first: TakenCase, second: TakenCase) -> TwiceTaken:
    """Propose the case further along the workflow, then the earlier received, then created."""

    def key(case: TakenCase) -> tuple[int, datetime, datetime, str]:
        return (-_progress(case), case.received_at, case.created_at, case.reference)

    kept, other = sorted((first, second), key=key)
    return TwiceTaken(kept, other)


def to_settle(found: list[tuple[TakenCase, TakenCase]]) -> list[TwiceTaken]:
    """The pairs the pair still has to settle: neither already classed as a duplicate, and
    one still open (two ended cases leave nothing to class), oldest first."""
    pairs = [
        pair_of(a, b)
        for a, b in found
        if not any(is_duplicate(c.status, c.drop_reason) for c in (a, b))
        and (a.status.is_open or b.status.is_open)
    ]
    return sorted(pairs, key=lambda p: (p.proposed.received_at, p.proposed.reference))


def check_keep(pair: TwiceTaken, kept_id: int) -> TakenCase:
    """The case to class as the duplicate; WorkflowError when it has already ended."""
    other = pair.other_than(kept_id)
    if not other.status.is_open:
        raise WorkflowError(
            f"{other.reference} est déjà « {other.status} » : elle ne peut plus être classée "
            f"comme doublon. Gardez plutôt {other.reference}."
        )
    return other


def duplicate_comment(kept_reference: str) -> str:
    """The comment of the « sans suite » step, in the case's history and on both laptops."""
    return f"Doublon de {kept_reference} : la même demande a été prise sur les deux ordinateurs."
