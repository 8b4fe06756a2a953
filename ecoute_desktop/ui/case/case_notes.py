"""Call notes of a case: a dated timeline, and an editor that autosaves drafts as you type."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.domain.models import CallNote
from ecoute_desktop.domain.timeutil import as_paris, utc_now
from ecoute_desktop.services.app import Services
from ecoute_desktop.ui.common.formatting import long_datetime
from ecoute_desktop.ui.common.status_label import StatusLabel

DRAFT_DELAY_MS = 600


class NoteCard(QFrame):
    """One saved note: its date and text, and a « Modifier » button."""

    def __init__(
        self, note: CallNote, on_edit: Callable[[CallNote], object], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.note = note
        self.setFrameShape(QFrame.Shape.StyledPanel)
        when = long_datetime(note.created_at)
        stamp = self.tr("Note du {0}").format(when)
        if note.updated_at and note.updated_at != note.created_at:
            stamp += self.tr(" (modifiée le {0})").format(long_datetime(note.updated_at))
        header = QLabel(f"<b>{stamp}</b>")
        header.setWordWrap(True)
        self.body_label = QLabel(note.body)
        self.body_label.setWordWrap(True)
        self.body_label.setTextFormat(Qt.TextFormat.PlainText)
        self.body_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body_label.setAccessibleName(stamp)
        self.edit_button = QPushButton(self.tr("Modifier"))
        self.edit_button.setAccessibleName(self.tr("Modifier la note du {0}").format(when))
        self.edit_button.clicked.connect(lambda: on_edit(note))
        top = QHBoxLayout()
        top.addWidget(header, 1)
        top.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.body_label)


class NotesPanel(QWidget):
    """Timeline + editor. `flush()` writes any pending draft at once (lock, close)."""

    notes_changed = Signal()

    def __init__(self, services: Services, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note_actions = services.notes
        self.case_id = case_id
        self.editing: CallNote | None = None  # None: a new note
        self._dirty = False
        self.cards: list[NoteCard] = []
        self.timeline = QVBoxLayout()
        self.empty_label = QLabel(self.tr("Aucune note pour l'instant."))
        self.mode_label = QLabel()
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(self.tr("Texte de la note"))
        self.editor.setPlaceholderText(
            self.tr("Tapez ici ce qui a été dit. Le texte est gardé au fur et à mesure.")
        )
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(self.fontMetrics().height() * 6)
        self.save_button = QPushButton(self.tr("Enregistrer la note (Ctrl+S)"))
        self.save_button.setAccessibleName(self.tr("Enregistrer la note"))
        self.cancel_button = QPushButton(self.tr("Abandonner la modification"))
        self.cancel_button.setAccessibleName(self.tr("Abandonner la modification"))
        self.draft_label = StatusLabel()
        self.draft_label.setAccessibleName(self.tr("État du brouillon"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.draft_label, 1)
        # The new note: below the timeline, or (case page at 200 % on a laptop) pinned
        # under the scrolling page, always in sight (CaseView._fit_header).
        self.composer = QWidget()
        self.composer.setAccessibleName(self.tr("Nouvelle note d'appel"))
        composer = QVBoxLayout(self.composer)
        composer.setContentsMargins(0, 0, 0, 0)
        composer.addWidget(self.mode_label)
        composer.addWidget(self.editor)
        composer.addLayout(buttons)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(QLabel(self.tr("<h3>Notes d'appel</h3>")))
        self.layout_.addWidget(self.empty_label)
        self.layout_.addLayout(self.timeline)
        self.layout_.addWidget(self.composer)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DRAFT_DELAY_MS)
        self._timer.timeout.connect(self.save_draft)
        self.editor.textChanged.connect(self._typed)
        self.save_button.clicked.connect(self.save_note)
        self.cancel_button.clicked.connect(self.cancel_edit)
        self.reload()
        self._restore_draft()

    def pin_composer(self, holder: QVBoxLayout | None) -> None:
        """The new note into `holder` (a short window), or back under the timeline."""
        lines = 3 if holder is not None else 6
        self.editor.setMinimumHeight(self.fontMetrics().height() * lines)
        frame = 2 * self.editor.frameWidth() + 2 * int(self.editor.document().documentMargin())
        pinned_height = self.fontMetrics().lineSpacing() * lines + frame
        self.editor.setMaximumHeight(pinned_height if holder is not None else 16_777_215)
        if holder is not None:
            self.layout_.removeWidget(self.composer)
            holder.addWidget(self.composer)
        else:
            self.composer.setParent(self)
            self.layout_.addWidget(self.composer)
        self.composer.show()

    # ---- timeline -------------------------------------------------------
    def reload(self) -> None:
        for card in self.cards:
            self.timeline.removeWidget(card)
            card.deleteLater()
        notes = self.note_actions.for_case(self.case_id)
        self.cards = [NoteCard(note, self.start_edit, self) for note in notes]
        for card in self.cards:
            self.timeline.addWidget(card)
        self.empty_label.setVisible(not notes)
        if self.cards:  # Tab as the eye reads: the notes' « Modifier », then the new note
            chain: list[QWidget] = [card.edit_button for card in self.cards]
            chain += [self.editor, self.save_button, self.cancel_button]
            for first, second in itertools.pairwise(chain):
                QWidget.setTabOrder(first, second)

    def _restore_draft(self) -> None:
        text = self.note_actions.draft(self.case_id)
        if text is not None:
            self._load_editor(None, text, restored=True)
            return
        for card in self.cards:
            text = self.note_actions.draft(self.case_id, card.note.id)
            if text is not None:
                self._load_editor(card.note, text, restored=True)
                return
        self._load_editor(None, "")

    def _load_editor(self, note: CallNote | None, text: str, restored: bool = False) -> None:
        self.editing = note
        self.editor.blockSignals(True)
        self.editor.setPlainText(text)
        self.editor.blockSignals(False)
        self._dirty = False
        if note is None:
            self.mode_label.setText(self.tr("<b>Nouvelle note</b>"))
        else:
            self.mode_label.setText(
                self.tr("<b>Modification de la note du {0}</b>").format(
                    long_datetime(note.created_at)
                )
            )
        self.cancel_button.setVisible(note is not None)
        self.draft_label.setText(
            self.tr("Brouillon retrouvé : relisez-le puis enregistrez.") if restored else ""
        )

    # ---- editing --------------------------------------------------------
    def start_edit(self, note: CallNote) -> None:
        self.flush()
        draft = self.note_actions.draft(self.case_id, note.id)
        self._load_editor(note, draft if draft is not None else note.body, draft is not None)
        self.editor.setFocus()

    def cancel_edit(self) -> None:
        self._timer.stop()
        if self.editing is not None:
            self.note_actions.discard_draft(self.case_id, self.editing.id)
        self._load_editor(None, self.note_actions.draft(self.case_id) or "")

    def _typed(self) -> None:
        self._dirty = True
        self.draft_label.setText(self.tr("Saisie en cours…"))
        self._timer.start()

    def save_draft(self) -> None:
        """Keep the text being typed inside the encrypted database."""
        self._timer.stop()
        if not self._dirty:
            return
        note_id = self.editing.id if self.editing else None
        text = self.editor.toPlainText()
        if text.strip():
            self.note_actions.save_draft(self.case_id, text, note_id)
            self.draft_label.setText(
                self.tr("Brouillon gardé à {0}").format(f"{as_paris(utc_now()):%H:%M:%S}")
            )
        else:
            self.note_actions.discard_draft(self.case_id, note_id)
            self.draft_label.clear()
        self._dirty = False

    def flush(self) -> None:
        if self._dirty or self._timer.isActive():
            self._dirty = True
            self.save_draft()

    def save_note(self) -> bool:
        """Ctrl+S: record the note (new or edited) with its date; the draft goes."""
        self._timer.stop()
        text = self.editor.toPlainText().strip()
        if not text:
            self.draft_label.setText(self.tr("La note est vide."))
            return False
        self.note_actions.save(self.case_id, text, self.editing.id if self.editing else None)
        self._load_editor(None, self.note_actions.draft(self.case_id) or "")
        self.draft_label.setText(self.tr("Note enregistrée."))
        self.reload()
        self.notes_changed.emit()
        return True
