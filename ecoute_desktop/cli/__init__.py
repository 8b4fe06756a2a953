"""The `ecoute` command line: for coordinators, scripting and migrating the old spreadsheet.

Exit codes: 0 success, 1 bad input, 2 usage, 3 wrong passphrase (only), 4 disk full or
file too large (SQLITE_FULL, SQLITE_IOERR, ENOSPC, EFBIG), 130 interrupted. Each
sub-command lives in its own module under `cli/commands/`, which registers itself.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import pkgutil
import sys

from ecoute_desktop import __version__
from ecoute_desktop.cli import commands
from ecoute_desktop.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_DISK,
    EXIT_INTERRUPTED,
    EXIT_PASSPHRASE,
    CliError,
)
from ecoute_desktop.cli.french_argparse import FrenchParser, FrenchRawFormatter
from ecoute_desktop.services.os_errors import os_error_message
from ecoute_desktop.store.disk_errors import disk_error
from ecoute_desktop.store.errors import DiskFullError, StoreError, WrongPassphraseError

DISK_HINT = (
    "Disque plein ou fichier trop grand : rien n'a été remplacé. Libérez de la place "
    "(ou choisissez un autre support), puis recommencez."
)
EPILOG = """\
codes de sortie :
  0    réussite
  1    données refusées (fichier, ligne, champ nommés) ou fichier illisible
  2    utilisation : option ou valeur invalide, aucune phrase de passe disponible
  3    phrase de passe incorrecte (ou fichier qui n'est pas une base Écoute)
  4    disque plein ou fichier trop grand (ou support défaillant) : rien n'est perdu
  130  interrompu (Ctrl-C)"""


def build_parser() -> argparse.ArgumentParser:
    parser = FrenchParser(
        prog="ecoute",
        description="Écoute en ligne de commande (base chiffrée, hors ligne).",
        epilog=EPILOG,
        formatter_class=FrenchRawFormatter,
    )
    parser.add_argument("--version", action="version", version=f"ecoute {__version__}")
    parser.add_argument(
        "--db",
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


def _stdout_to_devnull() -> None:
    """After a broken pipe, point stdout at devnull so Python's exit flush stays silent."""
    with contextlib.suppress(OSError, ValueError, AttributeError):  # stdout without a fd
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _run(argv: list[str] | None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except CliError as error:
        print(f"ecoute : {error}", file=sys.stderr)
        return error.code
    except DiskFullError as error:  # before StoreError: never said as a wrong passphrase
        print(f"ecoute : {error}", file=sys.stderr)
        return EXIT_DISK
    except WrongPassphraseError as error:
        print(f"ecoute : {error}", file=sys.stderr)
        return EXIT_PASSPHRASE
    except StoreError as error:
        print(f"ecoute : {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:  # the reader of our output went away (`| head`): not a file error
        raise
    except OSError as error:  # a file that cannot be read or written: named, no traceback
        if disk_error(error) is None:
            print(f"ecoute : {os_error_message(error)}", file=sys.stderr)
            return EXIT_BAD_INPUT
        print(f"ecoute : {os_error_message(error)} {DISK_HINT}", file=sys.stderr)
        return EXIT_DISK
    except KeyboardInterrupt:
        print("ecoute : interrompu.", file=sys.stderr)
        return EXIT_INTERRUPTED


def main(argv: list[str] | None = None) -> int:
    utf8_output()
    try:
        try:
            return _run(argv)
        finally:  # also after --help (SystemExit): what is still buffered goes out here
            sys.stdout.flush()
    except BrokenPipeError:
        # As the Python docs advise for SIGPIPE: no message, and no second error at exit.
        _stdout_to_devnull()
        return EXIT_BAD_INPUT
