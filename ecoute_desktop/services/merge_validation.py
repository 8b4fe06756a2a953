"""Strict reading of an export received by the coordinator: accept or refuse, never crash.

Checks, in order: size, emptiness, encoding (UTF-8 only), JSON syntax and depth, format
name, version (an unsigned version 1 is refused), the published JSON Schema in one pass (no
extra field, closed vocabularies, ranges, the pseudonym rule, the region list), the Ed25519
signature over the canonical content, record count, then what a schema cannot say (dates,
duplicates, months inside the period). Messages are French and name the file; they never
quote its content.
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ecoute_desktop.domain.anonymised import FORMAT_NAME, FORMAT_VERSION
from ecoute_desktop.domain.header_fields import pseudonym_problem
from ecoute_desktop.domain.merge import ExportFile, ExportHeader
from ecoute_desktop.domain.month import Month, month_range
from ecoute_desktop.domain.record_tally import RecordCounts
from ecoute_desktop.domain.referentiel_merge import (
    IDS_KEY,
    STAMP_KEY,
    TARGET_IDS_KEY,
    ReferentielStamp,
)
from ecoute_desktop.domain.satisfaction_export import EXPORT_KEY, export_problem, export_to_figures
from ecoute_desktop.resource_files import read_resource
from ecoute_desktop.services.export_signing import verify
from ecoute_desktop.services.merge_bulk_checks import (
    Columns,
    schema_surely_valid,
    semantics_surely_valid,
    share_values,
)

MAX_EXPORT_BYTES = 20 * 1024 * 1024  # a year of a busy line is well under 1 MB
SCHEMA_RESOURCE = ("schemas", f"export-v{FORMAT_VERSION}.schema.json")
UNSIGNED_V1 = (
    "export de l'ancien format (version 1), sans signature : son contenu ne peut pas être"
    " vérifié. Demandez un nouvel export de cette période, fait avec la version actuelle"
    " d'Écoute (les chiffres seront les mêmes)."
)
BAD_SIGNATURE = (
    "signature invalide : le contenu a été modifié après l'export (ou le fichier n'a pas été"
    " produit par Écoute). Ses chiffres ne sont pas comptés ; demandez un nouvel export."
)
_MONTH = re.compile(r"20\d\d-(0[1-9]|1[0-2])")
_ID = re.compile(r"[0-9a-f]{32}")
_JSON_START = re.compile(r"\s*[{\[]")  # as text.lstrip().startswith(("{", "["))
_CREATED = re.compile(r"20\d\d-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-5]\dZ")


class RefusedExport(Exception):
    """An export file that cannot be merged; the message is French and names the file."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source} : {reason}")
        self.source = source
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Refusal:
    source: str
    reason: str

    @property
    def message(self) -> str:
        return f"Fichier refusé « {self.source} » : {self.reason}"


def schema_text() -> str:
    """The published JSON Schema of the export format (`resources/schemas/`)."""
    return read_resource(*SCHEMA_RESOURCE)


@cache
def _validator() -> Any:
    import fastjsonschema

    return fastjsonschema.compile(json.loads(schema_text()))


def read_export(path: Path | str, source: str | None = None) -> ExportFile:
    """Read and check one file; raise RefusedExport with the reason."""
    path = Path(path)
    name = source or path.name
    try:
        size = path.stat().st_size
        if size > MAX_EXPORT_BYTES:
            raise RefusedExport(name, _too_big())
        with path.open("rb") as handle:
            data = handle.read(MAX_EXPORT_BYTES + 1)
    except FileNotFoundError:
        raise RefusedExport(name, "fichier introuvable.") from None
    except IsADirectoryError:
        raise RefusedExport(name, "c'est un dossier, pas un fichier.") from None
    except OSError:
        raise RefusedExport(name, "fichier illisible.") from None
    return parse_export(data, name)


def parse_export(data: bytes, source: str) -> ExportFile:
    """Check the bytes of one export; raise RefusedExport with the reason."""
    if len(data) > MAX_EXPORT_BYTES:
        raise RefusedExport(source, _too_big())
    if not data or data.isspace():  # as `not data.strip()`, without copying 400 kB
        raise RefusedExport(source, "fichier vide.")
    document = _decode(data, source)
    _check_envelope(document, source)
    columns = _check_schema(document, source)
    return _check_semantics(document, source, columns)


def _too_big() -> str:
    limit = MAX_EXPORT_BYTES // (1024 * 1024)
    return f"fichier trop volumineux (plus de {limit} Mo) : ce n'est pas un export Écoute."


def _decode(data: bytes, source: str) -> Any:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        len(data) > 1 and (data[0] == 0 or data[1] == 0)
    ):
        raise RefusedExport(source, "encodage UTF-16 ou UTF-32 : un export Écoute est en UTF-8.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RefusedExport(source, "le fichier n'est pas du texte UTF-8.") from None
    if not _JSON_START.match(text):  # an e-mail, a spreadsheet… by mistake
        raise RefusedExport(
            source,
            "ce n'est pas un export anonymisé Écoute (son contenu n'est pas du JSON ; un export"
            " se crée dans « Export anonymisé »).",
        )
    try:
        return json.loads(text)
    except RecursionError:
        raise RefusedExport(source, "structure JSON imbriquée trop profondément.") from None
    except json.JSONDecodeError as error:
        raise RefusedExport(
            source,
            f"JSON invalide ou tronqué (ligne {error.lineno}, colonne {error.colno}).",
        ) from None
    except ValueError:
        raise RefusedExport(source, "JSON invalide.") from None


def _check_envelope(document: Any, source: str) -> None:
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise RefusedExport(source, "ce n'est pas un export anonymisé Écoute.")
    version = document.get("version")
    if version == 1 and not isinstance(version, bool):
        raise RefusedExport(source, UNSIGNED_V1)
    if version != FORMAT_VERSION or isinstance(version, bool):
        shown = version if isinstance(version, int) and not isinstance(version, bool) else "?"
        raise RefusedExport(
            source,
            f"version de format {shown} inconnue (cette version d'Écoute lit la version "
            f"{FORMAT_VERSION}) : mettez Écoute à jour ou demandez un nouvel export.",
        )


def _check_schema(document: dict[str, Any], source: str) -> Columns | None:
    """Refuse what the schema refuses; the records' columns when the fast path saw them."""
    import fastjsonschema

    columns = schema_surely_valid(document.get("records"))
    if columns is not None:  # then the header alone, then done
        try:
            _validator()({**document, "records": []})
            return columns
        except (fastjsonschema.JsonSchemaValueException, RecursionError):
            pass  # the whole document again below, for the same first fault as ever
    try:
        _validator()(document)
    except fastjsonschema.JsonSchemaValueException as error:
        raise RefusedExport(source, _schema_reason(error)) from None
    except RecursionError:
        raise RefusedExport(source, "structure JSON imbriquée trop profondément.") from None
    return None


_RULES = {
    "additionalProperties": "champ non prévu par le format",
    "required": "champ obligatoire manquant",
    "type": "type de valeur incorrect",
    "enum": "valeur hors de la liste autorisée",
    "const": "valeur incorrecte",
    "minimum": "valeur trop petite",
    "maximum": "valeur trop grande",
    "pattern": "valeur mal formée",
    "minLength": "texte vide",
    "maxLength": "texte trop long",
    "maxItems": "liste trop longue",
    "uniqueItems": "valeur répétée dans une liste",
}


def _schema_reason(error: Any) -> str:
    """Where and what, without quoting the offending content."""
    path = [str(p) for p in (error.path or [])][1:]
    where = _where(path)
    what = _RULES.get(error.rule, "contenu non conforme au format")
    if error.rule == "additionalProperties":
        where = _where(path) or "en tête du fichier"
    return f"{what} ({where})." if where else f"{what}."


def _where(path: list[str]) -> str:
    if len(path) >= 2 and path[0] == "records" and path[1].isdigit():
        field = f", champ « {_short(path[2])} »" if len(path) > 2 else ""
        return f"enregistrement n° {int(path[1]) + 1}{field}"
    if path:
        return f"champ « {_short(path[0])} »"
    return ""


def _short(name: str) -> str:
    cleaned = "".join(ch for ch in name if ch.isprintable())
    return cleaned if len(cleaned) <= 30 else cleaned[:29] + "…"


def _check_semantics(document: dict[str, Any], source: str, columns: Columns | None) -> ExportFile:
    records: list[dict[str, Any]] = document["records"]
    period = document["period"]
    if not (_MONTH.fullmatch(period["from"]) and _MONTH.fullmatch(period["to"])):
        raise RefusedExport(source, "période mal formée.")
    first, last = Month.parse(period["from"]), Month.parse(period["to"])
    if last < first:
        raise RefusedExport(source, "la fin de la période précède son début.")
    wanted = {str(month) for month in month_range(first, last)}
    if not _CREATED.fullmatch(document["created_at"]):
        raise RefusedExport(source, "date de création mal formée.")
    if not verify(document):
        raise RefusedExport(source, BAD_SIGNATURE)
    if pseudonym_problem(document["pseudonym"]):  # the schema's pattern, said again here
        raise RefusedExport(source, "pseudonyme mal formé.")
    if document["record_count"] != len(records):
        raise RefusedExport(
            source,
            f"nombre d'enregistrements annoncé ({document['record_count']}) différent du "
            f"nombre trouvé ({len(records)}) : fichier incomplet ou modifié.",
        )
    counts = None
    if columns is not None and semantics_surely_valid(columns, wanted):
        share_values(records, columns)
        counts = RecordCounts()
        if records:
            counts.add_columns(columns, unique=True)  # the schema's uniqueItems held
    else:
        _check_records(records, wanted, source)
    satisfaction = document.get(EXPORT_KEY, [])
    problem = export_problem(satisfaction)
    if problem:
        raise RefusedExport(source, problem + ".")
    for number, entry in enumerate(satisfaction, start=1):
        month = entry["month"]
        if not (_MONTH.fullmatch(month) and month in wanted):
            where = f"réponses au questionnaire, entrée n° {number}"
            raise RefusedExport(source, f"mois hors de la période de l'export ({where}).")
    header = ExportHeader(
        export_id=document["export_id"],
        created_at=document["created_at"],
        period_from=period["from"],
        period_to=period["to"],
        region=document["region"],
        pseudonym=document["pseudonym"],
        hotliner_id=document["hotliner_id"],
        public_key=document["public_key"],
        record_count=len(records),
        signature=document["signature"],
    )
    stamp = _theme_stamp(document, records, source)
    return ExportFile(
        source, header, records, export_to_figures(satisfaction), referentiel=stamp, counts=counts
    )


def _check_records(records: list[dict[str, Any]], wanted: set[str], source: str) -> None:
    """The record-by-record rules: the first fault is refused, by record number."""
    seen: set[str] = set()
    for number, record in enumerate(records, start=1):
        if not _ID.fullmatch(record["id"]) or record["id"] in seen:
            raise RefusedExport(
                source, f"identifiant invalide ou répété (enregistrement n° {number})."
            )
        seen.add(record["id"])
        if not _MONTH.fullmatch(record["month"]):
            raise RefusedExport(source, f"mois mal formé (enregistrement n° {number}).")
        if record["month"] not in wanted:
            raise RefusedExport(
                source, f"mois hors de la période de l'export (enregistrement n° {number})."
            )
        if "calls" in record and (record["calls"] > 0) != record["call_held"]:
            raise RefusedExport(
                source,
                f"nombre d'appels contraire à « appel effectué » (enregistrement n° {number}).",
            )
        if record.get("drop_reason") is not None and record["status"] != "sans suite":
            raise RefusedExport(
                source, f"motif « sans suite » sur un autre statut (enregistrement n° {number})."
            )
        if "call_delay" in record and (record["call_delay"] != "none") != record["call_held"]:
            raise RefusedExport(
                source,
                f"délai d'appel contraire à « appel effectué » (enregistrement n° {number}).",
            )
        for sub in record["sub_themes"]:
            if sub.split("/", 1)[0] not in record["themes"]:
                raise RefusedExport(
                    source, f"sous-thème sans son thème (enregistrement n° {number})."
                )


def _theme_stamp(
    document: dict[str, Any], records: list[dict[str, Any]], source: str
) -> ReferentielStamp | None:
    """The référentiel the export was made with; every theme id a record carries is one
    of its tree (an export without it is read as before the référentiel existed)."""
    if STAMP_KEY not in document:
        if any(IDS_KEY in record or TARGET_IDS_KEY in record for record in records):
            raise RefusedExport(source, "identifiants du référentiel sans le référentiel.")
        return None
    try:
        stamp = ReferentielStamp.from_json(document[STAMP_KEY])
    except ValueError as error:
        raise RefusedExport(source, f"{error}.") from None
    for number, record in enumerate(records, start=1):
        if any(theme_id not in stamp.paths for theme_id in record.get(IDS_KEY, ())):
            raise RefusedExport(
                source, f"thème absent du référentiel de l'export (enregistrement n° {number})."
            )
        if any(ref_id not in stamp.targets for ref_id in record.get(TARGET_IDS_KEY, ())):
            raise RefusedExport(
                source,
                f"orientation absente du référentiel de l'export (enregistrement n° {number}).",
            )
    return stamp
