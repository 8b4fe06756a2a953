"""`ecoute indicators`: the indicators of a month or a period, as JSON."""

from __future__ import annotations

import argparse
import json
from datetime import date

from ecoute_desktop.cli.common import EXIT_USAGE, CliError, open_store
from ecoute_desktop.domain.month import Month
from ecoute_desktop.domain.timeutil import check_year
from ecoute_desktop.services.indicators import period_indicators


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("indicators", help="indicateurs d'un mois ou d'une période")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--month", metavar="AAAA-MM", help="indicateurs de ce mois")
    group.add_argument(
        "--from", dest="date_from", metavar="AAAA-MM-JJ", help="premier jour de la période"
    )
    parser.add_argument(
        "--to",
        dest="date_to",
        metavar="AAAA-MM-JJ",
        help="dernier jour de la période (avec --from)",
    )
    parser.add_argument(
        "--json", action="store_true", required=True, help="sortie JSON (seul format disponible)"
    )
    parser.set_defaults(handler=run)


def _day(text: str, option: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise CliError(
            f"{option} : date invalide « {text} » (attendu AAAA-MM-JJ).", EXIT_USAGE
        ) from None
    try:
        return check_year(day)
    except ValueError as error:
        raise CliError(f"{option} : {error}.", EXIT_USAGE) from None


def period_from_args(args: argparse.Namespace) -> tuple[date, date]:
    if args.month:
        if args.date_to:
            raise CliError("--to va avec --from, pas avec --month.", EXIT_USAGE)
        try:
            return Month.parse(args.month).days
        except ValueError as error:
            raise CliError(f"--month : {error}.", EXIT_USAGE) from None
    if not args.date_to:
        raise CliError("--from demande aussi --to.", EXIT_USAGE)
    first, last = _day(args.date_from, "--from"), _day(args.date_to, "--to")
    if last < first:
        raise CliError("--to précède --from.", EXIT_USAGE)
    return first, last


def run(args: argparse.Namespace) -> int:
    first, last = period_from_args(args)
    with open_store(args) as store:
        indicators = period_indicators(store, first, last)
    print(json.dumps(indicators.to_json(), ensure_ascii=False, indent=2))
    return 0
