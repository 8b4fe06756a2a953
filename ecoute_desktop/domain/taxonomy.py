"""Default theme taxonomy and orientation directory, and accent-free matching of labels."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

DEFAULT_THEMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Relationnel", ("Élus", "Hiérarchie", "Collègues", "Équipes")),
    ("Management", ("Hiérarchique", "Transversal", "Collectif d'équipe")),
    (
        "Carrière",
        ("Concours et examens", "Mobilité", "Fin de détachement ou d'emploi fonctionnel"),
    ),
    ("Juridique", ("Marchés publics", "Statut et droits", "Conflit")),
    ("Métier et expertise", ()),
    ("Ressources mobilisables", ()),
    ("Questions diverses", ()),
)


@dataclass(frozen=True, slots=True)
class DirectoryEntry:
    """A default orientation target (contact details filled in by the users)."""

    label: str
    national: bool = False
    website: str = ""
    details: str = ""


DEFAULT_DIRECTORY: tuple[DirectoryEntry, ...] = (
    DirectoryEntry("Niveau national AITF", national=True, website="https://www.aitf.fr"),
    DirectoryEntry("CNFPT", website="https://www.cnfpt.fr"),
    DirectoryEntry("SNDGCT", website="https://www.sndgct.fr"),
    DirectoryEntry("Centre de gestion"),
    DirectoryEntry("Conseil juridique"),
    DirectoryEntry("Médecine de prévention et psychologue du travail"),
    DirectoryEntry("Réseau de pairs"),
    DirectoryEntry("Autre"),
)


def fold(text: str) -> str:
    """Lower-case, accent-free, space-normalised form used to match labels."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().replace("’", "'").split())
