"""Parsing the cells of the spreadsheet: dates in Paris time, yes/no, references, statuses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime

from ecoute_desktop.domain.references import FORMAT_HINT, normalise
from ecoute_desktop.domain.taxonomy import fold
from ecoute_desktop.domain.timeutil import LAST_YEAR, PARIS, as_paris
from ecoute_desktop.domain.workflow import LEGACY_DROP_REASONS, DropReason, Status

FIRST_YEAR = 2000  # earlier years are typing mistakes (or a spreadsheet's zero date)

_FRENCH_DATE = re.compile(
    r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(\d{1,2})\s*[:hH]\s*(\d{2})(?::(\d{2}))?)?$"
)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATE_FORMATS = "attendu JJ/MM/AAAA, JJ/MM/AAAA HH:MM ou AAAA-MM-JJTHH:MM"

TRUE_WORDS = frozenset({"oui", "o", "1", "vrai", "x", "yes", "y", "true"})
FALSE_WORDS = frozenset({"non", "n", "0", "faux", "no", "false"})


class CellError(ValueError):
    """A cell that cannot be read; the message is a French reason without personal data."""


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem of the file: physical line (header = 1), column (if any), French reason."""

    line: int
    column: str | None
    reason: str

    def __str__(self) -> str:
        where = f"ligne {self.line}" + (f", colonne {self.column}" if self.column else "")
        return f"{where} : {self.reason}"


@dataclass(frozen=True, slots=True)
class Moment:
    """An instant read from a cell, in UTC; `date_only` when the cell gave no time of day."""

    at: datetime
    date_only: bool = False

    @property
    def day(self) -> date:
        """The Paris calendar day of the instant."""
        return as_paris(self.at).date()

    def before(self, other: Moment) -> bool:
        """Strictly earlier than `other`, comparing days only when either lacks a time."""
        if self.date_only or other.date_only:
            return self.day < other.day
        return self.at < other.at


def _paris(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0):
    return datetime(year, month, day, hour, minute, second, tzinfo=PARIS).astimezone(UTC)


def _plausible(year: int, text: str) -> None:
    """Refuse a year the app cannot hold (year 1 would not even convert to UTC)."""
    if year < FIRST_YEAR:
        raise CellError(f"date improbable « {text} » (année avant {FIRST_YEAR})")
    if year > LAST_YEAR:
        raise CellError(f"date improbable « {text} » (année après {LAST_YEAR})")


def parse_moment(text: str) -> Moment | None:
    """A date or date-time in Paris time (or with an explicit offset, ISO 8601); None if empty.

    Years outside FIRST_YEAR..LAST_YEAR are refused before any time-zone arithmetic
    (« 01/01/0001 » raised OverflowError once converted to UTC).
    """
    text = text.strip()
    if not text:
        return None
    try:
        if match := _FRENCH_DATE.match(text):
            day, month, year, hour, minute, second = match.groups()
            numbers = [int(day), int(month), int(year)]
            _plausible(numbers[2], text)
            if hour is None:
                moment = Moment(_paris(numbers[2], numbers[1], numbers[0]), date_only=True)
            else:
                clock = (int(hour), int(minute), int(second or 0))
                moment = Moment(_paris(numbers[2], numbers[1], numbers[0], *clock))
        elif _ISO_DAY.match(text):
            day_value = date.fromisoformat(text)
            _plausible(day_value.year, text)
            moment = Moment(_paris(day_value.year, day_value.month, day_value.day), True)
        else:
            parsed = datetime.fromisoformat(text)
            _plausible(parsed.year, text)
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=PARIS)
            moment = Moment(parsed.astimezone(UTC).replace(microsecond=0))
    except CellError:
        raise
    except (ValueError, OverflowError):
        raise CellError(f"date invalide « {text} » ({_DATE_FORMATS})") from None
    _plausible(moment.day.year, text)  # an offset can move the day across a year
    return moment


def parse_yes_no(text: str) -> bool:
    """oui/non (also o/n, 1/0, vrai/faux, x); empty means non."""
    word = fold(text)
    if not word or word in FALSE_WORDS:
        return False
    if word in TRUE_WORDS:
        return True
    raise CellError(f"valeur « {text.strip()} » non comprise (attendu oui ou non)")


def parse_reference(text: str) -> str | None:
    """`2026-A-042`, or the old `2026-0042` (numbers zero-padded: `2026-a-42` is the same).

    None if empty. An old-form reference given to a new case is renumbered when the case
    is created and kept as its former reference (store/cases.py).
    """
    text = text.strip()
    if not text:
        return None
    reference = normalise(text)
    if reference is None:
        raise CellError(f"référence invalide « {text} » (attendu {FORMAT_HINT})")
    return reference


_STATUSES = {fold(status.value): status for status in Status}
_REASONS = {
    **{fold(reason.value): reason for reason in DropReason},
    **{fold(old): reason for old, reason in LEGACY_DROP_REASONS.items()},
}
_STATUS_LIST = ", ".join(status.value for status in Status)


def parse_status(text: str) -> tuple[Status, DropReason | None] | None:
    """A workflow state, case and accents ignored; `sans suite (ne répond pas)` gives a reason.

    Plain `sans suite` gives no reason (the `motif` column, else « non précisé »).
    None when the cell is empty.
    """
    word = fold(text)
    if not word:
        return None
    if word in _STATUSES and word != fold(Status.DROPPED.value):
        return _STATUSES[word], None
    dropped = fold(Status.DROPPED.value)
    if word.startswith(dropped):
        rest = word[len(dropped) :].strip(" -:()–,")
        if not rest:
            return Status.DROPPED, None
        return Status.DROPPED, parse_reason(rest)
    raise CellError(f"statut inconnu « {text.strip()} » (statuts : {_STATUS_LIST})")


def parse_reason(text: str) -> DropReason:
    """A « sans suite » reason (the `motif` column), case and accents ignored."""
    word = fold(text)
    if word in _REASONS:
        return _REASONS[word]
    reasons = ", ".join(reason.value for reason in DropReason)
    raise CellError(f"motif de « sans suite » inconnu « {text.strip()} » (motifs : {reasons})")


def split_values(text: str) -> list[str]:
    """The non-empty values of a multi-valued cell (separated by `|`)."""
    return [part.strip() for part in text.split("|") if part.strip()]
