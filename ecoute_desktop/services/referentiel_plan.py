"""What importing a référentiel would change on this laptop, and the writes that apply it.

`plan_import` reads nothing but the database and the already-checked file: trust on first
use of the coordinator's key, version comparison, then the diff of themes, directory,
sheets and texts. `apply_plan` makes the writes (the caller holds one transaction).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from ecoute_desktop.domain import settings_spec
from ecoute_desktop.domain.fingerprint_words import fingerprint_words
from ecoute_desktop.domain.referentiel import (
    Change,
    Referentiel,
    TextDecision,
    decide_text,
    diff_directory,
    diff_sheets,
    diff_themes,
    text_changes,
)
from ecoute_desktop.domain.taxonomy import fold
from ecoute_desktop.services import charter, confirmation
from ecoute_desktop.services.referentiel_file import ReferentielError
from ecoute_desktop.store import Store
from ecoute_desktop.store.referentiel import ReferentielState

# key in ReferentielState.applied → (setting, French name in the preview)
TEXTS: dict[str, tuple[settings_spec.Setting[str], str]] = {
    "charter": (settings_spec.CHARTER_TEMPLATE, "la charte de confidentialité"),
    "confirmation_subject": (settings_spec.CONFIRMATION_SUBJECT, "l'objet de la confirmation"),
    "confirmation_body": (settings_spec.CONFIRMATION_BODY, "le texte de la confirmation"),
    "questionnaire_url": (settings_spec.QUESTIONNAIRE_URL, "l'adresse du questionnaire"),
}


class Status(StrEnum):
    NEWER = "plus récente"
    SAME = "déjà installée"
    OLDER = "plus ancienne"


@dataclass(slots=True)
class ImportPlan:
    """The preview of an import: shown, then applied as it is (or not at all)."""

    referentiel: Referentiel
    status: Status
    installed_version: int
    first_key: bool  # no key trusted yet: this one will be, once applied
    fingerprint: str  # the key as six French words
    changes: list[Change] = field(default_factory=list)
    theme_matches: dict[str, int] = field(default_factory=dict)
    target_matches: dict[str, int] = field(default_factory=dict)
    texts: list[TextDecision] = field(default_factory=list)
    new_key: bool = False  # replaces the key trusted until now (its words were typed)

    @property
    def key_notice(self) -> str:
        """What to tell of the key: "" when it is the one already trusted."""
        if not self.first_key:
            return ""
        when = "Nouvelle clé" if self.new_key else "Première importation"
        return (
            f"Clé de la coordination : {self.fingerprint}. {when} : vérifiez ces mots avec la"
            " coordination (par téléphone) ; ensuite, seuls les référentiels signés par cette"
            " clé seront acceptés."
        )

    @property
    def applies(self) -> bool:
        return self.status is Status.NEWER

    def summary(self) -> str:
        """One French sentence saying what the import does."""
        number = self.referentiel.version
        if self.status is Status.SAME:
            return f"Le référentiel version {number} est déjà installé : rien ne change."
        if self.status is Status.OLDER:
            return (
                f"Ce fichier est la version {number}, plus ancienne que la version"
                f" {self.installed_version} installée : rien ne change."
            )
        count = len(self.changes)
        told = "aucun changement" if not count else f"{count} changement" + "s" * (count > 1)
        day = french_day(self.referentiel.published_on)
        return f"Référentiel version {number} du {day} : {told}."


def french_day(iso_day: str) -> str:
    """« 04/12/2026 » for « 2026-12-04 »."""
    year, month, day = iso_day.split("-")
    return f"{day}/{month}/{year}"


class OtherKeyError(ReferentielError):
    """Signed by another key than the one trusted here: refused, unless the hotliner
    types the new key's six words, read to them by the coordination (a new coordinator)."""

    def __init__(self, trusted: str, offered: str) -> None:
        super().__init__(
            "Ce référentiel est signé par une autre clé que celle de votre coordination"
            f" (attendue : {fingerprint_words(trusted)} ; reçue : {fingerprint_words(offered)})."
            " Il est refusé et rien n'a été changé. Si la coordination a changé de clé,"
            " demandez-lui de vous lire les six mots de la nouvelle clé."
        )
        self.offered = offered


def same_words(typed: str, public_key: str) -> bool:
    """Whether `typed` are the six words of `public_key` (case, accents and « · » aside)."""
    words = [w for w in re.split(r"[^a-z]+", fold(typed)) if w]
    return words == [fold(w) for w in fingerprint_words(public_key).split(" · ")]


def plan_import(store: Store, incoming: Referentiel, new_key_words: str = "") -> ImportPlan:
    """The preview; OtherKeyError when the key is not the one trusted on this laptop and
    `new_key_words` are not its six words (with them, the new key replaces the old one and
    its first version counts as newer, whatever its number)."""
    state = store.referentiel.state()
    changing_key = False
    if state.trusted_key and incoming.public_key != state.trusted_key:
        if not same_words(new_key_words, incoming.public_key):
            raise OtherKeyError(state.trusted_key, incoming.public_key)
        changing_key = True
    if changing_key:
        status = Status.NEWER
    elif incoming.version == state.version:
        status = Status.SAME
    elif incoming.version < state.version:
        status = Status.OLDER
    else:
        status = Status.NEWER
    plan = ImportPlan(
        incoming,
        status,
        state.version,
        not state.trusted_key or changing_key,
        fingerprint_words(incoming.public_key),
        new_key=changing_key,
    )
    if status is not Status.NEWER:
        return plan
    _check_texts(incoming)
    themes = diff_themes(store.referentiel.local_themes(), incoming.themes, changing_key)
    targets = diff_directory(store.referentiel.local_targets(), incoming.directory, changing_key)
    plan.theme_matches, plan.target_matches = themes.matches, targets.matches
    current = {TEXTS[key][1]: store.settings.get(TEXTS[key][0]) for key in TEXTS}
    plan.texts = [
        decide_text(
            name,
            store.settings.get(setting),
            _incoming_text(incoming, key),
            {setting.default, state.applied.get(key, setting.default)},
        )
        for key, (setting, name) in TEXTS.items()
    ]
    plan.changes = [
        *themes.changes,
        *targets.changes,
        *diff_sheets(store.referentiel.sheets(), incoming.sheets),
        *text_changes(plan.texts, current),
    ]
    return plan


def apply_plan(store: Store, plan: ImportPlan) -> None:
    """The writes of a NEWER plan (inside the caller's transaction)."""
    incoming = plan.referentiel
    store.referentiel.apply_themes(list(incoming.themes), plan.theme_matches)
    store.referentiel.apply_directory(list(incoming.directory), plan.target_matches)
    store.referentiel.replace_sheets(list(incoming.sheets))
    by_name = {name: setting for setting, name in TEXTS.values()}
    for decision in plan.texts:
        if decision.apply:
            store.settings.set(by_name[decision.name], decision.value)
    store.referentiel.set_state(
        ReferentielState(
            incoming.version,
            incoming.published_on,
            incoming.public_key,
            {key: _incoming_text(incoming, key) for key in TEXTS},
        )
    )


def _incoming_text(incoming: Referentiel, key: str) -> str:
    if key == "questionnaire_url":
        return incoming.questionnaire_url
    return str(getattr(incoming.templates, key))


def _check_texts(incoming: Referentiel) -> None:
    """Placeholders of the templates must be known here (else the messages would break)."""
    t = incoming.templates
    checks = (
        (t.charter, charter.PLACEHOLDERS, "charte"),
        (t.confirmation_subject, confirmation.PLACEHOLDERS, "objet de la confirmation"),
        (t.confirmation_body, confirmation.PLACEHOLDERS, "texte de la confirmation"),
    )
    for text, known, name in checks:
        try:
            charter.check_template(text, known)
        except charter.TemplateError as error:
            raise ReferentielError(f"champ « {name} » du référentiel : {error}") from None
