"""`ecoute charter`: the confidentiality charter as an A4 PDF, blank or filled for a case."""

from __future__ import annotations

import argparse

from ecoute_desktop.cli.checks import output_file
from ecoute_desktop.cli.common import CliError, open_store
from ecoute_desktop.services import charter


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("charter", help="charte de confidentialité en PDF")
    parser.add_argument(
        "-o",
        "--output",
        type=output_file,
        required=True,
        metavar="FICHIER.pdf",
        help="PDF à écrire",
    )
    parser.add_argument("--case", metavar="REF", help="remplir la charte pour cette sollicitation")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not args.output.parent.is_dir():
        raise CliError(f"-o : le dossier « {args.output.parent} » n'existe pas.")
    with open_store(args) as store:
        case_id = None
        if args.case:
            case = store.cases.get_by_reference(args.case.strip())
            if case is None:
                raise CliError(f"--case : aucune sollicitation de référence « {args.case} ».")
            case_id = case.id
        try:
            data = charter.charter_pdf(store, case_id)
        except charter.TemplateError as error:
            raise CliError(f"modèle de charte : {error}") from None
    charter.write_charter(args.output, data)
    print(f"Charte écrite dans {args.output}.")
    return 0
