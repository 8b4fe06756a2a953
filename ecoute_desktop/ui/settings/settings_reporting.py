"""Paramètres: the region printed on reports and the pseudonym of the anonymised export."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.services import export_anonymised as export
from ecoute_desktop.ui.common.context import AppContext


class ReportingPanel(QGroupBox):
    """Two fields and « Enregistrer »; an invalid pseudonym is explained, nothing saved."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Rapports et export anonymisé"), parent)
        self.context = context
        self.region_edit = QLineEdit()
        self.region_edit.setAccessibleName(self.tr("Région imprimée sur les rapports"))
        self.region_edit.setPlaceholderText(self.tr("par exemple : Bretagne"))
        self.region_edit.setMaxLength(export.REGION_MAX)
        self.pseudonym_edit = QLineEdit()
        self.pseudonym_edit.setAccessibleName(self.tr("Pseudonyme d'écoutant"))
        self.pseudonym_edit.setPlaceholderText(self.tr("par exemple : Mésange"))
        self.pseudonym_edit.setMaxLength(40)
        self.pseudonym_edit.setToolTip(
            self.tr("Le coordinateur verra ce pseudonyme, jamais votre nom.")
        )
        form = QFormLayout()
        form.addRow(self.tr("Région :"), self.region_edit)
        form.addRow(self.tr("Pseudonyme :"), self.pseudonym_edit)
        hint = QLabel(
            self.tr(
                "La région figure en tête des rapports ; le pseudonyme signe l'export "
                "anonymisé à la place de votre nom."
            )
        )
        hint.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Enregistrer"))
        self.save_button.setAccessibleName(self.tr("Enregistrer la région et le pseudonyme"))
        self.save_button.clicked.connect(self.save)
        self.status_label = QLabel()
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
        self.region_edit.setText(services.settings.region())
        self.pseudonym_edit.setText(services.settings.pseudonym())
        self.status_label.clear()

    def save(self) -> bool:
        try:
            region, pseudonym = self.context.services.settings.save_report_identity(
                self.region_edit.text(), self.pseudonym_edit.text()
            )
        except ValueError as error:
            self.status_label.setText(str(error))
            self.pseudonym_edit.setFocus()
            return False
        self.region_edit.setText(region)
        self.pseudonym_edit.setText(pseudonym)
        self.status_label.setText(self.tr("Enregistré."))
        return True

    def clear_personal_data(self) -> None:
        self.region_edit.clear()
        self.pseudonym_edit.clear()
