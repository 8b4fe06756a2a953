"""Whether the member says their request is urgent, and the words that say so."""

from __future__ import annotations

import re

_URGENT_WORDS = re.compile(
    r"\b(?:urgen(?:t|te|ts|tes|ce|ces)|urgemment|au plus vite|dès que possible|au plus tôt"
    r"|rapidement possible)\b",
    re.IGNORECASE,
)
# « pas urgent », « rien d'urgent », « sans urgence », « aucune urgence », « non urgent »:
# the words are there, the urgency is not.
_DENIED = re.compile(
    r"(?:\bpas\s+(?:(?:très|trop|si|vraiment|d')\s*)?|\brien\s+d'|\bsans\s+|\baucune\s+|\bnon[\s-]+"
    r"|\bn'y\s+a\s+pas\s+d'|\bpeu\s+)$",
    re.IGNORECASE,
)
_SUBJECT_URGENT = re.compile(r"\bURGENT(?:E|ES|S)?\b|\burgen(?:t|te|ce)\b", re.IGNORECASE)
MAX_TEXT_CHARS = 50_000


def urgency(subject: str, body: str) -> tuple[bool, str]:
    """(urgent, reason): the matched words, as written, in order (subject first)."""
    words: list[str] = []
    for text, pattern in ((subject, _SUBJECT_URGENT), (body[:MAX_TEXT_CHARS], _URGENT_WORDS)):
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - 24) : match.start()]
            if _DENIED.search(before):
                continue
            word = " ".join(match.group(0).split())
            if word.casefold() not in (w.casefold() for w in words):
                words.append(word)
    return bool(words), ", ".join(words)
