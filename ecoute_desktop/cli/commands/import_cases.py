"""`ecoute import-cases FILE.csv`: import the old spreadsheet, all rows or none."""

from __future__ import annotations

import argparse

from ecoute_desktop.cli.common import open_store
from ecoute_desktop.cli.csv_input import add_csv_arguments, read_csv_argument, refuse
from ecoute_desktop.cli.wording import count_of, plural
from ecoute_desktop.services.app import Services
from ecoute_desktop.services.csv_import import COLUMNS


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import-cases",
        help="importer les sollicitations d'un tableur (CSV)",
        description=(
            "Importe un fichier CSV (séparateur ; ou ,) dont la première ligne nomme les"
            f" colonnes : {', '.join(COLUMNS)}. Seules date_reception et nom sont"
            " obligatoires. Tout ou rien : une seule ligne en erreur et rien n'est importé."
            " Les références déjà présentes dans la base sont ignorées."
        ),
    )
    add_csv_arguments(parser, "vérifier le fichier sans rien importer")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    table = read_csv_argument(args)
    with open_store(args) as store:
        imports = Services(store).imports
        plan = imports.check_cases(table)
        if not plan.ok:
            summary = (
                f"{count_of(len(plan.bad_lines), 'ligne')} en erreur, aucune sollicitation importée"
            )
            return refuse(args.file, summary, plan.errors)
        if args.dry_run:
            print(
                f"{args.file} : fichier valide, {count_of(len(plan.cases), 'sollicitation')}"
                f" à importer, {len(plan.already_present)} déjà"
                f" {plural(len(plan.already_present), 'présente')} (rien n'a été écrit)."
            )
            return 0
        result = imports.import_cases(plan)
    imported, present = len(result.imported), len(result.already_present)
    print(
        f"{args.file} : {count_of(imported, 'sollicitation')} {plural(imported, 'importée')},"
        f" {present} déjà {plural(present, 'présente')}."
    )
    if present:
        references = ", ".join(reference for _, reference in result.already_present)
        print(f"Déjà présentes dans la base, non réimportées : {references}")
    return 0
