"""The `.ecoute-referentiel` file: written and signed by the coordinator, read strictly.

UTF-8 JSON (services/referentiel_schema.py), practical sheets in base64,
signed with Ed25519 (`cryptography`, services/export_signing.py) over the canonical JSON
of every key but `signature`. Reading checks, in order: size, encoding, JSON, format,
the schema in one pass (sizes, patterns, no extra field), the signature, then what a
schema cannot say (unique ids, parents that exist, sub-themes under a theme, PDFs that
are PDFs). Every refusal is a French `ReferentielError` naming the field; the file's
content is never quoted.
"""

from __future__ import annotations

import base64
import binascii
import json
from functools import cache
from pathlib import Path
from typing import Any

from ecoute_desktop.domain.referentiel import (
    FORMAT_NAME,
    FORMAT_VERSION,
    Referentiel,
    RefSheet,
    RefTarget,
    RefTheme,
    Templates,
)
from ecoute_desktop.domain.taxonomy import fold
from ecoute_desktop.services.atomic import write_bytes_atomic
from ecoute_desktop.services.export_signing import public_key_hex, sign, verify
from ecoute_desktop.services.referentiel_schema import SCHEMA

MAX_FILE_BYTES = 40 * 1024 * 1024  # 30 sheets of at most 1 MB read as base64, with room
MAX_SHEET_BYTES = 5 * 1024 * 1024
BAD_SIGNATURE = (
    "signature invalide : le fichier a été modifié après sa publication (ou il n'a pas été"
    " produit par Écoute). Rien n'a été changé ; demandez le fichier à la coordination."
)


class ReferentielError(ValueError):
    """A référentiel file refused; the French message names the file and the field."""


def to_document(referentiel: Referentiel) -> dict[str, Any]:
    """The JSON document of a référentiel (`signature` not included)."""
    return {
        "format": FORMAT_NAME,
        "format_version": FORMAT_VERSION,
        "version": referentiel.version,
        "published_on": referentiel.published_on,
        "themes": [
            {"id": t.id, "label": t.label, "parent": t.parent, "retired": t.retired}
            for t in referentiel.themes
        ],
        "directory": [
            {
                "id": t.id,
                "label": t.label,
                "national": t.national,
                "contact": t.contact,
                "email": t.email,
                "address": t.address,
                "when": t.when,
                "retired": t.retired,
            }
            for t in referentiel.directory
        ],
        "sheets": [
            {
                "id": s.id,
                "title": s.title,
                "file_name": s.file_name,
                "pdf": base64.b64encode(s.pdf).decode("ascii"),
            }
            for s in referentiel.sheets
        ],
        "templates": {
            "charter": referentiel.templates.charter,
            "confirmation_subject": referentiel.templates.confirmation_subject,
            "confirmation_body": referentiel.templates.confirmation_body,
        },
        "questionnaire_url": referentiel.questionnaire_url,
        "public_key": referentiel.public_key,
    }


def signed_bytes(referentiel: Referentiel, seed: bytes) -> bytes:
    """The file content: the document with the coordinator's key and signature."""
    document = to_document(referentiel)
    document["public_key"] = public_key_hex(seed)
    document["signature"] = sign(document, seed)
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def write_file(path: Path | str, referentiel: Referentiel, seed: bytes) -> Path:
    """Sign and save atomically (readable by others: it holds no personal data)."""
    return write_bytes_atomic(path, signed_bytes(referentiel, seed), mode=0o644)


def read_file(path: Path | str) -> Referentiel:
    """Read and check a file; ReferentielError (French) when it cannot be trusted."""
    path = Path(path)
    name = path.name
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ReferentielError(f"{name} : {_too_big()}")
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ReferentielError(f"{name} : fichier introuvable.") from None
    except IsADirectoryError:
        raise ReferentielError(f"{name} : c'est un dossier, pas un fichier.") from None
    except OSError:
        raise ReferentielError(f"{name} : fichier illisible.") from None
    return parse(data, name)


def parse(data: bytes, name: str) -> Referentiel:
    """Check the bytes of a référentiel file and return it (ReferentielError otherwise)."""
    try:
        return _parse(data)
    except _Refused as refusal:
        raise ReferentielError(f"{name} : {refusal}") from None


class _Refused(Exception):
    pass


def _too_big() -> str:
    return f"fichier trop volumineux (plus de {MAX_FILE_BYTES // (1024 * 1024)} Mo)."


def _parse(data: bytes) -> Referentiel:
    if len(data) > MAX_FILE_BYTES:
        raise _Refused(_too_big())
    if not data.strip():
        raise _Refused("fichier vide.")
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise _Refused("ce n'est pas un référentiel Écoute (texte non UTF-8).") from None
    except RecursionError:
        raise _Refused("structure JSON imbriquée trop profondément.") from None
    except ValueError:
        raise _Refused("ce n'est pas un référentiel Écoute (JSON invalide ou tronqué).") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise _Refused("ce n'est pas un référentiel Écoute.")
    if document.get("format_version") != FORMAT_VERSION:
        raise _Refused("format de référentiel inconnu : mettez Écoute à jour.")
    _check_schema(document)
    if not verify(document):
        raise _Refused(BAD_SIGNATURE)
    return _checked(document)


@cache
def _validator() -> Any:
    import fastjsonschema

    return fastjsonschema.compile(SCHEMA)


_FIELDS = {
    "version": "numéro de version",
    "published_on": "date de publication",
    "themes": "thèmes",
    "directory": "annuaire des orientations",
    "sheets": "fiches pratiques",
    "templates": "modèles",
    "questionnaire_url": "adresse du questionnaire",
    "public_key": "clé publique",
    "signature": "signature",
    "label": "libellé",
    "parent": "thème parent",
    "contact": "contact",
    "address": "adresse ou site",
    "when": "quand orienter",
    "title": "titre",
    "file_name": "nom du fichier",
    "pdf": "contenu PDF",
    "charter": "charte",
    "confirmation_subject": "objet de la confirmation",
    "confirmation_body": "texte de la confirmation",
}
_RULES = {
    "additionalProperties": "champ non prévu par le format",
    "required": "champ obligatoire manquant",
    "type": "type de valeur incorrect",
    "const": "valeur incorrecte",
    "minimum": "valeur trop petite",
    "maximum": "valeur trop grande",
    "pattern": "valeur mal formée",
    "minLength": "texte vide",
    "maxLength": "texte trop long",
    "maxItems": "liste trop longue",
}


def _check_schema(document: dict[str, Any]) -> None:
    import fastjsonschema

    try:
        _validator()(document)
    except fastjsonschema.JsonSchemaValueException as error:
        raise _Refused(_schema_reason(error)) from None


def _schema_reason(error: Any) -> str:
    """« thèmes n° 3, champ « libellé » : texte trop long. » — never the content."""
    path = [str(p) for p in (error.path or [])][1:]
    what = _RULES.get(error.rule, "contenu non conforme au format")
    parts: list[str] = []
    for index, step in enumerate(path):
        if step.isdigit() and index:
            parts[-1] += f" n° {int(step) + 1}"
        elif step in _FIELDS or not index:
            shown = _FIELDS.get(step, "".join(ch for ch in step[:30] if ch.isprintable()))
            parts.append(f"champ « {shown} »" if index else shown)
    where = ", ".join(parts) if parts else "en tête du fichier"
    return f"{where} : {what}."


def _checked(document: dict[str, Any]) -> Referentiel:
    themes = tuple(
        RefTheme(t["id"], _clean(t["label"]), t["parent"], t["retired"]) for t in document["themes"]
    )
    _check_unique([t.id for t in themes], "thèmes")
    tops = {t.id for t in themes if t.parent is None}
    for number, theme in enumerate(themes, 1):
        if theme.parent is not None and theme.parent not in tops:
            raise _Refused(f"thèmes n° {number}, champ « thème parent » : thème inconnu.")
    _check_unique(
        [(fold(t.label), t.parent) for t in themes if not t.retired], "libellés des thèmes"
    )
    directory = tuple(
        RefTarget(
            t["id"],
            _clean(t["label"]),
            t["national"],
            t["contact"].strip(),
            t["email"].strip(),
            t["address"].strip(),
            t["when"].strip(),
            t["retired"],
        )
        for t in document["directory"]
    )
    _check_unique([t.id for t in directory], "annuaire des orientations")
    _check_unique([fold(t.label) for t in directory], "noms de l'annuaire")
    sheets = tuple(
        RefSheet(s["id"], _clean(s["title"]), s["file_name"], _pdf(s["pdf"], number))
        for number, s in enumerate(document["sheets"], 1)
    )
    _check_unique([s.id for s in sheets], "fiches pratiques")
    t = document["templates"]
    if "\n" in t["confirmation_subject"]:
        raise _Refused("champ « objet de la confirmation » : il tient sur une ligne.")
    return Referentiel(
        version=document["version"],
        published_on=document["published_on"],
        themes=themes,
        directory=directory,
        sheets=sheets,
        templates=Templates(t["charter"], t["confirmation_subject"], t["confirmation_body"]),
        questionnaire_url=document["questionnaire_url"],
        public_key=document["public_key"],
    )


def _clean(label: str) -> str:
    cleaned = " ".join(label.split())
    if not cleaned:
        raise _Refused("un libellé est vide.")
    return cleaned


def _check_unique(values: list[Any], where: str) -> None:
    seen: set[Any] = set()
    for number, value in enumerate(values, 1):
        if value in seen:
            raise _Refused(f"{where} n° {number} : en double.")
        seen.add(value)


def _pdf(text: str, number: int) -> bytes:
    where = f"fiches pratiques n° {number}, champ « contenu PDF »"
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise _Refused(f"{where} : base64 invalide.") from None
    if len(data) > MAX_SHEET_BYTES:
        raise _Refused(f"{where} : plus de {MAX_SHEET_BYTES // (1024 * 1024)} Mo.")
    if not data.startswith(b"%PDF-"):
        raise _Refused(f"{where} : ce n'est pas un PDF.")
    return data
