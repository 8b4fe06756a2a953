"""`ecoute demo PATH`: write a demo database of fictitious cases (passphrase `demo`)."""

from __future__ import annotations

import argparse

from ecoute_desktop.cli.checks import output_file
from ecoute_desktop.services.demo import DEMO_PASSPHRASE, write_demo_database


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help="écrire une base de démonstration fictive")
    parser.add_argument("path", type=output_file, metavar="CHEMIN")
    parser.add_argument("--cases", type=int, default=120, help="nombre de sollicitations")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    write_demo_database(args.path, count=args.cases)
    print(f"Base de démonstration écrite : {args.path} (phrase de passe : {DEMO_PASSPHRASE})")
    return 0
