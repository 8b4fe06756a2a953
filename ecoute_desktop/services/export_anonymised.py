"""The hotliner's anonymised export: completeness check, building and saving the JSON file."""

from __future__ import annotations

import json
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ecoute_desktop.domain import settings_spec
from ecoute_desktop.domain.anonymised import (
    FORMAT_NAME,
    FORMAT_VERSION,
    case_to_record,
    sort_records,
    unmapped_labels,
)
from ecoute_desktop.domain.header_fields import REGIONS, check_pseudonym_text, region_name
from ecoute_desktop.domain.models import Case
from ecoute_desktop.domain.month import Month, month_range
from ecoute_desktop.domain.referentiel_merge import (
    IDS_KEY,
    STAMP_KEY,
    TARGET_IDS_KEY,
    case_target_ids,
    case_theme_ids,
    stamp_json,
)
from ecoute_desktop.domain.satisfaction_export import EXPORT_KEY, figures_to_export
from ecoute_desktop.domain.taxonomy import fold
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.domain.twice_taken import is_duplicate
from ecoute_desktop.domain.workflow import Status
from ecoute_desktop.services.atomic import write_bytes_atomic
from ecoute_desktop.services.export_signing import public_key_hex, sign
from ecoute_desktop.services.satisfaction.figures import monthly_satisfaction
from ecoute_desktop.store import Store
from ecoute_desktop.store.export_ids import ExportIdRepository

PSEUDONYM_SETTING = settings_spec.PSEUDONYM
REGION_SETTING = settings_spec.REGION  # a code of domain/header_fields.REGIONS (« FR-BRE »)


@dataclass(frozen=True, slots=True)
class CompletenessIssue:
    """A case of the period that would weaken the statistics, and why (shown locally only)."""

    case_id: int
    reference: str
    month: str
    reasons: tuple[str, ...]


def period_bounds(first_month: str, last_month: str) -> list[str]:
    """The months of the period; French ValueError when it is malformed or reversed."""
    months = month_range(Month.parse(first_month), Month.parse(last_month))
    if not months:
        raise ValueError("Le dernier mois précède le premier.")
    return [str(month) for month in months]


def period_cases(store: Store, first_month: str, last_month: str) -> list[Case]:
    """Requests received during the months `first_month`..`last_month` (Paris time)."""
    period_bounds(first_month, last_month)
    first, last = Month.parse(first_month), Month.parse(last_month)
    cases = store.cases.received_between(first.utc_range[0], last.utc_range[1])
    # the copy of a request taken on both laptops is no request: no record leaves for it
    return [case for case in cases if not is_duplicate(case.status, case.drop_reason)]


def issues_of(case: Case) -> tuple[str, ...]:
    """Why a case would weaken the statistics (empty when it is complete)."""
    reasons = []
    if not case.themes:
        reasons.append("aucun thème")
    if case.call_held_at is not None and case.questionnaire_sent_at is None:
        reasons.append("appel effectué mais questionnaire non envoyé")
    if case.acknowledged_at is None and case.status is not Status.DROPPED:
        reasons.append("accusé de réception non enregistré")
    reasons += [f"« {label} » exporté sous un libellé générique" for label in unmapped_labels(case)]
    return tuple(reasons)


def completeness_issues(store: Store, first_month: str, last_month: str) -> list[CompletenessIssue]:
    """The cases of the period to fix before exporting (or to export anyway)."""
    return [
        CompletenessIssue(case.id or 0, case.reference, str(Month.of(case.received_at)), reasons)
        for case in period_cases(store, first_month, last_month)
        if (reasons := issues_of(case))
    ]


def check_pseudonym(store: Store, pseudonym: str) -> str:
    """The cleaned pseudonym, or a French ValueError (never the hotliner's own name)."""
    cleaned = check_pseudonym_text(pseudonym)
    me = store.people.me()
    if me is not None:
        folded = fold(cleaned)
        for part in (me.nom, me.prenom):
            if len(part) >= 3 and fold(part) in folded:
                raise ValueError("Le pseudonyme ne doit pas contenir votre nom ni votre prénom.")
    return cleaned


def saved_pseudonym(store: Store) -> str:
    return store.settings.get(settings_spec.PSEUDONYM)


# No 0/O or 1/I: the code can be read out over the phone without confusion.
_CODE_LETTERS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def random_pseudonym() -> str:
    """A neutral pseudonym such as « Écoutant-7F3K » (says nothing about the hotliner)."""
    return "Écoutant-" + "".join(secrets.choice(_CODE_LETTERS) for _ in range(4))


def ensure_pseudonym(store: Store) -> tuple[str, bool]:
    """The saved pseudonym, or a random one drawn and saved now; True when it was drawn."""
    saved = saved_pseudonym(store)
    if saved:
        return saved, False
    while True:  # a drawn code could, by chance, contain a name of three letters
        try:
            chosen = check_pseudonym(store, random_pseudonym())
        except ValueError:
            continue
        store.settings.set(settings_spec.PSEUDONYM, chosen)
        return chosen, True


def saved_region(store: Store) -> str | None:
    """The region code chosen in Paramètres (None when none, or not a known code)."""
    code = store.settings.get(REGION_SETTING)
    return code if isinstance(code, str) and code in REGIONS else None


def region_label(store: Store) -> str:
    """The region's printed name (« Bretagne »), "" when none is chosen."""
    return region_name(saved_region(store))


def export_records(store: Store, first_month: str, last_month: str) -> list[dict[str, Any]]:
    """Exactly the records that will leave the laptop, in file order; with a référentiel
    installed, each also carries its stable theme ids (domain/referentiel_merge.py)."""
    cases = period_cases(store, first_month, last_month)
    ids = ExportIdRepository(store.db).for_cases(c.id for c in cases if c.id is not None)
    followers = store.pair.person_gids()
    records = [
        case_to_record(case, ids[case.id], followers.get(case.hotliner_id or 0))
        for case in cases
        if case.id is not None
    ]
    if store.referentiel.state().version:
        themes = store.themes.all(include_retired=True)
        targets = store.directory.all(include_retired=True)
        for record, case in zip(records, (c for c in cases if c.id is not None), strict=True):
            record[IDS_KEY] = case_theme_ids(case, themes)
            record[TARGET_IDS_KEY] = case_target_ids(case, targets)
    return sort_records(records)


def build_export(
    store: Store,
    first_month: str,
    last_month: str,
    pseudonym: str | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """The signed export document (see resources/schemas/export-v2.schema.json)."""
    months = period_bounds(first_month, last_month)
    chosen = check_pseudonym(store, pseudonym if pseudonym is not None else saved_pseudonym(store))
    records = export_records(store, months[0], months[-1])
    created = (now or utc_now()).strftime("%Y-%m-%dT%H:%M:%SZ")
    first, last = Month.parse(months[0]).first_day, Month.parse(months[-1]).last_day
    satisfaction = figures_to_export(monthly_satisfaction(store, first, last))
    identity = store.identity.get()
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "export_id": str(uuid.uuid4()),
        "created_at": created,
        "period": {"from": months[0], "to": months[-1]},
        "region": saved_region(store),
        "pseudonym": chosen,
        "hotliner_id": identity.hotliner_id,
        "public_key": public_key_hex(identity.signing_seed),
        "record_count": len(records),
        "records": records,
    }
    if satisfaction:  # absent when empty: such a file reads as before this key existed
        document[EXPORT_KEY] = satisfaction
    installed = store.referentiel.state()
    if installed.version:  # absent before the first import: the file reads as before
        themes = store.themes.all(include_retired=True)
        targets = store.directory.all(include_retired=True)
        document[STAMP_KEY] = stamp_json(installed.version, installed.trusted_key, themes, targets)
    document["signature"] = sign(document, identity.signing_seed)
    return document


def export_bytes(document: dict[str, Any]) -> bytes:
    """The file content: UTF-8 JSON, one record per line for a human reader."""
    head = {k: v for k, v in document.items() if k != "records"}
    lines = [
        json.dumps(r, ensure_ascii=False, separators=(", ", ": ")) for r in document["records"]
    ]
    body = json.dumps(head, ensure_ascii=False, indent=2)[:-2]
    records = ",\n    ".join(lines)
    text = f'{body},\n  "records": [\n    {records}\n  ]\n}}\n' if lines else None
    if text is None:
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return text.encode("utf-8")


def write_export(
    store: Store,
    path: Path | str,
    first_month: str,
    last_month: str,
    pseudonym: str | None = None,
) -> dict[str, Any]:
    """Build the export, remember the pseudonym, and save the file atomically."""
    document = build_export(store, first_month, last_month, pseudonym)
    write_bytes_atomic(path, export_bytes(document))
    if document["pseudonym"] != saved_pseudonym(store):
        store.settings.set(settings_spec.PSEUDONYM, document["pseudonym"])
    return document
