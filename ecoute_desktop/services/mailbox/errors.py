"""Why a pickup stopped, in French: each error is what the hotliner reads on screen or stderr.

No message names a member: only the server, the port, the folder or a fingerprint.
"""

from __future__ import annotations

from ecoute_desktop.domain.mailbox_settings import shown_fingerprint


class MailboxError(Exception):
    """The pickup could not be done; `str(error)` is the French reason."""


class MailboxNotConfigured(MailboxError):
    def __init__(self) -> None:
        super().__init__(
            "La boîte aux lettres n'est pas configurée : renseignez le serveur, l'identifiant"
            " et le mot de passe dans Paramètres › Messagerie (ou « ecoute mailbox configure »)."
        )


class MailboxUnreachable(MailboxError):
    """No network, a wrong server name or port, the server (or Bridge) stopped."""


class MailboxLoginRefused(MailboxError):
    def __init__(self, user: str) -> None:
        super().__init__(
            f"Le serveur a refusé l'identifiant « {user} » ou le mot de passe. Vérifiez-les"
            " dans Paramètres › Messagerie (avec Proton Mail Bridge : le mot de passe que"
            " Bridge affiche, pas celui du compte Proton)."
        )


class MailboxFolderMissing(MailboxError):
    def __init__(self, folder: str) -> None:
        super().__init__(f"Le dossier « {folder} » n'existe pas dans cette boîte aux lettres.")


class CertificateUntrusted(MailboxError):
    """The server's certificate is not trusted by the system: the user may trust it once."""

    def __init__(self, fingerprint: str) -> None:
        self.fingerprint = fingerprint
        super().__init__(
            "Le certificat du serveur n'est pas reconnu par le système (c'est normal avec"
            " Proton Mail Bridge). Empreinte SHA-256 : "
            f"{shown_fingerprint(fingerprint)}. Approuvez-le dans Paramètres › Messagerie"
            " seulement si c'est bien celle de votre serveur."
        )


class CertificateChanged(MailboxError):
    """The pinned certificate was replaced: the pickup stops until the user decides."""

    def __init__(self, fingerprint: str) -> None:
        self.fingerprint = fingerprint
        super().__init__(
            "Relève arrêtée : le certificat du serveur a changé depuis que vous l'avez"
            " approuvé. Ce peut être une réinstallation de Proton Mail Bridge, ou une"
            " tentative d'interception. Nouvelle empreinte SHA-256 : "
            f"{shown_fingerprint(fingerprint)}. Vérifiez-la avant de l'approuver dans"
            " Paramètres › Messagerie."
        )


class MessageNotWaiting(MailboxError):
    def __init__(self, key: str) -> None:
        super().__init__(f"Aucun message de clé « {key} » n'attend dans la boîte aux lettres.")
