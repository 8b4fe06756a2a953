"""Write the hostile anonymised exports of tests/data/hostile_exports (run by hand, once).

    .venv/bin/python -m tests.data.make_hostile_exports

Each file is a valid, signed export of the current format made wrong in one way (or a
file that is not an export at all). Synthetic content only; rerun when the format changes.
"""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path
from typing import Any

from tests.export_factory import document, record

FOLDER = Path(__file__).resolve().parent / "hostile_exports"


def _base() -> dict[str, Any]:
    records = [
        record(f"2026-0{1 + i % 3}", id=f"{i:032x}", urgent=False, satisfaction=None)
        for i in range(5)
    ]
    return document(records, export_id="11111111-2222-4333-8444-555555555555")


def _text(doc: Any) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=1)


def build() -> dict[str, bytes]:
    base = _base()
    files: dict[str, Any] = {}
    # The attack of issue 18: one record flipped to urgent. A checksum could be recomputed
    # with the open method; the signature cannot be, without the hotliner's key.
    edited = copy.deepcopy(base)
    edited["records"][0]["urgent"] = True
    files["edited_after_signing.json"] = edited
    old = {k: v for k, v in base.items() if k not in ("hotliner_id", "public_key", "signature")}
    old["version"], old["region"] = 1, "Région test"
    old["records_sha256"] = hashlib.sha256(
        json.dumps(
            old["records"], sort_keys=True, separators=(",", ":"), ensure_ascii=False
        ).encode()
    ).hexdigest()
    files["old_unsigned_v1.json"] = old
    files["unknown_version.json"] = {**base, "version": 3}
    wrong = copy.deepcopy(base)
    wrong["records"][1]["appointments"] = "deux"
    files["wrong_types.json"] = wrong
    extra = copy.deepcopy(base)
    extra["records"][2]["note"] = "texte libre"
    files["extra_fields.json"] = extra
    files["extra_top_field.json"] = {**base, "commentaire": "texte libre"}
    big = copy.deepcopy(base)
    big["records"][3]["appointments"] = 1000
    files["out_of_range.json"] = big
    # Signed by a forger's own key: well-formed, but the header breaks the closed rules.
    files["markup_region.json"] = document(base["records"], region='<font size="40">Dupont</font>')
    files["phone_pseudonym.json"] = document(base["records"], pseudonym="Jean Dupont 06 12 34 56")
    out = {name: (_text(doc) + "\n").encode("utf-8") for name, doc in files.items()}
    out["truncated.json"] = out["edited_after_signing.json"][:1155]
    out["utf16.json"] = _text(base).encode("utf-16")
    out["empty.json"] = b""
    out["not_json.json"] = b"mois;sollicitations\n2026-01;5\n"
    out["other_format.json"] = b'{"requests": 5, "themes": {}}'
    out["deeply_nested.json"] = b"[" * 100000 + b"]" * 100000
    return out


def main() -> None:
    for name in ("edited_checksum.json",):
        (FOLDER / name).unlink(missing_ok=True)
    for name, data in build().items():
        (FOLDER / name).write_bytes(data)


if __name__ == "__main__":
    main()
