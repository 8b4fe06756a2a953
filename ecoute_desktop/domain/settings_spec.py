"""Every setting kept in the encrypted database, declared once: key, type, default, cleaning, label.

The store reads each value through its `Setting`: a value missing, of the wrong type or out
of bounds (an old version, a tampered file) gives the declared default or the nearest valid
value, never an exception on screen. The store refuses to write a key not declared here.
Preferences of the screen (text size, window geometry) stay in Qt's QSettings.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from ecoute_desktop.domain.disclosure import DEFAULT_THRESHOLD
from ecoute_desktop.domain.header_fields import check_pseudonym_text, region_code
from ecoute_desktop.domain.mailbox_settings import MailboxSettings
from ecoute_desktop.domain.references import check_letter
from ecoute_desktop.domain.slots import BookingRules
from ecoute_desktop.resource_files import read_resource

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Setting(Generic[T]):
    """One setting: its key in the `settings` table, French label, default and cleaning."""

    key: str
    label: str  # French: how the settings view or a message names it
    default: T
    clean: Callable[[Any], T]  # stored JSON value → usable value; TypeError/ValueError: default
    minimum: int = 0  # bounds of a number (what the settings view offers)
    maximum: int = 0

    def read(self, raw: Any) -> T:
        """The value to use for what is stored (`raw` is None when nothing is)."""
        if raw is not None:
            try:
                return self.clean(raw)
            except (TypeError, ValueError):
                pass
        return copy.copy(self.default)  # a list or dict default is never shared


def bounded(minimum: int, maximum: int) -> Callable[[Any], int]:
    """A whole number kept within [minimum, maximum]."""

    def clean(raw: Any) -> int:
        if isinstance(raw, bool):
            raise TypeError(raw)
        return min(max(int(raw), minimum), maximum)

    return clean


def number(key: str, label: str, default: int, minimum: int, maximum: int) -> Setting[int]:
    """A whole-number setting kept within [minimum, maximum]."""
    return Setting(key, label, default, bounded(minimum, maximum), minimum, maximum)


def one_line(maximum: int) -> Callable[[Any], str]:
    """Text on one line: unprintable characters and runs of spaces become one space."""

    def clean(raw: Any) -> str:
        text = raw if isinstance(raw, str) else ""
        return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())[:maximum]

    return clean


def _text(raw: Any) -> str:
    if not isinstance(raw, str):
        raise TypeError(raw)
    return raw


def _stripped(raw: Any) -> str:
    return _text(raw).strip()


def _folder(raw: Any) -> str | None:
    return _text(raw) or None


def _flag(raw: Any) -> bool:
    return bool(raw)


def _optional_limit(raw: Any) -> int | None:
    return bounded(1, 20)(raw) if raw else None


def _mapping(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise TypeError(raw)
    return raw


def _records(raw: Any) -> list[dict[str, Any]]:
    if not isinstance(raw, list):
        raise TypeError(raw)
    return [item for item in raw if isinstance(item, dict)]


def _mailbox(raw: Any) -> MailboxSettings:
    """The mailbox's settings, each field cleaned (stored as one JSON object)."""
    return MailboxSettings.from_dict(_mapping(raw))


def _region(raw: Any) -> str:
    """A code of the fixed list (`header_fields.REGIONS`); a name is turned into its code."""
    code = region_code(_text(raw))
    if code is None:
        raise ValueError(raw)
    return code


def _pseudonym(raw: Any) -> str:
    """A pseudonym that keeps the export's rule (ValueError, hence "", otherwise)."""
    return check_pseudonym_text(_text(raw))


_RULES = BookingRules()

# ---- safety -------------------------------------------------------------------------
BACKUP_DIR: Setting[str | None] = Setting("backup_dir", "Dossier des sauvegardes", None, _folder)
BACKUP_KEEP = number("backup_keep", "Sauvegardes conservées", 7, 1, 100)
RETENTION_MONTHS = number(
    "retention_months", "Durée de conservation après clôture (mois)", 12, 1, 120
)
AUTO_LOCK_MINUTES = number(
    "auto_lock_minutes", "Verrouillage après inactivité (minutes)", 5, 1, 120
)
BACKUP_STATE: Setting[dict[str, Any]] = Setting(
    "backup_state", "État de la dernière sauvegarde automatique", {}, _mapping
)

# ---- reports and exports ------------------------------------------------------------
REGION = Setting("region", "Région imprimée sur les rapports", "", _region)
PSEUDONYM = Setting("pseudonym", "Pseudonyme de l'export anonymisé", "", _pseudonym)
REFERENCE_LETTER: Setting[str | None] = Setting(
    "reference_letter", "Lettre des références de ce poste", None, check_letter
)
SMALL_CELL_THRESHOLD = number(
    "small_cell_threshold", "Seuil des petits effectifs", DEFAULT_THRESHOLD, 0, 20
)
QUESTIONNAIRE_URL = Setting(
    "questionnaire_url", "Lien du questionnaire de satisfaction", "", _stripped
)

# ---- messages -----------------------------------------------------------------------
CONFIRMATION_SUBJECT = Setting(
    "confirmation.subject",
    "Objet du message de confirmation",
    read_resource("templates", "confirmation-objet.txt").strip(),
    _text,
)
CONFIRMATION_BODY = Setting(
    "confirmation.body",
    "Message de confirmation",
    read_resource("templates", "confirmation-message.txt"),
    _text,
)
CHARTER_TEMPLATE = Setting(
    "charter.template", "Charte de confidentialité", read_resource("templates", "charte.txt"), _text
)

QUESTIONNAIRE_SUBJECT = Setting(
    "questionnaire.subject",
    "Objet du message du questionnaire",
    read_resource("templates", "questionnaire-objet.txt").strip(),
    _text,
)
QUESTIONNAIRE_BODY = Setting(
    "questionnaire.body",
    "Message du questionnaire",
    read_resource("templates", "questionnaire-message.txt"),
    _text,
)
QUESTIONNAIRE_REMINDER_DAYS = number(
    "questionnaire.reminder_days", "Rappel du questionnaire non envoyé (jours)", 2, 1, 60
)

# ---- agenda -------------------------------------------------------------------------
APPOINTMENT_MINUTES = number(
    "agenda.appointment_minutes", "Durée d'un appel (minutes)", _RULES.length_minutes, 5, 240
)
PAUSE_MINUTES = number(
    "agenda.pause_minutes", "Pause entre deux appels (minutes)", _RULES.pause_minutes, 0, 120
)
MAX_CALLS_PER_DAY: Setting[int | None] = Setting(
    "agenda.max_calls_per_day", "Appels au plus par jour", _RULES.max_per_day, _optional_limit
)

# ---- the desk -----------------------------------------------------------------------
DEADLINE_NOTIFICATIONS = Setting(
    "notifications.ack_deadline", "Notification des accusés de réception à envoyer", True, _flag
)
FIRST_STEPS_HIDDEN = Setting("first_steps_hidden", "« Premiers pas » masqués", False, _flag)
NEW_CASE_DRAFTS: Setting[list[dict[str, Any]]] = Setting(
    "new_case_drafts", "Brouillons de nouvelles sollicitations", [], _records
)

# ---- the shared mailbox (issue 15) ---------------------------------------------------
MAILBOX: Setting[MailboxSettings] = Setting(
    "mailbox", "Messagerie (boîte de la ligne d'écoute)", MailboxSettings(), _mailbox
)

SETTINGS: tuple[Setting[Any], ...] = (
    BACKUP_DIR,
    BACKUP_KEEP,
    RETENTION_MONTHS,
    AUTO_LOCK_MINUTES,
    BACKUP_STATE,
    REGION,
    PSEUDONYM,
    REFERENCE_LETTER,
    SMALL_CELL_THRESHOLD,
    QUESTIONNAIRE_URL,
    CONFIRMATION_SUBJECT,
    CONFIRMATION_BODY,
    CHARTER_TEMPLATE,
    QUESTIONNAIRE_SUBJECT,
    QUESTIONNAIRE_BODY,
    QUESTIONNAIRE_REMINDER_DAYS,
    APPOINTMENT_MINUTES,
    PAUSE_MINUTES,
    MAX_CALLS_PER_DAY,
    DEADLINE_NOTIFICATIONS,
    FIRST_STEPS_HIDDEN,
    NEW_CASE_DRAFTS,
    MAILBOX,
)
BY_KEY: dict[str, Setting[Any]] = {setting.key: setting for setting in SETTINGS}


def declared(key: str | Setting[Any]) -> Setting[Any]:
    """The declaration of `key`; KeyError for a key nobody declared (a typo, a leftover)."""
    if isinstance(key, Setting):
        return key
    try:
        return BY_KEY[key]
    except KeyError:
        raise KeyError(f"réglage non déclaré : {key}") from None
