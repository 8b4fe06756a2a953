"""`ecoute pair link|export|import`: the pair's file exchange from the command line.

`link` takes the pair phrase from ECOUTE_PAIR_KEY (`--new` draws one and prints it once);
`export -o FILE` writes this base's `.ecoute-binome` file; `import FILE` takes the
partner's and prints the French summary, then a line per e-mail taken on both laptops;
`keep REF` keeps that case and classes the other of the same e-mail as its duplicate.
A foreign, damaged or tampered file exits 1 with nothing changed; a wrong database
passphrase exits 3 (docs/binome.md, docs/cli.md).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from ecoute_desktop.cli.checks import output_file
from ecoute_desktop.cli.common import EXIT_USAGE, CliError, open_store
from ecoute_desktop.services.app import Services
from ecoute_desktop.services.binome.phrase import PhraseError
from ecoute_desktop.store.pair_file import PairFileError

PAIR_KEY_ENV = "ECOUTE_PAIR_KEY"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("pair", help="échanger les sollicitations avec son binôme")
    actions = parser.add_subparsers(dest="pair_action", metavar="ACTION", required=True)
    link = actions.add_parser(
        "link", help=f"lier la base au binôme (phrase du binôme dans {PAIR_KEY_ENV})"
    )
    link.add_argument(
        "--new", action="store_true", help="tirer une nouvelle phrase du binôme et l'afficher"
    )
    link.set_defaults(handler=run_link)
    export = actions.add_parser("export", help="écrire le fichier d'échange pour le binôme")
    export.add_argument(
        "-o",
        "--output",
        type=output_file,
        required=True,
        metavar="FICHIER",
        help="fichier .ecoute-binome à écrire",
    )
    export.set_defaults(handler=run_export)
    take = actions.add_parser("import", help="prendre le fichier d'échange du binôme")
    take.add_argument("file", type=Path, metavar="FICHIER", help="fichier .ecoute-binome reçu")
    take.set_defaults(handler=run_import)
    keep = actions.add_parser(
        "keep",
        help="garder cette sollicitation et classer l'autre, prise du même e-mail, en doublon",
    )
    keep.add_argument("reference", metavar="REF", help="référence de la sollicitation à garder")
    keep.set_defaults(handler=run_keep)


def run_link(args: argparse.Namespace) -> int:
    phrase = None if args.new else os.environ.get(PAIR_KEY_ENV)
    if not args.new and not (phrase or "").strip():
        raise CliError(
            f"Indiquez la phrase du binôme dans la variable {PAIR_KEY_ENV}, "
            "ou tirez-en une nouvelle avec --new.",
            EXIT_USAGE,
        )
    with open_store(args) as store:
        services = Services(store)
        if args.new:
            phrase = services.pair.link_new()
            print("Phrase du binôme (à lire à votre binôme, elle ne sera plus affichée) :")
            print(phrase)
        else:
            try:
                services.pair.link(str(phrase))
            except PhraseError as error:
                raise CliError(str(error)) from None
            print("Base liée au binôme.")
    return 0


def run_export(args: argparse.Namespace) -> int:
    target: Path = args.output
    if target.exists() and not target.is_file():
        raise CliError(f"« {target} » n'est pas un fichier.")
    with open_store(args) as store:
        try:
            Services(store).pair.export(target)
        except PairFileError as error:
            raise CliError(str(error)) from None
    print(f"Fichier d'échange écrit : {target}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    source: Path = args.file
    if not source.is_file():
        raise CliError(f"« {source} » n'est pas un fichier.")
    with open_store(args) as store:
        try:
            result = Services(store).pair.import_file(source)
        except PairFileError as error:
            raise CliError(str(error)) from None
    for line in result.lines:
        print(line)
    if result.twice_taken:
        print("Gardez-en une avec « ecoute pair keep REF » : l'autre sera classée en doublon.")
    return 0


def run_keep(args: argparse.Namespace) -> int:
    reference = str(args.reference).strip()
    with open_store(args) as store:
        services = Services(store)
        case = store.cases.get_by_reference(reference)
        if case is None or case.id is None:
            raise CliError(f"Aucune sollicitation n'a la référence « {reference} ».")
        try:
            other = services.pair.keep(case.id)
        except ValueError as error:  # WorkflowError too
            raise CliError(str(error)) from None
    print(f"{other} est classée sans suite comme doublon de {reference}.")
    return 0
