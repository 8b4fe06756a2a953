"""`ecoute report monthly|period`: the monthly report or a period summary as PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from ecoute_desktop.cli.common import EXIT_USAGE, CliError, open_store
from ecoute_desktop.domain.timeutil import parse_month


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("report", help="rapport mensuel ou synthèse d'une période (PDF)")
    kinds = parser.add_subparsers(dest="report_kind", metavar="TYPE")
    kinds.required = True

    monthly = kinds.add_parser("monthly", help="rapport mensuel des indicateurs")
    monthly.add_argument("month", metavar="AAAA-MM", help="mois du rapport")
    _common(monthly)
    monthly.set_defaults(handler=run_monthly)

    period = kinds.add_parser("period", help="synthèse d'une période de plusieurs mois")
    period.add_argument("--from", dest="month_from", required=True, metavar="AAAA-MM")
    period.add_argument("--to", dest="month_to", required=True, metavar="AAAA-MM")
    _common(period)
    period.set_defaults(handler=run_period)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", required=True, type=Path, metavar="FICHIER.pdf", help="PDF à écrire"
    )
    parser.add_argument(
        "--comment", default="", metavar="TEXTE", help="paragraphe « Commentaires » du rapport"
    )


def _month(text: str, option: str) -> str:
    try:
        year, month = parse_month(text)
    except ValueError as error:
        raise CliError(f"{option} : {error}.", EXIT_USAGE) from None
    return f"{year:04d}-{month:02d}"


def _check_output(path: Path) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise CliError(f"Le dossier « {folder} » n'existe pas : impossible d'écrire « {path} ».")


def run_monthly(args: argparse.Namespace) -> int:
    month = _month(args.month, "mois")
    _check_output(args.output)
    from ecoute_desktop.services.reports import write_monthly_report

    with open_store(args) as store:
        write_monthly_report(store, month, args.output, args.comment)
    print(f"Rapport mensuel écrit : {args.output}")
    return 0


def run_period(args: argparse.Namespace) -> int:
    first, last = _month(args.month_from, "--from"), _month(args.month_to, "--to")
    if last < first:
        raise CliError("--to précède --from.", EXIT_USAGE)
    _check_output(args.output)
    from ecoute_desktop.services.reports import write_period_report

    with open_store(args) as store:
        write_period_report(store, first, last, args.output, args.comment)
    print(f"Synthèse de la période écrite : {args.output}")
    return 0
