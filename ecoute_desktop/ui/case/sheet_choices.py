"""« Joindre la fiche « … » »: one box per practical sheet of the référentiel, for the
messages to the member (the confirmation and the questionnaire)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from ecoute_desktop.domain.referentiel import RefSheet


class SheetChoices(QWidget):
    """The boxes (none checked at first); `changed` fires when one is checked or not."""

    changed = Signal()

    def __init__(self, sheets: Sequence[RefSheet], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for sheet in sheets:
            box = QCheckBox(self.tr("Joindre la fiche « {title} »").format(title=sheet.title))
            box.setAccessibleName(box.text())
            box.toggled.connect(self.changed)
            self.boxes[sheet.id] = box
            layout.addWidget(box)

    def chosen(self) -> list[str]:
        """The ids of the sheets checked, in the référentiel's order."""
        return [sheet_id for sheet_id, box in self.boxes.items() if box.isChecked()]
