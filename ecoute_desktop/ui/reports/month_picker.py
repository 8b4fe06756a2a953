"""A month picker (French month names and a year) read as `YYYY-MM`, for reports and exports."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QWidget

from ecoute_desktop.domain.month import Month
from ecoute_desktop.services.formatting import MONTHS


class MonthPicker(QWidget):
    """A month (French names) and a year, read as `YYYY-MM`."""

    changed = Signal()

    def __init__(self, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.month = QComboBox()
        self.month.addItems([name.capitalize() for name in MONTHS])
        self.month.setAccessibleName(self.tr("%s : mois") % accessible)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setAccessibleName(self.tr("%s : année") % accessible)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.month, 1)
        layout.addWidget(self.year)
        # A form label's buddy is the picker: its focus (and the label's name) goes to the month.
        self.setFocusProxy(self.month)
        self.month.currentIndexChanged.connect(self.changed)
        self.year.valueChanged.connect(self.changed)

    def chosen(self) -> Month:
        return Month(self.year.value(), self.month.currentIndex() + 1)

    def value(self) -> str:
        return str(self.chosen())

    def set_value(self, month: Month | str) -> None:
        month = month if isinstance(month, Month) else Month.parse(month)
        self.year.setValue(month.year)
        self.month.setCurrentIndex(month.number - 1)
