"""Conversion of instants and days to and from their stored text form (UTC, ISO 8601)."""

from __future__ import annotations

from datetime import date
from typing import overload

# One implementation, in the domain: the screens' drafts write instants the same way.
from ecoute_desktop.domain.utc_text import parse_utc_text as from_db
from ecoute_desktop.domain.utc_text import utc_text as to_db

__all__ = ["day_from_db", "day_to_db", "from_db", "to_db"]


def day_to_db(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


@overload
def day_from_db(text: str) -> date: ...
@overload
def day_from_db(text: None) -> None: ...
def day_from_db(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)
