"""The passphrase gate: zxcvbn with French dictionaries, the 80-bit goal, French advice.

A phrase is judged twice, as typed and with its separators removed (« le chat dort » and
« lechatdort »): a cracker combines words from a list and tries the usual separators, so
a phrase is worth what its words are worth, not what its spaces add. The weaker of the two
judgements counts. Nothing here says « bits »: people read the time a cracker needs.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ecoute_desktop.services.passphrase import dictionaries
from ecoute_desktop.services.passphrase.durations import crack_time

GOAL_BITS = 80  # log2 of the guesses a cracker needs, at the least
# From here one specialised computer needs centuries: what is missing is the margin against
# thousands of them and the years to come, which the advice then says.
MARGIN_BITS = 60
# Long phrases are judged on their first characters: more text only adds guesses, and
# zxcvbn's matching grows with the square of the length.
JUDGED_LENGTH = 100

# Why a phrase is easy, in the order they are said (a French noun phrase each).
PUBLISHED = "published"
COMMON = "common"
PERSONAL = "personal"
NAME = "name"
PLACE = "place"
ASSOCIATION = "association"
WORDS = "words"
SUBSTITUTION = "substitution"
REVERSED = "reversed"
KEYBOARD = "keyboard"
REPEAT = "repeat"
SEQUENCE = "sequence"
DATE = "date"
REASONS = {
    PUBLISHED: "une phrase déjà imprimée (par Écoute, son aide ou sa notice), que tout le monde"
    " peut lire",
    COMMON: "un mot de passe parmi les plus répandus",
    PERSONAL: "votre nom, votre prénom, votre adresse ou votre téléphone",
    NAME: "un prénom ou un nom de famille",
    PLACE: "un nom de lieu (région, département, ville)",
    ASSOCIATION: "un mot de l'association ou de l'écoute",
    WORDS: "trop peu de mots, et des mots courants",
    SUBSTITUTION: "des lettres remplacées par des chiffres ou des signes (@ pour a, 0 pour o),"
    " qu'un pirate essaie aussi",
    REVERSED: "un mot écrit à l'envers",
    KEYBOARD: "une suite de touches voisines sur le clavier",
    REPEAT: "des répétitions",
    SEQUENCE: "une suite (abcd, 1234)",
    DATE: "une année ou une date",
}
_DICTIONARY_REASONS = {
    "published": PUBLISHED,
    "french_passwords": COMMON,
    "passwords": COMMON,
    "user_inputs": PERSONAL,
    "french_names": NAME,
    "male_names": NAME,
    "female_names": NAME,
    "surnames": NAME,
    "french_places": PLACE,
    "association": ASSOCIATION,
}
_PATTERN_REASONS = {
    "spatial": KEYBOARD,
    "repeat": REPEAT,
    "sequence": SEQUENCE,
    "regex": DATE,
    "date": DATE,
}


@dataclass(frozen=True, slots=True)
class Verdict:
    """The gate's answer: accepted or not, and the words to show the user."""

    acceptable: bool
    bits: float  # log2 of a cracker's guesses: drives the meter, never shown as a number
    level: str  # « Très faible », « Insuffisante », « Bonne », « Excellente »
    crack_time: str  # « environ 3 heures pour un ordinateur spécialisé »
    reasons: tuple[str, ...]  # keys of REASONS, what makes it easy to guess
    advice: str  # French: the verdict, why, and what to do

    @property
    def summary(self) -> str:
        """One line: « Temps pour la deviner : environ 3 heures pour un ordinateur spécialisé. »"""
        return f"Temps pour la deviner : {self.crack_time}."


def _judge_once(text: str, user_inputs: Sequence[str]) -> dict[str, Any]:
    from zxcvbn import zxcvbn  # ~30 ms: with the first phrase judged (issue 16)

    result = zxcvbn(text[:JUDGED_LENGTH], user_inputs=list(user_inputs), max_length=JUDGED_LENGTH)
    return dict(result)  # the stub's TypedDict, read by key as a plain dict


def _reasons(sequence: Iterable[dict[str, Any]]) -> tuple[str, ...]:
    found: set[str] = set()
    for match in sequence:
        pattern = match.get("pattern")
        if pattern == "dictionary":
            found.add(_DICTIONARY_REASONS.get(match.get("dictionary_name", ""), WORDS))
            if match.get("l33t"):
                found.add(SUBSTITUTION)
            if match.get("reversed"):
                found.add(REVERSED)
        elif pattern in _PATTERN_REASONS:
            found.add(_PATTERN_REASONS[pattern])
    if PUBLISHED in found:  # nothing else matters
        return (PUBLISHED,)
    return tuple(reason for reason in REASONS if reason in found)


def personal_words(*values: str | None) -> list[str]:
    """What zxcvbn should know about the user: each value, and each part of an address."""
    words: list[str] = []
    for value in values:
        if not value or not value.strip():
            continue
        words.append(dictionaries.joined(value))
        words.extend(part for part in dictionaries.SEPARATORS.split(value.casefold()) if part)
        if "@" in value:
            words.extend(part for part in value.casefold().replace("@", ".").split(".") if part)
        digits = "".join(ch for ch in value if ch.isdigit())
        if len(digits) >= 4:
            words.append(digits)
    return [word for word in dict.fromkeys(words) if len(word) >= 3]


def _level(bits: float) -> str:
    if bits < 40:
        return "Très faible"
    if bits < GOAL_BITS:
        return "Insuffisante"
    if bits < GOAL_BITS + 20:
        return "Bonne"
    return "Excellente"


def _advice(verdict_bits: float, crack: str, reasons: tuple[str, ...], empty: bool) -> str:
    if empty:
        return "Saisissez une phrase de passe, ou demandez à Écoute d'en proposer une."
    time = f"Temps pour la deviner : {crack}."
    if verdict_bits >= GOAL_BITS:
        return (
            f"Solide. {time} Notez-la en lieu sûr : si vous l'oubliez, personne ne pourra "
            "rouvrir vos notes."
        )
    if verdict_bits >= MARGIN_BITS:  # long for one computer, short for many, and for tomorrow's
        verdict = (
            f"Pas assez sûre. {time} Mais des milliers d'ordinateurs, plus rapides chaque "
            "année, iraient des milliers de fois plus vite : Écoute demande une large marge."
        )
    else:
        verdict = f"Trop facile à deviner. {time}"
    why = (
        "Elle contient " + ", ".join(REASONS[r] for r in reasons) + "."
        if reasons
        else "Elle est trop courte."
    )
    return (
        f"{verdict} {why} Quelqu'un qui volerait l'ordinateur essaierait ces combinaisons "
        "en premier. Le plus sûr : une phrase proposée par Écoute, des mots tirés au hasard."
    )


def sizing_advice() -> str:
    """The longest advice the windows show in practice (a phrase Écoute once printed,
    guessed in under a second), without judging: they size themselves on it before zxcvbn
    and its French lists are loaded (issue 16)."""
    return _advice(0.0, crack_time(1.0), (PUBLISHED,), empty=False)


def warm_up() -> None:
    """Load zxcvbn and the French lists (~150 ms), e.g. on a thread while the user reads:
    the first phrase typed is then judged at once."""
    dictionaries.install()
    _judge_once("ecoute", ())


def judge(passphrase: str, user_inputs: Sequence[str] = ()) -> Verdict:
    """The gate. `user_inputs`: the user's own words (see `personal_words`)."""
    if not passphrase:  # nothing to judge: no need for zxcvbn and its lists
        crack = crack_time(1.0)
        return Verdict(False, 0.0, _level(0.0), crack, (), _advice(0.0, crack, (), True))
    dictionaries.install()
    candidates = dict.fromkeys((passphrase, dictionaries.joined(passphrase)))
    results = [_judge_once(text, user_inputs) for text in candidates if text]
    weakest = min(results, key=lambda result: float(result["guesses"]), default=None)
    guesses = float(weakest["guesses"]) if weakest else 1.0
    bits = math.log2(max(guesses, 1.0))
    reasons = _reasons(weakest["sequence"]) if weakest else ()
    acceptable = bits >= GOAL_BITS
    crack = crack_time(guesses)
    return Verdict(
        acceptable,
        bits,
        _level(bits),
        crack,
        reasons,
        _advice(bits, crack, reasons, not passphrase),
    )
