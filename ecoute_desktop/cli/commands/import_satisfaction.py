"""`ecoute import-satisfaction FILE`: a Framaforms download of the questionnaire, all or nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ecoute_desktop.cli.common import CliError, open_store
from ecoute_desktop.cli.csv_input import refuse
from ecoute_desktop.cli.wording import count_of
from ecoute_desktop.services.app import Services
from ecoute_desktop.services.csv_import import ImportFileError
from ecoute_desktop.services.satisfaction.reading import read_sheet
from ecoute_desktop.services.satisfaction.summary import mapping_lines, plan_notes


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import-satisfaction",
        help="importer les réponses au questionnaire de satisfaction (téléchargement Framaforms)",
        description=(
            "Importe un téléchargement Framaforms des réponses au questionnaire : texte"
            " délimité (tabulation, virgule, point-virgule ou barre verticale ; UTF-8 ou"
            " Windows-1252 ; trois lignes d'en-tête ou les titres seuls) ou classeur Excel"
            " (.xlsx). Les colonnes sont lues selon la correspondance confirmée dans"
            " l'application pour ce formulaire, sinon selon la détection. Les brouillons et"
            " les réponses déjà importées sont ignorés. Tout ou rien : une seule réponse"
            " illisible et rien n'est enregistré."
        ),
    )
    parser.add_argument(
        "file", type=Path, metavar="FICHIER", help="fichier téléchargé (.csv, .tsv, .txt ou .xlsx)"
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="vérifier le fichier sans rien enregistrer"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    try:
        sheet = read_sheet(args.file)  # before the passphrase: a missing file fails at once
    except ImportFileError as error:
        raise CliError(str(error)) from None
    with open_store(args) as store:
        service = Services(store).satisfaction
        try:
            preview = service.preview(args.file, sheet)
        except ImportFileError as error:
            raise CliError(str(error)) from None
        plan = preview.plan
        if not plan.ok:
            summary = f"{count_of(len(plan.errors), 'erreur')}, aucune réponse enregistrée"
            return refuse(args.file, summary, plan.errors)
        if not preview.remembered:
            print(
                f"{args.file} : correspondance détectée (à confirmer dans l'application) :",
                file=sys.stderr,
            )
            for line in mapping_lines(preview.mapping):
                print(f"  {line}", file=sys.stderr)
        for note in plan_notes(plan):
            print(f"{args.file} : {note}.", file=sys.stderr)
        count = len(plan.responses)
        if args.dry_run:
            print(
                f"{args.file} : fichier valide, {count_of(count, 'réponse')} à enregistrer"
                " (rien n'a été écrit)."
            )
            return 0
        added = service.confirm_import(preview, confirmed=False)
    print(
        f"{args.file} : {count_of(added, 'réponse enregistrée', 'réponses enregistrées')}"
        f" (dont {plan.attached} rattachée(s) à une sollicitation)."
    )
    return 0
