"""Rapports: pick a month, a period or the annual review, generate the PDF off the GUI thread,
preview, print, save (the review also as a 150 dpi PNG)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, Qt, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.domain.month import Month
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.services.atomic import write_bytes_atomic
from ecoute_desktop.services.formatting import fr_month, fr_month_range
from ecoute_desktop.services.os_errors import os_error_reason
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.flow_layout import FlowLayout
from ecoute_desktop.ui.common.pdf_png import pdf_page_png
from ecoute_desktop.ui.common.pdf_printing import PrintError, new_printer, print_pdf
from ecoute_desktop.ui.common.status_label import StatusLabel
from ecoute_desktop.ui.common.widget_kit import follow_focus, page_title
from ecoute_desktop.ui.reports.month_picker import MonthPicker
from ecoute_desktop.ui.reports.satisfaction_import import SatisfactionImporter


@dataclass(frozen=True)
class Request:
    """What to generate: one month (`last` is None), a range of months, or the review."""

    first: str
    last: str | None = None
    comment: str = ""  # the review's « Actions à envisager »
    for_committee: bool = False  # small counts hidden (services/committee_own.py)
    review: bool = False  # the one-page annual review (services/review.py)

    @property
    def title(self) -> str:
        if self.last is None:
            return f"rapport mensuel de {fr_month(self.first)}"
        if self.review:
            return f"bilan {fr_month_range(self.first, self.last)}"
        return f"synthèse {fr_month_range(self.first, self.last)}"

    @property
    def file_name(self) -> str:
        if self.last is None:
            return f"rapport-mensuel-{self.first}.pdf"
        if self.review:
            return f"bilan-{self.first}-{self.last}.pdf"
        return f"synthese-{self.first}-{self.last}.pdf"


class ReportsView(QWidget):
    """Controls on the left, the PDF preview on the right."""

    generated = Signal(int)  # page count of the new preview
    failed = Signal(str)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName(self.tr("Rapports"))
        self.pdf_bytes: bytes | None = None
        self.request: Request | None = None
        self._buffer: QBuffer | None = None
        self.document = QPdfDocument(self)

        self.monthly = QRadioButton(self.tr("Rapport mensuel"))
        self.period = QRadioButton(self.tr("Synthèse d'une période (comité)"))
        self.review = QRadioButton(self.tr("Bilan annuel sur une page (comité)"))
        self.monthly.setChecked(True)
        kinds = QButtonGroup(self)
        kinds.addButton(self.monthly)
        kinds.addButton(self.period)
        kinds.addButton(self.review)
        self.month = MonthPicker(self.tr("Mois du rapport"))
        self.first = MonthPicker(self.tr("Premier mois de la période"))
        self.last = MonthPicker(self.tr("Dernier mois de la période"))
        previous = Month.of(utc_now()).previous()
        self.month.set_value(previous)
        self.first.set_value(previous.shifted(-5))
        self.last.set_value(previous)
        self.for_committee = QCheckBox(self.tr("Masquer les petits effectifs (pour le comité)"))
        self.for_committee.setChecked(True)
        self.for_committee.setToolTip(
            self.tr(
                "Comme la synthèse du coordinateur : tout effectif de moins du seuil choisi en"
                " Coordination est masqué mois par mois. Décochez pour vos chiffres exacts."
            )
        )
        self.comment = QPlainTextEdit()
        self.comment.setAccessibleName(self.tr("Commentaires du rapport"))
        self.comment.setPlaceholderText(self.tr("Paragraphe « Commentaires » imprimé à la fin."))
        self.comment.setTabChangesFocus(True)
        self.comment_label = QLabel(self.tr("&Commentaires (facultatif) :"))
        self.comment_label.setBuddy(self.comment)
        self.actions_text = QPlainTextEdit()
        self.actions_text.setAccessibleName(self.tr("Actions à envisager"))
        self.actions_text.setPlaceholderText(
            self.tr("Une action par ligne, par exemple : - Former deux nouveaux écoutants.")
        )
        self.actions_text.setTabChangesFocus(True)
        self.actions_label = QLabel(self.tr("&Actions à envisager (imprimées sur le bilan) :"))
        self.actions_label.setWordWrap(True)
        self.actions_label.setBuddy(self.actions_text)
        self.generate_button = QPushButton(self.tr("Générer l'aperçu"))
        self.generate_button.setDefault(True)
        self.print_button = QPushButton(self.tr("Imprimer…"))
        self.save_button = QPushButton(self.tr("Enregistrer en PDF…"))
        for button in (self.generate_button, self.print_button, self.save_button):
            button.setAccessibleName(button.text().rstrip("…"))
        self.status = StatusLabel(
            self.tr("Choisissez un mois ou une période, puis générez l'aperçu.")
        )
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("État du rapport"))
        self.preview = QPdfView(self)
        self.preview.setAccessibleName(self.tr("Aperçu du rapport"))
        self.preview.setDocument(self.document)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._lay_out()

        self.monthly.toggled.connect(lambda _checked: self._update_state())  # not `busy`
        self.review.toggled.connect(lambda _checked: self._update_state())
        self.generate_button.clicked.connect(self._on_generate)
        self.print_button.clicked.connect(self._on_print)
        self.save_button.clicked.connect(self._on_save)
        self._update_state()

    def _lay_out(self) -> None:
        heading = page_title(self.tr("Rapports"))
        kind_box = QGroupBox(self.tr("Rapport à produire"))
        kind_layout = QVBoxLayout(kind_box)
        kind_layout.addWidget(self.monthly)
        month_form = QFormLayout()
        month_form.addRow(self.tr("Mois :"), self.month)
        kind_layout.addLayout(month_form)
        kind_layout.addWidget(self.period)
        period_form = QFormLayout()
        period_form.addRow(self.tr("Du mois de :"), self.first)
        period_form.addRow(self.tr("au mois de :"), self.last)
        kind_layout.addLayout(period_form)
        kind_layout.addWidget(self.review)
        kind_layout.addWidget(self.for_committee)
        note = QLabel(
            self.tr(
                "Le rapport ne contient que des nombres : aucun nom, téléphone, e-mail,"
                " collectivité ni note d'appel."
            )
        )
        note.setWordWrap(True)
        answers = QLabel(self.tr("Réponses au questionnaire de satisfaction :"))
        answers.setWordWrap(True)
        self.import_button = QPushButton(self.tr("Importer un téléchargement Framaforms…"))
        self.import_button.setAccessibleName(self.tr("Importer les réponses au questionnaire"))
        self.import_button.setToolTip(
            self.tr("Texte délimité (.csv, .tsv) ou Excel (.xlsx) téléchargé depuis Framaforms")
        )
        self.importer = SatisfactionImporter(self.context, self)
        self.import_button.clicked.connect(lambda: self.importer.start())
        controls = QWidget()
        layout = QVBoxLayout(controls)
        layout.addWidget(heading)
        layout.addWidget(kind_box)
        layout.addWidget(self.comment_label)
        layout.addWidget(self.comment)
        layout.addWidget(self.actions_label)
        layout.addWidget(self.actions_text)
        layout.addWidget(note)
        layout.addWidget(answers)
        layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self._controls = controls
        self._scroll = scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls inside
        scroll.setWidget(controls)
        scroll.setWidgetResizable(True)
        follow_focus(scroll)  # the focused control in sight
        self._fit_controls()
        splitter = QSplitter()
        # « Générer l'aperçu » on top of the preview, always in view (at 200 % it was
        # below the fold of the narrow left column); the buttons wrap on a narrow window
        actions = FlowLayout()
        actions.addWidget(self.generate_button)
        actions.addWidget(self.print_button)
        actions.addWidget(self.save_button)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.status)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.preview, 1)
        splitter.addWidget(scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        outer = QVBoxLayout(self)
        outer.addWidget(splitter)

    def _fit_controls(self) -> None:
        """The left pane as wide as its controls need (never scrolling sideways)."""
        lines = self.comment.fontMetrics().lineSpacing()
        for box in (self.comment, self.actions_text):  # a few lines, not the whole column
            box.setMinimumHeight(lines * 3)
            box.setMaximumHeight(lines * 6)
        bar = self._scroll.verticalScrollBar().sizeHint().width()
        self._scroll.setMinimumWidth(self._controls.minimumSizeHint().width() + bar + 4)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_controls()

    # ---- state ----------------------------------------------------------
    def current_request(self) -> Request:
        comment = self.comment.toPlainText()
        if self.monthly.isChecked():
            return Request(self.month.value(), None, comment)
        committee = self.for_committee.isChecked()
        if self.review.isChecked():
            actions = self.actions_text.toPlainText()
            return Request(self.first.value(), self.last.value(), actions, committee, True)
        return Request(self.first.value(), self.last.value(), comment, committee)

    def _update_state(self, busy: bool = False) -> None:
        monthly = self.monthly.isChecked()
        self.month.setEnabled(monthly and not busy)
        self.first.setEnabled(not monthly and not busy)
        self.last.setEnabled(not monthly and not busy)
        self.for_committee.setEnabled(not monthly and not busy)
        review = self.review.isChecked()
        for widget in (self.actions_label, self.actions_text):
            widget.setVisible(review)
        for widget in (self.comment_label, self.comment):
            widget.setVisible(not review)
        self.actions_text.setEnabled(not busy)
        self.save_button.setText(
            self.tr("Enregistrer en PDF ou PNG…") if review else self.tr("Enregistrer en PDF…")
        )
        self.generate_button.setEnabled(not busy)
        ready = self.pdf_bytes is not None and not busy
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    # ---- generating -------------------------------------------------------
    def _on_generate(self) -> None:
        request = self.current_request()
        if request.last is not None and Month.parse(request.last) < Month.parse(request.first):
            prompts.warn(
                self,
                self.tr("Période incorrecte"),
                self.tr("Le dernier mois de la période précède le premier."),
            )
            return
        documents = self.context.services.documents

        def work() -> bytes:  # worker thread: no widget here
            if request.last is None:
                return documents.monthly_pdf(request.first, request.comment)
            if request.review:
                return documents.review_pdf(
                    request.first, request.last, request.comment, request.for_committee
                )
            if request.for_committee:
                return documents.committee_period_pdf(request.first, request.last, request.comment)
            return documents.period_pdf(request.first, request.last, request.comment)

        self.status.setText(self.tr("Génération du rapport en cours…"))
        self._update_state(busy=True)
        self.context.runner.run(
            work, lambda data: self._on_generated(request, data), self._on_generate_failed
        )

    def _on_generated(self, request: Request, data: bytes) -> None:
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer = buffer
        self.pdf_bytes, self.request = data, request
        pages = self.document.pageCount()
        self.status.setText(self.tr("Aperçu : %s (%s page(s)).") % (request.title, pages))
        self._update_state()
        self.generated.emit(pages)

    def _on_generate_failed(self, error: BaseException) -> None:
        self._update_state()
        self.status.setText(self.tr("Le rapport n'a pas pu être produit."))
        message = str(error) if isinstance(error, ValueError) else type(error).__name__
        prompts.warn(
            self,
            self.tr("Rapport"),
            self.tr("Le rapport n'a pas pu être produit : %s") % message,
        )
        self.failed.emit(message)

    # ---- printing and saving ---------------------------------------------
    def _on_print(self) -> None:
        if self.pdf_bytes is None or self.request is None:
            return
        printer = new_printer(self.request.file_name.removesuffix(".pdf"))
        if not prompts.ask_print(self, printer, self.document.pageCount()):
            return
        try:
            printed = print_pdf(self.document, printer)
        except PrintError as error:
            prompts.warn(self, self.tr("Impression"), str(error))
            return
        self.status.setText(self.tr("%s page(s) envoyée(s) à l'imprimante.") % printed)

    def _on_save(self) -> None:
        if self.pdf_bytes is None or self.request is None:
            return
        filters = self.tr("Documents PDF (*.pdf)")
        if self.request.review:
            filters += ";;" + self.tr("Image PNG 150 dpi, pour une diapositive (*.png)")
        path = prompts.ask_save_path(
            self, self.tr("Enregistrer le rapport"), Path.home() / self.request.file_name, filters
        )
        if path is None:
            return
        image = self.request.review and path.suffix.lower() == ".png"
        if path.suffix.lower() != ".pdf" and not image:
            path = path.with_name(path.name + ".pdf")
        try:
            data = pdf_page_png(self.pdf_bytes) if image else self.pdf_bytes
            write_bytes_atomic(path, data)
        except OSError as error:
            prompts.warn(
                self,
                self.tr("Enregistrement impossible"),
                self.tr("Le fichier « %s » n'a pas pu être écrit : %s")
                % (path, os_error_reason(error)),
            )
            return
        self.status.setText(self.tr("Rapport enregistré : %s") % path)

    def refresh(self) -> None:
        """Called when the view is shown; the preview stays until the next generation."""


def create_view(context: AppContext, parent: QWidget | None = None) -> QWidget:
    return ReportsView(context, parent)
