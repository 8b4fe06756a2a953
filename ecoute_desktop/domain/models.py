"""Entities of the listening line: members, cases, people, slots, appointments and notes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum

from ecoute_desktop.domain.deadlines import AckState, ack_deadline, ack_state
from ecoute_desktop.domain.who_calls import WhoCalls
from ecoute_desktop.domain.workflow import (
    AWAITING_ACK,
    STEP_BACK,
    DropReason,
    Status,
    StatusEvent,
    WorkflowError,
    check_transition,
)


@dataclass(slots=True)
class Member:
    """The member of the association who asked for a call (personal data)."""

    nom: str
    prenom: str = ""
    fonction: str = ""
    collectivite: str = ""
    telephone: str = ""
    email: str = ""
    id: int | None = None

    @property
    def display_name(self) -> str:
        return " ".join(part for part in (self.prenom, self.nom.upper()) if part).strip()


# The member's personal fields, in the order they are shown, labelled as the user sees them.
MEMBER_LABELS: tuple[tuple[str, str], ...] = (
    ("nom", "Nom"),
    ("prenom", "Prénom"),
    ("fonction", "Fonction"),
    ("collectivite", "Collectivité"),
    ("telephone", "Téléphone"),
    ("email", "Courriel"),
)
MEMBER_FIELDS: tuple[str, ...] = tuple(key for key, _ in MEMBER_LABELS)


@dataclass(slots=True)
class Hotliner:
    """A volunteer who answers requests (écoutant)."""

    nom: str
    prenom: str = ""
    telephone: str = ""
    email: str = ""
    is_self: bool = False
    id: int | None = None

    @property
    def display_name(self) -> str:
        return " ".join(part for part in (self.prenom, self.nom) if part).strip()


@dataclass(slots=True)
class Binome:
    """A pair of hotliners who share requests."""

    first: Hotliner
    second: Hotliner
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Theme:
    """One entry of the two-level theme taxonomy."""

    id: int
    label: str
    parent_id: int | None = None
    parent_label: str | None = None
    retired: bool = False
    ref_id: str | None = None  # stable id of the shared référentiel; None: added locally

    @property
    def top_label(self) -> str:
        return self.parent_label or self.label

    @property
    def path(self) -> str:
        return f"{self.parent_label}/{self.label}" if self.parent_label else self.label


@dataclass(frozen=True, slots=True)
class OrientationTarget:
    """A body the member can be referred to, with what to read out to them."""

    id: int
    label: str
    national: bool = False
    telephone: str = ""
    email: str = ""
    website: str = ""
    details: str = ""
    retired: bool = False
    ref_id: str | None = None  # stable id of the shared référentiel; None: added locally

    @property
    def needs_national_mark(self) -> bool:
        """National, and the name does not already say so (« Niveau national AITF »)."""
        return self.national and not label_says_national(self.label)


def label_says_national(label: str) -> bool:
    return "national" in label.casefold()


@dataclass(frozen=True, slots=True)
class Orientation:
    """A referral recorded on a case."""

    target: OrientationTarget
    at: datetime


@dataclass(slots=True)
class CallNote:
    """A dated note of what was said; personal data."""

    body: str
    created_at: datetime
    updated_at: datetime
    case_id: int | None = None
    id: int | None = None


class AppointmentStatus(StrEnum):
    BOOKED = "fixé"
    CANCELLED = "annulé"


@dataclass(slots=True)
class Appointment:
    """A phone appointment with the member, stored in UTC."""

    case_id: int
    hotliner_id: int | None
    starts_at: datetime
    ends_at: datetime
    status: AppointmentStatus = AppointmentStatus.BOOKED
    out_of_slot: bool = False
    sequence: int = 0
    uid: str = ""
    id: int | None = None
    who_calls: WhoCalls = WhoCalls.HOTLINER_CALLS


@dataclass(slots=True)
class WeeklySlot:
    """A recurring weekly availability of one hotliner (weekday 0 = Monday)."""

    hotliner_id: int
    weekday: int
    start: time
    end: time
    valid_from: date
    valid_to: date | None = None
    id: int | None = None


@dataclass(slots=True)
class Case:
    """A request for a call (sollicitation) and everything done about it."""

    reference: str
    received_at: datetime
    member: Member
    urgent: bool = False
    status: Status = Status.RECEIVED
    drop_reason: DropReason | None = None
    hotliner_id: int | None = None
    acknowledged_at: datetime | None = None
    call_held_at: datetime | None = None  # the first call held (the delay reported)
    questionnaire_sent_at: datetime | None = None
    closed_at: datetime | None = None
    satisfaction: int | None = None
    themes: list[Theme] = field(default_factory=list)
    orientations: list[Orientation] = field(default_factory=list)
    appointments: list[Appointment] = field(default_factory=list)
    notes: list[CallNote] = field(default_factory=list)
    events: list[StatusEvent] = field(default_factory=list)
    id: int | None = None
    former_reference: str | None = None  # « 2026-0042 » before the pair letters
    calls_held: int = 0  # every call held, a « rappel convenu » included
    last_call_at: datetime | None = None

    def __post_init__(self) -> None:
        # A case written with only its first call (old base, spreadsheet) held one call.
        if self.call_held_at is not None:
            self.calls_held = max(self.calls_held, 1)
            self.last_call_at = self.last_call_at or self.call_held_at

    @property
    def ack_deadline(self) -> datetime:
        return ack_deadline(self.received_at)

    def ack_state(self, now: datetime) -> AckState:
        return ack_state(self.received_at, self.acknowledged_at, now)

    @property
    def awaits_ack(self) -> bool:
        """Still open and the member not yet answered (no acknowledgment marked sent)."""
        return self.acknowledged_at is None and self.status in AWAITING_ACK

    @property
    def top_themes(self) -> set[str]:
        return {theme.top_label for theme in self.themes}

    @property
    def referred_nationally(self) -> bool:
        return any(o.target.national for o in self.orientations)

    def advance(
        self,
        target: Status,
        at: datetime,
        by: str,
        reason: DropReason | None = None,
        comment: str = "",
        stamp_ack: bool = True,
    ) -> StatusEvent:
        """Move to `target` (checked), stamp the matching time and record the event.

        `stamp_ack=False`: « accusée » on the way to « rdv fixé » while the reply is only
        being prepared; the acknowledgment counts when it is marked sent.
        """
        check_transition(self.status, target, reason)
        event = StatusEvent(at, by, self.status, target, reason, comment)
        if target is Status.ACKNOWLEDGED and self.acknowledged_at is None and stamp_ack:
            self.acknowledged_at = at
        elif target is Status.CALL_HELD:
            self.call_held_at = self.call_held_at or at
            self.last_call_at = at
            self.calls_held += 1
        elif target is Status.CLOSED:
            self.questionnaire_sent_at = self.questionnaire_sent_at or at
            self.closed_at = at
        elif target is Status.DROPPED:
            self.drop_reason = reason
            self.closed_at = at
        self.status = target
        self.events.append(event)
        return event

    def step_back(self, target: Status, at: datetime, by: str, comment: str) -> StatusEvent:
        """A call to come was cancelled: back to where the case stood before it was booked
        (« accusée », or « appel effectué » after a first call), stamping nothing."""
        if self.status is not Status.SCHEDULED or target not in STEP_BACK:
            raise WorkflowError(f"Passage impossible de « {self.status} » à « {target} ».")
        event = StatusEvent(at, by, self.status, target, None, comment)
        self.status = target
        self.events.append(event)
        return event

    @property
    def step_back_target(self) -> Status:
        """Where cancelling the call to come sends the case."""
        return Status.CALL_HELD if self.calls_held else Status.ACKNOWLEDGED
