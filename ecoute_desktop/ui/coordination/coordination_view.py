"""Coordination: drop the hotliners' exports, see what merges and what is refused, print."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.domain.header_fields import region_name
from ecoute_desktop.domain.merge import ExportFile, short_id
from ecoute_desktop.services import coordinator_state
from ecoute_desktop.services.formatting import fr_month_range
from ecoute_desktop.services.merge import MergeOutcome, merge_paths
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.case_table import RowTable
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.flow_layout import FlowLayout
from ecoute_desktop.ui.common.status_label import StatusLabel
from ecoute_desktop.ui.common.table_model import Column, RowTableModel
from ecoute_desktop.ui.common.widget_kit import fill_with_scrolling, page_title
from ecoute_desktop.ui.coordination.referentiel_panel import ReferentielPanel
from ecoute_desktop.ui.reports.committee_options import CommitteeOptions

# A row: the file, the records it gave, the hotliner's shown name (pseudonym, with the
# short id when two hotliners chose the same one).
FileRow = tuple[ExportFile, int, str]
FILE_COLUMNS: list[Column[FileRow]] = [
    Column("Fichier", lambda row: row[0].source, tooltip=lambda row: row[0].source),
    Column(
        "Pseudonyme",
        lambda row: row[2],
        tooltip=lambda row: f"Identifiant {short_id(row[0].header.hotliner_id)}",
    ),
    Column("Région", lambda row: region_name(row[0].header.region)),
    Column(
        "Période",
        lambda row: fr_month_range(row[0].header.period_from, row[0].header.period_to),
        sort_key=lambda row: (row[0].header.period_from, row[0].header.period_to),
    ),
    Column(
        "Sollicitations",
        lambda row: str(row[0].header.record_count),
        sort_key=lambda row: row[0].header.record_count,
    ),
    Column("Retenues", lambda row: str(row[1]), sort_key=lambda row: row[1]),
]

REFUSED_COLUMNS: list[Column[tuple[str, str]]] = [
    Column("Fichier", lambda row: row[0]),
    Column("Motif", lambda row: row[1]),
]


class _ScrolledTable(QTableView):
    """Asks only for its minimum height: the page's scroll area gives it the rest."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())


class _FilesTable(RowTable):
    """The merged files: never wider than the page (file name elided, Région and
    Sollicitations hidden when there is no room, large text); minimum height only."""

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumHeight())


class CoordinationView(QWidget):
    """Files in, merged committee summary out; the merge itself lives in the services."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._paths: list[Path] = []
        self.outcome: MergeOutcome | None = None
        self.setAccessibleName(self.tr("Coordination"))
        self.setAcceptDrops(True)
        title = page_title(self.tr("Coordination"))
        hint = QLabel(
            self.tr(
                "Fusion des exports anonymisés. Déposez ici les fichiers d'export reçus des"
                " écoutants (glisser-déposer), ou "
                "choisissez-les. Un même fichier donné deux fois ne compte qu'une fois ; pour "
                "un même écoutant, l'export le plus récent l'emporte."
            )
        )
        hint.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Ajouter des fichiers…"))
        self.clear_button = QPushButton(self.tr("Vider la liste"))
        self.options = CommitteeOptions(context.services.settings.small_cell_threshold())
        self.threshold = self.options.threshold
        self._generation = 0
        self._merged_text = ""
        self.pdf_button = QPushButton(self.tr("Synthèse PDF pour le comité…"))
        self.csv_button = QPushButton(self.tr("Tableau CSV…"))
        self.review_button = QPushButton(self.tr("Bilan annuel (PDF)…"))
        self.review_button.setToolTip(
            self.tr("Le bilan d'une page pour le comité, des exports fusionnés ci-dessus.")
        )
        self.outputs = (self.pdf_button, self.csv_button, self.review_button)
        for button in (self.add_button, self.clear_button, *self.outputs):
            button.setAccessibleName(button.text().rstrip("…"))
        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addWidget(self.clear_button)
        top.addStretch(1)
        self.model: RowTableModel[FileRow] = RowTableModel(FILE_COLUMNS, self)
        self.files = _FilesTable(self.model, None, self.tr("Exports fusionnés"))
        self.files.keep_within_width(0, droppable=(2, 4))
        self.refused_model: RowTableModel[tuple[str, str]] = RowTableModel(REFUSED_COLUMNS, self)
        self.refused = _ScrolledTable()
        self.refused.setModel(self.refused_model)
        self.refused.setAccessibleName(self.tr("Fichiers refusés"))
        self.refused.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.refused.setTabKeyNavigation(False)
        self.refused.setWordWrap(True)
        self.refused.verticalHeader().setVisible(False)
        self.refused.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.refused.horizontalHeader().setStretchLastSection(True)
        self.summary = StatusLabel(self.tr("Aucun fichier pour l'instant."))
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Résumé de la fusion"))
        # Who is missing for the period, pseudonym clashes, first exports of a hotliner.
        self.notices = QLabel()
        self.notices.setWordWrap(True)
        self.notices.setAccessibleName(self.tr("Écoutants attendus et avertissements"))
        self.notices.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.notices.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.notices.setTextFormat(Qt.TextFormat.PlainText)
        self.notices.hide()
        outputs = FlowLayout()  # three buttons: they go under one another at 200 %
        for button in self.outputs:
            outputs.addWidget(button)
        rows = self.fontMetrics().lineSpacing()
        self.files.setMinimumHeight(rows * 6)
        self.refused.setMinimumHeight(rows * 4)
        self.refused.setTextElideMode(Qt.TextElideMode.ElideNone)  # the reason wraps
        self.refused.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Exports retenus")))
        layout.addWidget(self.files, 2)
        layout.addWidget(QLabel(self.tr("Fichiers refusés")))
        layout.addWidget(self.refused, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.notices)
        committee = QGroupBox(self.tr("Synthèse pour le comité"))
        committee_layout = QVBoxLayout(committee)
        committee_layout.addWidget(self.options)
        self.suggestions_button = QPushButton(self.tr("Reprendre des suggestions des adhérents…"))
        self.suggestions_button.setAccessibleName(
            self.tr("Reprendre des suggestions des adhérents dans le commentaire")
        )
        self.suggestions_button.clicked.connect(self._on_suggestions)
        committee_layout.addWidget(self.suggestions_button, 0, Qt.AlignmentFlag.AlignLeft)
        committee_layout.addLayout(outputs)
        layout.addWidget(committee)
        self.referentiel = ReferentielPanel(context)
        layout.addWidget(self.referentiel)
        # at 200 % text the page scrolls, tables are not crushed
        self.scroll_area = fill_with_scrolling(self, page)
        self.add_button.clicked.connect(self._on_add)
        self.clear_button.clicked.connect(self._on_clear)
        self.pdf_button.clicked.connect(lambda: self._on_output("pdf"))
        self.csv_button.clicked.connect(lambda: self._on_output("csv"))
        self.review_button.clicked.connect(self._on_review)
        self.options.threshold_changed.connect(self._on_threshold)
        self.options.period_changed.connect(self._on_period)
        self._show(None)

    def _on_suggestions(self) -> None:
        """Chosen suggestions, as edited by the user, go at the end of the comment."""
        from ecoute_desktop.ui.reports.suggestions_dialog import SuggestionsDialog

        suggestions = self._context.services.satisfaction.suggestions()
        dialog = SuggestionsDialog(suggestions, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.chosen_text():
            return
        current = self.options.comment.toPlainText().rstrip()
        added = dialog.chosen_text()
        self.options.comment.setPlainText(f"{current}\n\n{added}" if current else added)

    # ---- adding files ----------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_paths(paths)

    def add_paths(self, paths: list[Path]) -> None:
        self._paths += paths
        self._merge()

    def _on_add(self) -> None:
        paths = prompts.ask_open_paths(
            self, self.tr("Exports anonymisés des écoutants"), "JSON (*.json);;Tous (*)"
        )
        if paths:
            self.add_paths(paths)

    def _on_clear(self) -> None:
        self._paths = []
        self._generation += 1
        self._show(None)

    def _on_period(self) -> None:
        if self._paths:
            self._merge()

    def _merge(self) -> None:
        error = self.options.period_error()
        if error:
            self.summary.setText(error)
            for button in self.outputs:
                button.setEnabled(False)
            return
        paths = list(self._paths)
        first, last = self.options.period()
        self._generation += 1
        generation = self._generation

        def done(outcome: MergeOutcome) -> None:
            if generation == self._generation:  # a newer merge (or « Vider ») wins
                self._show(outcome)

        self.summary.setText(self.tr("Vérification des fichiers…"))
        state = coordinator_state.default_state_path()  # who was seen in earlier merges
        self._context.runner.run(
            lambda: merge_paths(paths, first, last, state), done, self._on_failed
        )

    # ---- showing ---------------------------------------------------------
    def _show(self, outcome: MergeOutcome | None) -> None:
        self.outcome = outcome
        merge = outcome.merge if outcome else None
        labels = merge.hotliner_labels() if merge else {}
        rows = (
            [
                (f, merge.used_by_source.get(f.source, 0), labels[f.header.hotliner_id])
                for f in merge.files
            ]
            if merge
            else []
        )
        self.model.set_rows(rows)
        notices = [m.message for m in outcome.missing] if outcome else []
        notices += outcome.warnings if outcome else []
        self.notices.setText("\n".join(notices))
        self.notices.setVisible(bool(notices))
        refused = [(r.source, r.reason) for r in (outcome.refused if outcome else [])]
        for duplicate, kept in merge.duplicates if merge is not None else []:
            refused.append(
                (
                    duplicate,
                    self.tr("même export que « {b} » : compté une fois.").format(b=kept),
                )
            )
        self.refused_model.set_rows(refused)
        ready = merge is not None and bool(merge.files)
        for button in self.outputs:
            button.setEnabled(ready)
        if merge is None:
            self.summary.setText(self.tr("Aucun export fusionné pour l'instant."))
            return
        if not self.options.limit.isChecked() and merge.files:
            self.options.set_months(merge.first_month, merge.last_month)
        self.summary.setText(
            self.tr("{files} export(s) fusionné(s) : {n} sollicitation(s), {span}.").format(
                files=len(merge.files),
                n=len(merge.records),
                span=fr_month_range(merge.first_month, merge.last_month),
            )
        )
        self._merged_text = self.summary.text()
        if merge.files:  # the next step, « Synthèse PDF pour le comité… », below the fold
            QTimer.singleShot(0, lambda: self.scroll_area.ensureWidgetVisible(self.pdf_button))

    def _on_threshold(self, value: int) -> None:
        settings = self._context.services.settings
        self._context.runner.run(lambda: settings.set_small_cell_threshold(value))

    def _on_output(self, kind: str) -> None:
        merge = self.outcome.merge if self.outcome else None
        if merge is None:
            return
        name = f"synthese-comite-{merge.first_month}-{merge.last_month}.{kind}"
        filters = "PDF (*.pdf)" if kind == "pdf" else "CSV (*.csv)"
        path = prompts.ask_save_path(
            self, self.tr("Enregistrer la synthèse"), Path.home() / name, filters
        )
        if path is None:
            return
        threshold = self.threshold.value()
        comment = self.options.comment_text()

        def work() -> Path:
            from ecoute_desktop.services import committee, committee_csv

            if kind == "pdf":
                return committee.write_committee_pdf(merge, path, threshold, comment)
            return committee_csv.write_committee_csv(merge, path, threshold)

        def done(written: Path) -> None:
            saved = self.tr("Fichier enregistré : {path}").format(path=written)
            self.summary.setText(f"{self._merged_text}\n{saved}")  # the merge stays told

        self._context.runner.run(work, done, self._on_failed)

    def _on_review(self) -> None:
        """The one-page annual review of the merged files (review_action.py)."""
        from ecoute_desktop.ui.coordination.review_action import ask_review, review_work

        merge = self.outcome.merge if self.outcome else None
        if merge is None or not merge.files:
            self.summary.setText(self.tr("Déposez d'abord des exports : rien n'est fusionné."))
            return
        request = ask_review(self, merge)
        if request is None:
            return
        state = coordinator_state.default_state_path()
        work = review_work(request, merge, list(self._paths), state, self.threshold.value())

        def done(written: Path) -> None:
            saved = self.tr("Bilan annuel enregistré : {path}").format(path=written)
            self.summary.setText(f"{self._merged_text}\n{saved}")

        self.summary.setText(self.tr("Préparation du bilan annuel…"))
        self._context.runner.run(work, done, self._on_failed)

    def _on_failed(self, error: BaseException) -> None:
        message = (
            str(error)
            if isinstance(error, ValueError | OSError)
            else self.tr("L'opération a échoué.")
        )
        self.summary.setText(message)
        prompts.warn(self, self.tr("Coordination"), message)


def create_view(context: AppContext, parent: QWidget | None = None) -> QWidget:
    return CoordinationView(context, parent)
