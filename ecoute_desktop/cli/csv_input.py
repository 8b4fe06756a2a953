"""What the CSV-importing sub-commands share: the file argument, --dry-run, reading, refusing."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from ecoute_desktop.cli.common import EXIT_BAD_INPUT, CliError
from ecoute_desktop.services.csv_import import ImportFileError, read_csv
from ecoute_desktop.services.csv_import.reading import CsvTable


def add_csv_arguments(parser: argparse.ArgumentParser, dry_run_help: str) -> None:
    """`FICHIER.csv` and `--dry-run` (check the file, write nothing)."""
    parser.add_argument("file", type=Path, metavar="FICHIER.csv", help="fichier CSV à lire")
    parser.add_argument("--dry-run", action="store_true", help=dry_run_help)


def read_csv_argument(args: argparse.Namespace) -> CsvTable:
    """The table of `args.file`; call it before the passphrase, so a missing file fails at once."""
    try:
        return read_csv(args.file)
    except ImportFileError as error:
        raise CliError(str(error)) from None


def refuse(path: Path, summary: str, errors: Iterable[object]) -> int:
    """Print `ecoute : FILE : summary :` then each error on stderr; the bad-input exit code."""
    print(f"ecoute : {path} : {summary} :", file=sys.stderr)
    for error in errors:
        print(f"{path} : {error}", file=sys.stderr)
    return EXIT_BAD_INPUT
