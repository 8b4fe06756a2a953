"""The rows the lists show: a case's summary line, the list's filter, a booked call.

Plain values, read by the store's queries (`store/queries.py`) and shown by the screens
(which import them from here, never from the store)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ecoute_desktop.domain.who_calls import WhoCalls, call_sentence
from ecoute_desktop.domain.workflow import Status


@dataclass(frozen=True, slots=True)
class CaseSummary:
    """One line of the cases list: enough to show, sort and filter without loading notes."""

    id: int
    reference: str
    received_at: datetime
    status: Status
    urgent: bool
    hotliner_id: int | None
    acknowledged_at: datetime | None
    call_held_at: datetime | None
    closed_at: datetime | None
    nom: str
    prenom: str
    collectivite: str
    telephone: str
    email: str
    theme_ids: frozenset[int]
    next_appointment: datetime | None
    month: str  # YYYY-MM of receipt, Paris time
    last_call_at: datetime | None = None

    @property
    def member_name(self) -> str:
        return " ".join(part for part in (self.prenom, self.nom.upper()) if part)


@dataclass(frozen=True, slots=True)
class CaseFilter:
    """Criteria of the cases list; None means « any »."""

    status: Status | None = None
    theme_ids: frozenset[int] | None = None  # a theme and its sub-themes
    urgent: bool | None = None
    month: str | None = None
    hotliner_id: int | None = None
    case_ids: frozenset[int] | None = None  # result of a full-text search

    def matches(self, row: CaseSummary) -> bool:
        return (
            (self.status is None or row.status is self.status)
            and (self.theme_ids is None or not self.theme_ids.isdisjoint(row.theme_ids))
            and (self.urgent is None or row.urgent is self.urgent)
            and (self.month is None or row.month == self.month)
            and (self.hotliner_id is None or row.hotliner_id == self.hotliner_id)
            and (self.case_ids is None or row.id in self.case_ids)
        )

    def apply(self, rows: list[CaseSummary]) -> list[CaseSummary]:
        if self == CaseFilter():  # nothing chosen: every row, without looking at each
            return list(rows)
        return [row for row in rows if self.matches(row)]


@dataclass(frozen=True, slots=True)
class AppointmentRow:
    """A booked appointment with what the hotliner needs to make the call."""

    appointment_id: int
    case_id: int
    reference: str
    starts_at: datetime
    ends_at: datetime
    member_name: str
    telephone: str
    urgent: bool
    who_calls: WhoCalls = WhoCalls.HOTLINER_CALLS
    hotliner_telephone: str = ""

    @property
    def call_sentence(self) -> str:
        """Who calls whom, in the words of the confirmation and the calendar events."""
        return call_sentence(self.who_calls, self.telephone, self.hotliner_telephone)
