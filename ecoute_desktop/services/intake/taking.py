"""Taking a member's request in as a case: one transaction, one case per e-mail."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ecoute_desktop.domain.models import CallNote, Case, Member
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.services.intake.request import IntakeRequest
from ecoute_desktop.store import Store


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


class IntakeService:
    """The user action « take a request in », for the desk, the CLI and the mailbox."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def case(self, case_id: int) -> Case:
        """The case a request gave, as stored."""
        return self._store.cases.get(case_id)

    def already_taken(self, message_id: str) -> TakenRequest | None:
        """The case an e-mail already gave, if any."""
        found = self._store.cases.taken_from_message(message_id) if message_id else None
        return TakenRequest(found[0], found[1], created=False) if found else None

    def create_case_from_request(self, new: NewRequest) -> TakenRequest:
        """Create the case, in one transaction; the same e-mail twice gives one case."""
        store = self._store
        with store.db.write():
            earlier = self.already_taken(new.message_id)
            if earlier is not None:
                return earlier
            case = Case("", new.received_at, new.member, urgent=new.urgent)
            me = store.people.me()
            case.hotliner_id = me.id if me else None
            body = new.first_note.strip()
            if body:
                at = new.note_at or utc_now()
                case.notes.append(CallNote(body, at, at))
            created = store.cases.create(case)
            assert created.id is not None
            if new.message_id:
                store.cases.record_message(created.id, new.message_id)
        return TakenRequest(created.id, created.reference, created=True)
