"""`ecoute referentiel import|show|publish|key|add-sheet`: the shared référentiel.

Hotliners import the coordinator's signed file (the changes are printed, then applied in
one transaction); `show --json` prints the version and tree installed. The coordinator
draws the signing key (`key`), adds practical sheets and publishes the next version.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ecoute_desktop.cli.checks import check_output_folder, output_file
from ecoute_desktop.cli.common import CliError, open_store
from ecoute_desktop.domain.referentiel import FILE_SUFFIX, LOCAL_PREFIX, Referentiel
from ecoute_desktop.services.app import Services
from ecoute_desktop.services.referentiel_file import ReferentielError
from ecoute_desktop.services.referentiel_plan import french_day


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "referentiel", help="référentiel partagé : thèmes, annuaire, fiches, modèles"
    )
    actions = parser.add_subparsers(dest="referentiel_action", metavar="ACTION")
    actions.required = True

    imported = actions.add_parser(
        "import", help="importer le référentiel de la coordination (changements affichés)"
    )
    imported.add_argument("file", type=Path, metavar="FICHIER", help=f"fichier {FILE_SUFFIX}")
    imported.add_argument(
        "--new-key",
        default="",
        metavar="MOTS",
        help="la coordination a changé de clé : les six mots de la nouvelle, lus par elle",
    )
    imported.set_defaults(handler=run_import)

    show = actions.add_parser("show", help="version et arbre des thèmes installés")
    show.add_argument("--json", action="store_true", required=True, help="sortie JSON")
    show.set_defaults(handler=run_show)

    publish = actions.add_parser("publish", help="coordination : publier la version suivante")
    publish.add_argument(
        "-o",
        "--output",
        type=output_file,
        required=True,
        metavar=f"FICHIER{FILE_SUFFIX}",
        help="fichier à écrire",
    )
    publish.set_defaults(handler=run_publish)

    key = actions.add_parser(
        "key", help="coordination : créer la clé de signature (si besoin) et l'afficher en mots"
    )
    key.set_defaults(handler=run_key)

    sheet = actions.add_parser("add-sheet", help="coordination : ajouter une fiche pratique PDF")
    sheet.add_argument("pdf", type=Path, metavar="FICHE.pdf", help="la fiche (5 Mo au plus)")
    sheet.add_argument("--title", default="", metavar="TITRE", help="titre montré aux écoutants")
    sheet.set_defaults(handler=run_add_sheet)


def run_import(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        services = Services(store)
        try:
            plan = services.referentiel.preview_import(args.file, args.new_key)
            print(plan.summary())
            if plan.key_notice:
                print(plan.key_notice)
            for change in plan.changes:
                print(f"  {change}")
            if not plan.applies:
                return 0
            applied = services.referentiel.import_file(
                args.file, previewed=plan.referentiel, new_key_words=args.new_key
            )
        except ReferentielError as error:
            raise CliError(str(error)) from None
    print(f"Référentiel version {applied.referentiel.version} installé.")
    return 0


def run_show(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        services = Services(store)
        current = services.referentiel.current()
        words = services.referentiel.trusted_fingerprint()
    print(json.dumps(as_json(current, words), ensure_ascii=False, indent=2))
    return 0


def as_json(current: Referentiel, fingerprint: str) -> dict[str, Any]:
    """What `show --json` prints: entries added on this laptop have `"local": true`."""
    tops: dict[str, dict[str, Any]] = {}
    for theme in current.themes:
        entry: dict[str, Any] = {
            "id": None if is_local(theme.id) else theme.id,
            "label": theme.label,
            "retired": theme.retired,
            "local": is_local(theme.id),
        }
        if theme.parent is None:
            tops[theme.id] = {**entry, "sub_themes": []}
        elif theme.parent in tops:
            tops[theme.parent]["sub_themes"].append(entry)
    return {
        "version": current.version,
        "published_on": current.published_on or None,
        "key_fingerprint": fingerprint or None,
        "themes": list(tops.values()),
        "directory": [
            {
                "id": None if is_local(t.id) else t.id,
                "label": t.label,
                "national": t.national,
                "contact": t.contact,
                "email": t.email,
                "address": t.address,
                "when": t.when,
                "retired": t.retired,
                "local": is_local(t.id),
            }
            for t in current.directory
        ],
        "sheets": [
            {"id": s.id, "title": s.title, "file_name": s.file_name, "bytes": len(s.pdf)}
            for s in current.sheets
        ],
        "questionnaire_url": current.questionnaire_url,
    }


def is_local(ref_id: str) -> bool:
    return ref_id.startswith(LOCAL_PREFIX)


def run_publish(args: argparse.Namespace) -> int:
    check_output_folder(args.output)
    with open_store(args) as store:
        services = Services(store)
        try:
            published = services.referentiel.publish(args.output)
        except ReferentielError as error:
            raise CliError(str(error)) from None
        words = services.referentiel.publisher_fingerprint()
    print(
        f"Référentiel version {published.version} du {french_day(published.published_on)} publié :"
        f" {args.output}\nClé de la coordination : {words}"
    )
    return 0


def run_key(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        words = Services(store).referentiel.publisher_fingerprint()
    print(f"Clé de la coordination : {words}")
    return 0


def run_add_sheet(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        try:
            sheet = Services(store).referentiel.add_sheet(args.pdf, args.title)
        except ReferentielError as error:
            raise CliError(str(error)) from None
    print(f"Fiche « {sheet.title} » ajoutée : elle partira avec la prochaine publication.")
    return 0
