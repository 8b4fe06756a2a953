"""`ecoute merge`: the coordinator's merge of anonymised exports (JSON, PDF or CSV)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ecoute_desktop.cli.checks import check_output_folder, month_arg, output_file
from ecoute_desktop.cli.common import EXIT_BAD_INPUT, EXIT_USAGE, CliError
from ecoute_desktop.cli.french_argparse import whole_number
from ecoute_desktop.cli.wording import count_of, plural
from ecoute_desktop.domain.disclosure import DEFAULT_THRESHOLD
from ecoute_desktop.domain.merge import Merge


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "merge", help="fusion des exports anonymisés des écoutants (sans base de données)"
    )
    parser.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="FICHIER",
        help="exports anonymisés (JSON) des écoutants",
    )
    parser.add_argument(
        "--from", dest="month_from", metavar="AAAA-MM", help="premier mois retenu (défaut : tous)"
    )
    parser.add_argument(
        "--to", dest="month_to", metavar="AAAA-MM", help="dernier mois retenu (défaut : tous)"
    )
    output = parser.add_mutually_exclusive_group(required=True)
    output.add_argument("--json", action="store_true", help="indicateurs fusionnés en JSON")
    output.add_argument(
        "--pdf", type=output_file, metavar="SORTIE.pdf", help="synthèse pour le comité"
    )
    output.add_argument(
        "--csv", type=output_file, metavar="SORTIE.csv", help="tableau mois × indicateur"
    )
    output.add_argument(
        "--review",
        type=output_file,
        metavar="SORTIE",
        help="bilan annuel sur une page : .pdf, ou .png (150 dpi)",
    )
    parser.add_argument(
        "--threshold",
        type=whole_number(0),
        default=DEFAULT_THRESHOLD,
        metavar="N",
        help=f"petits effectifs masqués sous N (défaut {DEFAULT_THRESHOLD} ; 0 : aucun masquage)",
    )
    parser.add_argument("--comment", default="", metavar="TEXTE", help="commentaire du PDF")
    parser.add_argument(
        "--actions", default="", metavar="TEXTE", help="bloc « Actions à envisager » du bilan"
    )
    state = parser.add_mutually_exclusive_group()
    state.add_argument(
        "--state",
        type=Path,
        metavar="FICHIER",
        help="fichier de suivi des écoutants déjà vus (défaut : coordination.json dans le"
        " dossier de données d'Écoute)",
    )
    state.add_argument(
        "--no-state",
        action="store_true",
        help="ni lire ni écrire le fichier de suivi (pas de liste « Pas encore reçu »)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    first = month_arg(args.month_from, "--from") if args.month_from else None
    last = month_arg(args.month_to, "--to") if args.month_to else None
    if first and last and last < first:
        raise CliError("--to précède --from.", EXIT_USAGE)
    target = args.pdf or args.csv
    if target is not None:
        check_output_folder(target)
    if args.review is not None:
        from ecoute_desktop.cli.review_output import check_review_target

        check_review_target(args.review, "--review")
    from ecoute_desktop.services.coordinator_state import default_state_path
    from ecoute_desktop.services.merge import merge_paths

    state_path = None if args.no_state else (args.state or default_state_path())
    outcome = merge_paths(args.files, first, last, state_path)
    for refusal in outcome.refused:
        print(f"ecoute : {refusal.message}", file=sys.stderr)
    for warning in outcome.warnings:
        print(f"ecoute : {warning}", file=sys.stderr)
    for missing in outcome.missing:
        print(f"ecoute : {missing.message}", file=sys.stderr)
    if outcome.merge is None:
        print("ecoute : aucun fichier n'a pu être fusionné.", file=sys.stderr)
        return EXIT_BAD_INPUT
    merge = outcome.merge
    for duplicate, kept in merge.duplicates:
        print(
            f"ecoute : « {duplicate} » est le même export que « {kept} » : compté une fois.",
            file=sys.stderr,
        )
    if args.json:
        print(json.dumps(merge.indicators().to_json(), ensure_ascii=False, indent=2))
    elif args.pdf is not None:
        from ecoute_desktop.services.committee import write_committee_pdf

        write_committee_pdf(merge, args.pdf, args.threshold, args.comment)
        print(f"Synthèse pour le comité écrite : {args.pdf}", file=sys.stderr)
    elif args.review is not None:
        _write_review(args, merge)
    else:
        from ecoute_desktop.services.committee_csv import write_committee_csv

        write_committee_csv(merge, args.csv, args.threshold)
        print(f"Tableau écrit : {args.csv}", file=sys.stderr)
    used, refused = len(merge.files), len(outcome.refused)
    print(
        f"{count_of(used, 'export')} {plural(used, 'fusionné')},"
        f" {count_of(len(merge.records), 'sollicitation')},"
        f" {count_of(refused, 'fichier')} {plural(refused, 'refusé')}.",
        file=sys.stderr,
    )
    return 0


def _write_review(args: argparse.Namespace, merge: Merge) -> None:
    from ecoute_desktop.cli.review_output import too_long, write_review
    from ecoute_desktop.services.reports.review_pdf import ActionsTooLong
    from ecoute_desktop.services.review import review_pdf

    try:
        pdf = review_pdf(merge, args.threshold, args.actions)
    except ActionsTooLong as error:
        raise too_long(error) from None
    write_review(args.review, pdf)
    print(f"Bilan écrit : {args.review}", file=sys.stderr)
