"""Options of the committee summary: month range, small-number threshold (explained), comment."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.domain.disclosure import SECRET_LABEL, small_label
from ecoute_desktop.domain.month import Month
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.ui.common.flow_layout import FlowLayout
from ecoute_desktop.ui.reports.reports_view import MonthPicker


class CommitteeOptions(QWidget):
    """What `ecoute merge --from/--to --threshold --comment` asks, as widgets.

    `period_changed` fires when the month range (or its check box) changes;
    `threshold_changed` when the small-number threshold does.
    """

    period_changed = Signal()
    threshold_changed = Signal(int)

    def __init__(self, threshold: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.limit = QCheckBox(self.tr("Seulement les mois"))
        self.limit.setAccessibleName(self.tr("Limiter la synthèse à une période"))
        self.first = MonthPicker(self.tr("Premier mois de la synthèse"))
        self.last = MonthPicker(self.tr("Dernier mois de la synthèse"))
        self.period_hint = QLabel()
        self.period_hint.setWordWrap(True)
        self.period_hint.setAccessibleName(self.tr("Période de la synthèse"))
        period = FlowLayout()  # « de … » and « à … » go under the box at 200 % on a laptop
        period.addWidget(self.limit)
        for word, picker in ((self.tr("de"), self.first), (self.tr("à"), self.last)):
            part = QWidget()
            row = QHBoxLayout(part)
            row.setContentsMargins(0, 0, 0, 0)
            label = QLabel(word)
            label.setBuddy(picker)
            row.addWidget(label)
            row.addWidget(picker)
            period.addWidget(part)

        self.threshold = QSpinBox()
        self.threshold.setRange(0, 20)
        self.threshold.setValue(threshold)
        self.threshold.setAccessibleName(self.tr("Seuil des petits effectifs"))
        self.threshold.setSpecialValueText(self.tr("aucun masquage"))
        self.threshold_text = QLabel()
        self.threshold_text.setWordWrap(True)
        self.threshold_text.setAccessibleName(self.tr("Explication du seuil des petits effectifs"))
        threshold_row = QHBoxLayout()
        threshold_row.setContentsMargins(0, 0, 0, 0)
        threshold_row.addWidget(QLabel(self.tr("Masquer les effectifs inférieurs à")))
        threshold_row.addWidget(self.threshold)
        threshold_row.addStretch(1)

        self.comment = QPlainTextEdit()
        self.comment.setTabChangesFocus(True)
        self.comment.setAccessibleName(self.tr("Commentaires de la synthèse"))
        self.comment.setPlaceholderText(
            self.tr("Paragraphe « Commentaires » imprimé à la fin de la synthèse PDF.")
        )
        self.comment.setTabChangesFocus(True)
        lines = self.fontMetrics().lineSpacing()
        self.comment.setMinimumHeight(lines * 3)
        self.comment.setMaximumHeight(lines * 5)
        comment_label = QLabel(self.tr("&Commentaires (facultatif) :"))
        comment_label.setBuddy(self.comment)

        self.period_title = QLabel(self.tr("Période :"))
        self.threshold_title = QLabel(self.tr("Petits effectifs :"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.period_title)
        layout.addLayout(period)
        layout.addWidget(self.period_hint)
        layout.addWidget(self.threshold_title)
        layout.addLayout(threshold_row)
        layout.addWidget(self.threshold_text)
        layout.addWidget(comment_label)
        layout.addWidget(self.comment)

        self.limit.toggled.connect(self._on_period)
        self.first.changed.connect(self._on_period)
        self.last.changed.connect(self._on_period)
        self.threshold.valueChanged.connect(self._on_threshold)
        this_month = Month.of(utc_now())  # not « Janvier 2000 » before files
        self.set_months(this_month, this_month)
        self._explain(threshold)

    # ---- values --------------------------------------------------------
    def set_months(self, first: Month | str, last: Month | str) -> None:
        """Offer a range (the files' span) without turning the filter on."""
        for picker, value in ((self.first, first), (self.last, last)):
            picker.blockSignals(True)
            picker.set_value(value)
            picker.blockSignals(False)
        self._on_period(notify=self.limit.isChecked())

    def period(self) -> tuple[str | None, str | None]:
        """(first, last) months, or (None, None) for every month of the files."""
        if not self.limit.isChecked():
            return None, None
        return self.first.value(), self.last.value()

    def period_error(self) -> str:
        if self.limit.isChecked() and self.last.chosen() < self.first.chosen():
            return self.tr("Le dernier mois précède le premier.")
        return ""

    def comment_text(self) -> str:
        return self.comment.toPlainText().strip()

    # ---- slots ---------------------------------------------------------
    def _on_period(self, *_: object, notify: bool = True) -> None:
        for widget in (self.first, self.last):
            widget.setEnabled(self.limit.isChecked())
        error = self.period_error()
        if error:
            self.period_hint.setText(error)
        elif self.limit.isChecked():
            self.period_hint.setText(
                self.tr("Seules les sollicitations reçues pendant ces mois sont comptées.")
            )
        else:
            self.period_hint.setText(self.tr("Tous les mois couverts par les fichiers."))
        if notify:
            self.period_changed.emit()

    def _on_threshold(self, value: int) -> None:
        self._explain(value)
        self.threshold_changed.emit(value)

    def _explain(self, value: int) -> None:
        if value == 0:
            self.threshold_text.setText(
                self.tr(
                    "Aucune case n'est masquée : même un effectif de 1 ou 2 apparaît dans le PDF "
                    "et le CSV, qui portent la mention « Effectifs exacts »."
                )
            )
            return
        self.threshold_text.setText(
            self.tr(
                "Dans tout le PDF et le CSV, un effectif de moins de {n} (zéro compris) "
                "s'affiche «\u00a0{small}\u00a0», mois par mois, pour qu'on ne puisse pas "
                "reconnaître une personne. D'autres cases peuvent s'afficher "
                "«\u00a0{secret}\u00a0» pour qu'on ne le retrouve pas en soustrayant d'un "
                "total, et le total de "
                "plusieurs mois devient une fourchette («\u00a04 à 8\u00a0»). Le nombre de "
                "sollicitations reste exact."
            ).format(n=value, small=small_label(value).replace(" ", "\u00a0"), secret=SECRET_LABEL)
        )
