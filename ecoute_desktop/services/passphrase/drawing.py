"""Proposed passphrases: French words drawn with `secrets` from a shipped list, never printed.

Each word drawn uniformly from a list of L words is worth log2(L) bits (the EFF's dice
lists' rule), whoever knows the list. The list (`resources/passphrase/draw_words.txt`, built
from the French list xkcdpass ships, see SOURCES.md) holds about 10,500 common words, 13.4
bits each: 6 words reach 80 bits by construction. The gate, which ranks words by frequency
as a cracker who does not know the list would, judges one such 6-word draw in five under
80 bits; one more word puts every draw over (the lowest of 1,000 draws: 82 bits). A draw the
gate would still refuse is drawn again, so a proposed phrase is always accepted.
"""

from __future__ import annotations

import math
import secrets
from functools import cache

from ecoute_desktop.services.passphrase.dictionaries import read_list
from ecoute_desktop.services.passphrase.strength import GOAL_BITS, judge

DRAW_FILE = "draw_words.txt"
SEPARATOR = " "
MAX_DRAWS = 100  # never reached in practice; a list that cannot pass is a bug, said loudly


@cache
def draw_list() -> tuple[str, ...]:
    """The words a phrase is drawn from (distinct, in the shipped order)."""
    return tuple(dict.fromkeys(read_list(DRAW_FILE)))


def bits_per_word() -> float:
    return math.log2(len(draw_list()))


def words_per_phrase() -> int:
    """Enough words for GOAL_BITS by construction, plus one for the frequency-minded gate."""
    return math.ceil(GOAL_BITS / bits_per_word()) + 1


def suggest() -> str:
    """A freshly drawn phrase (« mot mot mot … »), which the gate accepts."""
    words = draw_list()
    for _ in range(MAX_DRAWS):
        phrase = SEPARATOR.join(secrets.choice(words) for _ in range(words_per_phrase()))
        if judge(phrase).acceptable:
            return phrase
    raise RuntimeError("the draw list cannot make a phrase the gate accepts")
