"""Synthetic anonymised export documents for the merge tests (no database needed).

Documents are signed like real ones. A hotliner's id and key are derived from the
pseudonym unless given, so « the same pseudonym » means « the same hotliner » in tests
that do not care; tests about identity pass `hotliner=` explicitly.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import uuid
from pathlib import Path
from typing import Any

from ecoute_desktop.domain.anonymised import sort_records
from ecoute_desktop.domain.merge import ExportFile, ExportHeader
from ecoute_desktop.services.export_signing import public_key_hex, sign


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


def identity(name: str) -> tuple[str, bytes]:
    """A stable (hotliner id, signing seed) for a test hotliner called `name`."""
    digest = hashlib.sha256(f"hotliner {name}".encode()).digest()
    return digest[:16].hex(), hashlib.sha256(digest).digest()


def document(
    records: list[dict[str, Any]],
    pseudonym: str = "Mésange",
    period: tuple[str, str] = ("2026-01", "2026-03"),
    created_at: str = "2026-04-02T09:00:00Z",
    region: str | None = "FR-BRE",
    export_id: str | None = None,
    hotliner: str | None = None,
) -> dict[str, Any]:
    """A complete, valid, signed export document around `records`.

    `hotliner` names the test hotliner whose id and key sign it (default: the pseudonym).
    """
    hotliner_id, seed = identity(hotliner if hotliner is not None else pseudonym)
    records = sort_records(records)
    doc: dict[str, Any] = {
        "format": "ecoute-export-anonymise",
        "version": 2,
        "export_id": export_id or str(uuid.uuid4()),
        "created_at": created_at,
        "period": {"from": period[0], "to": period[1]},
        "region": region,
        "pseudonym": pseudonym,
        "hotliner_id": hotliner_id,
        "public_key": public_key_hex(seed),
        "record_count": len(records),
        "records": records,
    }
    doc["signature"] = sign(doc, seed)
    return doc


def resign(doc: dict[str, Any], hotliner: str) -> dict[str, Any]:
    """`doc` signed again by the test hotliner `hotliner` (as a forger with their own key)."""
    _, seed = identity(hotliner)
    doc = {k: v for k, v in doc.items() if k != "signature"}
    doc["public_key"] = public_key_hex(seed)
    doc["signature"] = sign(doc, seed)
    return doc


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
        doc["hotliner_id"],
        doc["public_key"],
        doc["record_count"],
        doc["signature"],
    )
    return ExportFile(source, header, doc["records"])
