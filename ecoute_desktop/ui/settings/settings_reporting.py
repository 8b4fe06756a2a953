"""Paramètres: the region printed on reports, the export pseudonym, the references' letter."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.domain.header_fields import PSEUDONYM_MAX, REGIONS
from ecoute_desktop.domain.references import LETTERS
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.status_label import StatusLabel


class ReportingPanel(QGroupBox):
    """Three fields and « Enregistrer »; an invalid pseudonym is explained, nothing saved."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Rapports, export anonymisé et références"), parent)
        self.context = context
        self.region_combo = QComboBox()
        self.region_combo.setAccessibleName(self.tr("Région imprimée sur les rapports"))
        self.region_combo.addItem(self.tr("(non choisie)"), None)
        for code, name in sorted(REGIONS.items(), key=lambda item: item[1]):
            self.region_combo.addItem(name, code)
        self.pseudonym_edit = QLineEdit()
        self.pseudonym_edit.setAccessibleName(self.tr("Pseudonyme d'écoutant"))
        self.pseudonym_edit.setPlaceholderText(self.tr("par exemple : Mésange"))
        self.pseudonym_edit.setMaxLength(PSEUDONYM_MAX)
        self.pseudonym_edit.setToolTip(
            self.tr(
                "Le coordinateur verra ce pseudonyme, jamais votre nom : lettres, chiffres,"
                " espaces et tirets, sans numéro de téléphone."
            )
        )
        self.letter_combo = QComboBox()
        self.letter_combo.setAccessibleName(self.tr("Lettre de vos références"))
        for letter in LETTERS:
            self.letter_combo.addItem(letter, letter)
        form = QFormLayout()
        form.addRow(self.tr("Région :"), self.region_combo)
        form.addRow(self.tr("Pseudonyme :"), self.pseudonym_edit)
        form.addRow(self.tr("Lettre des références :"), self.letter_combo)
        hint = QLabel(
            self.tr(
                "La région figure en tête des rapports ; le pseudonyme signe l'export "
                "anonymisé à la place de votre nom. La lettre distingue vos sollicitations "
                "de celles de votre binôme (2026-A-014, 2026-B-003) : choisissez-en chacun "
                "une différente. Par défaut, A va à celui des deux dont le nom vient en "
                "premier dans l'alphabet, B à l'autre."
            )
        )
        hint.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Enregistrer"))
        self.save_button.setAccessibleName(
            self.tr("Enregistrer la région, le pseudonyme et la lettre")
        )
        self.save_button.clicked.connect(self.save)
        self.pseudonym_edit.returnPressed.connect(self.save)
        self.status_label = StatusLabel()
        self.status_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.status_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addLayout(row)
        self.reload()

    def reload(self) -> None:
        services = self.context.services
        if not services.session.is_open:
            return
        self.region_combo.setCurrentIndex(
            max(0, self.region_combo.findData(services.settings.region()))
        )
        self.pseudonym_edit.setText(services.settings.pseudonym())
        self.letter_combo.setCurrentIndex(
            max(0, self.letter_combo.findData(services.settings.reference_letter()))
        )
        self.status_label.clear()

    def save(self) -> bool:
        try:
            _, pseudonym = self.context.services.settings.save_report_identity(
                self.region_combo.currentData(),
                self.pseudonym_edit.text(),
                self.letter_combo.currentData(),
            )
        except ValueError as error:
            self.status_label.setText(str(error))
            self.pseudonym_edit.setFocus()
            return False
        self.pseudonym_edit.setText(pseudonym)
        self.status_label.setText(self.tr("Enregistré."))
        return True

    def clear_personal_data(self) -> None:
        self.region_combo.setCurrentIndex(0)
        self.pseudonym_edit.clear()
