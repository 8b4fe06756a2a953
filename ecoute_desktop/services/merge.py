"""The coordinator's merge from files: read each export strictly, then merge the good ones."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ecoute_desktop.domain.anonymised import ORIENTATIONS, TOP_THEMES
from ecoute_desktop.domain.merge import ExportFile, Merge, merge_exports
from ecoute_desktop.domain.month import Month
from ecoute_desktop.domain.referentiel_merge import unify
from ecoute_desktop.services.coordinator_state import (
    CoordinatorState,
    MissingHotliner,
    StateError,
    check_keys,
    load_state,
    missing_hotliners,
    new_hotliners,
    save_state,
    updated_state,
)
from ecoute_desktop.services.merge_validation import Refusal, RefusedExport, read_export


@dataclass(slots=True)
class MergeOutcome:
    """The merge of the accepted files (None when none was accepted) and the refused ones.

    `warnings` (French sentences): pseudonym clashes, first exports of a hotliner id, a
    damaged state file. `missing`: hotliners expected for the period (from the state).
    """

    merge: Merge | None
    refused: list[Refusal] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    missing: list[MissingHotliner] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.merge is not None and bool(self.merge.files)


def display_names(paths: Sequence[Path]) -> list[str]:
    """File names, or full paths where two different files share a name."""
    by_name: dict[str, set[Path]] = {}
    for path in paths:
        by_name.setdefault(path.name, set()).add(path.resolve())
    return [path.name if len(by_name[path.name]) == 1 else str(path) for path in paths]


def load_exports(paths: Sequence[Path | str]) -> tuple[list[ExportFile], list[Refusal]]:
    """Every file read and checked; a bad one is refused with its reason, never raised."""
    as_paths = [Path(p) for p in paths]
    accepted: list[ExportFile] = []
    refused: list[Refusal] = []
    for path, name in zip(as_paths, display_names(as_paths), strict=True):
        try:
            accepted.append(read_export(path, name))
        except RefusedExport as error:
            refused.append(Refusal(error.source, error.reason))
        except Exception:  # a bug must not stop the other files from merging
            refused.append(Refusal(name, "fichier illisible (erreur inattendue)."))
    return accepted, refused


def check_months(first_month: str | None, last_month: str | None) -> None:
    """French ValueError when the optional period bounds are malformed or reversed."""
    first, last = (None if m is None else Month.parse(m) for m in (first_month, last_month))
    if first and last and last < first:
        raise ValueError("Le dernier mois précède le premier.")


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while 100,000 records are parsed, merged and counted.

    They make no reference cycles, and each collection of the older generations walks
    every live record (a third of `json.load`'s own time on 100 exports). At the end
    the objects made meanwhile go straight to the oldest generation (`freeze` then
    `unfreeze`), where only a full collection looks at them, instead of being walked by
    the young collections that would follow.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if paused:
            gc.enable()


def merge_paths(
    paths: Sequence[Path | str],
    first_month: str | None = None,
    last_month: str | None = None,
    state_path: Path | None = None,
) -> MergeOutcome:
    """Read, check and merge export files; refused files are listed, not fatal.

    With `state_path` (the coordinator's state, services/coordinator_state.py), files
    are checked against the keys already seen, the hotliners still missing are listed,
    and the state is brought up to date after a merge that kept at least one file.
    """
    check_months(first_month, last_month)
    with _collector_paused():
        return _merge_paths(paths, first_month, last_month, state_path)


def _merge_paths(
    paths: Sequence[Path | str],
    first_month: str | None,
    last_month: str | None,
    state_path: Path | None,
) -> MergeOutcome:
    accepted, refused = load_exports(paths)
    warnings: list[str] = []
    state, state_ok = CoordinatorState(), False
    if state_path is not None:
        try:
            state, state_ok = load_state(state_path), True
        except StateError as error:
            warnings.append(str(error))
    accepted, wrong_keys = check_keys(accepted, state)
    refused += wrong_keys
    if not accepted:
        return MergeOutcome(None, refused, warnings)
    stamped = [(f.source, f.referentiel, f.records) for f in accepted]
    unified = unify(stamped, TOP_THEMES, ORIENTATIONS)  # docs/referentiel.md
    warnings += unified.warnings
    if any(f.referentiel is not None for f in accepted):
        for item in accepted:  # `unify` renamed themes in the records: count them again
            item.counts = None
    merge = merge_exports(
        accepted, first_month, last_month, unified.theme_labels, unified.orientation_labels
    )
    merge.tally()  # counted now, while the collector is paused
    warnings += [clash.message for clash in merge.clashes()]
    outcome = MergeOutcome(merge, refused, warnings)
    if state_ok and state_path is not None:
        warnings += new_hotliners(state, merge.files)
        after = updated_state(state, merge)
        outcome.missing = missing_hotliners(after, merge)
        try:
            save_state(state_path, after)
        except OSError:
            warnings.append(
                f"Le fichier de suivi des exports « {state_path} » n'a pas pu être enregistré :"
                " la prochaine fusion ne saura pas ce que celle-ci a reçu."
            )
    return outcome
