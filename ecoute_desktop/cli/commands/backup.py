"""`ecoute backup -o FICHIER`: write a verified encrypted backup (same passphrase)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ecoute_desktop.cli.checks import output_file
from ecoute_desktop.cli.common import CliError, open_store
from ecoute_desktop.cli.wording import count_of
from ecoute_desktop.services.backup import backup_to


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("backup", help="écrire une sauvegarde chiffrée vérifiée")
    parser.add_argument(
        "-o",
        "--output",
        type=output_file,
        required=True,
        metavar="FICHIER",
        help="fichier à écrire",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    target: Path = args.output
    if target.exists() and not target.is_file():
        raise CliError(f"« {target} » n'est pas un fichier.")
    with open_store(args) as store:
        info = backup_to(store, target)
    print(
        f"Sauvegarde écrite et vérifiée : {info.path} ({count_of(info.cases, 'sollicitation')}). "
        "Elle s'ouvre avec la même phrase de passe que la base."
    )
    return 0
