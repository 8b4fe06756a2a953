"""The export header's free-looking fields, closed: pseudonym rule and the list of regions.

The one place these rules live: Paramètres, the export and the coordinator's merge all
check a pseudonym with `check_pseudonym_text` and a region with `REGIONS`; the JSON
Schema of the export (`resources/schemas/export-v2.schema.json`) says the same thing
and `tests/test_header_fields.py` keeps the two in step.
"""

from __future__ import annotations

import re

from ecoute_desktop.domain.taxonomy import fold

PSEUDONYM_MAX = 24
MAX_DIGIT_RUN = 5  # six digits in a row (spaces and hyphens between them count as a row)
# Letters of French names (Latin-1 letters and Œ œ), digits, spaces and hyphens.
PSEUDONYM_CHARS = "A-Za-zÀ-ÖØ-öø-ÿŒœ0-9 -"
PSEUDONYM_RE = re.compile(f"[{PSEUDONYM_CHARS}]{{1,{PSEUDONYM_MAX}}}")
# Six digits separated by nothing but spaces or hyphens: a phone number, a postcode + more.
_DIGIT_RUN = re.compile(r"\d(?:[ -]*\d){" + str(MAX_DIGIT_RUN) + "}")
# The same two rules as one pattern (ECMA 262 and Python), for the JSON Schema.
PSEUDONYM_SCHEMA_PATTERN = (
    r"^(?!.*\d[ -]*\d[ -]*\d[ -]*\d[ -]*\d[ -]*\d)" f"[{PSEUDONYM_CHARS}]{{1,{PSEUDONYM_MAX}}}$"
)

PSEUDONYM_RULE = (
    f"de 1 à {PSEUDONYM_MAX} lettres, chiffres, espaces ou tirets, sans suite de six"
    " chiffres ou plus (un pseudonyme n'est ni un nom ni un numéro de téléphone)"
)


def pseudonym_problem(text: str) -> str | None:
    """Why `text` is not a valid pseudonym (French), or None when it is."""
    if not PSEUDONYM_RE.fullmatch(text):
        return f"Pseudonyme invalide : {PSEUDONYM_RULE}."
    if _DIGIT_RUN.search(text):
        return (
            "Pseudonyme invalide : il contient une suite de six chiffres ou plus (un numéro"
            " de téléphone ?) ; choisissez un mot, par exemple « Mésange »."
        )
    return None


def check_pseudonym_text(text: str) -> str:
    """The pseudonym with its spaces tidied, or a French ValueError naming the rule."""
    cleaned = " ".join(text.split())
    problem = pseudonym_problem(cleaned)
    if problem:
        raise ValueError(problem)
    return cleaned


# The regions of France (2016 map) with their ISO 3166-2 codes: the export carries the
# code, the reports print the name. A new region is a new export format version.
REGIONS: dict[str, str] = {
    "FR-ARA": "Auvergne-Rhône-Alpes",
    "FR-BFC": "Bourgogne-Franche-Comté",
    "FR-BRE": "Bretagne",
    "FR-CVL": "Centre-Val de Loire",
    "FR-20R": "Corse",
    "FR-GES": "Grand Est",
    "FR-HDF": "Hauts-de-France",
    "FR-IDF": "Île-de-France",
    "FR-NOR": "Normandie",
    "FR-NAQ": "Nouvelle-Aquitaine",
    "FR-OCC": "Occitanie",
    "FR-PDL": "Pays de la Loire",
    "FR-PAC": "Provence-Alpes-Côte d'Azur",
    "FR-971": "Guadeloupe",
    "FR-972": "Martinique",
    "FR-973": "Guyane",
    "FR-974": "La Réunion",
    "FR-976": "Mayotte",
}


def _key(text: str) -> str:
    return fold(re.sub(r"[-'’]", " ", text))


_REGION_BY_KEY = {_key(label): code for code, label in REGIONS.items()}
_REGION_BY_KEY.update({_key(code): code for code in REGIONS})
_REGION_BY_KEY.update({"paca": "FR-PAC", "idf": "FR-IDF", "reunion": "FR-974"})


def region_name(code: str | None) -> str:
    """The printed name of a region code ("" for none or an unknown code)."""
    return REGIONS.get(code or "", "")


def region_code(text: str) -> str | None:
    """The code of a region given by its code or its name (case and accents ignored)."""
    return _REGION_BY_KEY.get(_key(text))
