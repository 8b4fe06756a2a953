"""Case references, unique across the pair: « 2026-A-014 » on one laptop, « 2026-B-003 » on
the other.

Each laptop numbers its cases per year behind its own letter. References written before
the letters (« 2026-0042 ») are renumbered once by a migration, which keeps the old one as
the case's former reference: search, the questionnaire import and `--case` still find it.

The rule that keeps two linked laptops apart: the letter is a setting of each database
(Paramètres › Profil et binôme); until it is chosen, the partner whose name (nom, then
prénom, case and accents ignored) comes first alphabetically is « A » and the other « B »,
a rule both laptops compute alike from the names they both hold.
"""

from __future__ import annotations

import re
import string

from ecoute_desktop.domain.taxonomy import fold

LETTERS: tuple[str, ...] = tuple(string.ascii_uppercase)
DEFAULT_LETTER = "A"
NEW_FORM = re.compile(r"(\d{4})-([A-Za-z])-(\d{1,6})")
OLD_FORM = re.compile(r"(\d{4})-(\d{1,6})")
FORMAT_HINT = "AAAA-L-NNN, par ex. 2026-A-042 (ou l'ancienne forme 2026-0042)"


def make_reference(year: int, letter: str, number: int) -> str:
    """`2026-A-042`: at least three digits, more when a laptop passes 999 in a year."""
    return f"{year:04d}-{letter}-{number:03d}"


def normalise(text: str) -> str | None:
    """The canonical form of a reference in either form, or None when it is not one.

    `2026-a-42` → `2026-A-042`; the old form keeps four digits: `2026-42` → `2026-0042`.
    Number 0 is not a reference.
    """
    text = text.strip()
    if match := NEW_FORM.fullmatch(text):
        year, letter, number = match.groups()
        return make_reference(int(year), letter.upper(), int(number)) if int(number) else None
    if match := OLD_FORM.fullmatch(text):
        year, number = match.groups()
        return f"{int(year):04d}-{int(number):04d}" if int(number) else None
    return None


def is_old_form(reference: str) -> bool:
    """A reference from before the pair letters (`2026-0042`)."""
    return OLD_FORM.fullmatch(reference) is not None


def renumbered(old_reference: str, letter: str) -> str:
    """The new form of an old reference, keeping its number: `2026-0042` → `2026-A-042`."""
    match = OLD_FORM.fullmatch(old_reference)
    if match is None:
        raise ValueError(old_reference)
    return make_reference(int(match.group(1)), letter, int(match.group(2)))


def check_letter(letter: str) -> str:
    """One capital letter, or a French ValueError."""
    cleaned = letter.strip().upper()
    if cleaned not in LETTERS:
        raise ValueError("La lettre des références est une lettre de A à Z.")
    return cleaned


def default_letter(me: tuple[str, str] | None, partner: tuple[str, str] | None) -> str:
    """A for the partner whose (nom, prénom) sorts first, B for the other; A when alone."""
    if me is None or partner is None:
        return DEFAULT_LETTER
    mine = (fold(me[0]), fold(me[1]))
    theirs = (fold(partner[0]), fold(partner[1]))
    return "B" if theirs < mine else "A"
