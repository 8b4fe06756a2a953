"""`ecoute init`: create a new encrypted database with the default taxonomy and directory."""

from __future__ import annotations

import argparse

from ecoute_desktop.cli.common import EXIT_USAGE, CliError, db_path, read_passphrase
from ecoute_desktop.services.passphrase.actions import WeakPassphraseError, create_database

SUGGEST_HINT = " Pour en tirer une : ecoute passphrase --suggest"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "init",
        help="créer une nouvelle base chiffrée (phrase de passe : ECOUTE_PASSPHRASE ou saisie ;"
        " une phrase trop facile à deviner est refusée)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    path = db_path(args)
    passphrase = read_passphrase(confirm=True)
    try:
        store = create_database(path, passphrase)
    except WeakPassphraseError as error:
        raise CliError(f"{error}{SUGGEST_HINT}", EXIT_USAGE) from None
    store.close()
    print(f"Base créée : {path}")
    return 0
