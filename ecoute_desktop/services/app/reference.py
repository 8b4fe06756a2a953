"""Reference data actions: the taxonomy of themes and the orientation directory."""

from __future__ import annotations

from ecoute_desktop.domain.models import OrientationTarget, Theme
from ecoute_desktop.services.app.base import Area
from ecoute_desktop.services.app.events import ReferenceChanged


class ReferenceService(Area):
    """Themes and sub-themes, directory entries: add, rename, retire or restore."""

    def themes(self, include_retired: bool = False) -> list[Theme]:
        return self._store.themes.all(include_retired)

    def add_theme(self, label: str, parent_id: int | None = None) -> Theme:
        with self._tx.action(ReferenceChanged()):
            return self._store.themes.add(label, parent_id)

    def rename_theme(self, theme_id: int, label: str) -> None:
        with self._tx.action(ReferenceChanged()):
            self._store.themes.rename(theme_id, label)

    def move_theme(self, theme_id: int, parent_id: int) -> None:
        """Move a sub-theme under another theme (French ValueError otherwise); the cases
        tagged with it keep it and show it under its new theme."""
        theme, parent = self._store.themes.get(theme_id), self._store.themes.get(parent_id)
        if theme.parent_id is None:
            raise ValueError("Seul un sous-thème peut changer de thème.")
        if parent.parent_id is not None:
            raise ValueError("Un sous-thème se range sous un thème, pas sous un sous-thème.")
        with self._tx.action(ReferenceChanged()):
            self._store.themes.move(theme_id, parent_id)

    def set_theme_retired(self, theme_id: int, retired: bool) -> None:
        with self._tx.action(ReferenceChanged()):
            self._store.themes.set_retired(theme_id, retired)

    def directory(self, include_retired: bool = False) -> list[OrientationTarget]:
        return self._store.directory.all(include_retired)

    def save_target(
        self, target_id: int | None, label: str, national: bool, **contact: str
    ) -> OrientationTarget:
        """Add a directory entry (`target_id` None) or change one; cases keep pointing at it."""
        with self._tx.action(ReferenceChanged()):
            if target_id is None:
                return self._store.directory.add(label, national, **contact)
            return self._store.directory.update(target_id, label, national, **contact)

    def set_target_retired(self, target_id: int, retired: bool) -> None:
        with self._tx.action(ReferenceChanged()):
            self._store.directory.set_retired(target_id, retired)
