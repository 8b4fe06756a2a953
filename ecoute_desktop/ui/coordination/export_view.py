"""Export anonymisé: choose the period, see weak cases and exactly what will leave, then save."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.domain.anonymised import ACK_BUCKET_LABELS
from ecoute_desktop.domain.header_fields import PSEUDONYM_MAX
from ecoute_desktop.domain.month import Month
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.services import export_anonymised as export
from ecoute_desktop.services.formatting import fr_month, fr_month_range
from ecoute_desktop.ui.common import prompts, text_size
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.flow_layout import FlowLayout
from ecoute_desktop.ui.common.status_label import StatusLabel
from ecoute_desktop.ui.common.table_model import Column, RowTableModel
from ecoute_desktop.ui.common.widget_kit import fill_with_scrolling, page_title
from ecoute_desktop.ui.coordination.export_records import record_lines_view
from ecoute_desktop.ui.reports.reports_view import MonthPicker

Record = dict[str, Any]


LINES_FROM_SCALE = 150  # text size (%) from which the records show as wrapped lines


def _yes(value: bool) -> str:
    return "oui" if value else "non"


RECORD_COLUMNS: list[Column[Record]] = [
    Column("Identifiant aléatoire", lambda r: r["id"]),
    Column("Mois", lambda r: fr_month(r["month"]), sort_key=lambda r: r["month"]),
    Column("Urgente", lambda r: _yes(r["urgent"])),
    Column("Statut", lambda r: r["status"]),
    Column("Thèmes", lambda r: ", ".join(r["themes"])),
    Column("Sous-thèmes", lambda r: ", ".join(s.split("/", 1)[1] for s in r["sub_themes"])),
    Column("Orientations", lambda r: ", ".join(r["orientations"])),
    Column("Orientation nationale", lambda r: _yes(r["national_referral"])),
    Column("Délai d'accusé", lambda r: ACK_BUCKET_LABELS[r["ack_delay"]]),
    Column("Rendez-vous", lambda r: str(r["appointments"]), sort_key=lambda r: r["appointments"]),
    Column("Appel effectué", lambda r: _yes(r["call_held"])),
    Column("Questionnaire envoyé", lambda r: _yes(r["questionnaire_sent"])),
    Column("Satisfaction", lambda r: "" if r["satisfaction"] is None else f"{r['satisfaction']}/5"),
]


ISSUE_COLUMNS: list[Column[export.CompletenessIssue]] = [
    Column("Sollicitation", lambda i: i.reference),
    Column("Mois", lambda i: fr_month(i.month), sort_key=lambda i: i.month),
    Column("À compléter", lambda i: " ; ".join(i.reasons)),
]


@dataclass(frozen=True)
class Preview:
    first: str
    last: str
    issues: list[export.CompletenessIssue]
    records: list[Record]


class ExportView(QWidget):
    """Lays out the export; the services decide what leaves the laptop."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._preview: Preview | None = None
        self.setAccessibleName(self.tr("Export anonymisé"))
        this_month = Month.of(utc_now())
        self.first = MonthPicker(self.tr("Premier mois"))
        self.last = MonthPicker(self.tr("Dernier mois"))
        self.first.set_value(Month(this_month.year, 1))
        self.last.set_value(this_month)
        self.pseudonym = QLineEdit()
        self.pseudonym.setAccessibleName(self.tr("Pseudonyme d'écoutant"))
        self.pseudonym.setPlaceholderText(self.tr("par exemple : Mésange"))
        self.pseudonym.setMaxLength(PSEUDONYM_MAX)
        self.pseudonym.setToolTip(self.tr("Le coordinateur verra ce pseudonyme, jamais votre nom."))
        form = FlowLayout()  # « au mois de » goes under « Du mois de » at 200 % on a laptop
        for label, widget in (
            (self.tr("Du mois de :"), self.first),
            (self.tr("au mois de :"), self.last),
        ):
            part = QWidget()
            row = QHBoxLayout(part)
            row.setContentsMargins(0, 0, 0, 0)
            title = QLabel(label)
            title.setBuddy(widget)
            row.addWidget(title)
            row.addWidget(widget)
            form.addWidget(part)
        self.pseudonym.setMinimumWidth(self.fontMetrics().horizontalAdvance("M" * 16))
        self.prepare_button = QPushButton(self.tr("Voir ce qui sera exporté"))
        self.save_button = QPushButton(self.tr("Enregistrer l'export…"))
        self.save_button.setEnabled(False)
        for button in (self.prepare_button, self.save_button):
            button.setAccessibleName(button.text().rstrip("…"))
        buttons = FlowLayout()  # wraps at 200 % instead of widening the window
        pseudonym_row = QWidget()
        pseudonym_layout = QHBoxLayout(pseudonym_row)
        pseudonym_layout.setContentsMargins(0, 0, 0, 0)
        pseudonym_layout.addWidget(QLabel(self.tr("Votre pseudonyme")))
        pseudonym_layout.addWidget(self.pseudonym)
        buttons.addWidget(pseudonym_row)
        buttons.addWidget(self.prepare_button)
        buttons.addWidget(self.save_button)
        self.status = StatusLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("État de l'export"))
        self.issues_model: RowTableModel[export.CompletenessIssue] = RowTableModel(
            ISSUE_COLUMNS, self
        )
        self.issues = QTableView()
        self.issues.setModel(self.issues_model)
        self.issues.setAccessibleName(self.tr("Sollicitations à compléter"))
        self.issues.setToolTip(self.tr("Double-cliquez (ou Entrée) pour ouvrir la sollicitation."))
        self.issues.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.issues.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.issues.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.issues.setTabKeyNavigation(False)
        self.issues.setWordWrap(True)
        self.issues.verticalHeader().setVisible(False)
        issues_header = self.issues.horizontalHeader()
        issues_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        issues_header.setStretchLastSection(True)
        # rows as tall as their text (one line, or more when a reason wraps), not 2 lines
        self.issues.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.model: RowTableModel[Record] = RowTableModel(RECORD_COLUMNS, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Enregistrements qui quitteront l'ordinateur"))
        self.table.setTabKeyNavigation(False)  # Tab leaves; arrows move between cells
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self._fit_rows()
        line_height = self.fontMetrics().lineSpacing()
        self.not_included = QLabel(
            self.tr(
                "Ne quittent pas cet ordinateur : noms, prénoms, téléphones, courriels, "
                "fonctions et collectivités des adhérents, notes d'appel et tout texte libre, "
                "dates exactes, références des sollicitations, noms des écoutants. Le fichier "
                "ne contient que le mois de réception, des cases à cocher, des nombres et des "
                "libellés de listes fermées."
            )
        )
        self.not_included.setWordWrap(True)
        self.not_included.setAccessibleName(self.tr("Ce qui n'est pas exporté"))
        issues_box = QWidget()
        issues_layout = QVBoxLayout(issues_box)
        issues_layout.setContentsMargins(0, 0, 0, 0)
        self.issues_title = QLabel(self.tr("Sollicitations à compléter avant l'export"))
        issues_layout.addWidget(self.issues_title)
        issues_layout.addWidget(self.issues)
        records_box = QWidget()
        records_layout = QVBoxLayout(records_box)
        records_layout.setContentsMargins(0, 0, 0, 0)
        self.records_title = QLabel(self.tr("Exactement ce qui quittera cet ordinateur"))
        records_layout.addWidget(self.records_title)
        records_layout.addWidget(self.table)
        # At large text, the same records as wrapped lines (13 columns would scroll sideways).
        self.lines = record_lines_view(
            self.model, self.tr("Enregistrements qui quitteront l'ordinateur, un par ligne")
        )
        self.lines.setMinimumHeight(line_height * 5)
        records_layout.addWidget(self.lines)
        self._fit_records()
        records_layout.addWidget(self.not_included)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(issues_box)
        splitter.addWidget(records_box)
        splitter.setStretchFactor(1, 3)
        line = self.fontMetrics().lineSpacing()  # sizes in lines of text: right at 200 % too
        splitter.setSizes([line * 7, line * 20])
        splitter.setChildrenCollapsible(False)
        self.issues.setMinimumHeight(line * 4)
        self.table.setMinimumHeight(line * 5)
        title = page_title(self.tr("Export anonymisé"))
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        fill_with_scrolling(self, page)  # at 200 % on a small screen the page scrolls
        self.prepare_button.clicked.connect(self._on_prepare)
        self.save_button.clicked.connect(self._on_save)
        self.first.changed.connect(self._on_period_changed)
        self.last.changed.connect(self._on_period_changed)
        self.issues.activated.connect(self._on_issue_opened)  # double-click or Enter
        self.refresh()

    # ---- slots -----------------------------------------------------------
    def refresh(self) -> None:
        if not self.pseudonym.text():
            settings = self._context.services.settings
            self._context.runner.run(settings.pseudonym, self._on_pseudonym_loaded)

    def _on_pseudonym_loaded(self, value: str) -> None:
        if not self.pseudonym.text():
            self.pseudonym.setText(value)

    def _on_period_changed(self) -> None:
        self._preview = None
        self.save_button.setEnabled(False)

    def _fit_rows(self) -> None:
        """One line of text per record row (the style's default is about two)."""
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)

    def _fit_records(self) -> None:
        """The table at ordinary text sizes, the wrapped lines at large ones."""
        large = text_size.current_scale() >= LINES_FROM_SCALE
        self.table.setVisible(not large)
        self.lines.setVisible(large)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_rows()
            self._fit_records()

    def _on_prepare(self) -> None:
        first, last = self.first.value(), self.last.value()
        if self.last.chosen() < self.first.chosen():
            self.status.setText(self.tr("Le dernier mois précède le premier."))
            return
        documents = self._context.services.documents
        self.prepare_button.setEnabled(False)
        self.status.setText(self.tr("Préparation…"))

        def work() -> Preview:
            issues = documents.completeness_issues(first, last)
            return Preview(first, last, issues, documents.export_records(first, last))

        self._context.runner.run(work, self._on_prepared, self._on_failed)

    def _on_prepared(self, preview: Preview) -> None:
        self._preview = preview
        self.prepare_button.setEnabled(True)
        self.model.set_rows(preview.records)
        self.issues_model.set_rows(preview.issues)
        span = fr_month_range(preview.first, preview.last)
        count = len(preview.records)
        message = self.tr("{count} sollicitation(s) de {span} seront exportées.").format(
            count=count, span=span
        )
        if not count:
            message = self.tr(
                "Aucune sollicitation reçue de {span} : l'export ne contiendrait que la "
                "période et votre pseudonyme."
            ).format(span=span)
        if preview.issues:
            message += " " + self.tr(
                "{n} sollicitation(s) incomplète(s) affaibliraient les statistiques : "
                "complétez-les ou exportez quand même."
            ).format(n=len(preview.issues))
        self.status.setText(message)
        self.save_button.setEnabled(True)

    def _on_save(self) -> None:
        preview = self._preview
        if preview is None:
            return
        pseudonym = self.pseudonym.text()
        suggested = Path.home() / f"export-ecoute-{preview.first}-{preview.last}.json"
        path = prompts.ask_save_path(
            self, self.tr("Enregistrer l'export anonymisé"), suggested, "JSON (*.json)"
        )
        if path is None:
            return
        documents = self._context.services.documents
        self.save_button.setEnabled(False)

        def work() -> dict[str, Any]:
            return documents.write_export(path, preview.first, preview.last, pseudonym)

        def done(document: dict[str, Any]) -> None:
            self.save_button.setEnabled(True)
            self.status.setText(
                self.tr(
                    "Export enregistré : {path} ({n} sollicitation(s), pseudonyme « {p} »)."
                ).format(path=path, n=document["record_count"], p=document["pseudonym"])
            )

        self._context.runner.run(work, done, self._on_failed)

    def _on_failed(self, error: BaseException) -> None:
        self.prepare_button.setEnabled(True)
        self.save_button.setEnabled(self._preview is not None)
        message = str(error) if isinstance(error, ValueError) else self.tr("L'export a échoué.")
        self.status.setText(message)
        prompts.warn(self, self.tr("Export anonymisé"), message)

    def _on_issue_opened(self, index: QModelIndex) -> None:
        if index.isValid():
            self._context.events.open_case.emit(self.issues_model.row_at(index.row()).case_id)


def create_view(context: AppContext, parent: QWidget | None = None) -> QWidget:
    return ExportView(context, parent)
