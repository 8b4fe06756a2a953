"""`ecoute init`: create a new encrypted database with the default taxonomy and directory."""

from __future__ import annotations

import argparse

from ecoute_desktop.cli.common import db_path, read_passphrase
from ecoute_desktop.store import Store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("init", help="créer une nouvelle base chiffrée")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    path = db_path(args)
    passphrase = read_passphrase(confirm=True)
    with Store.create(path, passphrase):
        pass
    print(f"Base créée : {path}")
    return 0
