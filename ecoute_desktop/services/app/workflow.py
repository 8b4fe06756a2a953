"""Moving a case along its workflow with what each step does to its calls (one helper)."""

from __future__ import annotations

from datetime import datetime

from ecoute_desktop.domain.booking import AppointmentAction, cancelled_on_drop, held_early
from ecoute_desktop.domain.models import Case
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.domain.workflow import DropReason, Status
from ecoute_desktop.store import Store


def advance_case(
    store: Store,
    case_id: int,
    target: Status,
    by: str,
    reason: DropReason | None = None,
    at: datetime | None = None,
    comment: str = "",
    stamp_ack: bool = True,
) -> Case:
    """Apply one workflow step (checked by the domain) and record it; run inside an action.

    Dropping a case cancels its calls still to come; a call held before its booked time
    moves that appointment to when it took place.
    """
    case = store.cases.get(case_id)
    event = case.advance(target, at or utc_now(), by, reason, comment, stamp_ack)
    store.cases.record_step(case, event)
    if target is Status.DROPPED:
        for gone in cancelled_on_drop(store.agenda.for_case(case_id), event.at):
            store.agenda.update(gone, AppointmentAction.CANCELLED, event.at)
    elif target is Status.CALL_HELD:
        for moved in held_early(store.agenda.for_case(case_id), event.at):
            store.agenda.update(moved, AppointmentAction.HELD_EARLY, event.at)
    return case
