"""`ecoute report monthly|period|review`: monthly report, period summary, annual review."""

from __future__ import annotations

import argparse

from ecoute_desktop.cli.checks import check_output_folder, month_arg, output_file, period_args
from ecoute_desktop.cli.common import open_store
from ecoute_desktop.cli.french_argparse import whole_number


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("report", help="rapport mensuel ou synthèse d'une période (PDF)")
    kinds = parser.add_subparsers(dest="report_kind", metavar="TYPE")
    kinds.required = True

    monthly = kinds.add_parser("monthly", help="rapport mensuel des indicateurs")
    monthly.add_argument("month", metavar="AAAA-MM", help="mois du rapport")
    _common(monthly)
    monthly.set_defaults(handler=run_monthly)

    period = kinds.add_parser("period", help="synthèse d'une période de plusieurs mois")
    period.add_argument(
        "--from", dest="month_from", required=True, metavar="AAAA-MM", help="premier mois"
    )
    period.add_argument(
        "--to", dest="month_to", required=True, metavar="AAAA-MM", help="dernier mois"
    )
    period.add_argument(
        "--threshold",
        type=whole_number(0),
        default=None,
        metavar="N",
        help="pour le comité : effectifs de moins de N masqués mois par mois"
        " (0 : « effectifs exacts ») ; sans cette option, vos chiffres exacts",
    )
    _common(period)
    period.set_defaults(handler=run_period)

    review = kinds.add_parser("review", help="bilan annuel sur une page (PDF ou PNG)")
    review.add_argument(
        "--from", dest="month_from", required=True, metavar="AAAA-MM", help="premier mois"
    )
    review.add_argument(
        "--to", dest="month_to", required=True, metavar="AAAA-MM", help="dernier mois"
    )
    review.add_argument(
        "-o",
        "--output",
        required=True,
        type=output_file,
        metavar="FICHIER",
        help="bilan à écrire : .pdf, ou .png (150 dpi)",
    )
    review.add_argument(
        "--actions", default="", metavar="TEXTE", help="bloc « Actions à envisager » du bilan"
    )
    review.add_argument(
        "--threshold",
        type=whole_number(0),
        default=None,
        metavar="N",
        help="petits effectifs masqués sous N (défaut : le seuil choisi en Coordination ;"
        " 0 : effectifs exacts)",
    )
    review.set_defaults(handler=run_review)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        type=output_file,
        metavar="FICHIER.pdf",
        help="PDF à écrire",
    )
    parser.add_argument(
        "--comment", default="", metavar="TEXTE", help="paragraphe « Commentaires » du rapport"
    )


def run_monthly(args: argparse.Namespace) -> int:
    month = month_arg(args.month, None)
    check_output_folder(args.output)
    from ecoute_desktop.services.reports import write_monthly_report

    with open_store(args) as store:
        write_monthly_report(store, month, args.output, args.comment)
    print(f"Rapport mensuel écrit : {args.output}")
    return 0


def run_period(args: argparse.Namespace) -> int:
    first, last = period_args(args)
    check_output_folder(args.output)
    from ecoute_desktop.services.atomic import write_bytes_atomic
    from ecoute_desktop.services.committee_own import own_committee_pdf
    from ecoute_desktop.services.reports import write_period_report

    with open_store(args) as store:
        if args.threshold is None:
            write_period_report(store, first, last, args.output, args.comment)
        else:
            pdf = own_committee_pdf(store, first, last, args.threshold, args.comment)
            write_bytes_atomic(args.output, pdf)
    print(f"Synthèse de la période écrite : {args.output}")
    return 0


def run_review(args: argparse.Namespace) -> int:
    first, last = period_args(args)
    from ecoute_desktop.cli.review_output import check_review_target, too_long, write_review

    check_review_target(args.output, "-o")
    from ecoute_desktop.domain import settings_spec
    from ecoute_desktop.services.reports.review_pdf import ActionsTooLong
    from ecoute_desktop.services.review import own_review_pdf

    with open_store(args) as store:
        threshold = args.threshold
        if threshold is None:
            threshold = store.settings.get(settings_spec.SMALL_CELL_THRESHOLD)
        try:
            pdf = own_review_pdf(store, first, last, threshold, args.actions)
        except ActionsTooLong as error:
            raise too_long(error) from None
    write_review(args.output, pdf)
    print(f"Bilan écrit : {args.output}")
    return 0
