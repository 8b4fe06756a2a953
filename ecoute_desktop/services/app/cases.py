"""Case actions: create, edit the member, move along the workflow, tag, refer, erase."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from ecoute_desktop.domain.case_rows import AppointmentRow, CaseSummary
from ecoute_desktop.domain.deadlines import ack_deadline
from ecoute_desktop.domain.models import Case, Member
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.domain.workflow import AWAITING_ACK, DropReason, Status
from ecoute_desktop.services import access_export, confirmation, questionnaire_message, retention
from ecoute_desktop.services.app.base import Area
from ecoute_desktop.services.app.events import CaseChanged, CasesChanged
from ecoute_desktop.services.app.workflow import advance_case


class CaseService(Area):
    """Everything a hotliner does to a case (sollicitation)."""

    # ---- reading ---------------------------------------------------------
    def get(self, case_id: int) -> Case:
        return self._store.cases.get(case_id)

    def count(self) -> int:
        return self._store.cases.count()

    def summaries(
        self, now: datetime, where_status: tuple[Status, ...] = (), limit: int | None = None
    ) -> list[CaseSummary]:
        """One row per case for the lists (optionally only at these steps, the `limit`
        newest)."""
        return self._store.queries.summaries(now, where_status, limit)

    def appointments_between(self, start: datetime, end: datetime) -> list[AppointmentRow]:
        return self._store.queries.appointments_between(start, end)

    def search(self, text: str, limit: int = 500) -> list[int]:
        """Ids of cases whose reference, member, collectivité or notes match `text`."""
        return self._store.search(text, limit)

    def matching_contacts(
        self, telephone: str, email: str, exclude_id: int | None = None
    ) -> list[tuple[int, str, datetime]]:
        """Earlier cases of a returning member: same phone digits or same email."""
        return self._store.cases.matching_contacts(telephone, email, exclude_id)

    def member_references(self, case_id: int) -> list[str]:
        """References of this case and of the member's other cases, oldest first."""
        return [case.reference for case in retention.member_cases(self._store, case_id)]

    def build_confirmation(
        self, case_id: int, sheet_ids: Iterable[str] = ()
    ) -> confirmation.Confirmation:
        """The confirmation to send to the member, with the practical sheets chosen
        (LookupError, TemplateError)."""
        return confirmation.build(self._store, case_id, sheet_ids=sheet_ids)

    def ack_deadlines(self, now: datetime) -> list[datetime]:
        """The 48 h deadlines (UTC) of the open requests still waiting for an acknowledgment:
        instants only, no personal data (what the desktop notification keeps while locked)."""
        return sorted(
            ack_deadline(row.received_at)
            for row in self._store.queries.summaries(now, tuple(AWAITING_ACK))
            if row.acknowledged_at is None
        )

    def build_questionnaire(
        self, case_id: int, sheet_ids: Iterable[str] = ()
    ) -> questionnaire_message.QuestionnaireMessage:
        """The questionnaire e-mail after the last call, with the practical sheets chosen
        (LookupError while no link is set)."""
        return questionnaire_message.build(self._store, case_id, sheet_ids)

    def write_member_pdf(self, case_id: int, target: Path | str) -> Path:
        """Right of access: everything stored about the member, to a PDF."""
        return access_export.write_member_pdf(self._store, case_id, target)

    # ---- actions ---------------------------------------------------------
    def create(self, case: Case) -> Case:
        """Record a new case (its reference is given the next number of its year)."""
        with self._tx.action() as changes:
            created = self._store.cases.create(case)
            assert created.id is not None  # the store gave it one
            changes.add(CaseChanged(created.id))
        return created

    def update_member(self, case_id: int, member: Member) -> None:
        with self._tx.action(CaseChanged(case_id)):
            self._store.cases.update_member(case_id, member)

    def set_urgent(self, case_id: int, urgent: bool) -> None:
        with self._tx.action(CaseChanged(case_id)):
            self._store.cases.update_details(case_id, urgent=urgent)

    def assign(self, case_id: int, hotliner_id: int) -> bool:
        """« Suivie par »: hand the case to this hotliner; False when already theirs."""
        with self._tx.action() as changes:
            if self._store.cases.get(case_id).hotliner_id == hotliner_id:
                return False
            self._store.cases.update_details(case_id, hotliner_id=hotliner_id)
            changes.add(CaseChanged(case_id))
        return True

    def advance(
        self,
        case_id: int,
        target: Status,
        by: str | None = None,
        reason: DropReason | None = None,
        at: datetime | None = None,
    ) -> Case:
        """One workflow step: acknowledge, hold the call, close (or drop with a reason)."""
        with self._tx.action(CaseChanged(case_id)):
            return advance_case(self._store, case_id, target, by or self._actor(), reason, at)

    def acknowledge(self, case_id: int, by: str | None = None) -> Case:
        return self.advance(case_id, Status.ACKNOWLEDGED, by)

    def hold_call(self, case_id: int, by: str | None = None) -> Case:
        return self.advance(case_id, Status.CALL_HELD, by)

    def close(self, case_id: int, by: str | None = None) -> Case:
        return self.advance(case_id, Status.CLOSED, by)

    def questionnaire_sent(self, case_id: int, by: str | None = None) -> Case:
        """« Questionnaire envoyé »: stamped now, and the case is closed (its last step)."""
        return self.close(case_id, by)

    def drop(self, case_id: int, reason: DropReason, by: str | None = None) -> Case:
        """« Sans suite »: its calls still to come are cancelled."""
        return self.advance(case_id, Status.DROPPED, by, reason)

    def set_satisfaction(self, case_id: int, score: int | None) -> None:
        """The questionnaire score 1–5, or None to forget it."""
        with self._tx.action(CaseChanged(case_id)):
            if score is None:
                self._store.cases.update_details(case_id, clear_satisfaction=True)
            else:
                self._store.cases.update_details(case_id, satisfaction=score)

    def set_themes(self, case_id: int, theme_ids: Iterable[int]) -> None:
        with self._tx.action(CaseChanged(case_id)):
            self._store.cases.set_themes(case_id, theme_ids)

    def refer(self, case_id: int, target_id: int) -> None:
        """Record an orientation of the member to a directory entry."""
        with self._tx.action(CaseChanged(case_id)):
            self._store.cases.add_orientation(case_id, target_id)

    def undo_referral(self, case_id: int, target_id: int) -> None:
        """Take back the latest referral to this entry (a click made by mistake)."""
        with self._tx.action(CaseChanged(case_id)):
            self._store.cases.undo_orientation(case_id, target_id)

    def stamp_acknowledgment(
        self, case_id: int, by: str | None = None, at: datetime | None = None
    ) -> bool:
        """The reply was sent to the member (marked sent by the hotliner): stamp it unless
        already stamped, moving a case still « reçue » to « accusée »; True if stamped now.
        Drafting or copying the confirmation stamps nothing: the 48 h clock tells the truth."""
        at = at or utc_now()
        with self._tx.action() as changes:
            case = self._store.cases.get(case_id)
            if case.acknowledged_at is not None:
                return False
            changes.add(CaseChanged(case_id))
            if case.status is Status.RECEIVED:
                advance_case(self._store, case_id, Status.ACKNOWLEDGED, by or self._actor(), at=at)
            else:
                self._store.cases.stamp_acknowledgment(case_id, at)
        return True

    def erase_member(self, case_id: int) -> list[str]:
        """Right to erasure: the member's data in all their cases; returns the references.

        Like the purge, the erasure commits and checkpoints on its own, then publishes."""
        references = retention.erase_member(self._store, case_id)
        self._tx.publish(CasesChanged())
        return references
