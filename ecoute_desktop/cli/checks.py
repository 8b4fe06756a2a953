"""Checks of command-line values shared by sub-commands: months, periods, output folders."""

from __future__ import annotations

import argparse
from pathlib import Path

from ecoute_desktop.cli.common import EXIT_USAGE, CliError
from ecoute_desktop.domain.month import Month


def month_arg(text: str, option: str | None) -> str:
    """`AAAA-MM` from what the user typed (after `option`, if any), or a usage error."""
    try:
        month = Month.parse(text)
    except ValueError as error:  # « mois invalide « … » (attendu AAAA-MM) »
        message = f"{option} : {error}." if option else f"{str(error)[:1].upper()}{str(error)[1:]}."
        raise CliError(message, EXIT_USAGE) from None
    return str(month)


def period_args(args: argparse.Namespace) -> tuple[str, str]:
    """The months of --from and --to, the first not after the last."""
    first, last = month_arg(args.month_from, "--from"), month_arg(args.month_to, "--to")
    if Month.parse(last) < Month.parse(first):
        raise CliError("--to précède --from.", EXIT_USAGE)
    return first, last


def output_file(text: str) -> Path:
    """argparse type of -o and the like: a path, refused when empty (`-o ""`)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("indiquez un nom de fichier")
    return Path(text)


def check_output_folder(path: Path) -> None:
    """Refuse before any work when the folder of the file to write does not exist."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise CliError(f"Le dossier « {folder} » n'existe pas : impossible d'écrire « {path} ».")
