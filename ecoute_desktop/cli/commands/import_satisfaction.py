"""`ecoute import-satisfaction FILE.csv`: the questionnaire's answers, all rows or none."""

from __future__ import annotations

import argparse
import sys

from ecoute_desktop.cli.common import CliError, open_store
from ecoute_desktop.cli.csv_input import add_csv_arguments, read_csv_argument, refuse
from ecoute_desktop.cli.wording import count_of
from ecoute_desktop.services.app import Services
from ecoute_desktop.services.csv_import import ImportFileError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import-satisfaction",
        help="importer les réponses au questionnaire de satisfaction (export CSV Framaforms)",
        description=(
            "Importe l'export CSV (séparateur ; ou ,) des réponses au questionnaire : une"
            " colonne « reference » (AAAA-L-NNN) et une colonne dont le titre contient"
            " « satisfaction » (1 à 5 ou « Très satisfait(e) » … « Pas du tout satisfait(e) »)."
            " Tout ou rien : une seule ligne en erreur et rien n'est enregistré."
        ),
    )
    add_csv_arguments(parser, "vérifier le fichier sans rien enregistrer")
    parser.set_defaults(handler=run)


def _lines(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers)


def run(args: argparse.Namespace) -> int:
    table = read_csv_argument(args)
    with open_store(args) as store:
        imports = Services(store).imports
        try:
            plan = imports.check_satisfaction(table)
        except ImportFileError as error:
            raise CliError(f"{args.file} : {error}") from None
        if not plan.ok:
            summary = f"{count_of(len(plan.errors), 'erreur')}, aucune réponse enregistrée"
            return refuse(args.file, summary, plan.errors)
        if plan.without_reference:
            print(
                f"{args.file} : réponses sans référence ignorées (lignes"
                f" {_lines(plan.without_reference)}).",
                file=sys.stderr,
            )
        if plan.without_answer:
            print(
                f"{args.file} : sans note de satisfaction, ignorées (lignes"
                f" {_lines(plan.without_answer)}).",
                file=sys.stderr,
            )
        if args.dry_run:
            print(
                f"{args.file} : fichier valide,"
                f" {count_of(len(plan.scores), 'réponse')} à enregistrer"
                " (rien n'a été écrit)."
            )
            return 0
        count = imports.import_satisfaction(plan)
    print(f"{args.file} : satisfaction enregistrée pour {count_of(count, 'sollicitation')}.")
    return 0
