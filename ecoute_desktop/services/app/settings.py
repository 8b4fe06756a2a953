"""Settings kept in the encrypted database: templates, report identity, safety, first steps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ecoute_desktop.domain import settings_spec as spec
from ecoute_desktop.services import (
    charter,
    confirmation,
    first_steps,
    new_case_drafts,
    questionnaire_message,
)
from ecoute_desktop.services import export_anonymised as export
from ecoute_desktop.services import safety_settings as keys
from ecoute_desktop.services.app.base import Area
from ecoute_desktop.services.app.events import SettingsChanged
from ecoute_desktop.services.satisfaction import questionnaire_url, set_questionnaire_url

DEADLINE_NOTIFICATIONS_KEY = spec.DEADLINE_NOTIFICATIONS


class SettingsService(Area):
    """Read and change the settings; each change is one transaction and one event."""

    # ---- messages to the member -------------------------------------------
    def confirmation_templates(self) -> tuple[str, str]:
        """(subject, body) of the confirmation, the saved ones or the defaults."""
        return confirmation.templates(self._store)

    def charter_template(self) -> str:
        return charter.template(self._store)

    def questionnaire_url(self) -> str:
        return questionnaire_url(self._store)

    def questionnaire_templates(self) -> tuple[str, str]:
        """(subject, body) of the questionnaire e-mail, the saved ones or the defaults."""
        return questionnaire_message.templates(self._store)

    def questionnaire_reminder_days(self) -> int:
        """Days after the last call before « Aujourd'hui » reminds a questionnaire not sent."""
        return questionnaire_message.reminder_days(self._store)

    def save_templates(
        self,
        subject: str,
        body: str,
        charter_text: str,
        url: str,
        questionnaire: tuple[str, str] | None = None,
        reminder_days: int | None = None,
    ) -> None:
        """The confirmation, the charter, the questionnaire link, e-mail and reminder delay,
        all or nothing (TemplateError or ValueError in French)."""
        charter.check_template(charter_text, charter.PLACEHOLDERS)
        with self._tx.action(SettingsChanged()):
            confirmation.set_templates(self._store, subject, body)
            charter.set_template(self._store, charter_text)
            set_questionnaire_url(self._store, url)
            if questionnaire is not None:
                questionnaire_message.set_templates(self._store, *questionnaire)
            if reminder_days is not None:
                questionnaire_message.set_reminder_days(self._store, reminder_days)

    # ---- the 48 h notification ------------------------------------------------
    def deadline_notifications(self) -> bool:
        """Whether a desktop notification warns of a deadline within 6 hours (default on)."""
        return self._store.settings.get(DEADLINE_NOTIFICATIONS_KEY)

    def set_deadline_notifications(self, on: bool) -> None:
        with self._tx.action(SettingsChanged()):
            self._store.settings.set(DEADLINE_NOTIFICATIONS_KEY, bool(on))

    # ---- report identity ----------------------------------------------------
    def region(self) -> str | None:
        """The region code chosen (« FR-BRE »), or None."""
        return export.saved_region(self._store)

    def reference_letter(self) -> str:
        """The letter of this laptop's new references (« 2026-A-014 »)."""
        return first_steps.reference_letter(self._store)

    def pseudonym(self) -> str:
        return export.saved_pseudonym(self._store)

    def ensure_pseudonym(self) -> tuple[str, bool]:
        """The export pseudonym, drawn at random and kept if none was chosen (True then)."""
        with self._tx.action() as changes:
            pseudonym, drawn = export.ensure_pseudonym(self._store)
            if drawn:
                changes.add(SettingsChanged())
        return pseudonym, drawn

    def save_report_identity(
        self, region: str | None, pseudonym: str, letter: str | None = None
    ) -> tuple[str | None, str]:
        """The region code, the export pseudonym and (when given) the references' letter;
        returns region and pseudonym cleaned (French ValueError: nothing saved)."""
        with self._tx.action(SettingsChanged()):
            return first_steps.save_report_identity(self._store, region, pseudonym, letter)

    # ---- coordination -------------------------------------------------------
    def small_cell_threshold(self) -> int:
        return self._store.settings.get(spec.SMALL_CELL_THRESHOLD)

    def set_small_cell_threshold(self, value: int) -> None:
        with self._tx.action(SettingsChanged()):
            self._store.settings.set(spec.SMALL_CELL_THRESHOLD, value)

    # ---- safety ---------------------------------------------------------------
    def chosen_backup_dir(self) -> str | None:
        """The folder chosen on purpose, or None (backups then go next to the base)."""
        return self._store.settings.get(spec.BACKUP_DIR)

    def backup_dir(self) -> Path:
        return keys.backup_dir(self._store)

    def default_backup_dir(self) -> Path:
        return keys.default_backup_dir(self._store.path)

    def backup_keep(self) -> int:
        return keys.backup_keep(self._store)

    def retention_months(self) -> int:
        return keys.retention_months(self._store)

    def auto_lock_minutes(self) -> int:
        return keys.auto_lock_minutes(self._store)

    def choose_backup_dir(self, folder: Path | str) -> None:
        with self._tx.action(SettingsChanged()):
            self._store.settings.set(spec.BACKUP_DIR, str(folder))

    def save_safety(self, folder: str | None, keep: int, months: int, idle_minutes: int) -> None:
        """Backup folder (None: next to the base), backups kept, retention, auto-lock."""
        with self._tx.action(SettingsChanged()):
            settings = self._store.settings
            settings.set(spec.BACKUP_DIR, folder or None)
            settings.set(spec.BACKUP_KEEP, keep)
            settings.set(spec.RETENTION_MONTHS, months)
            settings.set(spec.AUTO_LOCK_MINUTES, idle_minutes)

    # ---- « Premiers pas » -------------------------------------------------------
    def setup_steps(self) -> list[first_steps.SetupStep]:
        return first_steps.setup_steps(self._store)

    def first_steps_hidden(self) -> bool:
        return first_steps.is_hidden(self._store)

    def hide_first_steps(self) -> None:
        with self._tx.action(SettingsChanged()):
            first_steps.hide(self._store)

    # ---- forms of « Nouvelle sollicitation » kept while locked -------------------
    def new_case_drafts(self) -> list[dict[str, Any]]:
        return new_case_drafts.pending(self._store)

    def keep_new_case_drafts(self, drafts: list[dict[str, Any]]) -> None:
        with self._tx.action():
            new_case_drafts.keep(self._store, drafts)

    def take_new_case_drafts(self, index: int | None = None) -> list[dict[str, Any]]:
        """Remove and return the kept forms (all, or the one at `index`)."""
        with self._tx.action():
            return new_case_drafts.take(self._store, index)
