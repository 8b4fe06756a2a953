"""The desktop app's command line: `--db`, `--self-test`, and make bench's hidden flags."""

from __future__ import annotations

import argparse
from pathlib import Path

_FLAGS = ("--close-when-shown", "--close-when-styled")


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The options in `argv` (without the program); others (Qt's own) are left alone."""
    simple = simple_args(argv)
    return simple if simple is not None else full_args(argv)


def simple_args(argv: list[str]) -> argparse.Namespace | None:
    """The usual command lines (nothing, `--db PATH`, make bench's flags) read without
    building argparse's parser: its help texts go through gettext, which searches the disk
    for catalogues at each one (~3 ms of the start, issue 16). None for anything else."""
    values: dict[str, object] = {
        "db": None,
        "self_test": False,
        "self_test_output": None,
        "close_when_shown": False,
        "close_when_styled": False,
    }
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--db" and rest and not rest[0].startswith("-"):
            values["db"] = Path(rest.pop(0))
        elif arg.startswith("--db=") and len(arg) > len("--db="):
            values["db"] = Path(arg.removeprefix("--db="))
        elif arg in _FLAGS:
            values[arg.removeprefix("--").replace("-", "_")] = True
        else:
            return None
    return argparse.Namespace(**values)


def full_args(argv: list[str]) -> argparse.Namespace:
    """Every option, `--help` and the errors, by argparse."""
    parser = argparse.ArgumentParser(prog="ecoute-desktop", description="Écoute (bureau)")
    parser.add_argument(
        "--db", type=Path, default=None, metavar="BASE", help="chemin de la base chiffrée"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="vérifier l'installation sans ouvrir de fenêtre (code de sortie 0 si tout va bien)",
    )
    parser.add_argument(
        "--self-test-output",
        type=Path,
        default=None,
        metavar="FICHIER",
        help="avec --self-test : écrire aussi le résultat dans FICHIER",
    )
    # make bench: quit as soon as the assistant or the unlock window is on screen.
    parser.add_argument("--close-when-shown", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--close-when-styled", action="store_true", help=argparse.SUPPRESS)
    known, _ = parser.parse_known_args(argv)
    return known
