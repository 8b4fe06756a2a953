"""What every sub-command shares: exit codes, passphrase input, opening the store."""

from __future__ import annotations

import argparse
import contextlib
import getpass
import os
import sys
import warnings
from pathlib import Path

from ecoute_desktop.services import leftovers
from ecoute_desktop.store import Store
from ecoute_desktop.store.location import default_db_path

EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
EXIT_PASSPHRASE = 3
EXIT_DISK = 4  # disk full, file too large (EFBIG) or failing medium: never « passphrase »

PASSPHRASE_ENV = "ECOUTE_PASSPHRASE"
EXIT_INTERRUPTED = 130


class CliError(Exception):
    """A failure to report in French with an exit code."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.code = code


def db_path(args: argparse.Namespace) -> Path:
    """The database of --db (kept as typed, so that `--db ""` is caught), else the default.

    Files left next to it by an interrupted restore or passphrase change are told on
    the error output (and those holding no data of their own removed) first.
    """
    if args.db is None:
        path = default_db_path()
    elif not str(args.db).strip():
        raise CliError("--db : indiquez le chemin d'une base Écoute (fichier .db).")
    else:
        path = Path(args.db)
    tell_leftovers(path)
    return path


def tell_leftovers(path: Path) -> None:
    """Say what an interrupted restore or passphrase change left next to the base."""
    found = leftovers.tidy(path)
    for item in found:
        print(f"ecoute : {item.text}", file=sys.stderr)
    for kept in leftovers.kept_bases(found)[:1]:
        print(
            f'ecoute : pour la remettre en place : ecoute --db "{path}" restore "{kept}"',
            file=sys.stderr,
        )


def _no_passphrase(env: str) -> CliError:
    return CliError(
        f"Aucune phrase de passe : définissez la variable {env} "
        "ou lancez la commande dans un terminal.",
        EXIT_USAGE,
    )


def _ask(prompt: str, env: str) -> str:
    """One passphrase typed at the terminal, without echo; refused when there is no terminal.

    Without a terminal, getpass would warn in English, read the passphrase in clear
    from standard input, then fail on its end: that fallback is turned into one French
    message. Ctrl-D (end of input) says the same; Ctrl-C stops quietly.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", getpass.GetPassWarning)
            return getpass.getpass(prompt)
    except getpass.GetPassWarning:
        raise _no_passphrase(env) from None
    except EOFError:
        _end_prompt_line()
        raise _no_passphrase(env) from None
    except KeyboardInterrupt:
        _end_prompt_line()
        raise CliError("interrompu.", EXIT_INTERRUPTED) from None


def _end_prompt_line() -> None:
    """Finish the prompt's line, so the message that follows starts on its own."""
    with contextlib.suppress(OSError, ValueError):
        print(file=sys.stderr, flush=True)


def _readable(value: str, what: str) -> str:
    """`value`, or a French usage error when it holds bytes that are not UTF-8 text."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise CliError(
            f"{what} contient des octets qui ne sont pas du texte UTF-8 : rien n'a été ouvert "
            "ni modifié. Enregistrez-la en UTF-8 (ou saisissez la phrase de passe au clavier).",
            EXIT_USAGE,
        ) from None
    return value


def read_passphrase(
    env: str = PASSPHRASE_ENV, prompt: str = "Phrase de passe : ", confirm: bool = False
) -> str:
    """From the environment variable when set, else asked without echo at the terminal."""
    value = os.environ.get(env)
    if value is not None:
        return _readable(value, f"La variable {env}")
    value = _readable(_ask(prompt, env), "La phrase de passe saisie")
    if confirm and _ask("Confirmez la phrase de passe : ", env) != value:
        raise CliError("Les deux phrases de passe ne sont pas identiques.", EXIT_USAGE)
    return value


def open_store(args: argparse.Namespace) -> Store:
    """Open the database named by --db (or the default one) with the user's passphrase."""
    path = db_path(args)
    if not path.exists():
        raise CliError(f"Aucune base Écoute à l'emplacement « {path} » (voir « ecoute init »).")
    return Store.open(path, read_passphrase())
