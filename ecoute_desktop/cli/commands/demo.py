"""`ecoute demo PATH`: write a demo database of fictitious cases (passphrase `demo`)."""

from __future__ import annotations

import argparse

from ecoute_desktop.cli.checks import output_file
from ecoute_desktop.cli.french_argparse import whole_number
from ecoute_desktop.services.demo import DEMO_PASSPHRASE, write_demo_database


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help="écrire une base de démonstration fictive")
    parser.add_argument(
        "path",
        type=output_file,
        metavar="CHEMIN",
        help="fichier de la base à créer (jamais écrasé)",
    )
    parser.add_argument(
        "--cases",
        type=whole_number(1),
        default=120,
        metavar="NOMBRE",
        help="nombre de sollicitations fictives (défaut 120)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    write_demo_database(args.path, count=args.cases)
    print(f"Base de démonstration écrite : {args.path} (phrase de passe : {DEMO_PASSPHRASE})")
    return 0
