"""« Importer un tableur (CSV)… »: choose the file, check it off the GUI thread, preview, import.

`CasesImporter(context, window).start()` asks for the file (`prompts.ask_open_path`), runs
`parse_cases_csv` on the background runner and opens an `ImportPreviewDialog`: how many
cases will be imported, how many are already present, every bad line in a table. « Importer »
is enabled only when the file has no error; `apply_import` then runs on the runner too and
`events.cases_changed` refreshes the lists.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.services.csv_import import (
    ImportPlan,
    ImportResult,
    RowError,
)
from ecoute_desktop.ui.cases.import_job import ImportJob
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.dialog_size import size_in_text
from ecoute_desktop.ui.common.palette import colours
from ecoute_desktop.ui.common.status_label import StatusLabel
from ecoute_desktop.ui.common.table_model import Column, RowTableModel
from ecoute_desktop.ui.common.translatable import QT_TRANSLATE_NOOP

RULE = QT_TRANSLATE_NOOP(
    "ImportPreviewDialog",
    "Aucune sollicitation n'est importée tant qu'une ligne est en erreur :"
    " corrigez le fichier puis recommencez.",
)
WRAPPED_ROWS_LIMIT = 500  # beyond this, rows keep one line (measuring each would be slow)


def _count(count: int, one: str, many: str, *more: object) -> str:
    """French singular for 0 and 1, plural above; `{0}` is the count, `{1}`… are `more`."""
    return (one if count <= 1 else many).format(count, *more)


def unbroken(reason: str) -> str:
    """`reason` as it wraps well: « and » stay with their word, JJ/MM/AAAA stays whole."""
    kept = reason.replace("« ", "«\u00a0").replace(" »", "\u00a0»")
    return kept.replace("/", "/\u2060")  # word joiner: no line break after a slash


def error_columns() -> list[Column[RowError]]:
    """« Ligne », « Colonne », « Raison » of each problem (the header is line 1)."""
    return [
        Column(
            QCoreApplication.translate("ImportPreviewDialog", "Ligne"),
            lambda e: str(e.line),
            sort_key=lambda e: e.line,
        ),
        Column(
            QCoreApplication.translate("ImportPreviewDialog", "Colonne"), lambda e: e.column or "—"
        ),
        Column(
            QCoreApplication.translate("ImportPreviewDialog", "Raison"),
            lambda e: unbroken(e.reason),
            tooltip=str,
        ),
    ]


class ImportPreviewDialog(QDialog):
    """What the import would do; `import_requested` when the user confirms a clean file."""

    import_requested = Signal()

    def __init__(self, plan: ImportPlan, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("Importer un tableur"))
        self.setAccessibleName(self.windowTitle())
        self.file_label = QLabel(self.tr("Fichier : {0}").format(path.name))
        self.file_label.setToolTip(str(path))
        self.file_label.setStyleSheet("font-weight: bold;")
        self.file_label.setWordWrap(True)
        self.file_label.setAccessibleName(self.tr("Fichier à importer"))
        self.summary = QLabel(self._summary_text())
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Résumé de l'import"))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rule = QLabel(QCoreApplication.translate("ImportPreviewDialog", RULE))
        self.rule.setWordWrap(True)
        self.rule.setAccessibleName(self.tr("Règle de l'import"))
        self.rule.setStyleSheet(f"color: {colours().late}; font-weight: bold;")
        self.errors_model: RowTableModel[RowError] = RowTableModel(error_columns(), self)
        self.errors_model.set_rows(plan.errors)
        self.errors_table = self._errors_table()
        self.status = StatusLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("État de l'import"))
        self.status.hide()  # shown while importing: no empty line above the buttons

        self.format_button = QPushButton(self.tr("Format attendu…"))
        self.format_button.setAccessibleName(self.tr("Format attendu"))
        self.format_button.clicked.connect(self.show_format)
        self.import_button = QPushButton(self.tr("Importer"))
        self.import_button.setAccessibleName(self.tr("Importer les sollicitations"))
        self.import_button.setEnabled(plan.ok and bool(plan.cases))
        self.import_button.clicked.connect(self._on_import)
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(
            self.tr("Annuler") if plan.ok else self.tr("Fermer"),
            QDialogButtonBox.ButtonRole.RejectRole,
        )
        self.cancel_button.setAccessibleName(self.cancel_button.text())
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(self.summary)
        if plan.errors:
            layout.addWidget(self.rule)
            layout.addWidget(self.errors_table, 1)
        else:
            self.rule.hide()
            self.errors_table.hide()
            layout.addStretch(1)
        layout.addWidget(self.status)
        bottom = QHBoxLayout()  # the format on the left, away from « Importer »
        bottom.addWidget(self.format_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        if plan.errors:
            size_in_text(self, 100, 30)
        else:  # as tall as its text: no empty half-dialog above the buttons
            size_in_text(self, 70, 0)
        # Once every button is inside the dialog (set before, neither held: « Format attendu »,
        # first in the Tab order, took the focus and Enter with it — issue 20).
        self.import_button.setDefault(self.import_button.isEnabled())
        (self.import_button if self.import_button.isEnabled() else self.cancel_button).setFocus()

    def _errors_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.errors_model)
        table.setAccessibleName(
            self.tr("Lignes en erreur : ligne, colonne et raison de chaque problème")
        )
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)
        table.setAlternatingRowColors(True)
        table.setSortingEnabled(True)
        table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # in file order, not Qt's descending
        table.verticalHeader().setVisible(False)
        table.setWordWrap(True)
        table.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        if len(self.plan.errors) <= WRAPPED_ROWS_LIMIT:  # long reasons wrap, rows grow
            table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setMinimumHeight(table.fontMetrics().lineSpacing() * 6)
        return table

    def _summary_text(self) -> str:
        plan = self.plan
        present = len(plan.already_present)
        if plan.ok:
            parts = [
                _count(
                    len(plan.cases),
                    self.tr("{0} sollicitation sera importée."),
                    self.tr("{0} sollicitations seront importées."),
                )
            ]
            if present:
                parts.append(
                    _count(
                        present,
                        self.tr(
                            "{0} est déjà dans la base (même référence) : elle reste telle quelle."
                        ),
                        self.tr(
                            "{0} sont déjà dans la base (même référence) :"
                            " elles restent telles quelles."
                        ),
                    )
                )
            if not plan.cases:
                parts.append(self.tr("Il n'y a rien de nouveau à importer."))
            return "\n".join(parts)
        lines = len(plan.bad_lines)
        text = _count(
            lines,
            self.tr("{0} ligne du fichier est en erreur ({1} problème(s) listé(s) ci-dessous)."),
            self.tr("{0} lignes du fichier sont en erreur ({1} problèmes listés ci-dessous)."),
            len(plan.errors),
        )
        if present:
            text += "\n" + _count(
                present,
                self.tr("{0} sollicitation est déjà dans la base (même référence)."),
                self.tr("{0} sollicitations sont déjà dans la base (même référence)."),
            )
        return text

    def error_lines(self) -> list[str]:
        """Every problem as shown, « ligne L, colonne C : raison »."""
        return [str(error) for error in self.errors_model.rows()]

    def show_format(self) -> QDialog:
        from ecoute_desktop.ui.cases.import_format import ImportFormatDialog

        dialog = ImportFormatDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _on_import(self) -> None:
        if not (self.plan.ok and self.plan.cases):
            return
        self.set_busy(True)
        self.import_requested.emit()

    def set_busy(self, busy: bool) -> None:
        self.status.setText(self.tr("Import en cours…") if busy else "")
        self.status.setVisible(busy)
        self.import_button.setEnabled(not busy and self.plan.ok and bool(self.plan.cases))
        self.cancel_button.setEnabled(not busy)
        self.format_button.setEnabled(not busy)


class CasesImporter(ImportJob):
    """One import at a time; `finished(message)` when imported, refused or cancelled."""

    def __init__(self, context: AppContext, window: QWidget) -> None:
        super().__init__(context, window)
        self.dialog: ImportPreviewDialog | None = None
        self.applying = False  # apply_import is running on the background runner

    def start(self, path: Path | None = None) -> None:
        """Ask for the file (unless given), then check it in the background."""
        if self.busy:
            return
        if not self._check_file(
            path,
            self.tr("Importer un tableur de sollicitations"),
            self.tr("Tableur CSV (*.csv *.txt);;Tous les fichiers (*)"),
            lambda services, chosen: services.imports.plan_cases(chosen),
            self._on_plan,
        ):
            self.finished.emit("")

    def _on_plan(self, plan: ImportPlan, path: Path) -> None:
        dialog = ImportPreviewDialog(plan, path, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.import_requested.connect(lambda: self._apply(plan))
        dialog.rejected.connect(self._on_rejected)
        self.dialog = dialog
        dialog.open()

    def _on_rejected(self) -> None:
        """Cancelled; closed while writing (Escape, locking), the result still comes after."""
        self.dialog = None
        if not self.applying:
            self._finish("")

    def _apply(self, plan: ImportPlan) -> None:
        self.applying = True
        self._write(lambda services: services.imports.import_cases(plan), self._on_applied)

    def _on_applied(self, result: ImportResult) -> None:
        imported, present = len(result.imported), len(result.already_present)
        message = _count(
            imported,
            self.tr("{0} sollicitation importée."),
            self.tr("{0} sollicitations importées."),
        )
        if present:
            message += " " + self.tr("{0} déjà présente(s), laissée(s) telle(s) quelle(s).").format(
                present
            )
        self._close_dialog()
        prompts.inform(self.window, self.tr("Import terminé"), message)
        self._finish(message)

    def _on_error(self, error: BaseException) -> None:
        self._close_dialog()
        self._fail(
            error,
            self.tr("Import impossible"),
            self.tr("L'import a échoué ; aucune sollicitation n'a été enregistrée."),
        )

    def _close_dialog(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.set_busy(False)
            dialog.done(QDialog.DialogCode.Accepted)

    def _finish(self, message: str) -> None:
        self.dialog = None
        self.applying = False
        super()._finish(message)
