"""Synthetic anonymised export documents for the merge tests (no database needed)."""

from __future__ import annotations

import json
import secrets
import uuid
from pathlib import Path
from typing import Any

from ecoute_desktop.domain.anonymised import records_checksum, sort_records
from ecoute_desktop.domain.merge import ExportFile, ExportHeader


def record(month: str = "2026-01", **fields: Any) -> dict[str, Any]:
    """One valid record; keyword arguments override the defaults."""
    base: dict[str, Any] = {
        "id": secrets.token_hex(16),
        "month": month,
        "urgent": False,
        "status": "clôturée",
        "themes": ["Relationnel"],
        "sub_themes": ["Relationnel/Élus"],
        "orientations": [],
        "national_referral": False,
        "ack_delay": "<24h",
        "appointments": 1,
        "call_held": True,
        "questionnaire_sent": True,
        "satisfaction": 4,
    }
    base.update(fields)
    return base


def document(
    records: list[dict[str, Any]],
    pseudonym: str = "Mésange",
    period: tuple[str, str] = ("2026-01", "2026-03"),
    created_at: str = "2026-04-02T09:00:00Z",
    region: str = "Région test",
    export_id: str | None = None,
) -> dict[str, Any]:
    """A complete, valid export document around `records`."""
    records = sort_records(records)
    return {
        "format": "ecoute-export-anonymise",
        "version": 1,
        "export_id": export_id or str(uuid.uuid4()),
        "created_at": created_at,
        "period": {"from": period[0], "to": period[1]},
        "region": region,
        "pseudonym": pseudonym,
        "record_count": len(records),
        "records_sha256": records_checksum(records),
        "records": records,
    }


def write(path: Path, doc: dict[str, Any]) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def export_file(doc: dict[str, Any], source: str = "export.json") -> ExportFile:
    """An in-memory validated export (for domain tests)."""
    header = ExportHeader(
        doc["export_id"],
        doc["created_at"],
        doc["period"]["from"],
        doc["period"]["to"],
        doc["region"],
        doc["pseudonym"],
        doc["record_count"],
        doc["records_sha256"],
    )
    return ExportFile(source, header, doc["records"])
