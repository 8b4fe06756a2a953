"""Stable theme ids in anonymised exports, and the merge's mapping to the current tree.

An export made with a référentiel installed carries a stamp (its version, the
coordinator's key, the tree of ids and names) and, in each record, `theme_ids`. The merge
takes the newest stamp as the current tree: every id is counted under its current name,
so a theme renamed between two versions counts once. An id the current tree does not
hold is named in a warning and not counted; nothing is guessed. Records of older exports
(no ids) are matched by name, current names first, then the names of older versions.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ecoute_desktop.domain.models import Case, Theme
from ecoute_desktop.domain.taxonomy import fold

STAMP_KEY = "referentiel"
IDS_KEY = "theme_ids"


@dataclass(frozen=True, slots=True)
class ThemeStamp:
    """The référentiel an export was made with: id → (theme, sub-theme or None)."""

    version: int
    public_key: str
    paths: dict[str, tuple[str, str | None]]

    @classmethod
    def from_json(cls, stamp: dict[str, Any]) -> ThemeStamp:
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
        return cls(stamp["version"], stamp["public_key"], paths)


def stamp_json(version: int, public_key: str, themes: Iterable[Theme]) -> dict[str, Any]:
    """The `referentiel` key of an export: the installed version's tree (ids and names)."""
    listed = [t for t in themes if t.ref_id]
    ref_of = {t.id: t.ref_id for t in listed}
    return {
        "version": version,
        "public_key": public_key,
        "themes": [
            {"id": t.ref_id, "label": _printable(t.label), "parent": ref_of.get(t.parent_id or 0)}
            for t in listed
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
        (
            t.ref_id
            for t in all_themes
            if t.parent_id is None and fold(t.label) == "questions diverses"
        ),
        None,
    )
    ids: set[str] = set()
    for theme in case.themes:
        if theme.ref_id:
            ids.add(theme.ref_id)
            continue
        parent = by_id.get(theme.parent_id or 0)
        chosen = parent.ref_id if parent is not None and parent.ref_id else fallback
        if chosen:
            ids.add(chosen)
    return sorted(ids)


@dataclass(slots=True)
class Unified:
    """The top-level names to list (current tree) and the warnings of the mapping."""

    theme_labels: tuple[str, ...]
    warnings: list[str]


def unify_themes(
    files: Sequence[tuple[str, ThemeStamp | None, list[dict[str, Any]]]],
    default_labels: tuple[str, ...],
) -> Unified:
    """Rewrite each record's `themes`/`sub_themes` under the current names (in place).

    `files`: (shown name, stamp or None, records). Without any stamp, nothing changes.
    """
    stamps = [stamp for _, stamp, _ in files if stamp is not None]
    if not stamps:
        return Unified(default_labels, [])
    # The coordinator's key is the one most files were made with (a stamp is signed by the
    # hotliner, not the coordinator: one file cannot impose its tree); its newest version
    # is the current tree.
    files_by_key = Counter(stamp.public_key for stamp in stamps)
    key = max(files_by_key, key=lambda k: (files_by_key[k], k))
    current = max((s for s in stamps if s.public_key == key), key=lambda s: s.version)
    stamps = [s for s in stamps if s.public_key == key]
    by_name: dict[str, str] = {}
    for version in [current, *sorted(stamps, key=lambda s: -s.version)]:
        for theme_id, (top, sub) in version.paths.items():
            by_name.setdefault(fold(f"{top}/{sub}" if sub else top), theme_id)
    unknown: dict[str, set[str]] = {}
    foreign: set[str] = set()
    for source, stamp, records in files:
        with_ids = stamp is not None and stamp.public_key == current.public_key
        if stamp is not None and not with_ids:
            foreign.add(source)
        for record in records:
            names: list[str] = []
            if with_ids and IDS_KEY in record:
                ids = list(record[IDS_KEY])
            else:
                ids, names = _ids_by_name(record, by_name)
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
    tops_now = tuple(top for top, sub in current.paths.values() if sub is None)
    warnings = [
        f"Thème d'identifiant {theme_id} inconnu du référentiel version {current.version}"
        f" (dans {', '.join(sorted(sources))}) : non compté. Vérifiez avec la coordination"
        " qu'il n'a pas été supprimé du référentiel."
        for theme_id, sources in sorted(unknown.items())
    ]
    if foreign:
        warnings.append(
            f"{', '.join(sorted(foreign))} : fait avec le référentiel d'une autre coordination"
            " (autre clé) ; ses thèmes sont comptés par leur nom."
        )
    return Unified(tops_now, warnings)


def _ids_by_name(record: dict[str, Any], by_name: dict[str, str]) -> tuple[list[str], list[str]]:
    """An export without ids: each name found in a version of the tree becomes its id; a
    theme no version holds keeps its name (a sub-theme no version holds is dropped, its
    theme is listed in `themes` and still counted)."""
    ids = [by_name[fold(p)] for p in record["sub_themes"] if fold(p) in by_name]
    ids += [by_name[fold(top)] for top in record["themes"] if fold(top) in by_name]
    names = [top for top in record["themes"] if fold(top) not in by_name]
    return ids, names
