"""Matching theme and orientation labels of the spreadsheet against the taxonomy and directory."""

from __future__ import annotations

from collections.abc import Iterable

from ecoute_desktop.domain.models import OrientationTarget, Theme
from ecoute_desktop.domain.taxonomy import fold
from ecoute_desktop.services.csv_import.values import CellError


def _path_key(parts: Iterable[str]) -> str:
    return "/".join(fold(part) for part in parts)


class Vocabulary:
    """Themes (`Parent` or `Parent/Enfant`) and directory entries, matched by folded label.

    Case, accents and spaces are ignored. Retired entries still match (old cases used
    them), but an active entry wins over a retired one with the same label. A sub-theme
    written alone is accepted when its label is unique and is not a top-level theme.
    """

    def __init__(self, themes: Iterable[Theme], targets: Iterable[OrientationTarget]) -> None:
        ordered_themes = sorted(themes, key=lambda theme: not theme.retired)
        self._themes: dict[str, Theme] = {}
        self._children: dict[str, list[Theme]] = {}
        lone: dict[str, dict[int, Theme]] = {}
        for theme in ordered_themes:
            if theme.parent_label is None:
                self._themes[fold(theme.label)] = theme
            else:
                self._themes[_path_key((theme.parent_label, theme.label))] = theme
                self._children.setdefault(fold(theme.parent_label), []).append(theme)
                lone.setdefault(fold(theme.label), {})[theme.id] = theme
        self._lone_children = {
            key: next(iter(same.values()))
            for key, same in lone.items()
            if len(same) == 1 and key not in self._themes
        }
        targets = list(targets)
        self._targets: dict[str, OrientationTarget] = {}
        for target in sorted(targets, key=lambda target: not target.retired):
            self._targets[fold(target.label)] = target
        self._target_labels = [target.label for target in targets if not target.retired]

    def theme(self, text: str) -> Theme:
        """The theme written `text`; CellError in French when unknown."""
        parts = [part.strip() for part in text.split("/")]
        if len(parts) > 2 or not all(parts):
            raise CellError(
                f"thème « {text} » mal écrit (attendu « Parent » ou « Parent/Enfant »,"
                " par ex. « Relationnel/Élus »)"
            )
        key = _path_key(parts)
        if key in self._themes:
            return self._themes[key]
        if len(parts) == 1 and key in self._lone_children:
            return self._lone_children[key]
        parent = fold(parts[0])
        if len(parts) == 2 and parent in self._themes:
            known = ", ".join(child.label for child in self._children.get(parent, []))
            label = self._themes[parent].label
            raise CellError(
                f"sous-thème « {parts[1]} » inconnu sous « {label} » (connus : {known})"
            )
        raise CellError(
            f"thème inconnu « {text} » (attendu « Parent » ou « Parent/Enfant » du référentiel,"
            " par ex. « Relationnel/Élus »)"
        )

    def target(self, text: str) -> OrientationTarget:
        """The directory entry labelled `text`; CellError in French when unknown."""
        key = fold(text)
        if key in self._targets:
            return self._targets[key]
        raise CellError(
            f"orientation inconnue « {text} » (annuaire : {', '.join(self._target_labels)})"
        )
