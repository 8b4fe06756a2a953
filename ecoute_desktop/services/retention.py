"""RGPD: purge of cases past their retention period, and erasure of one member at once.

A case may be purged once `closed_at + retention_months` has passed (closed or
dropped cases only; an open case is never purged). Purging erases the member's
identity, contact details, notes, drafts and search entry and keeps the anonymous
fields the indicators use, so the figures of past months do not change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ecoute_desktop.domain.models import Case
from ecoute_desktop.domain.month import Month
from ecoute_desktop.domain.timeutil import as_paris, as_utc, utc_now
from ecoute_desktop.services import safety_settings
from ecoute_desktop.store import Store
from ecoute_desktop.store.retention import PurgeCandidate


@dataclass(frozen=True, slots=True)
class PurgePreview:
    """What « Purger » would erase, shown before the user confirms."""

    cutoff: datetime  # cases closed before this instant (UTC) are past retention
    months: int
    candidates: list[PurgeCandidate]

    @property
    def case_ids(self) -> list[int]:
        return [c.case_id for c in self.candidates]

    @property
    def notes(self) -> int:
        return sum(c.notes for c in self.candidates)

    def summary(self) -> str:
        """French sentence for the confirmation dialog."""
        if not self.candidates:
            return (
                f"Aucune sollicitation clôturée depuis plus de {self.months} mois : rien à purger."
            )
        return (
            f"{len(self.candidates)} sollicitation(s) clôturée(s) depuis plus de {self.months} "
            f"mois : l'identité et les coordonnées des adhérents et {self.notes} note(s) "
            "seront effacées définitivement. Les statistiques anonymes sont conservées."
        )


def months_before(moment: datetime, months: int) -> datetime:
    """The same Paris wall-clock time `months` calendar months earlier (day clamped)."""
    local = as_paris(moment)
    target = Month.of(local).shifted(-months)
    day = min(local.day, target.last_day.day)  # 31 March minus one month: 28/29 February
    return as_utc(local.replace(year=target.year, month=target.number, day=day))


def purge_preview(store: Store, now: datetime | None = None) -> PurgePreview:
    """The cases past retention now, without changing anything."""
    months = safety_settings.retention_months(store)
    cutoff = months_before(now or utc_now(), months)
    return PurgePreview(cutoff, months, store.retention.closed_before(cutoff))


def purge(store: Store, preview: PurgePreview, now: datetime | None = None) -> int:
    """Erase the cases of a preview that are still past retention; return how many."""
    still_due = {c.case_id for c in store.retention.closed_before(preview.cutoff)}
    return store.retention.erase([i for i in preview.case_ids if i in still_due], now or utc_now())


def member_cases(store: Store, case_id: int) -> list[Case]:
    """This case and the member's other cases (same phone number or e-mail), oldest first."""
    case = store.cases.get(case_id)
    ids = {case_id}
    member = case.member
    if member.telephone or member.email:
        ids |= {m[0] for m in store.cases.matching_contacts(member.telephone, member.email)}
    cases = [case if i == case_id else store.cases.get(i) for i in ids]
    return sorted(cases, key=lambda c: (c.received_at, c.id or 0))


def erase_member(store: Store, case_id: int, now: datetime | None = None) -> list[str]:
    """Right to erasure: erase this member's data in all their cases now; return references."""
    cases = member_cases(store, case_id)
    store.retention.erase([c.id for c in cases if c.id is not None], now or utc_now())
    return [c.reference for c in cases]
