"""Who calls whom at an appointment, and the one sentence that says it everywhere.

The association's procedure: the hotliner calls the member back at the number the
member gave, and the member is also given the hotliner's number in case of trouble.
The other way, chosen per appointment: the member calls the hotliner's number.
The confirmation e-mail, both calendar events, the desk and the help all print
`call_sentence(...)`, so the member and the hotliner read the same words.
"""

from __future__ import annotations

from enum import StrEnum

MISSING_NUMBER = "(numéro à préciser)"


class WhoCalls(StrEnum):
    """The way of one call; the values are stored."""

    HOTLINER_CALLS = "écoutant"  # the default: the hotliner calls the member back
    MEMBER_CALLS = "adhérent"

    @property
    def label(self) -> str:
        """The choice as offered when booking."""
        return CHOICE_LABELS[self]


CHOICE_LABELS: dict[WhoCalls, str] = {
    WhoCalls.HOTLINER_CALLS: "L'écoutant(e) rappelle l'adhérent(e)",
    WhoCalls.MEMBER_CALLS: "L'adhérent(e) appelle l'écoutant(e)",
}


def parse_who_calls(value: str | None) -> WhoCalls:
    """The stored way of a call; anything unknown is the default way."""
    try:
        return WhoCalls(value or WhoCalls.HOTLINER_CALLS)
    except ValueError:
        return WhoCalls.HOTLINER_CALLS


def call_sentence(who: WhoCalls, member_phone: str, hotliner_phone: str) -> str:
    """The sentence for this way of calling, the same for the member and the hotliner."""
    member = member_phone.strip() or MISSING_NUMBER
    hotliner = hotliner_phone.strip() or MISSING_NUMBER
    if who is WhoCalls.MEMBER_CALLS:
        return f"L'adhérent(e) appelle l'écoutant(e) au {hotliner}."
    return (
        f"L'écoutant(e) appelle l'adhérent(e) au {member} ; en cas d'empêchement, "
        f"l'adhérent(e) peut joindre l'écoutant(e) au {hotliner}."
    )
