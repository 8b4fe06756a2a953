"""The case page's sticky action bar: the next step and the note editor one press away.

On a short window (200 % text on a laptop) the page scrolls and « Suivi » sits a screen
down. The bar stays under « ← Retour » and mirrors the page's own action buttons — the
next step (« Appel effectué », « Fixer le rendez-vous… »), « Rappel convenu… » and
« Envoyer le questionnaire… » — with their text, visibility and enabled state; a press
clicks the page's button, so each action keeps one home. « Écrire une note » brings the
note editor into sight with the focus in it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QPushButton, QWidget

from ecoute_desktop.ui.common.flow_layout import FlowLayout


class CaseActionBar(QWidget):
    """Mirrors of `sources` and a « write a note » button, shown on short windows."""

    def __init__(
        self,
        sources: Sequence[QPushButton],
        page: QWidget,
        write_note: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Actions de la sollicitation"))
        self.page = page
        self.pairs: list[tuple[QPushButton, QPushButton]] = []
        row = FlowLayout(self)  # wraps rather than widening the window at 200 %
        row.setContentsMargins(0, 0, 0, 0)
        for source in sources:
            mirror = QPushButton()
            mirror.clicked.connect(source.click)
            row.addWidget(mirror)
            self.pairs.append((source, mirror))
        self.note_button = QPushButton(self.tr("Écrire une note"))
        self.note_button.setAccessibleName(self.tr("Aller à la nouvelle note d'appel"))
        self.note_button.clicked.connect(write_note)
        row.addWidget(self.note_button)

    def sync(self) -> None:
        """Copy each page button's text, name and state (call after the page changed)."""
        for source, mirror in self.pairs:
            mirror.setText(source.text())
            mirror.setAccessibleName(source.accessibleName() or source.text())
            mirror.setToolTip(source.toolTip())
            mirror.setEnabled(source.isEnabled())
            mirror.setVisible(source.isVisibleTo(self.page) and bool(source.text()))

    def mirrors(self) -> list[QPushButton]:
        return [mirror for _, mirror in self.pairs]
