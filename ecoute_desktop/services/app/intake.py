"""Taking a member's request in: « create case from request », one case per e-mail."""

from __future__ import annotations

from ecoute_desktop.domain.models import CallNote, Case
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.services.app.base import Area
from ecoute_desktop.services.app.events import CaseChanged
from ecoute_desktop.services.intake.taking import NewRequest, TakenRequest


class IntakeService(Area):
    """The desk's form, `ecoute intake` and the mailbox pickup all take requests in here."""

    def already_taken(self, message_id: str) -> TakenRequest | None:
        """The case an e-mail (by its key) already gave, if any."""
        found = self._store.cases.taken_from_message(message_id) if message_id else None
        return TakenRequest(found[0], found[1], created=False) if found else None

    def create_case_from_request(self, new: NewRequest) -> TakenRequest:
        """Create the case in one transaction; the same e-mail twice gives the first case.

        The case is the user's (« suivie par » them), its first note is the e-mail, and
        the e-mail's key is kept so that no pickup takes it again.
        """
        with self._tx.action() as changes:
            earlier = self.already_taken(new.message_id)
            if earlier is not None:
                return earlier
            case = Case("", new.received_at, new.member, urgent=new.urgent)
            me = self._store.people.me()
            case.hotliner_id = me.id if me else None
            body = new.first_note.strip()
            if body:
                at = new.note_at or utc_now()
                case.notes.append(CallNote(body, at, at))
            created = self._store.cases.create(case)
            case_id = int(created.id or 0)
            if new.message_id:
                self._store.cases.record_message(case_id, new.message_id)
            changes.add(CaseChanged(case_id))
        return TakenRequest(case_id, created.reference, created=True)
