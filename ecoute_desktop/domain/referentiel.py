"""The shared référentiel: the coordinator's theme tree, orientation directory, practical
sheets, default templates and questionnaire address, and what importing it changes.

Plain values only. Every entry carries a stable id (« th-3f9a0c1d ») that never changes
when the coordinator renames, moves or retires it: a laptop keeps one row per id, so the
cases tagged with it keep their history and show the current name. See docs/referentiel.md.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from ecoute_desktop.domain.taxonomy import fold

FORMAT_NAME = "ecoute-referentiel"
FORMAT_VERSION = 1
FILE_SUFFIX = ".ecoute-referentiel"
ID_PREFIXES = {"theme": "th", "target": "or", "sheet": "fi"}
LOCAL_PREFIX = "local-"  # `Referentiel` of a base as it stands: « local-12 » for row 12


def new_ref_id(kind: str) -> str:
    """A fresh stable id: « th-3f9a0c1d » (theme), « or-… » (directory), « fi-… » (sheet)."""
    return f"{ID_PREFIXES[kind]}-{secrets.token_hex(4)}"


@dataclass(frozen=True, slots=True)
class RefTheme:
    """One theme (parent None) or sub-theme of the published tree."""

    id: str
    label: str
    parent: str | None = None
    retired: bool = False


@dataclass(frozen=True, slots=True)
class RefTarget:
    """One body of the orientation directory, with what the hotliner reads out."""

    id: str
    label: str
    national: bool = False
    contact: str = ""  # read out to the member (telephone, service to ask for)
    email: str = ""
    address: str = ""  # postal address or website
    when: str = ""  # « quand orienter »
    retired: bool = False


@dataclass(frozen=True, slots=True)
class RefSheet:
    """A practical sheet (PDF) to attach to a message."""

    id: str
    title: str
    file_name: str
    pdf: bytes = field(repr=False)


@dataclass(frozen=True, slots=True)
class Templates:
    """The association's default charter and confirmation message."""

    charter: str = ""
    confirmation_subject: str = ""
    confirmation_body: str = ""


@dataclass(frozen=True, slots=True)
class Referentiel:
    """One published version; `public_key` is the coordinator's (hex), set when signed."""

    version: int
    published_on: str  # YYYY-MM-DD, Paris
    themes: tuple[RefTheme, ...] = ()
    directory: tuple[RefTarget, ...] = ()
    sheets: tuple[RefSheet, ...] = ()
    templates: Templates = Templates()
    questionnaire_url: str = ""
    public_key: str = ""

    def theme_paths(self) -> dict[str, str]:
        """Theme id → « Parent/Enfant » or « Thème », under this version's names."""
        labels = {theme.id: theme.label for theme in self.themes}
        return {
            t.id: f"{labels.get(t.parent, '?')}/{t.label}" if t.parent else t.label
            for t in self.themes
        }


class ChangeKind(StrEnum):
    ADDED = "ajouté"
    RENAMED = "renommé"
    RETIRED = "retiré"
    MOVED = "déplacé"
    RESTORED = "remis en service"
    CHANGED = "modifié"
    KEPT = "gardé"


@dataclass(frozen=True, slots=True)
class Change:
    """One line of the preview: what changes, in French."""

    kind: ChangeKind
    area: str  # « Thème », « Orientation », « Fiche pratique », « Modèle »
    text: str

    def __str__(self) -> str:
        return f"{self.area} {self.verb} : {self.text}"

    @property
    def verb(self) -> str:
        """« retiré », or « retirée » for an orientation or a sheet (feminine in French)."""
        if self.area not in FEMININE_AREAS:
            return str(self.kind)
        if self.kind is ChangeKind.RESTORED:
            return "remise en service"
        return f"{self.kind}e"


FEMININE_AREAS = frozenset({"Orientation", "Fiche pratique"})


@dataclass(frozen=True, slots=True)
class LocalTheme:
    """A theme of this laptop, as the diff needs it."""

    id: int
    label: str
    parent_id: int | None
    retired: bool
    ref_id: str | None


@dataclass(frozen=True, slots=True)
class LocalTarget:
    id: int
    label: str
    national: bool
    contact: str
    email: str
    address: str
    when: str
    retired: bool
    ref_id: str | None


@dataclass(slots=True)
class ThemeDiff:
    """The theme changes and, for every incoming id, the local row it updates (if any)."""

    changes: list[Change]
    matches: dict[str, int]


def diff_themes(
    local: Sequence[LocalTheme], incoming: Sequence[RefTheme], new_key: bool = False
) -> ThemeDiff:
    """Added, renamed, moved, retired and restored themes; a local theme of the same name
    and place as an incoming one without id (the default taxonomy) is adopted, not doubled.
    With `new_key` (another coordination's tree), a theme whose id the file does not know
    is adopted by name too."""
    incoming_ids = {t.id for t in incoming}
    by_ref = {t.ref_id: t for t in local if t.ref_id}
    by_id = {t.id: t for t in local}
    unclaimed = {
        (fold(t.label), t.parent_id): t
        for t in local
        if not t.ref_id or (new_key and t.ref_id not in incoming_ids)
    }
    labels = {t.id: t.label for t in incoming}
    matches: dict[str, int] = {}
    changes: list[Change] = []
    for theme in _parents_first(incoming):
        parent_local = matches.get(theme.parent) if theme.parent else None
        row = by_ref.get(theme.id)
        if row is None and (theme.parent is None or parent_local is not None):
            row = unclaimed.pop((fold(theme.label), parent_local), None)
        path = f"{labels[theme.parent]}/{theme.label}" if theme.parent else theme.label
        if row is None:
            if not theme.retired:
                changes.append(Change(ChangeKind.ADDED, "Thème", f"« {path} »"))
            continue
        matches[theme.id] = row.id
        if row.label != theme.label:
            text = f"« {row.label} » devient « {theme.label} »"
            changes.append(Change(ChangeKind.RENAMED, "Thème", text))
        if row.parent_id != parent_local:
            old = by_id[row.parent_id].label if row.parent_id in by_id else "premier niveau"
            new = labels[theme.parent] if theme.parent else "premier niveau"
            text = f"« {theme.label} » passe de « {old} » à « {new} »"
            changes.append(Change(ChangeKind.MOVED, "Thème", text))
        if row.retired != theme.retired:
            kind = ChangeKind.RETIRED if theme.retired else ChangeKind.RESTORED
            changes.append(Change(kind, "Thème", f"« {path} »"))
    adopted = set(matches.values())
    for row in local:
        gone = row.ref_id and row.ref_id not in incoming_ids and row.id not in adopted
        if gone and not row.retired:
            changes.append(Change(ChangeKind.RETIRED, "Thème", f"« {row.label} »"))
    return ThemeDiff(changes, matches)


@dataclass(slots=True)
class TargetDiff:
    changes: list[Change]
    matches: dict[str, int]


def diff_directory(
    local: Sequence[LocalTarget], incoming: Sequence[RefTarget], new_key: bool = False
) -> TargetDiff:
    """Added, renamed, changed, retired and restored bodies of the directory (`new_key`:
    as for the themes)."""
    incoming_ids = {t.id for t in incoming}
    by_ref = {t.ref_id: t for t in local if t.ref_id}
    unclaimed = {
        fold(t.label): t
        for t in local
        if not t.ref_id or (new_key and t.ref_id not in incoming_ids)
    }
    matches: dict[str, int] = {}
    changes: list[Change] = []
    for target in incoming:
        row = by_ref.get(target.id) or unclaimed.pop(fold(target.label), None)
        if row is None:
            if not target.retired:
                changes.append(Change(ChangeKind.ADDED, "Orientation", f"« {target.label} »"))
            continue
        matches[target.id] = row.id
        if row.label != target.label:
            text = f"« {row.label} » devient « {target.label} »"
            changes.append(Change(ChangeKind.RENAMED, "Orientation", text))
        details = ("national", "contact", "email", "address", "when")
        if any(getattr(row, name) != getattr(target, name) for name in details):
            text = f"« {target.label} » (coordonnées ou « quand orienter »)"
            changes.append(Change(ChangeKind.CHANGED, "Orientation", text))
        if row.retired != target.retired:
            kind = ChangeKind.RETIRED if target.retired else ChangeKind.RESTORED
            changes.append(Change(kind, "Orientation", f"« {target.label} »"))
    adopted = set(matches.values())
    for row in local:
        gone = row.ref_id and row.ref_id not in incoming_ids and row.id not in adopted
        if gone and not row.retired:
            changes.append(Change(ChangeKind.RETIRED, "Orientation", f"« {row.label} »"))
    return TargetDiff(changes, matches)


def diff_sheets(local: Iterable[RefSheet], incoming: Iterable[RefSheet]) -> list[Change]:
    """Sheets added, replaced (same id, other title or content) or withdrawn."""
    before = {sheet.id: sheet for sheet in local}
    after = {sheet.id: sheet for sheet in incoming}
    changes = []
    for sheet_id, sheet in after.items():
        old = before.get(sheet_id)
        if old is None:
            changes.append(Change(ChangeKind.ADDED, "Fiche pratique", f"« {sheet.title} »"))
        elif (old.title, old.pdf) != (sheet.title, sheet.pdf):
            changes.append(Change(ChangeKind.CHANGED, "Fiche pratique", f"« {sheet.title} »"))
    for sheet_id, sheet in before.items():
        if sheet_id not in after:
            changes.append(Change(ChangeKind.RETIRED, "Fiche pratique", f"« {sheet.title} »"))
    return changes


@dataclass(frozen=True, slots=True)
class TextDecision:
    """What happens to one text setting (a template, the questionnaire address)."""

    name: str  # French: « la charte de confidentialité »
    value: str  # the référentiel's
    apply: bool


def decide_text(name: str, current: str, incoming: str, untouched: set[str]) -> TextDecision:
    """Replace a text the hotliner has not changed (it is one of `untouched`: the
    built-in default or what the last référentiel set); keep one they wrote themselves.
    An empty text in the référentiel changes nothing."""
    wanted = bool(incoming.strip()) and current != incoming
    apply = wanted and (current in untouched or not current.strip())
    return TextDecision(name, incoming, apply)


def text_changes(decisions: Iterable[TextDecision], current: dict[str, str]) -> list[Change]:
    changes = []
    for decision in decisions:
        if decision.apply:
            changes.append(Change(ChangeKind.CHANGED, "Modèle", decision.name))
        elif current[decision.name] != decision.value and decision.value:
            text = f"{decision.name} (vous l'avez personnalisé : votre texte reste)"
            changes.append(Change(ChangeKind.KEPT, "Modèle", text))
    return changes


def _parents_first(themes: Sequence[RefTheme]) -> list[RefTheme]:
    return [t for t in themes if t.parent is None] + [t for t in themes if t.parent is not None]
