"""The « Premiers pas » checklist: which parts of a new hotliner's set-up are still missing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ecoute_desktop.domain import settings_spec
from ecoute_desktop.domain.header_fields import REGIONS
from ecoute_desktop.domain.references import check_letter
from ecoute_desktop.domain.timeutil import as_paris, utc_now
from ecoute_desktop.services import export_anonymised as export
from ecoute_desktop.store import Store
from ecoute_desktop.store.cases import reference_letter as letter_of

# Step keys, in the order they are shown; the desk maps each to the place that completes it.
PROFILE = "profile"
PARTNER = "partner"
SLOTS = "slots"
BACKUP = "backup"
REGION = "region"
PSEUDONYM = "pseudonym"

LABELS: dict[str, str] = {
    PROFILE: "Votre téléphone et votre courriel dans votre profil",
    PARTNER: "Votre binôme",
    SLOTS: "Vos permanences de la semaine",
    BACKUP: "Le dossier des sauvegardes (une clé USB ou un disque externe, de préférence)",
    REGION: "Votre région, imprimée sur les rapports",
    PSEUDONYM: "Votre pseudonyme pour l'export anonymisé",
}


@dataclass(frozen=True, slots=True)
class SetupStep:
    key: str
    label: str  # French
    done: bool


def has_current_slot(store: Store, today: date | None = None) -> bool:
    """At least one weekly slot still valid today or later."""
    today = today or as_paris(utc_now()).date()
    return any(s.valid_to is None or s.valid_to >= today for s in store.agenda.slots())


def setup_steps(store: Store) -> list[SetupStep]:
    """Every step with whether it is done (read only; nothing personal in the result)."""
    me = store.people.me()
    done = {
        PROFILE: me is not None and bool(me.telephone.strip()) and bool(me.email.strip()),
        PARTNER: store.people.binome() is not None,
        SLOTS: has_current_slot(store),
        BACKUP: bool(store.settings.get(settings_spec.BACKUP_DIR)),
        REGION: bool(export.region_label(store)),
        PSEUDONYM: bool(export.saved_pseudonym(store)),
    }
    return [SetupStep(key, LABELS[key], done[key]) for key in LABELS]


def missing_steps(store: Store) -> list[SetupStep]:
    return [step for step in setup_steps(store) if not step.done]


def save_report_identity(
    store: Store, region: str | None, pseudonym: str, letter: str | None = None
) -> tuple[str | None, str]:
    """Keep the region (a code of the fixed list), the export pseudonym and, when given,
    the letter of this laptop's references; returns region and pseudonym cleaned.

    An empty pseudonym or a None region clears the setting; an invalid value raises a
    French ValueError and nothing is saved.
    """
    cleaned_pseudonym = export.check_pseudonym(store, pseudonym) if pseudonym.strip() else ""
    if region is not None and region not in REGIONS:
        raise ValueError("Région inconnue : choisissez-la dans la liste.")
    cleaned_letter = check_letter(letter) if letter is not None else None
    with store.db.write():
        store.settings.set(settings_spec.REGION, region)
        store.settings.set(settings_spec.PSEUDONYM, cleaned_pseudonym or None)
        if cleaned_letter is not None:
            store.settings.set(settings_spec.REFERENCE_LETTER, cleaned_letter)
    return region, cleaned_pseudonym


def reference_letter(store: Store) -> str:
    """The letter of this laptop's new references (the setting, else the pair rule)."""
    with store.db.read() as conn:
        return letter_of(conn)


def is_hidden(store: Store) -> bool:
    """Whether the hotliner chose to hide the « Premiers pas » list for good."""
    return store.settings.get(settings_spec.FIRST_STEPS_HIDDEN)


def hide(store: Store) -> None:
    store.settings.set(settings_spec.FIRST_STEPS_HIDDEN, True)
