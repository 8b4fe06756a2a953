"""French knowledge fed to zxcvbn: ranked word lists from `resources/passphrase/`, azerty walks.

zxcvbn ships English dictionaries and qwerty/dvorak keyboards only. A cracker attacking a
French volunteer's base starts with French: frequent words, common French passwords, first
names and surnames, places, the association's own words, phrases Écoute once printed, and
walks on an azerty keyboard. The lists are installed once, through zxcvbn's own extension
points (`matching.RANKED_DICTIONARIES`, `matching.GRAPHS`), the first time a phrase is judged.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from ecoute_desktop.resource_files import read_resource

FOLDER = "passphrase"
# dictionary name (as zxcvbn reports it in a match) → shipped files, most likely words first
RANKED_FILES = {
    "french_words": ("french_words.txt",),
    "french_passwords": ("common_passwords.txt",),
    "french_names": ("names.txt",),
    "french_places": ("places.txt",),
    "association": ("association.txt",),
    # examples once printed, then every phrase the app, its help and docs print
    "published": ("published_phrases.txt", "printed_phrases.txt"),
}
SEPARATORS = re.compile(r"[\s\-_.,;:/'’+·]+")

# The French keyboard, in zxcvbn's slanted layout notation: each key is « unshifted shifted ».
AZERTY = """
³² &1 é2 "3 '4 (5 -6 è7 _8 ç9 à0 )° =+
    aA zZ eE rR tT yY uU iI oO pP ^¨ $£
     qQ sS dD fF gG hH jJ kK lL mM ù% *µ
   <> wW xX cC vV bB nN ,? ;. :/ !§
"""


def plain(text: str) -> str:
    """`text` without its accents: « écoute » → « ecoute »."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def joined(text: str) -> str:
    """Lower case, separators removed: how a cracker types a phrase of words as one string."""
    return SEPARATORS.sub("", text.casefold())


def read_list(name: str) -> list[str]:
    """The entries of one shipped list, in order, comments and blank lines left out."""
    lines = read_resource(FOLDER, name).splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def ranked(words: list[str]) -> dict[str, int]:
    """zxcvbn's ranked dictionary (1 = first guess), each word's plain form at the same rank."""
    ranks: dict[str, int] = {}
    for rank, word in enumerate(words, 1):
        for form in (joined(word), plain(joined(word))):
            ranks.setdefault(form, rank)
    return ranks


def _slanted_neighbours(x: int, y: int) -> list[tuple[int, int]]:
    return [(x - 1, y), (x, y - 1), (x + 1, y - 1), (x + 1, y), (x, y + 1), (x - 1, y + 1)]


def keyboard_graph(layout: str) -> dict[str, list[str | None]]:
    """zxcvbn's adjacency graph of a slanted keyboard (its build script's algorithm)."""
    positions: dict[tuple[int, int], str] = {}
    for y, line in enumerate(layout.split("\n")):
        slant = y - 1
        for token in line.split():
            positions[((line.index(token) - slant) // 3, y)] = token
    graph: dict[str, list[str | None]] = {}
    for (x, y), keys in positions.items():
        for char in keys:
            graph[char] = [positions.get(coord) for coord in _slanted_neighbours(x, y)]
    return graph


@cache
def install() -> None:
    """Add the French lists and the azerty keyboard to zxcvbn (once per process).

    zxcvbn scores walks on keyboards other than qwerty and dvorak with its keypad figures
    (fewer starting keys): azerty walks come out slightly easier than they are, never harder.
    """
    from zxcvbn import matching  # with the first phrase judged, not with the windows

    for name, files in RANKED_FILES.items():
        words = [word for file in files for word in read_list(file)]
        matching.RANKED_DICTIONARIES[name] = ranked(words)
    matching.GRAPHS["azerty"] = keyboard_graph(AZERTY)
