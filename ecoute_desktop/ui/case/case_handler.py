"""« Suivie par » on a case: which hotliner of the pair handles it (feeds the list's filter)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from ecoute_desktop.services.app import Services


class HandlerChoice(QWidget):
    """A combo box of the pair's hotliners; choosing one reassigns the case at once."""

    changed = Signal()

    def __init__(self, services: Services, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.case_id = case_id
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Écoutant(e) qui suit la sollicitation"))
        label = QLabel(self.tr("Suivie par :"))
        label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        self.refresh()
        self.combo.activated.connect(self._chosen)

    def refresh(self) -> None:
        """Offer the pair (or whoever is recorded), with the current one selected."""
        current = self.services.cases.get(self.case_id).hotliner_id
        self.combo.clear()
        self.combo.addItem(self.tr("(personne)"), None)
        for person in self.services.people.all():
            self.combo.addItem(person.display_name, person.id)
        self.combo.setCurrentIndex(max(0, self.combo.findData(current)))
        self.setVisible(self.combo.count() > 2 or current is None)

    def _chosen(self, index: int) -> None:
        hotliner_id = self.combo.itemData(index)
        if hotliner_id is None:
            return
        if self.services.cases.assign(self.case_id, hotliner_id):
            self.changed.emit()
