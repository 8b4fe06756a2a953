"""A request forwarded to the hotliner: the original's sender, date and text.

Outlook writes « De : / Envoyé : / À : / Objet : » above the original text (often after
« -----Message d'origine----- »), Gmail « ---------- Forwarded message --------- » then
« De : / Date : », Apple Mail « Début du message réexpédié : ». The original's « Envoyé : »
date is when the member wrote: the 48-hour clock starts there, not at the forward.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from ecoute_desktop.domain.french_dates import MONTHS
from ecoute_desktop.domain.timeutil import PARIS, as_utc
from ecoute_desktop.services.intake.mime import header_date, sender
from ecoute_desktop.services.intake.text import one_line

_FROM_LINE = re.compile(r"^[ \t>*]*(?:De|From)[ \t\u00a0]*:[ \t]*(?P<v>.+)$", re.I | re.M)
_FIELD = re.compile(
    r"^[ \t>*]*(?P<k>De|From|Envoyé|Date|À|A|To|Cc|Objet|Subject)[ \t\u00a0]*:[ \t]*(?P<v>.*)$",
    re.I,
)
_MONTH_WORDS = "|".join(m[:3] for m in MONTHS) + "|fév|aoû|dec|fev|aou"
_FRENCH_DATE = re.compile(
    rf"(?P<d>\d{{1,2}})(?:er)?\s+(?P<m>(?:{_MONTH_WORDS})[a-zéû]*)\.?\s+(?P<y>\d{{4}})"
    r"\D{1,6}?(?P<h>\d{1,2})\s*[:h]\s*(?P<mi>\d{2})",
    re.I,
)
_NUMERIC_DATE = re.compile(
    r"(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\D{1,6}?(?P<h>\d{1,2})\s*[:h]\s*(?P<mi>\d{2})"
)
MAX_TEXT_CHARS = 50_000


@dataclass(frozen=True, slots=True)
class Forwarded:
    """The original message found inside a forward."""

    name: str
    address: str
    sent_at: datetime | None
    subject: str
    text: str  # the original's text, below its header block


def find_forwarded(body: str) -> Forwarded | None:
    """The first « De : … » block followed by a date or subject line, if there is one."""
    text = body[:MAX_TEXT_CHARS]
    for match in _FROM_LINE.finditer(text):
        block: dict[str, str] = {}
        end = match.start()  # where the header block ends
        for line in text[match.start() : match.start() + 4_000].split("\n")[:8]:
            field = _FIELD.match(line)
            if field is None:
                break
            block.setdefault(_key(field.group("k")), field.group("v").strip())
            end += len(line) + 1
        if "date" not in block and "subject" not in block:
            continue
        name, address = _who(block.get("from", ""))
        if not (name or address):
            continue
        rest = text[end:].strip()
        return Forwarded(
            name=name,
            address=address,
            sent_at=french_datetime(block.get("date", "")),
            subject=one_line(block.get("subject", "")),
            text=rest,
        )
    return None


def _key(label: str) -> str:
    label = label.casefold()
    if label in ("de", "from"):
        return "from"
    if label in ("envoyé", "date"):
        return "date"
    if label in ("objet", "subject"):
        return "subject"
    return label


def _who(value: str) -> tuple[str, str]:
    """« Marc Le Goff [mailto:m@x.org] » or « Marc <m@x.org> » → (name, address)."""
    value = re.sub(r"\[mailto:([^\]]+)\]", r"<\1>", one_line(value))
    name, address = sender(value)
    if not name and "<" in value:
        name = value.partition("<")[0].strip(" \"'")
    if not name and not address:
        name = value.strip(" \"'")
    return name, address


def french_datetime(value: str) -> datetime | None:
    """« lundi 2 mars 2026 09:14 », « 02/03/2026 09:14 » (Paris time) or RFC 5322, in UTC."""
    found = _FRENCH_DATE.search(value)
    month = 0
    if found:
        prefix = found.group("m").casefold()[:3].replace("fev", "fév").replace("aou", "aoû")
        prefix = prefix.replace("dec", "déc")
        month = next((i + 1 for i, m in enumerate(MONTHS) if m.startswith(prefix)), 0)
    else:
        found = _NUMERIC_DATE.search(value)
        month = int(found.group("m")) if found else 0
    if found and month:
        try:
            local = datetime(
                int(found.group("y")),
                month,
                int(found.group("d")),
                int(found.group("h")),
                int(found.group("mi")),
                tzinfo=PARIS,
            )
        except ValueError:
            return None
        return as_utc(local) if 1970 <= local.year <= 2999 else None
    return header_date(value)
