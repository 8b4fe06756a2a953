"""The confirmation sent to the member: text from an editable template, .eml draft, attachments.

The draft carries `X-Unsent: 1` and no From header, so the user's mail client opens it
as a message to send from their own account. Attached: the charter (PDF) and the
member's calendar invitation (.ics, no note). Producing it stamps the acknowledgment.
Default subject and body ship in `resources/templates/confirmation-*.txt`.
"""

from __future__ import annotations

import email.errors
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path
from typing import Protocol

from ecoute_desktop.domain import settings_spec
from ecoute_desktop.domain.french_dates import long_datetime
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.services import calendar_ics, charter
from ecoute_desktop.services.atomic import write_bytes_atomic
from ecoute_desktop.store import Store

PLACEHOLDERS: dict[str, str] = {
    "membre": "nom de l'adhérent(e)",
    "date_rdv": "date et heure du rendez-vous, en toutes lettres",
    "qui_appelle": "qui appelle qui, et à quel numéro (la phrase de l'agenda et de l'invitation)",
    "telephone": "téléphone de l'écoutant(e)",
    "ecoutant": "nom de l'écoutant(e)",
    "contact_ecoutant": "téléphone et courriel de l'écoutant(e)",
}

DEFAULT_SUBJECT = settings_spec.CONFIRMATION_SUBJECT.default

DEFAULT_BODY = settings_spec.CONFIRMATION_BODY.default

_ADDRESS_SEPARATORS = re.compile(r"[,;\s]+")


class AddressError(ValueError):
    """The member's e-mail field holds something that is not an address (French text)."""


def member_addresses(field: str) -> list[str]:
    """The addresses of the member's e-mail field: one, or several separated by , ; or spaces.

    Raises AddressError naming the part that is not an address (« a@x.org,b@y.org » is
    two addresses, both receive the draft).
    """
    found = []
    for part in _ADDRESS_SEPARATORS.split(field.strip()):
        if not part:
            continue
        try:
            address = Address(addr_spec=part)
            valid = "@" in address.addr_spec and bool(address.domain)
        except (ValueError, IndexError, TypeError, email.errors.MessageError):
            valid = False
        if not valid:
            raise AddressError(
                f"« {part} » n'est pas une adresse électronique valide : corrigez le champ "
                "Courriel de l'adhérent (plusieurs adresses : séparez-les par une virgule). "
                "Vous pouvez aussi copier le texte et joindre les fichiers vous-même."
            )
        found.append(address.addr_spec)
    return found


def one_line(text: str) -> str:
    """A display name on one line (a line break in a header would end it)."""
    return " ".join(text.split())


CHARTER_FILENAME = "Charte de confidentialité.pdf"
ICS_FILENAME = "Rendez-vous point d'écoute.ics"


@dataclass(frozen=True, slots=True)
class Confirmation:
    """Everything the member receives."""

    to_name: str
    to_email: str
    subject: str
    body: str
    charter_pdf: bytes
    invitation_ics: bytes
    sheets: tuple[tuple[str, bytes], ...] = ()  # practical sheets chosen: (file name, PDF)

    @property
    def clipboard_text(self) -> str:
        """Subject and body, for pasting into a webmail."""
        return f"Objet : {self.subject}\n\n{self.body}"

    def attachments(self) -> list[tuple[str, str, str, bytes]]:
        """(file name, main type, subtype, data)."""
        return [
            (CHARTER_FILENAME, "application", "pdf", self.charter_pdf),
            (ICS_FILENAME, "text", "calendar", self.invitation_ics),
            *((name, "application", "pdf", data) for name, data in self.sheets),
        ]


def templates(store: Store) -> tuple[str, str]:
    """(subject, body) templates, the saved ones or the defaults."""
    return (
        store.settings.get(settings_spec.CONFIRMATION_SUBJECT),
        store.settings.get(settings_spec.CONFIRMATION_BODY),
    )


def set_templates(store: Store, subject: str, body: str) -> None:
    """Save edited templates (checked); an empty one restores its default."""
    subject, body = charter.checked_message_templates(
        subject, body, (DEFAULT_SUBJECT, DEFAULT_BODY), PLACEHOLDERS
    )
    with store.db.write():
        store.settings.set(settings_spec.CONFIRMATION_SUBJECT, subject)
        store.settings.set(settings_spec.CONFIRMATION_BODY, body)


def build(
    store: Store, case_id: int, now: datetime | None = None, sheet_ids: Iterable[str] = ()
) -> Confirmation:
    """The confirmation of the case's booked appointment (LookupError if none), with the
    practical sheets of the référentiel whose ids are given attached."""
    now = now or utc_now()
    appointment = store.agenda.active_for_case(case_id)
    if appointment is None:
        raise LookupError("Fixez d'abord un rendez-vous pour cette sollicitation.")
    case = store.cases.get(case_id)
    hotliner = (
        store.people.get(appointment.hotliner_id)
        if appointment.hotliner_id is not None
        else store.people.me()
    )
    contact = []
    if hotliner is not None:
        contact = [part for part in (hotliner.telephone, hotliner.email) if part.strip()]
    values = {
        "membre": case.member.display_name,
        "date_rdv": long_datetime(appointment.starts_at),
        "qui_appelle": calendar_ics.appointment_sentence(store, appointment, case),
        "telephone": hotliner.telephone if hotliner and hotliner.telephone else "(à préciser)",
        "ecoutant": hotliner.display_name if hotliner else "",
        "contact_ecoutant": " – ".join(contact),
    }
    subject_template, body_template = templates(store)
    return Confirmation(
        to_name=case.member.display_name,
        to_email=case.member.email.strip(),
        subject=" ".join(charter.fill(subject_template, values, PLACEHOLDERS).split()),
        body=charter.fill(body_template, values, PLACEHOLDERS),
        charter_pdf=charter.charter_pdf(store, case_id, now),
        invitation_ics=calendar_ics.member_invitation(store, appointment, now),
        sheets=chosen_sheets(store, sheet_ids),
    )


def eml_bytes(confirmation: Confirmation) -> bytes:
    """An unsent draft (X-Unsent: 1, no From) with both attachments, CRLF line ends.

    Raises AddressError when the member's e-mail field is not a list of addresses.
    """
    message = EmailMessage()
    addresses = member_addresses(confirmation.to_email)  # AddressError: said in the dialog
    if addresses:
        name = one_line(confirmation.to_name)
        message["To"] = [Address(display_name=name, addr_spec=a) for a in addresses]
    message["Subject"] = one_line(confirmation.subject)  # a name in the template: one line
    message["X-Unsent"] = "1"
    message.set_content(confirmation.body)
    attach(message, confirmation.attachments())
    return message.as_bytes(policy=SMTP)


def attach(message: EmailMessage, attachments: list[tuple[str, str, str, bytes]]) -> None:
    """Add each (file name, main type, subtype, data) to a draft, after its text."""
    for filename, maintype, subtype, data in attachments:
        params = {"method": "PUBLISH", "charset": "utf-8"} if subtype == "calendar" else {}
        message.add_attachment(
            data, maintype=maintype, subtype=subtype, filename=filename, params=params
        )


def write_eml(path: Path | str, confirmation: Confirmation) -> Path:
    return write_bytes_atomic(path, eml_bytes(confirmation), mode=0o600)


class WithAttachments(Protocol):
    def attachments(self) -> list[tuple[str, str, str, bytes]]: ...


def save_attachments(folder: Path | str, message: WithAttachments) -> list[Path]:
    """Write a message's attachments into `folder` (atomically each); return their paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return [
        write_bytes_atomic(folder / filename, data, mode=0o600)
        for filename, _, _, data in message.attachments()
    ]


def chosen_sheets(store: Store, sheet_ids: Iterable[str]) -> tuple[tuple[str, bytes], ...]:
    """The référentiel's practical sheets whose ids are given: (file name, PDF)."""
    wanted = set(sheet_ids)
    return tuple((s.file_name, s.pdf) for s in store.referentiel.sheets() if s.id in wanted)


def suggested_eml_name(reference: str) -> str:
    """`Confirmation 2026-A-042.eml` (the reference is not personal data)."""
    return f"Confirmation {re.sub(r'[^0-9A-Za-z-]', '', reference)}.eml"
