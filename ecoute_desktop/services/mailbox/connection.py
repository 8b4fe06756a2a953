"""Opening the shared mailbox with IMAPClient: TLS or STARTTLS, the pinned certificate, login.

No IMAP is written here: `imapclient` (a maintained library over the standard `imaplib`)
speaks the protocol. This module decides which certificate is accepted and turns every
failure into a French `MailboxError`:

* no fingerprint pinned: the system's trust store and the host name decide;
  a certificate it does not trust gives `CertificateUntrusted` with the SHA-256
  fingerprint (read on a second connection that sends nothing), for the user to approve;
* a fingerprint pinned (Proton Mail Bridge, a self-signed server): that certificate and
  no other. A different one gives `CertificateChanged` before the password is sent.
"""

from __future__ import annotations

import hashlib
import imaplib
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from imapclient import IMAPClient
from imapclient.exceptions import IMAPClientError, LoginError

from ecoute_desktop.domain.mailbox_settings import STARTTLS, MailboxSettings
from ecoute_desktop.services.mailbox.errors import (
    CertificateChanged,
    CertificateUntrusted,
    MailboxError,
    MailboxFolderMissing,
    MailboxLoginRefused,
    MailboxNotConfigured,
    MailboxUnreachable,
)

TIMEOUT_SECONDS = 20.0  # connecting and each reply: a pickup never hangs the runner for long


@contextmanager
def open_mailbox(settings: MailboxSettings, readonly: bool = True) -> Iterator[IMAPClient]:
    """A logged-in client with the folder selected (read-only unless `readonly` is False)."""
    if not settings.configured:
        raise MailboxNotConfigured()
    client = _connect(settings, _context(settings))
    try:
        _check_pin(settings, client)
        try:
            client.login(settings.user, settings.password)
        except LoginError:
            raise MailboxLoginRefused(settings.user) from None
        try:
            client.select_folder(settings.folder, readonly=readonly)
        except IMAPClientError:
            raise MailboxFolderMissing(settings.folder) from None
        client.normalise_times = False  # INTERNALDATE keeps its offset: an exact instant
        yield client
    except MailboxError:
        raise
    except (OSError, IMAPClientError, imaplib.IMAP4.abort) as error:
        raise _unreachable(settings, error) from None
    finally:
        with suppress(Exception):
            client.logout()
        with suppress(Exception):
            client.shutdown()


def server_fingerprint(settings: MailboxSettings) -> str:
    """SHA-256 (hex) of the certificate the server presents now; nothing is sent to it."""
    client = _connect(settings, _unverified())
    try:
        return _fingerprint(client)
    finally:
        with suppress(Exception):
            client.shutdown()


def _connect(settings: MailboxSettings, context: ssl.SSLContext) -> IMAPClient:
    try:
        if settings.security == STARTTLS:
            client = IMAPClient(
                settings.host, port=settings.port, ssl=False, timeout=TIMEOUT_SECONDS
            )
            try:
                client.starttls(context)
            except BaseException:
                with suppress(Exception):
                    client.shutdown()
                raise
            return client
        return IMAPClient(
            settings.host,
            port=settings.port,
            ssl=True,
            ssl_context=context,
            timeout=TIMEOUT_SECONDS,
        )
    except ssl.SSLCertVerificationError:
        if settings.pinned_sha256:
            raise
        raise CertificateUntrusted(server_fingerprint(settings)) from None
    except ssl.SSLError:
        raise MailboxUnreachable(
            f"La connexion sécurisée avec {settings.host}:{settings.port} a échoué : vérifiez"
            " la sécurité choisie (TLS ou STARTTLS) et le port."
        ) from None
    except socket.gaierror:
        raise MailboxUnreachable(
            f"Le serveur « {settings.host} » est introuvable : vérifiez son nom et la"
            " connexion à Internet."
        ) from None
    except (OSError, IMAPClientError, imaplib.IMAP4.error) as error:
        raise _unreachable(settings, error) from None


def _unreachable(settings: MailboxSettings, error: BaseException) -> MailboxUnreachable:
    where = f"{settings.host}:{settings.port}"
    if isinstance(error, TimeoutError | socket.timeout):
        why = "il ne répond pas"
    elif isinstance(error, ConnectionRefusedError):
        why = "la connexion est refusée (serveur arrêté, ou Proton Mail Bridge pas lancé ?)"
    elif isinstance(error, IMAPClientError | imaplib.IMAP4.error):
        why = "il a interrompu l'échange"
    else:
        why = "le réseau ne le permet pas (pas de connexion à Internet ?)"
    return MailboxUnreachable(
        f"Impossible de joindre le serveur de messagerie {where} : {why}. Rien n'a changé ;"
        " le dépôt d'un fichier .eml reste possible."
    )


def _context(settings: MailboxSettings) -> ssl.SSLContext:
    """The system's trust, or (a fingerprint pinned) any certificate, checked afterwards."""
    return _unverified() if settings.pinned_sha256 else ssl.create_default_context()


def _unverified() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the fingerprint is compared before any login
    return context


def _fingerprint(client: IMAPClient) -> str:
    sock = client.socket()
    der = sock.getpeercert(binary_form=True) if isinstance(sock, ssl.SSLSocket) else None
    if not der:
        raise MailboxUnreachable("Le serveur n'a présenté aucun certificat.")
    return hashlib.sha256(der).hexdigest()


def _check_pin(settings: MailboxSettings, client: IMAPClient) -> None:
    if settings.pinned_sha256:
        seen = _fingerprint(client)
        if seen != settings.pinned_sha256:
            raise CertificateChanged(seen)
