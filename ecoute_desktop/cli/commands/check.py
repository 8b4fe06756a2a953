"""`ecoute check`: run SQLCipher's and SQLite's integrity checks and say if the file is sound."""

from __future__ import annotations

import argparse

from ecoute_desktop.cli.common import EXIT_BAD_INPUT, open_store
from ecoute_desktop.cli.wording import count_of


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("check", help="vérifier l'intégrité de la base")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        problems = store.integrity_problems()
        cases = store.cases.count()
    if problems:
        print("La base est ENDOMMAGÉE. Problèmes détectés :")
        for problem in problems[:20]:
            print(f"  - {problem}")
        print("Restaurez la dernière sauvegarde (ecoute restore FICHIER).")
        return EXIT_BAD_INPUT
    print(
        "La base est saine : contrôles SQLCipher et SQLite réussis"
        f" ({count_of(cases, 'sollicitation')})."
    )
    return 0
