"""`ecoute restore FICHIER`: replace the database by a backup once it is checked sound."""

from __future__ import annotations

import argparse
from pathlib import Path

from ecoute_desktop.cli.common import CliError, db_path, read_passphrase
from ecoute_desktop.services.backup import restore


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "restore", help="restaurer une sauvegarde (après vérification) à la place de la base"
    )
    parser.add_argument("backup", type=Path, metavar="FICHIER", help="sauvegarde à restaurer")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    path = db_path(args)
    if path.exists() and not path.is_file():
        raise CliError(f"« {path} » n'est pas un fichier : indiquez le fichier de la base (--db).")
    if not args.backup.is_file():
        raise CliError(f"Aucune sauvegarde à l'emplacement « {args.backup} ».")
    passphrase = read_passphrase(prompt="Phrase de passe de la sauvegarde : ")
    aside = restore(path, args.backup, passphrase)
    print(f"Sauvegarde restaurée et vérifiée : {path}.")
    if aside is not None:
        print(f"L'ancienne base est conservée à part : {aside} (supprimez-la quand vous voudrez).")
    return 0
