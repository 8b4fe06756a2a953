"""What every sub-command shares: exit codes, passphrase input, opening the store."""

from __future__ import annotations

import argparse
import getpass
import os
from pathlib import Path

from ecoute_desktop.store import Store
from ecoute_desktop.store.location import default_db_path

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
EXIT_PASSPHRASE = 3

PASSPHRASE_ENV = "ECOUTE_PASSPHRASE"


class CliError(Exception):
    """A failure to report in French with an exit code."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.code = code


def db_path(args: argparse.Namespace) -> Path:
    return args.db if args.db is not None else default_db_path()


def read_passphrase(
    env: str = PASSPHRASE_ENV, prompt: str = "Phrase de passe : ", confirm: bool = False
) -> str:
    """From the environment variable when set, else asked without echo."""
    value = os.environ.get(env)
    if value is not None:
        return value
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("Confirmez la phrase de passe : ") != value:
        raise CliError("Les deux phrases de passe ne sont pas identiques.", EXIT_USAGE)
    return value


def open_store(args: argparse.Namespace) -> Store:
    """Open the database named by --db (or the default one) with the user's passphrase."""
    path = db_path(args)
    if not path.exists():
        raise CliError(f"Aucune base Écoute à l'emplacement « {path} » (voir « ecoute init »).")
    return Store.open(path, read_passphrase())
