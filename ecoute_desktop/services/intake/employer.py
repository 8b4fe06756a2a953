"""The member's fonction (job) and collectivité (employer), guessed from their e-mail's text.

Three places are read, the first that answers wins for each field:
1. labelled lines: « Fonction : DST », « Collectivité : Mairie de Vannes »;
2. sentences: « je suis DST à la mairie de Vannes », « je travaille à Brest Métropole
   en tant que responsable voirie »;
3. the signature block after « Cordialement » (or `-- `): the line that names an
   employer, and the job line next to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_TEXT_CHARS = 50_000
_MAX_FIELD = 90
# Sentences and signature lines are cut before the patterns run: a hostile run of
# 50,000 spaces must not cost each pattern a quadratic search.
_MAX_SENTENCE = 400
_MAX_LINE = 200
# « Fonction : », with the spaces French typography puts before the colon (one line only).
_COLON = "[ \t\u00a0\u202f]*:[ \t\u00a0\u202f]*"

_FONCTION_LABEL = re.compile(
    rf"^[ \t>*•-]*(?:ma\s+)?(?:fonction|poste(?:\s+occupé)?|métier|emploi|grade){_COLON}(?P<v>.+)$",
    re.I | re.M,
)
_EMPLOYER_LABEL = re.compile(
    r"^[ \t>*•-]*(?:ma\s+)?(?:collectivit[ée](?:\s*(?:employeur|/\s*employeur))?|employeur"
    rf"|structure|organisme|administration|établissement){_COLON}(?P<v>.+)$",
    re.I | re.M,
)
# Nouns that open an employer's name: « Mairie de Vannes », « Communauté de communes … ».
_EMPLOYER_NOUN = (
    r"mairie|ville|commune|communauté|métropole|conseil\s+(?:départemental|régional|général)"
    r"|département|région|syndicat|sivu|sivom|sdis|ccas|cias|agglomération|agglo"
    r"|centre\s+de\s+gestion|cdg\s*\d*|collectivité|établissement\s+public|office\s+public"
    r"|intercommunalité|parc\s+naturel|pôle\s+métropolitain|hôtel\s+de\s+ville"
)
_EMPLOYER_START = re.compile(rf"\b(?:{_EMPLOYER_NOUN})\b|\bC[ACU]\s+(?:du|de|des)\b", re.I)
# « Brest Métropole », « Lorient Agglomération »: the place comes first.
_PLACE_FIRST = re.compile(
    r"(?:\b[A-ZÀ-Ý][\w'-]*\s+){1,3}(?:Métropole|Agglomération|Agglo|Communauté)\b"
)
_EMPLOYER_END = re.compile(
    r"[,;:()!?]|\.(?:\s|$)|\s(?:depuis|en\s+tant\s+que|comme|où|et|pour|qui|car|mais|je|j'"
    r"|avec|dans\s+le\s+cadre|au\s+sein|sur)\b",
    re.I,
)
_SPEAKER = re.compile(
    r"\bje\s+(?:suis|travaille|occupe|exerce)\b|\bj'(?:occupe|exerce|interviens)\b", re.I
)
# No employer noun: « ingénieur eau à Quimper Bretagne Occidentale » names it by capitals.
_NAMED_PLACE = re.compile(
    r"\s(?:à|au\s+sein\s+de|chez)\s+(?P<c>[A-ZÀ-Ý][\w'-]*(?:\s+(?:[A-ZÀ-Ý][\w'-]*"
    r"|de|du|des|d'|la|le|les|sur|en)(?=\s|$|[,.;]))*)"
)
_ROLE_AFTER = re.compile(
    r"\b(?:en\s+tant\s+que|comme|en\s+qualité\s+de)\s+(?P<v>[^,.;:!?\n]+)", re.I
)
_TRAILING_LINK = re.compile(
    r"\s*(?:\bau\s+sein\s+d(?:e\s+la|e\s+l'|u|es)|\bà\s+la|\bà\s+l'|\bau|\baux|\bà|\bde\s+la|\bde\s+l'"
    r"|\bdu|\bdes|\bde|\bd'|\bdans\s+(?:la|le|l'|les)|\bchez|\bpour\s+(?:la|le|l'|les))\s*$",
    re.I,
)
_LEADING_FILLER = re.compile(
    r"^(?:\s*(?:actuellement|aujourd'hui|depuis\s+\d+\s+ans|employée?|en\s+poste|le\s+poste\s+de"
    r"|la\s+fonction\s+de|les\s+fonctions\s+de|comme|en\s+tant\s+que|un|une|le|la|l'|les)\b'?)+\s*",
    re.I,
)
_CLOSING = re.compile(
    r"^(?:(?:bien|très|trés)\s+)?cordialement|^bien\s+à\s+(?:vous|toi)|^(?:sincères\s+)?salutations"
    r"|^respectueusement|^bonne\s+(?:journée|soirée)|^merci(?:\s+(?:d'avance|par\s+avance|beaucoup))?"
    r"[\s,.!]*$|^--\s*$",
    re.I,
)
_NOT_A_ROLE = re.compile(
    r"@|https?:|www\.|\b\d{5}\b|\d[\d .]{7,}|^\s*(?:\d+[\s,]|bp\b|cs\s*\d|tél|tel|port|mob|fax)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Employment:
    """What the text says of the member's job and employer ('' when it does not)."""

    fonction: str = ""
    collectivite: str = ""
    signature_name: str = ""


def guess_employment(text: str, sender_name: str = "") -> Employment:
    """Fonction and collectivité from labelled lines, then sentences, then the signature."""
    text = text[:MAX_TEXT_CHARS]
    fonction = _labelled(_FONCTION_LABEL, text)
    collectivite = _labelled(_EMPLOYER_LABEL, text)
    if not fonction or not collectivite:
        said_fonction, said_employer = _from_sentences(text)
        fonction = fonction or said_fonction
        collectivite = collectivite or said_employer
    signed_name = ""
    if not fonction or not collectivite:
        signed_fonction, signed_employer, signed_name = _from_signature(text, sender_name)
        fonction = fonction or signed_fonction
        collectivite = collectivite or signed_employer
    return Employment(fonction, collectivite, signed_name)


def _tidy(value: str) -> str:
    value = " ".join(value.split()).strip(" ,;:-–.")
    return value[:1].upper() + value[1:] if len(value) <= _MAX_FIELD else ""


def _labelled(pattern: re.Pattern[str], text: str) -> str:
    match = pattern.search(text)
    return _tidy(match.group("v")) if match else ""


def _employer_at(text: str) -> re.Match[str] | None:
    """Where an employer's name starts in `text` (« Brest Métropole » from « Brest »)."""
    first = _PLACE_FIRST.search(text)
    noun = _EMPLOYER_START.search(text)
    if first and (noun is None or first.start() <= noun.start()):
        return first
    return noun


def _employer_from(text: str) -> str:
    """The employer's name starting at `text`, up to the end of its clause."""
    end = _EMPLOYER_END.search(text)
    return _tidy(text[: end.start()] if end else text)


def _from_sentences(text: str) -> tuple[str, str]:
    for whole in re.split(r"(?<=[.!?])\s+|\n", text):
        sentence = whole[:_MAX_SENTENCE]
        speaker = _SPEAKER.search(sentence)
        if not speaker:
            continue
        rest = sentence[speaker.end() :]
        employer = _employer_at(rest)
        if employer is None:
            named = _NAMED_PLACE.search(rest)
            if named and named.start() > 0:
                place = _tidy(re.sub(r"\s+(?:de|du|des|d'|la|le|les|sur|en)$", "", named["c"]))
                return _tidy(_LEADING_FILLER.sub("", rest[: named.start()])), place
            continue
        collectivite = _employer_from(rest[employer.start() :])
        before = _TRAILING_LINK.sub("", rest[: employer.start()])
        fonction = _LEADING_FILLER.sub("", before)
        if not fonction.strip():
            role = _ROLE_AFTER.search(rest[employer.start() :])
            fonction = role.group("v") if role else ""
        if collectivite:
            return _tidy(fonction), collectivite
    return "", ""


def _signature_lines(text: str) -> list[str]:
    """The few lines after the last closing formula, quoted replies left out."""
    lines = [
        line.strip()[:_MAX_LINE] for line in text.splitlines() if not line.lstrip().startswith(">")
    ]
    start = None
    for index, line in enumerate(lines):
        if _CLOSING.match(line):
            start = index + 1
    if start is None:
        return []
    return [line for line in lines[start : start + 10] if line][:8]


def _is_name(line: str, sender_name: str) -> bool:
    words = {w.casefold() for w in re.findall(r"[\w'-]+", sender_name)}
    found = {w.casefold() for w in re.findall(r"[\w'-]+", line)}
    if words and found and found <= words:
        return True
    parts = line.split()
    return (
        not sender_name
        and 2 <= len(parts) <= 4
        and all(p[:1].isupper() for p in parts)
        and not _EMPLOYER_START.search(line)
    )


def _from_signature(text: str, sender_name: str) -> tuple[str, str, str]:
    lines = _signature_lines(text)
    name = ""
    if lines and _is_name(lines[0], sender_name):
        name = lines.pop(0)
    lines = [line for line in lines if not _NOT_A_ROLE.search(line)]
    fonction = collectivite = ""
    for index, line in enumerate(lines):
        pieces = [p for p in re.split(r"\s+[-–|/]\s+|,\s+", line) if p.strip()]
        employer = next((p for p in pieces if _starts_employer(p)), "")
        if not employer:
            continue
        collectivite = _tidy(employer)
        others = [p for p in pieces if p is not employer]
        if others:
            fonction = _tidy(" - ".join(others))
        elif index > 0:
            fonction = _tidy(lines[index - 1])
        elif index + 1 < len(lines):
            fonction = _tidy(lines[index + 1])
        break
    return fonction, collectivite, name


def _starts_employer(piece: str) -> bool:
    found = _employer_at(piece)
    return found is not None and found.start() <= 4  # « la Mairie… », « Ville de… »
