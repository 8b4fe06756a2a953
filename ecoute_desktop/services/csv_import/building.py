"""Turning one checked spreadsheet row into a Case consistent with its status."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TypeVar

from ecoute_desktop.domain.models import (
    Appointment,
    AppointmentStatus,
    CallNote,
    Case,
    Member,
    Orientation,
)
from ecoute_desktop.domain.workflow import DropReason, Status, StatusEvent
from ecoute_desktop.services.csv_import.values import (
    CellError,
    Moment,
    RowError,
    parse_moment,
    parse_reason,
    parse_status,
    parse_yes_no,
    split_values,
)
from ecoute_desktop.services.csv_import.vocabulary import Vocabulary

# The column contract of the old spreadsheet, in its usual order.
COLUMNS: tuple[str, ...] = (
    "reference",
    "date_reception",
    "nom",
    "prenom",
    "fonction",
    "collectivite",
    "telephone",
    "email",
    "urgent",
    "thematiques",
    "orientations",
    "date_accuse_reception",
    "date_rdv",
    "statut",
    "date_questionnaire",
    "notes",
    "motif",  # optional: why a « sans suite » ended (issue 19)
)
APPOINTMENT_LENGTH = timedelta(minutes=45)
EVENT_COMMENT = "import"
ACK, RDV, QUESTIONNAIRE = "date_accuse_reception", "date_rdv", "date_questionnaire"

# Which step dates each status may carry, and which it cannot do without.
ALLOWED_DATES: dict[Status, frozenset[str]] = {
    Status.RECEIVED: frozenset(),
    Status.ACKNOWLEDGED: frozenset({ACK}),
    Status.SCHEDULED: frozenset({ACK, RDV}),
    Status.CALL_HELD: frozenset({ACK, RDV}),
    Status.CLOSED: frozenset({ACK, RDV, QUESTIONNAIRE}),
    Status.DROPPED: frozenset({ACK, RDV}),
}
REQUIRED_DATES: dict[Status, str] = {Status.SCHEDULED: RDV, Status.CLOSED: QUESTIONNAIRE}

T = TypeVar("T")


def infer_status(cells: dict[str, str]) -> Status:
    """The status of a row whose `statut` is empty: the furthest step that has a date."""
    if cells[QUESTIONNAIRE]:
        return Status.CLOSED
    if cells[RDV]:
        return Status.SCHEDULED
    return Status.ACKNOWLEDGED if cells[ACK] else Status.RECEIVED


def _not_before(moment: Moment, *earlier: datetime | None) -> datetime:
    """A date given without time is moved to the latest earlier step of the same day."""
    if not moment.date_only:
        return moment.at
    return max([moment.at, *(at for at in earlier if at is not None)])


class CaseBuilder:
    """Checks one row (cells by column name) and builds its case, or lists its problems."""

    def __init__(self, vocabulary: Vocabulary, now: datetime, by: str) -> None:
        self._vocabulary = vocabulary
        self._now = Moment(now)
        self._by = by

    def build(
        self, line: int, cells: dict[str, str], reference: str | None, errors: list[RowError]
    ) -> Case | None:
        """The case of the row, or None after adding every problem found to `errors`."""
        problems: list[RowError] = []

        def read(column: str, parse: Callable[[str], T], text: str | None = None) -> T | None:
            try:
                return parse(cells[column] if text is None else text)
            except CellError as error:
                problems.append(RowError(line, column, str(error)))
                return None

        received = read("date_reception", parse_moment)
        if not cells["date_reception"]:
            problems.append(RowError(line, "date_reception", "date de réception obligatoire"))
        if not cells["nom"]:
            problems.append(RowError(line, "nom", "nom obligatoire"))
        email = cells["email"]
        if email and ("@" not in email or " " in email):
            problems.append(RowError(line, "email", "adresse électronique invalide"))
        urgent = read("urgent", parse_yes_no)
        themes = [
            read("thematiques", self._vocabulary.theme, text)
            for text in split_values(cells["thematiques"])
        ]
        targets = [
            read("orientations", self._vocabulary.target, text)
            for text in split_values(cells["orientations"])
        ]
        dates = {column: read(column, parse_moment) for column in (ACK, RDV, QUESTIONNAIRE)}
        status_cell = read("statut", parse_status)
        status, reason = status_cell or (infer_status(cells), None)
        motif = read("motif", parse_reason) if cells["motif"].strip() else None
        if motif is not None and status is not Status.DROPPED:
            problems.append(RowError(line, "motif", f"un motif ne va qu'avec « {Status.DROPPED} »"))
        elif motif is not None and reason is not None and motif is not reason:
            problems.append(
                RowError(line, "motif", f"motif différent de celui du statut ({reason})")
            )
        if status is Status.DROPPED:
            reason = motif or reason or DropReason.UNSPECIFIED
        if received is not None:
            problems += self._check_dates(line, received, dates, status)
        problems += self._check_status(line, status, cells)
        if problems or received is None:
            errors.extend(problems)
            return None
        member = Member(cells["nom"], cells["prenom"], cells["fonction"], cells["collectivite"])
        member.telephone, member.email = cells["telephone"], email
        case = Case(reference or "", received.at, member, urgent=bool(urgent))
        case.themes = list({t.id: t for t in themes if t is not None}.values())
        self._stamp(case, status, reason, dates)
        # Referrals and the note are dated at the call, else at the last known step.
        at = case.call_held_at or (case.events[-1].at if case.events else case.received_at)
        unique_targets = {t.id: t for t in targets if t is not None}.values()
        case.orientations = [Orientation(target, at) for target in unique_targets]
        if cells["notes"]:
            case.notes = [CallNote(cells["notes"], at, at)]
        return case

    def _check_dates(
        self, line: int, received: Moment, dates: dict[str, Moment | None], status: Status
    ) -> list[RowError]:
        """Impossible orders of the step dates, and steps dated in the future."""
        problems: list[RowError] = []

        def fail(column: str, reason: str) -> None:
            problems.append(RowError(line, column, reason))

        if self._now.before(received):
            fail("date_reception", "date de réception dans le futur")
        ack, rdv, questionnaire = dates[ACK], dates[RDV], dates[QUESTIONNAIRE]
        if ack is not None:
            if ack.before(received):
                fail(ACK, "accusé de réception antérieur à la date de réception")
            if self._now.before(ack):
                fail(ACK, "accusé de réception daté dans le futur")
        if rdv is not None:
            if rdv.before(received):
                fail(RDV, "rendez-vous antérieur à la date de réception")
            future = self._now.before(rdv)
            if future and rdv.date_only:
                fail(RDV, "heure manquante pour un rendez-vous à venir (JJ/MM/AAAA HH:MM)")
            if future and status in (Status.CALL_HELD, Status.CLOSED):
                fail(RDV, f"rendez-vous à venir alors que le statut est « {status} »")
        if questionnaire is not None:
            for earlier, label in ((received, "la réception"), (ack, "l'accusé de réception")):
                if earlier is not None and questionnaire.before(earlier):
                    fail(QUESTIONNAIRE, f"questionnaire envoyé avant {label}")
            if rdv is not None and questionnaire.before(rdv):
                fail(QUESTIONNAIRE, "questionnaire envoyé avant le rendez-vous")
            if self._now.before(questionnaire):
                fail(QUESTIONNAIRE, "envoi du questionnaire daté dans le futur")
        return problems

    @staticmethod
    def _check_status(line: int, status: Status, cells: dict[str, str]) -> list[RowError]:
        """Step dates the status cannot have, and the one it cannot do without."""
        problems = [
            RowError(line, "statut", f"statut « {status} » incompatible avec {column} renseignée")
            for column in (ACK, RDV, QUESTIONNAIRE)
            if cells[column] and column not in ALLOWED_DATES[status]
        ]
        needed = REQUIRED_DATES.get(status)
        if needed and not cells[needed]:
            problems.append(RowError(line, needed, f"obligatoire pour le statut « {status} »"))
        return problems

    def _stamp(
        self,
        case: Case,
        status: Status,
        reason: DropReason | None,
        dates: dict[str, Moment | None],
    ) -> None:
        """Step times, appointment and the one history event, consistent with `status`."""
        ack, rdv, questionnaire = dates[ACK], dates[RDV], dates[QUESTIONNAIRE]
        if ack is not None:
            case.acknowledged_at = _not_before(ack, case.received_at)
        if rdv is not None:
            starts = _not_before(rdv, case.received_at)
            cancelled = status is Status.DROPPED and self._now.at < starts
            case.appointments.append(
                Appointment(
                    case_id=0,
                    hotliner_id=None,
                    starts_at=starts,
                    ends_at=starts + APPOINTMENT_LENGTH,
                    status=AppointmentStatus.CANCELLED if cancelled else AppointmentStatus.BOOKED,
                )
            )
            if status in (Status.CALL_HELD, Status.CLOSED):
                case.call_held_at = starts
        if questionnaire is not None:
            sent = _not_before(
                questionnaire, case.received_at, case.acknowledged_at, case.call_held_at
            )
            case.questionnaire_sent_at = case.closed_at = sent
        case.status, case.drop_reason = status, reason
        if status is Status.RECEIVED:
            return
        steps = [case.received_at, case.acknowledged_at, case.call_held_at, case.closed_at]
        if status is Status.DROPPED:
            steps += [a.starts_at for a in case.appointments if a.starts_at <= self._now.at]
        at = max(step for step in steps if step is not None)
        if status is Status.DROPPED:
            case.closed_at = at
        case.events.append(
            StatusEvent(at, self._by, Status.RECEIVED, status, reason, EVENT_COMMENT)
        )
