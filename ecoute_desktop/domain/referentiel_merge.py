"""Stable ids in anonymised exports, and the merge's mapping to the current référentiel.

An export made with a référentiel installed carries a stamp (its version, the
coordinator's key, the theme tree and the directory: ids and names) and, in each record,
`theme_ids` and `orientation_ids`. The merge takes the newest stamp as the current
référentiel: every id is counted under its current name, so a theme or a body renamed
between two versions counts once. An id the current référentiel does not hold is named in
a warning and not counted; nothing is guessed. Records of older exports (no ids) are
matched by name, current names first, then the names of older versions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ecoute_desktop.domain.models import Case, OrientationTarget, Theme
from ecoute_desktop.domain.taxonomy import fold

STAMP_KEY = "referentiel"
IDS_KEY = "theme_ids"
TARGET_IDS_KEY = "orientation_ids"
FALLBACK_THEME = "questions diverses"  # folded, as domain/anonymised.FALLBACK_THEME
FALLBACK_TARGET = "autre"


@dataclass(frozen=True, slots=True)
class ReferentielStamp:
    """The référentiel an export was made with: theme id → (theme, sub-theme or None),
    directory id → name, and the ids retired in that version."""

    version: int
    public_key: str
    paths: dict[str, tuple[str, str | None]]
    targets: dict[str, str] = field(default_factory=dict)
    retired: frozenset[str] = frozenset()

    @classmethod
    def from_json(cls, stamp: dict[str, Any]) -> ReferentielStamp:
        """From the (schema-checked) `referentiel` key of an export; ValueError (French)."""
        labels = {t["id"]: t["label"] for t in stamp["themes"]}
        paths: dict[str, tuple[str, str | None]] = {}
        for theme in stamp["themes"]:
            parent = theme["parent"]
            if parent is not None and parent not in labels:
                raise ValueError("référentiel de l'export : thème parent inconnu")
            paths[theme["id"]] = (
                (labels[parent], theme["label"]) if parent else (theme["label"], None)
            )
        entries = [*stamp["themes"], *stamp.get("directory", [])]
        return cls(
            stamp["version"],
            stamp["public_key"],
            paths,
            {t["id"]: t["label"] for t in stamp.get("directory", [])},
            frozenset(e["id"] for e in entries if e.get("retired")),
        )


def stamp_json(
    version: int,
    public_key: str,
    themes: Iterable[Theme],
    targets: Iterable[OrientationTarget] = (),
) -> dict[str, Any]:
    """The `referentiel` key of an export: the installed version's ids and names."""
    listed = [t for t in themes if t.ref_id]
    ref_of = {t.id: t.ref_id for t in listed}
    return {
        "version": version,
        "public_key": public_key,
        "themes": [
            {
                "id": t.ref_id,
                "label": _printable(t.label),
                "parent": ref_of.get(t.parent_id or 0),
                "retired": t.retired,
            }
            for t in listed
        ],
        "directory": [
            {"id": t.ref_id, "label": _printable(t.label), "retired": t.retired}
            for t in targets
            if t.ref_id
        ],
    }


def _printable(label: str) -> str:
    """A name as the export schema takes it (a name renamed locally may be longer)."""
    return "".join(ch for ch in label if ch.isprintable())[:120] or "?"


def case_theme_ids(case: Case, all_themes: Sequence[Theme]) -> list[str]:
    """The stable ids of a case's themes. A theme added on this laptop leaves as its
    parent (a local sub-theme) or as « Questions diverses » (a local theme), as the
    label-based fields do."""
    by_id = {t.id: t for t in all_themes}
    fallback = next(
        (t.ref_id for t in all_themes if t.parent_id is None and fold(t.label) == FALLBACK_THEME),
        None,
    )
    ids: set[str] = set()
    for theme in case.themes:
        parent = by_id.get(theme.parent_id or 0)
        chosen = theme.ref_id or (parent.ref_id if parent is not None else None) or fallback
        if chosen:
            ids.add(chosen)
    return sorted(ids)


def case_target_ids(case: Case, all_targets: Sequence[OrientationTarget]) -> list[str]:
    """The stable ids of the bodies a case was referred to (a local one: « Autre »)."""
    fallback = next((t.ref_id for t in all_targets if fold(t.label) == FALLBACK_TARGET), None)
    chosen = {o.target.ref_id or fallback for o in case.orientations}
    return sorted(ref_id for ref_id in chosen if ref_id)


@dataclass(slots=True)
class Unified:
    """The names to list (the current référentiel's) and the warnings of the mapping."""

    theme_labels: tuple[str, ...]
    orientation_labels: tuple[str, ...]
    warnings: list[str]


def unify(
    files: Sequence[tuple[str, ReferentielStamp | None, list[dict[str, Any]]]],
    default_themes: tuple[str, ...],
    default_orientations: tuple[str, ...],
) -> Unified:
    """Rewrite each record's `themes`, `sub_themes` and `orientations` under the current
    names (in place). `files`: (shown name, stamp or None, records). Without any stamp,
    nothing changes."""
    stamps = [stamp for _, stamp, _ in files if stamp is not None]
    if not stamps:
        return Unified(default_themes, default_orientations, [])
    # The coordinator's key is the one most files were made with (a stamp is signed by the
    # hotliner, not the coordinator: one file cannot impose its tree); its newest version
    # is the current référentiel.
    files_by_key = Counter(stamp.public_key for stamp in stamps)
    key = max(files_by_key, key=lambda k: (files_by_key[k], k))
    stamps = sorted((s for s in stamps if s.public_key == key), key=lambda s: -s.version)
    current = stamps[0]
    theme_names: dict[str, str] = {}
    target_names: dict[str, str] = {}
    for version in stamps:  # newest first: a name means what it meant last
        for theme_id, (top, sub) in version.paths.items():
            theme_names.setdefault(fold(f"{top}/{sub}" if sub else top), theme_id)
        for target_id, label in version.targets.items():
            target_names.setdefault(fold(label), target_id)
    unknown: dict[str, set[str]] = {}
    foreign: set[str] = set()
    for source, stamp, records in files:
        with_ids = stamp is not None and stamp.public_key == key
        if stamp is not None and not with_ids:
            foreign.add(source)
        for record in records:
            _rewrite_themes(record, with_ids, current, theme_names, unknown, source)
            _rewrite_orientations(record, with_ids, current, target_names, unknown, source)
    warnings = [
        f"Identifiant {ref_id} inconnu du référentiel version {current.version}"
        f" (dans {', '.join(sorted(sources))}) : non compté. Vérifiez avec la coordination"
        " qu'il n'a pas été supprimé du référentiel."
        for ref_id, sources in sorted(unknown.items())
    ]
    if foreign:
        warnings.append(
            f"{', '.join(sorted(foreign))} : fait avec le référentiel d'une autre coordination"
            " (autre clé) ; ses thèmes et orientations sont comptés par leur nom."
        )
    in_service = [i for i in current.paths if i not in current.retired]
    return Unified(
        tuple(current.paths[i][0] for i in in_service if current.paths[i][1] is None),
        tuple(label for i, label in current.targets.items() if i not in current.retired)
        or default_orientations,
        warnings,
    )


def _rewrite_themes(
    record: dict[str, Any],
    with_ids: bool,
    current: ReferentielStamp,
    by_name: dict[str, str],
    unknown: dict[str, set[str]],
    source: str,
) -> None:
    names: list[str] = []
    if with_ids and IDS_KEY in record:
        ids = list(record[IDS_KEY])
    else:  # a theme no version holds keeps its name; such a sub-theme is dropped
        ids = [by_name[fold(p)] for p in record["sub_themes"] if fold(p) in by_name]
        ids += [by_name[fold(t)] for t in record["themes"] if fold(t) in by_name]
        names = [t for t in record["themes"] if fold(t) not in by_name]
    tops, subs = set(names), set()
    for theme_id in ids:
        if theme_id not in current.paths:
            unknown.setdefault(theme_id, set()).add(source)
            continue
        top, sub = current.paths[theme_id]
        tops.add(top)
        if sub is not None:
            subs.add(f"{top}/{sub}")
    record["themes"], record["sub_themes"] = sorted(tops), sorted(subs)


def _rewrite_orientations(
    record: dict[str, Any],
    with_ids: bool,
    current: ReferentielStamp,
    by_name: dict[str, str],
    unknown: dict[str, set[str]],
    source: str,
) -> None:
    if not current.targets:  # a stamp without directory: orientations stay by name
        return
    names: list[str] = []
    if with_ids and TARGET_IDS_KEY in record:
        ids = list(record[TARGET_IDS_KEY])
    else:
        ids = [by_name[fold(o)] for o in record["orientations"] if fold(o) in by_name]
        names = [o for o in record["orientations"] if fold(o) not in by_name]
    labels = set(names)
    for target_id in ids:
        if target_id in current.targets:
            labels.add(current.targets[target_id])
        else:
            unknown.setdefault(target_id, set()).add(source)
    record["orientations"] = sorted(labels)
