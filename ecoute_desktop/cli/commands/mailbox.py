"""`ecoute mailbox`: configure the shared mailbox, list what waits, take a message as a case.

    ecoute --db PATH mailbox configure --host H --user U [--port P] [--security tls|starttls]
                                      [--folder F] [--mark-seen | --no-mark-seen] [--interval N]
    ecoute --db PATH mailbox trust SHA256
    ecoute --db PATH mailbox fetch [--json] [--body]
    ecoute --db PATH mailbox take MESSAGE_KEY

The password comes from ECOUTE_MAILBOX_PASSWORD, else it is asked without echo. `fetch`
writes nothing (no body shown unless `--body`); a server that cannot be reached, a refused
password, a certificate not trusted or changed exit 1 with the French reason.
"""

from __future__ import annotations

import argparse
import json
import os
from dataclasses import replace
from typing import Any

from ecoute_desktop.cli.common import CliError, open_store, read_passphrase
from ecoute_desktop.cli.wording import count_of
from ecoute_desktop.domain.french_dates import long_datetime
from ecoute_desktop.domain.mailbox_settings import (
    DEFAULT_PORTS,
    SECURITY_LABELS,
    normalise_fingerprint,
    shown_fingerprint,
)
from ecoute_desktop.domain.timeutil import as_paris, as_utc
from ecoute_desktop.services.app import Services
from ecoute_desktop.services.mailbox import MailboxError, WaitingMessage

PASSWORD_ENV = "ECOUTE_MAILBOX_PASSWORD"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "mailbox",
        help="relever la boîte aux lettres de la ligne d'écoute (IMAP)",
        description=(
            "Relève la boîte aux lettres partagée (IMAP, TLS ou STARTTLS, Proton Mail Bridge"
            " compris) sans rien y changer, et crée une sollicitation à partir d'un message."
        ),
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True

    configure = actions.add_parser(
        "configure",
        help="régler le serveur, l'identifiant et le mot de passe",
        description=(
            f"Enregistre les réglages dans la base chiffrée. Le mot de passe est lu dans"
            f" {PASSWORD_ENV}, sinon demandé sans écho. Une option absente garde sa valeur."
        ),
    )
    configure.add_argument(
        "--host", metavar="SERVEUR", help="serveur IMAP (127.0.0.1 pour Proton Mail Bridge)"
    )
    configure.add_argument(
        "--port", type=int, metavar="PORT", help="port (993 en TLS, 143 en STARTTLS)"
    )
    configure.add_argument(
        "--security", choices=sorted(SECURITY_LABELS), metavar="SÉCURITÉ", help="tls ou starttls"
    )
    configure.add_argument("--user", metavar="IDENTIFIANT", help="identifiant de la boîte")
    configure.add_argument("--folder", metavar="DOSSIER", help="dossier relevé (INBOX par défaut)")
    seen = configure.add_mutually_exclusive_group()
    seen.add_argument(
        "--mark-seen",
        dest="mark_seen",
        action="store_true",
        default=None,
        help="marquer comme lu sur le serveur un message pris en sollicitation",
    )
    seen.add_argument(
        "--no-mark-seen",
        dest="mark_seen",
        action="store_false",
        help="ne pas marquer comme lu (par défaut)",
    )
    configure.add_argument(
        "--interval", type=int, metavar="MINUTES", help="relève automatique (0 : aucune)"
    )
    configure.set_defaults(handler=run_configure)

    trust = actions.add_parser(
        "trust",
        help="approuver le certificat du serveur par son empreinte SHA-256",
        description=(
            "Approuve le certificat que le serveur présente maintenant, si son empreinte"
            " SHA-256 est bien celle donnée (celle qu'affiche Proton Mail Bridge, par exemple)."
        ),
    )
    trust.add_argument("fingerprint", metavar="EMPREINTE", help="empreinte SHA-256")
    trust.set_defaults(handler=run_trust)

    fetch = actions.add_parser(
        "fetch",
        help="lister les messages qui attendent (n'écrit rien)",
        description="Liste les messages pas encore pris ni écartés ; rien n'est écrit.",
    )
    fetch.add_argument("--json", action="store_true", help="sortie JSON")
    fetch.add_argument("--body", action="store_true", help="montrer aussi le texte des messages")
    fetch.set_defaults(handler=run_fetch)

    take = actions.add_parser(
        "take",
        help="créer la sollicitation d'un message (reçue à son arrivée dans la boîte)",
        description=(
            "Crée la sollicitation du message ; un message déjà pris n'en crée pas d'autre."
        ),
    )
    take.add_argument("key", metavar="CLÉ_DU_MESSAGE", help="la clé que donne « mailbox fetch »")
    take.set_defaults(handler=run_take)


def run_configure(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        services = Services(store)
        current = services.mailbox.settings()
        security = args.security or current.security
        port = args.port
        if port is None:
            port = current.port if security == current.security else DEFAULT_PORTS[security]
        password = current.password
        if os.environ.get(PASSWORD_ENV) is not None or not current.password:
            password = read_passphrase(PASSWORD_ENV, "Mot de passe de la boîte : ")
        wanted = replace(
            current,
            host=current.host if args.host is None else args.host,
            port=port,
            security=security,
            user=current.user if args.user is None else args.user,
            password=password,
            folder=current.folder if args.folder is None else args.folder,
            mark_seen=current.mark_seen if args.mark_seen is None else args.mark_seen,
            interval_minutes=current.interval_minutes if args.interval is None else args.interval,
        )
        try:
            saved = services.mailbox.save_settings(wanted)
        except ValueError as error:
            raise CliError(str(error)) from None
    print(
        f"Messagerie enregistrée : {saved.user} sur {saved.host}:{saved.port}"
        f" ({SECURITY_LABELS[saved.security]}), dossier « {saved.folder} »."
    )
    return 0


def run_trust(args: argparse.Namespace) -> int:
    wanted = normalise_fingerprint(args.fingerprint)
    if not wanted:
        raise CliError("Empreinte : 64 chiffres hexadécimaux (SHA-256) attendus.")
    with open_store(args) as store:
        services = Services(store)
        try:
            seen = services.mailbox.server_fingerprint()
        except MailboxError as error:
            raise CliError(str(error)) from None
        if seen != wanted:
            raise CliError(
                "Le serveur présente un autre certificat (empreinte SHA-256 :"
                f" {shown_fingerprint(seen)}) : rien n'a été approuvé."
            )
        services.mailbox.trust_certificate(wanted)
    print(f"Certificat approuvé : {shown_fingerprint(wanted)}.")
    return 0


def run_fetch(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        try:
            waiting = Services(store).mailbox.fetch()
        except MailboxError as error:
            raise CliError(str(error)) from None
    if args.json:
        document = {
            "count": len(waiting),
            "messages": [as_json(message, args.body) for message in waiting],
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    print(f"{count_of(len(waiting), 'message')} en attente.")
    for message in waiting:
        print(_text(message, args.body))
    return 0


def run_take(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        try:
            taken = Services(store).mailbox.take(args.key)
        except MailboxError as error:
            raise CliError(str(error)) from None
        case = Services(store).cases.get(taken.case_id)
    received = long_datetime(case.received_at)
    if taken.created:
        print(f"Sollicitation {taken.reference} créée (reçue le {received}).")
    else:
        print(f"Déjà pris (sollicitation {taken.reference}) : rien n'a été créé.")
    return 0


def as_json(message: WaitingMessage, body: bool) -> dict[str, Any]:
    """One waiting message of `mailbox fetch --json` (`body` only when asked)."""
    request = message.request
    document: dict[str, Any] = {
        "key": message.key,
        "from_name": request.name,
        "from_email": request.email,
        "subject": request.subject,
        "arrived_at": as_utc(message.arrived_at).isoformat(),
        "arrived_at_paris": as_paris(message.arrived_at).isoformat(),
        "member": {
            "nom": request.nom,
            "prenom": request.prenom,
            "telephone": request.phone,
            "fonction": request.fonction,
            "collectivite": request.collectivite,
            "urgent": request.urgent,
        },
        "problem": message.problem or None,
    }
    if body:
        document["body"] = request.body
    return document


def _text(message: WaitingMessage, body: bool) -> str:
    request = message.request
    member = ", ".join(
        part for part in (request.phone, request.fonction, request.collectivite) if part
    )
    lines = [
        "",
        f"Clé : {message.key}",
        f"  Arrivé le : {long_datetime(message.arrived_at)}",
        f"  De : {message.sender or '—'}",
        f"  Objet : {message.subject or '—'}",
        f"  Adhérent suggéré : {member or '—'}" + (" (urgent)" if request.urgent else ""),
    ]
    if message.problem:
        lines.append(f"  Illisible : {message.problem}")
    if body:
        lines += ["", *("    " + line for line in request.body.splitlines())]
    return "\n".join(lines)
