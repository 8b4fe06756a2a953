"""Calendar files (RFC 5545) for appointments: one VEVENT each, Europe/Paris with its VTIMEZONE.

Always METHOD:PUBLISH and never ORGANIZER/ATTENDEE, so no mail client treats the file
as a meeting request. The UID is the appointment's own, stable across moves; SEQUENCE
follows the appointment (incremented on every move, cancellation or change of who calls).
Call notes are never written: the member's version only says when and who calls whom,
in the sentence of `domain.who_calls.call_sentence` (the same in the hotliner's version).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from ecoute_desktop import __version__
from ecoute_desktop.domain.models import Appointment, AppointmentStatus, Case, Hotliner
from ecoute_desktop.domain.timeutil import PARIS, utc_now
from ecoute_desktop.domain.who_calls import call_sentence
from ecoute_desktop.services.atomic import write_bytes_atomic
from ecoute_desktop.store import Store

PRODID = f"-//Point d'écoute//Écoute {__version__}//FR"
LINE_NAME = "point d'écoute"


@dataclass(frozen=True, slots=True)
class EventText:
    """What an event says: its title and description."""

    summary: str
    description: str


def member_text(hotliner: Hotliner | None, sentence: str) -> EventText:
    """The member's version: who calls whom and at which number, nothing about the case."""
    if hotliner is None:
        return EventText(f"Rendez-vous téléphonique – {LINE_NAME}", sentence)
    who = hotliner.display_name
    lines = [f"Rendez-vous téléphonique avec {who}, écoutant(e) du {LINE_NAME}.", sentence]
    return EventText(f"Rendez-vous téléphonique – {LINE_NAME} ({who})", "\n".join(lines))


def hotliner_text(case: Case, hotliner: Hotliner | None, sentence: str) -> EventText:
    """The hotliner's version: who calls whom, and the case reference (never the notes)."""
    member = case.member
    lines = [f"Sollicitation {case.reference}", sentence]
    if hotliner is not None and not hotliner.is_self:
        lines.append(f"Écoutant(e) : {hotliner.display_name}")
    urgent = " (urgent)" if case.urgent else ""
    return EventText(f"Écoute – {member.display_name} – {case.reference}{urgent}", "\n".join(lines))


def appointment_sentence(store: Store, appointment: Appointment, case: Case | None = None) -> str:
    """The who-calls-whom sentence of an appointment, with the member's and hotliner's numbers."""
    case = case or store.cases.get(appointment.case_id)
    hotliner = _hotliner(store, appointment.hotliner_id)
    return call_sentence(
        appointment.who_calls, case.member.telephone, hotliner.telephone if hotliner else ""
    )


def build_event(appointment: Appointment, text: EventText, stamp: datetime):
    """One VEVENT in Paris time."""
    from icalendar import Event

    event = Event()
    event.add("uid", appointment.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", appointment.starts_at.astimezone(PARIS))
    event.add("dtend", appointment.ends_at.astimezone(PARIS))
    event.add("sequence", appointment.sequence)
    event.add("summary", text.summary)
    if text.description:
        event.add("description", text.description)
    cancelled = appointment.status is AppointmentStatus.CANCELLED
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "TRANSPARENT" if cancelled else "OPAQUE")
    event.add("class", "PRIVATE")
    return event


def paris_vtimezone():
    """Europe/Paris as the compact yearly rule (EU summer time since 1996).

    Written as RRULEs rather than icalendar's generated list of RDATEs, which stops
    in 2037 and which some clients (Outlook) read poorly; a test checks the rule
    against the tz database.
    """
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

    zone = Timezone()
    zone.add("tzid", "Europe/Paris")
    zone.add("x-lic-location", "Europe/Paris")
    summer = TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("tzoffsetfrom", timedelta(hours=1))
    summer.add("tzoffsetto", timedelta(hours=2))
    summer.add("dtstart", datetime(1996, 3, 31, 2, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("tzoffsetfrom", timedelta(hours=2))
    winter.add("tzoffsetto", timedelta(hours=1))
    winter.add("dtstart", datetime(1996, 10, 27, 3, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    zone.add_component(summer)
    zone.add_component(winter)
    return zone


def calendar_bytes(events: Iterable, name: str = "") -> bytes:
    """A VCALENDAR (METHOD:PUBLISH) holding `events` and the VTIMEZONE they use."""
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    calendar.add_component(paris_vtimezone())
    for event in events:
        calendar.add_component(event)
    return calendar.to_ical()


def _hotliner(store: Store, hotliner_id: int | None) -> Hotliner | None:
    if hotliner_id is None:
        return store.people.me()
    try:
        return store.people.get(hotliner_id)
    except KeyError:
        return None


def member_invitation(store: Store, appointment: Appointment, now: datetime | None = None) -> bytes:
    """The .ics sent to the member with the confirmation."""
    sentence = appointment_sentence(store, appointment)
    text = member_text(_hotliner(store, appointment.hotliner_id), sentence)
    return calendar_bytes([build_event(appointment, text, now or utc_now())])


def case_calendar(
    store: Store, case_id: int, for_member: bool = True, now: datetime | None = None
) -> bytes:
    """Every appointment of a case (cancelled ones as CANCELLED) in one calendar."""
    appointments = store.agenda.for_case(case_id)
    if not appointments:
        raise LookupError("Cette sollicitation n'a aucun rendez-vous.")
    case = store.cases.get(case_id)
    stamp = now or utc_now()
    events = []
    for appointment in appointments:
        hotliner = _hotliner(store, appointment.hotliner_id)
        sentence = appointment_sentence(store, appointment, case)
        text = (
            member_text(hotliner, sentence)
            if for_member
            else hotliner_text(case, hotliner, sentence)
        )
        events.append(build_event(appointment, text, stamp))
    return calendar_bytes(events)


def upcoming_calendar(store: Store, now: datetime | None = None) -> tuple[bytes, int]:
    """The hotliner's upcoming booked calls as one calendar, and how many there are."""
    stamp = now or utc_now()
    appointments = store.agenda.upcoming(stamp)
    events = []
    for appointment in appointments:
        case = store.cases.get(appointment.case_id)
        sentence = appointment_sentence(store, appointment, case)
        text = hotliner_text(case, _hotliner(store, appointment.hotliner_id), sentence)
        events.append(build_event(appointment, text, stamp))
    return calendar_bytes(events, "Écoute – rendez-vous"), len(events)


def write_ics(path: Path | str, data: bytes) -> Path:
    """Write a calendar file atomically (readable by the user's calendar app)."""
    return write_bytes_atomic(path, data, mode=0o644)
