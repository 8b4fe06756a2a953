"""The coordinator's merge from files: read each export strictly, then merge the good ones."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ecoute_desktop.domain.merge import ExportFile, Merge, merge_exports
from ecoute_desktop.domain.month import Month
from ecoute_desktop.services.merge_validation import Refusal, RefusedExport, read_export


@dataclass(slots=True)
class MergeOutcome:
    """The merge of the accepted files (None when none was accepted) and the refused ones."""

    merge: Merge | None
    refused: list[Refusal] = field(default_factory=list)

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


def merge_paths(
    paths: Sequence[Path | str], first_month: str | None = None, last_month: str | None = None
) -> MergeOutcome:
    """Read, check and merge export files; refused files are listed, not fatal."""
    check_months(first_month, last_month)
    accepted, refused = load_exports(paths)
    if not accepted:
        return MergeOutcome(None, refused)
    return MergeOutcome(merge_exports(accepted, first_month, last_month), refused)
