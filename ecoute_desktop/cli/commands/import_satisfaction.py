"""`ecoute import-satisfaction FILE.csv`: the questionnaire's answers, all rows or none."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ecoute_desktop.cli.common import EXIT_BAD_INPUT, CliError, open_store
from ecoute_desktop.services.csv_import import ImportFileError, read_csv
from ecoute_desktop.services.satisfaction_import import (
    apply_satisfaction,
    plan_satisfaction,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import-satisfaction",
        help="importer les réponses au questionnaire de satisfaction (export CSV Framaforms)",
        description=(
            "Importe l'export CSV (séparateur ; ou ,) des réponses au questionnaire : une"
            " colonne « reference » (AAAA-NNNN) et une colonne dont le titre contient"
            " « satisfaction » (1 à 5 ou « Très satisfait(e) » … « Pas du tout satisfait(e) »)."
            " Tout ou rien : une seule ligne en erreur et rien n'est enregistré."
        ),
    )
    parser.add_argument("file", type=Path, metavar="FICHIER.csv")
    parser.add_argument(
        "--dry-run", action="store_true", help="vérifier le fichier sans rien enregistrer"
    )
    parser.set_defaults(handler=run)


def _lines(numbers: list[int]) -> str:
    return ", ".join(str(n) for n in numbers)


def run(args: argparse.Namespace) -> int:
    try:
        table = read_csv(args.file)  # before the passphrase: a missing file fails at once
    except ImportFileError as error:
        raise CliError(str(error)) from None
    with open_store(args) as store:
        try:
            plan = plan_satisfaction(table, store)
        except ImportFileError as error:
            raise CliError(f"{args.file} : {error}") from None
        if not plan.ok:
            print(
                f"ecoute : {args.file} : {len(plan.errors)} erreur(s), aucune réponse"
                " enregistrée :",
                file=sys.stderr,
            )
            for error in plan.errors:
                print(f"{args.file} : {error}", file=sys.stderr)
            return EXIT_BAD_INPUT
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
                f"{args.file} : fichier valide, {len(plan.scores)} réponse(s) à enregistrer"
                " (rien n'a été écrit)."
            )
            return 0
        count = apply_satisfaction(store, plan)
    print(f"{args.file} : satisfaction enregistrée pour {count} sollicitation(s).")
    return 0
