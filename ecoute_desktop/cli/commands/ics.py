"""`ecoute ics`: calendar file of a case's appointments, or of all upcoming appointments."""

from __future__ import annotations

import argparse

from ecoute_desktop.cli.checks import output_file
from ecoute_desktop.cli.common import EXIT_USAGE, CliError, open_store
from ecoute_desktop.services import calendar_ics


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ics", help="fichier agenda (.ics) d'une sollicitation ou des rendez-vous à venir"
    )
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--case", metavar="REF", help="référence de la sollicitation (2026-A-042)")
    group.add_argument("--upcoming", action="store_true", help="tous les rendez-vous à venir")
    parser.add_argument(
        "--ecoutant",
        action="store_true",
        help="avec --case : version de l'écoutant (nom et téléphone de l'adhérent) "
        "au lieu de l'invitation envoyée à l'adhérent",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=output_file,
        required=True,
        metavar="FICHIER.ics",
        help="fichier agenda à écrire (s'ouvre dans Outlook, Thunderbird, Agenda…)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.ecoutant and not args.case:
        raise CliError("--ecoutant ne s'emploie qu'avec --case.", EXIT_USAGE)
    if not args.output.parent.is_dir():
        raise CliError(f"-o : le dossier « {args.output.parent} » n'existe pas.")
    with open_store(args) as store:
        if args.upcoming:
            data, count = calendar_ics.upcoming_calendar(store)
            message = f"{count} rendez-vous à venir écrits dans {args.output}."
        else:
            case = store.cases.get_by_reference(args.case.strip())
            if case is None:
                raise CliError(f"--case : aucune sollicitation de référence « {args.case} ».")
            assert case.id is not None  # read from the store
            try:
                data = calendar_ics.case_calendar(store, case.id, for_member=not args.ecoutant)
            except LookupError as error:
                raise CliError(f"--case {case.reference} : {error}") from None
            message = f"Rendez-vous de la sollicitation {case.reference} écrits dans {args.output}."
    calendar_ics.write_ics(args.output, data)
    print(message)
    return 0
