"""The pair phrase: 8 common French words and a check word, and the keys derived from it.

Words are drawn with `secrets` from the first 8,192 distinct words of the passphrase draw
list (accents and case folded: « élève » and « eleve » are one word), 13 bits each: 104
bits. The 9th word is computed from the 8, so a word misheard on the phone is caught. The
256-bit pair key is HKDF-SHA256 of the folded words; the file key, the seal key and the
pair id are HMAC-SHA256 of the pair key with distinct labels (docs/binome.md).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata
from functools import cache

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ecoute_desktop.services.passphrase.drawing import draw_list
from ecoute_desktop.store.pair_file import Keys

WORDS = 8
LIST_SIZE = 8192
_SALT = b"ecoute-binome-phrase-v1"


class PhraseError(ValueError):
    """The phrase typed cannot be the partner's (French message)."""


def fold(word: str) -> str:
    """Lower case without accents: what is compared when a word is typed back."""
    decomposed = unicodedata.normalize("NFKD", word.strip().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def word_list() -> tuple[str, ...]:
    """The 8,192 words phrases are made of (shipped order, one per folded form)."""
    chosen: dict[str, str] = {}
    for word in draw_list():
        folded = fold(word)
        if folded.isalpha() and folded not in chosen:
            chosen[folded] = word
        if len(chosen) == LIST_SIZE:
            break
    if len(chosen) < LIST_SIZE:
        raise RuntimeError("the draw list is too short for pair phrases")
    return tuple(chosen.values())


@cache
def _index() -> dict[str, int]:
    return {fold(word): i for i, word in enumerate(word_list())}


def _check_word(folded: list[str]) -> str:
    digest = hashlib.sha256(" ".join(folded).encode()).digest()
    return word_list()[int.from_bytes(digest[:4], "big") % LIST_SIZE]


def new_phrase() -> str:
    """Eight words drawn at random, then the check word."""
    words = [secrets.choice(word_list()) for _ in range(WORDS)]
    return " ".join([*words, _check_word([fold(w) for w in words])])


def pair_key(phrase: str) -> bytes:
    """The 256-bit pair key of a phrase typed back; PhraseError saying what is wrong."""
    typed = [fold(w) for w in phrase.replace(",", " ").replace("-", " ").split()]
    if len(typed) != WORDS + 1:
        raise PhraseError(
            f"La phrase du binôme compte {WORDS + 1} mots ; {len(typed)} ont été saisis."
        )
    index = _index()
    for number, word in enumerate(typed, 1):
        if word not in index:
            raise PhraseError(  # the word itself is not repeated: it is part of a secret
                f"Le mot n° {number} n'est pas un mot de la liste : vérifiez son orthographe."
            )
    words = typed[:WORDS]
    if fold(_check_word(words)) != typed[-1]:
        raise PhraseError(
            "Le dernier mot (le mot de contrôle) ne correspond pas aux huit premiers : "
            "un mot a été mal entendu ou mal tapé. Relisez la phrase ensemble."
        )
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=_SALT, info=b"pair key").derive(
        " ".join(words).encode()
    )


def _label(key: bytes, label: str) -> bytes:
    return hmac.new(key, label.encode(), hashlib.sha256).digest()


def keys_of(key: bytes) -> Keys:
    """The file key, the seal key and the pair id of a pair key."""
    return Keys(
        _label(key, "ecoute-binome file key"),
        _label(key, "ecoute-binome seal key"),
        _label(key, "ecoute-binome pair id")[:16].hex(),
    )
