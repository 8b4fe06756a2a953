"""Call notes and their drafts (a draft is kept as you type, inside the encrypted base)."""

from __future__ import annotations

from ecoute_desktop.domain.models import CallNote
from ecoute_desktop.services.app.base import Area
from ecoute_desktop.services.app.events import CaseChanged


class NoteService(Area):
    """The notes of a case; drafts change nothing anyone else shows, so they publish nothing."""

    def for_case(self, case_id: int) -> list[CallNote]:
        return self._store.notes.for_case(case_id)

    def draft(self, case_id: int, note_id: int | None = None) -> str | None:
        """The draft of a new note (`note_id` None) or of an edit, if any."""
        return self._store.notes.draft(case_id, note_id)

    def save_draft(self, case_id: int, text: str, note_id: int | None = None) -> None:
        with self._tx.action():
            self._store.notes.save_draft(case_id, text, note_id)

    def discard_draft(self, case_id: int, note_id: int | None = None) -> None:
        with self._tx.action():
            self._store.notes.discard_draft(case_id, note_id)

    def save(self, case_id: int, text: str, note_id: int | None = None) -> None:
        """Record a new note (or the edit of `note_id`) with its date; its draft goes."""
        with self._tx.action(CaseChanged(case_id)):
            if note_id is None:
                self._store.notes.add(case_id, text)
            else:
                self._store.notes.update(note_id, text)
