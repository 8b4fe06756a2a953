"""A request as it is taken in (NewRequest) and the case it gave (TakenRequest): plain values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ecoute_desktop.domain.models import Member
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.services.intake.request import IntakeRequest


@dataclass(slots=True)
class NewRequest:
    """A request as the hotliner confirmed it (the form's content, or the e-mail as read)."""

    member: Member
    received_at: datetime
    urgent: bool = False
    first_note: str = ""
    note_at: datetime | None = None  # when the note was written; received_at by default
    message_id: str = ""  # the e-mail's key: a second request with it gives no new case

    @classmethod
    def from_request(cls, request: IntakeRequest, now: datetime | None = None) -> NewRequest:
        """Everything read from the e-mail, unchanged; no Date header: received now."""
        member = Member(
            nom=request.nom or request.email or "(sans nom)",
            prenom=request.prenom,
            fonction=request.fonction,
            collectivite=request.collectivite,
            telephone=request.phone,
            email=request.email,
        )
        received = request.received_at or now or utc_now()
        return cls(
            member=member,
            received_at=received,
            urgent=request.urgent,
            first_note=request.first_note,
            note_at=received,
            message_id=request.dedupe_key,
        )


@dataclass(frozen=True, slots=True)
class TakenRequest:
    """The case a request gave; `created` is False when its e-mail had been taken before."""

    case_id: int
    reference: str
    created: bool
