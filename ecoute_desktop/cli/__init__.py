"""The `ecoute` command line: for coordinators, scripting and migrating the old spreadsheet.

Exit codes: 0 success, 1 bad input, 2 usage, 3 wrong passphrase. Each sub-command
lives in its own module under `cli/commands/`, which registers itself.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import pkgutil
import sys
from pathlib import Path

from ecoute_desktop import __version__
from ecoute_desktop.cli import commands
from ecoute_desktop.cli.common import EXIT_BAD_INPUT, EXIT_PASSPHRASE, CliError
from ecoute_desktop.cli.french_argparse import FrenchParser
from ecoute_desktop.store.errors import StoreError, WrongPassphraseError


def build_parser() -> argparse.ArgumentParser:
    parser = FrenchParser(
        prog="ecoute",
        description="Écoute en ligne de commande (base chiffrée, hors ligne).",
    )
    parser.add_argument("--version", action="version", version=f"ecoute {__version__}")
    parser.add_argument(
        "--db",
        type=Path,
        default=None,
        metavar="CHEMIN",
        help="base de données à utiliser (par défaut : le dossier de données de l'utilisateur)",
    )
    subparsers = parser.add_subparsers(
        dest="command", metavar="COMMANDE", parser_class=FrenchParser
    )
    subparsers.required = True
    for module_info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{module_info.name}")
        module.register(subparsers)
    return parser


_OS_REASONS = {
    errno.EISDIR: "c'est un dossier, pas un fichier",
    errno.ENOENT: "fichier ou dossier introuvable",
    errno.ENOTDIR: "un élément du chemin n'est pas un dossier",
    errno.EACCES: "accès refusé (droits insuffisants)",
    errno.EPERM: "opération non permise",
    errno.EROFS: "support en lecture seule",
    errno.ENOSPC: "plus de place sur le disque",
    errno.EEXIST: "un fichier de ce nom existe déjà",
}


def os_error_message(error: OSError) -> str:
    """French words for a file the system refused, naming the file the user gave."""
    reason = _OS_REASONS.get(error.errno or 0, error.strerror or "erreur du système de fichiers")
    # A rename names the temporary file first and the user's file second.
    name = error.filename2 or error.filename
    return f"« {name} » : {reason}." if name else f"{reason}."


WINDOWS = sys.platform == "win32"


def utf8_output() -> None:
    """On Windows, write UTF-8 when the output is redirected to a file or a pipe.

    Python then uses the ANSI code page (cp1252), which cannot write every name
    (« Łukasz » in a path, a theme « Santé ✓ »): the command would end in a
    UnicodeEncodeError after its work was done, and JSON files should be UTF-8 anyway.
    The console itself is already UTF-8, and other systems follow their locale.
    """
    if not WINDOWS:
        return
    for stream, errors in ((sys.stdout, None), (sys.stderr, "backslashreplace")):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors=errors or stream.errors)


def main(argv: list[str] | None = None) -> int:
    utf8_output()
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except CliError as error:
        print(f"ecoute : {error}", file=sys.stderr)
        return error.code
    except WrongPassphraseError as error:
        print(f"ecoute : {error}", file=sys.stderr)
        return EXIT_PASSPHRASE
    except StoreError as error:
        print(f"ecoute : {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:  # a file that cannot be read or written: named, no traceback
        print(f"ecoute : {os_error_message(error)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("ecoute : interrompu.", file=sys.stderr)
        return 130
