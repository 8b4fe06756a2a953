"""The coordinator's memory between merges: which hotliners were seen, with which key, up to when.

The merge has no database; this small JSON file in the user's data folder (next to where
a hotliner's database would be) remembers, per hotliner id, the public key first seen
(later files must carry the same one), the newest pseudonym and the last month exported.
From it the merge says who is missing (« Pas encore reçu : … ») and refuses a file that
claims a known hotliner id under another key. Written atomically; a damaged file is
reported and left untouched (its pins are not lost by being overwritten).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeGuard

from ecoute_desktop.domain.merge import ExportFile, Merge, short_id
from ecoute_desktop.services.atomic import write_bytes_atomic
from ecoute_desktop.services.formatting import fr_month
from ecoute_desktop.services.merge_validation import Refusal
from ecoute_desktop.store.location import default_data_dir

STATE_FORMAT = "ecoute-coordination"
STATE_FILENAME = "coordination.json"
MAX_STATE_BYTES = 2 * 1024 * 1024
# A hotliner with no export for this many months before the period is no longer expected.
EXPECTED_FOR_MONTHS = 12
_ID = re.compile(r"[0-9a-f]{32}")
_KEY = re.compile(r"[0-9a-f]{64}")
_MONTH = re.compile(r"20\d\d-(0[1-9]|1[0-2])")
_CREATED = re.compile(r"20\d\d-[01]\d-[0-3]\dT[0-2]\d:[0-5]\d:[0-5]\dZ")


class StateError(Exception):
    """The state file cannot be read; the message is French and names the file."""


@dataclass(slots=True)
class SeenHotliner:
    """What the coordinator knows of one hotliner id (nothing personal: a pseudonym)."""

    public_key: str
    pseudonym: str
    last_month: str  # the last month of their newest period seen
    last_export_at: str  # created_at of their newest export seen


@dataclass(slots=True)
class CoordinatorState:
    hotliners: dict[str, SeenHotliner] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class MissingHotliner:
    """A hotliner expected for the period whose exports given do not cover it all."""

    hotliner_id: str
    pseudonym: str
    last_month: str

    @property
    def message(self) -> str:
        return f"Pas encore reçu : {self.pseudonym} (dernier export : {fr_month(self.last_month)})"


def default_state_path() -> Path:
    """`coordination.json` in the user's data folder (platformdirs), beside `ecoute.db`."""
    return default_data_dir() / STATE_FILENAME


def load_state(path: Path) -> CoordinatorState:
    """The state saved at `path` (empty when there is no file yet); StateError if damaged."""
    try:
        if path.stat().st_size > MAX_STATE_BYTES:
            raise StateError(_damaged(path))
        data = json.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        return CoordinatorState()
    except (OSError, ValueError, RecursionError):
        raise StateError(_damaged(path)) from None
    if not isinstance(data, dict) or data.get("format") != STATE_FORMAT:
        raise StateError(_damaged(path))
    entries = data.get("hotliners")
    if not isinstance(entries, dict):
        raise StateError(_damaged(path))
    state = CoordinatorState()
    for hotliner_id, entry in entries.items():
        seen = _entry(hotliner_id, entry)
        if seen is None:
            raise StateError(_damaged(path))
        state.hotliners[hotliner_id] = seen
    return state


def _entry(hotliner_id: Any, entry: Any) -> SeenHotliner | None:
    if not (isinstance(hotliner_id, str) and _ID.fullmatch(hotliner_id)):
        return None
    if not isinstance(entry, dict):
        return None
    values = [entry.get(k) for k in ("public_key", "pseudonym", "last_month", "last_export_at")]
    if not _all_text(values):
        return None
    key, pseudonym, month, created = values
    if not (_KEY.fullmatch(key) and _MONTH.fullmatch(month) and _CREATED.fullmatch(created)):
        return None
    return SeenHotliner(key, pseudonym[:24], month, created)


def _all_text(values: list[Any]) -> TypeGuard[list[str]]:
    return all(isinstance(v, str) for v in values)


def _damaged(path: Path) -> str:
    return (
        f"Le fichier de suivi des exports « {path} » est illisible : la liste des écoutants"
        " attendus n'est pas utilisée et ce fichier n'est pas modifié (déplacez-le pour"
        " repartir de zéro)."
    )


def save_state(path: Path, state: CoordinatorState) -> None:
    """Write the state atomically (owner-only permissions)."""
    document = {
        "format": STATE_FORMAT,
        "version": 1,
        "hotliners": {
            hotliner_id: {
                "public_key": seen.public_key,
                "pseudonym": seen.pseudonym,
                "last_month": seen.last_month,
                "last_export_at": seen.last_export_at,
            }
            for hotliner_id, seen in sorted(state.hotliners.items())
        },
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    write_bytes_atomic(path, text.encode("utf-8"))


def check_keys(
    files: Sequence[ExportFile], state: CoordinatorState
) -> tuple[list[ExportFile], list[Refusal]]:
    """Files whose key is the one known for their hotliner id; the others are refused.

    An id already seen keeps its first key. An id new to this merge whose files carry
    different keys has none of them counted: nothing says which one is genuine.
    """
    keys: dict[str, set[str]] = {}
    for item in files:
        keys.setdefault(item.header.hotliner_id, set()).add(item.header.public_key)
    accepted: list[ExportFile] = []
    refused: list[Refusal] = []
    for item in files:
        header = item.header
        known = state.hotliners.get(header.hotliner_id)
        who = f"identifiant d'écoutant {short_id(header.hotliner_id)}"
        if known is not None and known.public_key != header.public_key:
            refused.append(
                Refusal(
                    item.source,
                    f"la clé de signature n'est pas celle des exports déjà reçus de cet"
                    f" écoutant ({who}, « {known.pseudonym} ») : ce fichier ne vient pas de"
                    " sa base Écoute. Ses chiffres ne sont pas comptés.",
                )
            )
        elif known is None and len(keys[header.hotliner_id]) > 1:
            refused.append(
                Refusal(
                    item.source,
                    f"plusieurs fichiers portent le même {who} avec des clés de signature"
                    " différentes : l'un d'eux n'est pas authentique, aucun n'est compté.",
                )
            )
        else:
            accepted.append(item)
    return accepted, refused


def updated_state(state: CoordinatorState, merge: Merge) -> CoordinatorState:
    """The state after this merge: new ids pinned, pseudonyms and last months brought up."""
    result = CoordinatorState(dict(state.hotliners))
    for item in merge.files:
        header = item.header
        seen = result.hotliners.get(header.hotliner_id)
        if seen is None:
            result.hotliners[header.hotliner_id] = SeenHotliner(
                header.public_key, header.pseudonym, header.period_to, header.created_at
            )
            continue
        newer = header.created_at > seen.last_export_at
        result.hotliners[header.hotliner_id] = SeenHotliner(
            seen.public_key,
            header.pseudonym if newer else seen.pseudonym,
            max(seen.last_month, header.period_to),
            max(seen.last_export_at, header.created_at),
        )
    return result


def missing_hotliners(state: CoordinatorState, merge: Merge) -> list[MissingHotliner]:
    """Hotliners known (`state`, taken after this merge) whose files leave a month uncovered.

    Those with no export in the `EXPECTED_FOR_MONTHS` months before the period are no
    longer expected (they left the line, or changed computer and so id).
    """
    months = set(merge.months)
    covered: dict[str, set[str]] = {}
    for item in merge.files:
        covered.setdefault(item.header.hotliner_id, set()).update(item.header.months)
    horizon = _months_before(merge.first_month, EXPECTED_FOR_MONTHS)
    result = [
        MissingHotliner(hotliner_id, seen.pseudonym, seen.last_month)
        for hotliner_id, seen in state.hotliners.items()
        if seen.last_month >= horizon and not months <= covered.get(hotliner_id, set())
    ]
    return sorted(result, key=lambda m: (m.pseudonym, m.hotliner_id))


def new_hotliners(state: CoordinatorState, files: Iterable[ExportFile]) -> list[str]:
    """Messages for hotliner ids seen for the first time (to check they are expected)."""
    fresh: dict[str, str] = {}
    for item in files:
        if item.header.hotliner_id not in state.hotliners:
            fresh[item.header.hotliner_id] = item.header.pseudonym
    return [
        f"Premier export reçu de « {pseudonym} » (identifiant {short_id(hotliner_id)}) :"
        " vérifiez que c'est bien un écoutant de votre réseau."
        for hotliner_id, pseudonym in sorted(fresh.items(), key=lambda kv: (kv[1], kv[0]))
    ]


def _months_before(month: str, count: int) -> str:
    year, number = int(month[:4]), int(month[5:7])
    index = year * 12 + number - 1 - count
    return f"{index // 12:04d}-{index % 12 + 1:02d}"
