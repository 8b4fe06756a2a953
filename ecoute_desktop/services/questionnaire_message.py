"""The questionnaire e-mail to the member after the last call: editable template, .eml draft.

Like the confirmation, the draft carries `X-Unsent: 1` and no From header. The link
carries the case's anonymous code (`?code=K7Q2`), never its reference. Marking the
questionnaire sent closes the case (`CaseService.questionnaire_sent`). Default subject
and body ship in `resources/templates/questionnaire-*.txt`. Practical sheets of the
référentiel can go with it, as with the confirmation (after the call is when the member's
next steps are known).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from pathlib import Path

from ecoute_desktop.domain import settings_spec
from ecoute_desktop.services import charter
from ecoute_desktop.services.atomic import write_bytes_atomic
from ecoute_desktop.services.confirmation import attach, chosen_sheets, member_addresses, one_line
from ecoute_desktop.services.satisfaction.links import case_questionnaire_link
from ecoute_desktop.store import Store

SUBJECT_KEY = settings_spec.QUESTIONNAIRE_SUBJECT
BODY_KEY = settings_spec.QUESTIONNAIRE_BODY
REMINDER_DAYS_KEY = settings_spec.QUESTIONNAIRE_REMINDER_DAYS
DEFAULT_REMINDER_DAYS = REMINDER_DAYS_KEY.default

PLACEHOLDERS: dict[str, str] = {
    "membre": "nom de l'adhérent(e)",
    "lien": "lien du questionnaire, avec le code anonyme",
    "code": "code anonyme du questionnaire (sans la référence)",
    "ecoutant": "nom de l'écoutant(e)",
}

DEFAULT_SUBJECT = SUBJECT_KEY.default
DEFAULT_BODY = BODY_KEY.default


@dataclass(frozen=True, slots=True)
class QuestionnaireMessage:
    """What the member receives after the last call."""

    to_name: str
    to_email: str
    subject: str
    body: str
    sheets: tuple[tuple[str, bytes], ...] = ()  # practical sheets chosen: (file name, PDF)

    @property
    def clipboard_text(self) -> str:
        """Subject and body, for pasting into a webmail."""
        return f"Objet : {self.subject}\n\n{self.body}"

    def attachments(self) -> list[tuple[str, str, str, bytes]]:
        """(file name, main type, subtype, data): the practical sheets chosen."""
        return [(name, "application", "pdf", data) for name, data in self.sheets]


def templates(store: Store) -> tuple[str, str]:
    """(subject, body) templates, the saved ones or the defaults."""
    return (
        store.settings.get(SUBJECT_KEY),
        store.settings.get(BODY_KEY),
    )


def set_templates(store: Store, subject: str, body: str) -> None:
    """Save edited templates (checked); an empty one restores its default."""
    subject, body = charter.checked_message_templates(
        subject, body, (DEFAULT_SUBJECT, DEFAULT_BODY), PLACEHOLDERS
    )
    if "{lien}" not in body and "{code}" not in body:
        raise charter.TemplateError(
            "Le message du questionnaire doit contenir {lien} (ou au moins {code})."
        )
    store.settings.set(SUBJECT_KEY, subject)
    store.settings.set(BODY_KEY, body)


def reminder_days(store: Store) -> int:
    """After how many days without a questionnaire « Aujourd'hui » reminds a held call."""
    return store.settings.get(REMINDER_DAYS_KEY)


def set_reminder_days(store: Store, days: int) -> None:
    if not 1 <= days <= 60:
        raise ValueError("Le délai de rappel du questionnaire va de 1 à 60 jours.")
    store.settings.set(REMINDER_DAYS_KEY, days)


def build(store: Store, case_id: int, sheet_ids: Iterable[str] = ()) -> QuestionnaireMessage:
    """The questionnaire e-mail of a case, with the practical sheets of the référentiel
    whose ids are given (LookupError while no questionnaire link is set)."""
    link = case_questionnaire_link(store, case_id)
    if not link:
        raise LookupError(
            "Le lien du questionnaire n'est pas encore renseigné : "
            "Paramètres › Modèles, onglet « Questionnaire »."
        )
    case = store.cases.get(case_id)
    hotliner = store.people.get(case.hotliner_id) if case.hotliner_id else store.people.me()
    values = {
        "membre": case.member.display_name,
        "lien": link,
        "code": store.satisfaction.code_of(case_id),
        "ecoutant": hotliner.display_name if hotliner else "",
    }
    subject_template, body_template = templates(store)
    return QuestionnaireMessage(
        to_name=case.member.display_name,
        to_email=case.member.email.strip(),
        subject=" ".join(charter.fill(subject_template, values, PLACEHOLDERS).split()),
        body=charter.fill(body_template, values, PLACEHOLDERS),
        sheets=chosen_sheets(store, sheet_ids),
    )


def eml_bytes(message_text: QuestionnaireMessage) -> bytes:
    """An unsent draft (X-Unsent: 1, no From), CRLF line ends (AddressError if misaddressed)."""
    message = EmailMessage()
    addresses = member_addresses(message_text.to_email)
    if addresses:
        name = one_line(message_text.to_name)
        message["To"] = [Address(display_name=name, addr_spec=a) for a in addresses]
    message["Subject"] = message_text.subject
    message["X-Unsent"] = "1"
    message.set_content(message_text.body)
    attach(message, message_text.attachments())
    return message.as_bytes(policy=SMTP)


def write_eml(path: Path | str, message_text: QuestionnaireMessage) -> Path:
    return write_bytes_atomic(path, eml_bytes(message_text), mode=0o600)


def suggested_eml_name(reference: str) -> str:
    """`Questionnaire 2026-0042.eml` (the reference is not personal data)."""
    return f"Questionnaire {re.sub(r'[^0-9A-Za-z-]', '', reference)}.eml"
