"""`ecoute intake FILE.eml`: read a member's request from an e-mail and create its case."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ecoute_desktop.cli.common import CliError, open_store
from ecoute_desktop.domain.french_dates import long_datetime
from ecoute_desktop.services.app import Services
from ecoute_desktop.services.intake import IntakeRefused, IntakeRequest, read_request
from ecoute_desktop.services.intake.mime import MAX_MESSAGE_BYTES
from ecoute_desktop.services.intake.taking import NewRequest, TakenRequest

_GUESS_LABELS = (
    ("nom", "nom"),
    ("prenom", "prénom"),
    ("fonction", "fonction"),
    ("collectivite", "collectivité"),
    ("telephone", "téléphone"),
    ("urgent", "urgence"),
)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "intake",
        help="créer une sollicitation à partir d'un courriel (.eml)",
        description=(
            "Lit le courriel d'un adhérent (fichier .eml) : nom, adresse, téléphones,"
            " fonction, collectivité, urgence et heure de réception, puis crée la"
            " sollicitation. Un même courriel (même Message-ID) ne crée qu'une sollicitation."
        ),
    )
    parser.add_argument("file", type=Path, metavar="FICHIER.eml", help="courriel à lire")
    parser.add_argument(
        "--dry-run",
        action="store_true",
        help="montrer ce qui est lu sans rien écrire (la base n'est pas ouverte :"
        " aucune phrase de passe n'est demandée)",
    )
    parser.add_argument("--json", action="store_true", help="sortie JSON")
    parser.set_defaults(handler=run)


def read_file(path: Path) -> IntakeRequest:
    """The request in the e-mail at `path`; CliError (bad input) when unreadable or refused."""
    with path.open("rb") as stream:  # OSError: reported by the CLI with the file's name
        data = stream.read(MAX_MESSAGE_BYTES + 1)
    try:
        return read_request(data)
    except IntakeRefused as error:
        raise CliError(f"{path} : courriel refusé : {error}") from None


def run(args: argparse.Namespace) -> int:
    request = read_file(args.file)
    taken: TakenRequest | None = None
    if not args.dry_run:
        with open_store(args) as store:
            new = NewRequest.from_request(request)
            taken = Services(store).intake.create_case_from_request(new)
    if args.json:
        document: dict[str, Any] = request.to_json()
        if taken is not None:
            document["reference"] = taken.reference
        print(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        print(_summary(args.file, request, taken))
    return 0


def _summary(path: Path, request: IntakeRequest, taken: TakenRequest | None) -> str:
    if taken is None:
        head = f"{path} : courriel lu (rien n'a été écrit)."
    elif taken.created:
        head = f"{path} : sollicitation {taken.reference} créée."
    else:
        head = f"{path} : déjà pris (sollicitation {taken.reference}), rien n'a été créé."
    received = long_datetime(request.received_at) if request.received_at else "inconnue"
    urgency = f"oui ({request.urgent_reason})" if request.urgent else "non"
    rows = (
        ("Nom", request.name),
        ("Courriel", request.email),
        ("Téléphones", ", ".join(request.phones)),
        ("Fonction", request.fonction),
        ("Collectivité", request.collectivite),
        ("Urgent", urgency),
        ("Reçu le", received),
        ("Objet", request.subject),
    )
    lines = [head] + [f"  {label} : {value or '—'}" for label, value in rows]
    guessed = [label for key, label in _GUESS_LABELS if key in request.guessed]
    if guessed:
        lines.append(f"  À vérifier (deviné dans le texte) : {', '.join(guessed)}")
    return "\n".join(lines)
