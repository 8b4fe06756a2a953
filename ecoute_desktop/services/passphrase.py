"""Passphrase strength estimate (words or character classes) and the French verdict shown."""

from __future__ import annotations

import math
from dataclasses import dataclass

# « About 80 bits »: 12 characters of all four classes (78.8 bits) or 7 words (80.5).
MIN_BITS = 78.0
# A word chosen by a person from their own vocabulary: about 2,900 likely words.
BITS_PER_WORD = 11.5
_SYMBOLS = 33
_ACCENTED = 30


@dataclass(frozen=True, slots=True)
class Strength:
    """How hard a passphrase is to guess, with the words to show the user."""

    bits: float
    level: str  # « Très faible », « Insuffisante », « Bonne », « Excellente »
    acceptable: bool
    advice: str


def _pool_size(text: str) -> int:
    pool = 0
    if any(ch.islower() and ch.isascii() for ch in text):
        pool += 26
    if any(ch.isupper() and ch.isascii() for ch in text):
        pool += 26
    if any(ch.isdigit() for ch in text):
        pool += 10
    if any(not ch.isalnum() and ch.isascii() for ch in text):
        pool += _SYMBOLS
    if any(not ch.isascii() for ch in text):
        pool += _ACCENTED
    return pool


def _effective_length(text: str) -> int:
    """Length ignoring repeats (`aaaa`) and runs (`abcd`, `1234`) beyond their first two."""
    length = 0
    for index, ch in enumerate(text):
        if index >= 2:
            step1 = ord(ch) - ord(text[index - 1])
            step2 = ord(text[index - 1]) - ord(text[index - 2])
            if step1 == step2 and abs(step1) <= 1:
                continue
        length += 1
    return length


def character_bits(text: str) -> float:
    """Brute-force estimate from the length and the classes of characters used."""
    pool = _pool_size(text)
    return _effective_length(text) * math.log2(pool) if pool else 0.0


def word_bits(text: str) -> float:
    """Dictionary estimate: each distinct word counts for BITS_PER_WORD at most."""
    seen: set[str] = set()
    bits = 0.0
    for token in text.split():
        key = token.casefold()
        if key in seen:
            continue
        seen.add(key)
        bits += (
            min(BITS_PER_WORD, character_bits(token))
            if token.isalpha()
            else (character_bits(token))
        )
    return bits


def estimate_bits(passphrase: str) -> float:
    """The lower of the two estimates: an attacker picks the cheaper attack."""
    if not passphrase:
        return 0.0
    chars = character_bits(passphrase)
    if len(passphrase.split()) >= 2:
        return min(chars, word_bits(passphrase))
    return chars


def assess(passphrase: str) -> Strength:
    """Strength of a passphrase and, when too weak, why, in French."""
    bits = estimate_bits(passphrase)
    if bits < 50:
        level = "Très faible"
    elif bits < MIN_BITS:
        level = "Insuffisante"
    elif bits < 100:
        level = "Bonne"
    else:
        level = "Excellente"
    acceptable = bits >= MIN_BITS
    if acceptable:
        advice = "Cette phrase de passe protège bien vos notes. Notez-la en lieu sûr."
    else:
        advice = (
            f"Trop facile à deviner (environ {bits:.0f} bits, il en faut environ 80). "
            "Vos notes contiennent des confidences : quelqu'un qui volerait l'ordinateur "
            "pourrait essayer des milliards de phrases. Choisissez au moins 7 mots sans lien "
            "entre eux, ou au moins 12 caractères mêlant minuscules, majuscules, chiffres "
            "et signes."
        )
    return Strength(bits, level, acceptable, advice)
