"""`ecoute passphrase`: re-encrypt the database under a new passphrase, interrupt-safe."""

from __future__ import annotations

import argparse

from ecoute_desktop.cli.common import CliError, db_path, read_passphrase
from ecoute_desktop.services.passphrase import assess
from ecoute_desktop.store.connection import open_connection
from ecoute_desktop.store.rekey import change_passphrase

NEW_PASSPHRASE_ENV = "ECOUTE_NEW_PASSPHRASE"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "passphrase",
        help="changer la phrase de passe (nouvelle phrase : ECOUTE_NEW_PASSPHRASE ou saisie)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    path = db_path(args)
    if not path.exists():
        raise CliError(f"Aucune base Écoute à l'emplacement « {path} ».")
    old = read_passphrase(prompt="Phrase de passe actuelle : ")
    open_connection(path, old).close()  # a wrong passphrase is said before the new is asked
    new = read_passphrase(NEW_PASSPHRASE_ENV, "Nouvelle phrase de passe : ", confirm=True)
    strength = assess(new)
    if not strength.acceptable:
        raise CliError(f"Nouvelle phrase de passe refusée. {strength.advice}")
    change_passphrase(path, old, new)
    print(
        "Phrase de passe changée : la base s'ouvre avec la nouvelle phrase de passe, "
        "l'ancienne ne l'ouvre plus. Les sauvegardes déjà faites gardent l'ancienne."
    )
    return 0
