"""How long a cracker needs, in French words: « environ 3 heures pour un ordinateur spécialisé ».

The attacker holds a copy of the base (a stolen laptop, a lost USB stick) and tries
passphrases offline. SQLCipher 4 derives each key with 256,000 rounds of PBKDF2-HMAC-SHA512.
One current high-end graphics card runs about 3.5 million PBKDF2-HMAC-SHA512 of 1,000 rounds
a second (public hashcat benchmarks, mode 12100), so about 14,000 of SQLCipher's a second:
2^27 guesses take about 3 hours. That one card is « un ordinateur spécialisé ».
"""

from __future__ import annotations

GUESSES_PER_SECOND = 14_000
SPECIALISED_COMPUTER = "pour un ordinateur spécialisé"

MINUTE = 60
HOUR = 60 * MINUTE
DAY = 24 * HOUR
MONTH = 30.44 * DAY
YEAR = 365.25 * DAY

# (seconds in one unit, singular with its article, plural), smallest first
_UNITS: tuple[tuple[float, str, str], ...] = (
    (1, "une seconde", "secondes"),
    (MINUTE, "une minute", "minutes"),
    (HOUR, "une heure", "heures"),
    (DAY, "un jour", "jours"),
    (MONTH, "un mois", "mois"),
    (YEAR, "un an", "ans"),
    (100 * YEAR, "un siècle", "siècles"),
)
# beyond ten centuries, orders of magnitude are all a person can use
_HUGE = (
    (1e9 * YEAR, "plus d'un milliard d'années"),
    (1e6 * YEAR, "plus d'un million d'années"),
    (1e3 * YEAR, "plus de mille ans"),
)


def duration_words(seconds: float) -> str:
    """« moins d'une seconde », « environ 3 heures », « environ un mois », « plus de mille ans »."""
    if seconds < 1:
        return "moins d'une seconde"
    for threshold, words in _HUGE:
        if seconds >= threshold:
            return words
    chosen = _UNITS[0]
    for unit in _UNITS:
        if seconds >= unit[0] * 0.95:  # 58 minutes is « environ une heure »
            chosen = unit
    size, one, many = chosen
    count = max(1, round(seconds / size))
    return f"environ {one}" if count == 1 else f"environ {count} {many}"


def crack_time(guesses: float) -> str:
    """Time for one specialised computer to try `guesses` passphrases, in French words."""
    return f"{duration_words(guesses / GUESSES_PER_SECOND)} {SPECIALISED_COMPUTER}"
