"""Documents made from the base: monthly reports, the anonymised export, the calendar."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ecoute_desktop.services import calendar_ics
from ecoute_desktop.services import export_anonymised as export
from ecoute_desktop.services.app.base import Area
from ecoute_desktop.services.app.events import SettingsChanged


class DocumentService(Area):
    """Read-only documents, safe to build on the background runner (one may save a setting)."""

    def monthly_pdf(self, month: str, comment: str = "") -> bytes:
        from ecoute_desktop.services import reports

        return reports.monthly_pdf(self._store, month, comment)

    def period_pdf(self, first_month: str, last_month: str, comment: str = "") -> bytes:
        from ecoute_desktop.services import reports

        return reports.period_pdf(self._store, first_month, last_month, comment)

    def committee_period_pdf(self, first_month: str, last_month: str, comment: str = "") -> bytes:
        """The period summary for the committee: small counts hidden by the setting's threshold."""
        from ecoute_desktop.domain import settings_spec
        from ecoute_desktop.services.committee_own import own_committee_pdf

        threshold = self._store.settings.get(settings_spec.SMALL_CELL_THRESHOLD)
        return own_committee_pdf(self._store, first_month, last_month, threshold, comment)

    def review_pdf(
        self, first_month: str, last_month: str, actions: str = "", hide_small: bool = True
    ) -> bytes:
        """The one-page annual review; small counts hidden by the setting's threshold
        (`hide_small` False: exact figures). Raises ActionsTooLong (a ValueError, in French)."""
        from ecoute_desktop.domain import settings_spec
        from ecoute_desktop.services.review import own_review_pdf

        threshold = self._store.settings.get(settings_spec.SMALL_CELL_THRESHOLD)
        return own_review_pdf(
            self._store, first_month, last_month, threshold if hide_small else 0, actions
        )

    def completeness_issues(
        self, first_month: str, last_month: str
    ) -> list[export.CompletenessIssue]:
        return export.completeness_issues(self._store, first_month, last_month)

    def export_records(self, first_month: str, last_month: str) -> list[dict[str, Any]]:
        return export.export_records(self._store, first_month, last_month)

    def write_export(
        self, path: Path | str, first_month: str, last_month: str, pseudonym: str | None = None
    ) -> dict[str, Any]:
        """Save the anonymised export atomically; a new pseudonym is remembered with it."""
        with self._tx.action(SettingsChanged()):
            return export.write_export(self._store, path, first_month, last_month, pseudonym)

    def upcoming_calendar(self) -> tuple[bytes, int]:
        """The booked calls to come as one .ics, and how many they are."""
        return calendar_ics.upcoming_calendar(self._store)
