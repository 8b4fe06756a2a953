"""Checking every value a partner's file brings before anything is written.

A file comes from someone else: each field must be one the kind carries, of its type
(stored instant, day, score, workflow word…). A refusal names the field, never its value.
"""

from __future__ import annotations

from datetime import date, time
from typing import Any

from ecoute_desktop.domain.models import AppointmentStatus
from ecoute_desktop.domain.who_calls import WhoCalls
from ecoute_desktop.domain.workflow import Status
from ecoute_desktop.store.pair_records import FIELDS
from ecoute_desktop.store.timestamps import from_db

KIND_WORDS = {
    "person": "d'un écoutant",
    "agenda": "d'un agenda",
    "case": "d'une sollicitation",
    "event": "d'un historique",
    "note": "d'une note",
    "appointment": "d'un rendez-vous",
}
INSTANTS = frozenset({"received_at", "starts_at", "ends_at", "at"})
OPTIONAL_INSTANTS = frozenset(
    {
        "acknowledged_at",
        "call_held_at",
        "questionnaire_sent_at",
        "closed_at",
        "last_call_at",
        "created_at",
        "updated_at",
    }
)
INTEGERS = frozenset({"urgent", "out_of_slot", "sequence", "calls_held"})
OPTIONAL_TEXT = frozenset({"former_reference", "drop_reason", "hotliner", "reason"})


HEX = frozenset("0123456789abcdef")
STATUS_WORDS = frozenset(str(s) for s in Status)
APPOINTMENT_WORDS = frozenset(str(s) for s in AppointmentStatus)
WHO_CALLS_WORDS = frozenset(str(w) for w in WhoCalls)


class BadValue(ValueError):
    """A value of the file is not what its field holds (the message is French)."""


def _instant(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        from_db(value)
    except ValueError:
        return False
    return True


def _day(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _clock(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 5:
        return False
    try:
        time.fromisoformat(value)
    except ValueError:
        return False
    return True


def _slot(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 5
        and isinstance(value[0], int)
        and 0 <= value[0] <= 6
        and _clock(value[1])
        and _clock(value[2])
        and _day(value[3])
        and (value[4] is None or _day(value[4]))
    )


def _absence(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 3
        and _day(value[0])
        and _day(value[1])
        and isinstance(value[2], str)
    )


def _valid(kind: str, name: str, value: Any) -> bool:
    if name in INSTANTS:
        return _instant(value)
    if name in OPTIONAL_INSTANTS:
        return value is None or _instant(value)
    if name in INTEGERS:
        return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**6
    if name in OPTIONAL_TEXT:
        return value is None or isinstance(value, str)
    if name == "message_key":
        return value is None or (
            isinstance(value, str) and len(value) == 64 and all(c in HEX for c in value)
        )
    if name == "satisfaction":
        return value is None or (isinstance(value, int) and 1 <= value <= 5)
    if name in ("status", "from_status", "to_status"):
        return value in (APPOINTMENT_WORDS if kind == "appointment" else STATUS_WORDS)
    if name == "who_calls":
        return value in WHO_CALLS_WORDS
    if name == "themes":
        return isinstance(value, list) and all(isinstance(v, str) and v for v in value)
    if name == "orientations":
        return isinstance(value, list) and all(
            isinstance(v, list) and len(v) == 2 and isinstance(v[0], str) and _instant(v[1])
            for v in value
        )
    if name == "slots":
        return isinstance(value, list) and all(_slot(v) for v in value)
    if name == "absences":
        return isinstance(value, list) and all(_absence(v) for v in value)
    return isinstance(value, str)


def check_value(kind: str, name: str, value: Any) -> None:
    """Raise BadValue unless `value` is what field `name` of a `kind` record holds."""
    if kind not in FIELDS:
        raise BadValue(f"type d'enregistrement inconnu « {kind[:30]} »")
    if name not in FIELDS[kind]:
        raise BadValue(f"champ inconnu « {name[:40]} » {KIND_WORDS[kind]}")
    if not _valid(kind, name, value):
        raise BadValue(f"champ « {name} » {KIND_WORDS[kind]} illisible")


def check_complete(kind: str, names: set[str]) -> None:
    """A record must carry every field of its kind (a new one is written whole)."""
    missing = sorted(set(FIELDS[kind]) - names)
    if missing:
        raise BadValue(f"champ « {missing[0]} » {KIND_WORDS[kind]} manquant")
