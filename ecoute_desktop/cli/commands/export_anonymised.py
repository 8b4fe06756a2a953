"""`ecoute export-anonymised`: the anonymised export of a period, for the coordinator."""

from __future__ import annotations

import argparse
import sys

from ecoute_desktop.cli.checks import check_output_folder, output_file, period_args
from ecoute_desktop.cli.common import CliError, open_store
from ecoute_desktop.cli.wording import count_of, plural


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export-anonymised", help="export anonymisé d'une période (JSON, pour le coordinateur)"
    )
    parser.add_argument(
        "--from", dest="month_from", required=True, metavar="AAAA-MM", help="premier mois exporté"
    )
    parser.add_argument(
        "--to", dest="month_to", required=True, metavar="AAAA-MM", help="dernier mois exporté"
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        type=output_file,
        metavar="FICHIER.json",
        help="fichier JSON à écrire, à envoyer au coordinateur",
    )
    parser.add_argument(
        "--pseudonym",
        default=None,
        metavar="PSEUDONYME",
        help="votre pseudonyme d'écoutant (retenu pour les exports suivants)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    first, last = period_args(args)
    check_output_folder(args.output)
    from ecoute_desktop.services.app import Services

    with open_store(args) as store:
        services = Services(store)
        if args.pseudonym is None:
            pseudonym, drawn = services.settings.ensure_pseudonym()
            if drawn:
                print(
                    f"Aucun pseudonyme d'écoutant n'était choisi : « {pseudonym} » a été tiré"
                    " au hasard et retenu pour les exports suivants. Pour le changer :"
                    " --pseudonym NOUVEAU (ou, dans l'application, Paramètres › Profil et binôme).",
                    file=sys.stderr,
                )
        issues = services.documents.completeness_issues(first, last)
        try:
            document = services.documents.write_export(args.output, first, last, args.pseudonym)
        except ValueError as error:
            raise CliError(str(error)) from None
    for issue in issues:
        print(
            f"Attention : sollicitation {issue.reference} : {' ; '.join(issue.reasons)}.",
            file=sys.stderr,
        )
    if issues:
        print(
            f"{count_of(len(issues), 'sollicitation')} {plural(len(issues), 'incomplète')}"
            f" {plural(len(issues), 'exportée')} quand même.",
            file=sys.stderr,
        )
    print(
        f"Export anonymisé écrit : {args.output}"
        f" ({count_of(document['record_count'], 'sollicitation')},"
        f" pseudonyme « {document['pseudonym']} »)."
    )
    return 0
