"""`ecoute passphrase`: re-encrypt the database under a new passphrase, interrupt-safe.

`ecoute passphrase --suggest` only prints a freshly drawn phrase (no database needed).
"""

from __future__ import annotations

import argparse

from ecoute_desktop.cli.commands.init import SUGGEST_HINT
from ecoute_desktop.cli.common import EXIT_USAGE, CliError, db_path, read_passphrase
from ecoute_desktop.services.passphrase.actions import WeakPassphraseError, change_passphrase
from ecoute_desktop.services.passphrase.drawing import suggest
from ecoute_desktop.store import Store

NEW_PASSPHRASE_ENV = "ECOUTE_NEW_PASSPHRASE"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "passphrase",
        help="changer la phrase de passe (nouvelle phrase : ECOUTE_NEW_PASSPHRASE ou saisie ;"
        " une phrase trop facile à deviner est refusée)",
    )
    parser.add_argument(
        "--suggest",
        action="store_true",
        help="afficher une phrase de passe tirée au hasard, sans rien changer",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.suggest:
        print(suggest())
        return 0
    path = db_path(args)
    if not path.exists():
        raise CliError(f"Aucune base Écoute à l'emplacement « {path} ».")
    old = read_passphrase(prompt="Phrase de passe actuelle : ")
    with Store.open(path, old) as store:  # a wrong passphrase is said before the new is asked
        new = read_passphrase(NEW_PASSPHRASE_ENV, "Nouvelle phrase de passe : ", confirm=True)
        try:
            change_passphrase(store, old, new)
        except WeakPassphraseError as error:
            advice = error.verdict.advice
            raise CliError(
                f"Nouvelle phrase de passe refusée. {advice}{SUGGEST_HINT}", EXIT_USAGE
            ) from None
    print(
        "Phrase de passe changée : la base s'ouvre avec la nouvelle phrase de passe, "
        "l'ancienne ne l'ouvre plus. Les sauvegardes déjà faites gardent l'ancienne."
    )
    return 0
