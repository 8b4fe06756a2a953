"""Importing the coordination's référentiel: choose the file, see every change, apply.

The dialog shows the version, the coordinator's key as six words (to check by phone on
the first import), then each change (added, renamed, moved, retired…). « Appliquer »
imports in one transaction; « Annuler » changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from ecoute_desktop.domain.referentiel import FILE_SUFFIX, Change
from ecoute_desktop.services.referentiel_file import ReferentielError
from ecoute_desktop.services.referentiel_plan import ImportPlan, OtherKeyError
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.case_table import RowTable
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.dialog_size import size_in_text
from ecoute_desktop.ui.common.table_model import Column, RowTableModel
from ecoute_desktop.ui.common.widget_kit import accept_reject_buttons

CHANGE_COLUMNS: list[Column[Change]] = [
    Column("Élément", lambda change: change.area),
    Column("Changement", lambda change: change.verb),
    Column("Détail", lambda change: change.text, tooltip=lambda change: change.text),
]


class ReferentielPreviewDialog(QDialog):
    """What the import changes; Enter applies (or closes when nothing would change)."""

    def __init__(self, plan: ImportPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("Importer le référentiel"))
        self.summary = QLabel(plan.summary())
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        self.key_label = QLabel(self._key_text())
        self.key_label.setWordWrap(True)
        layout.addWidget(self.key_label)
        self.model: RowTableModel[Change] = RowTableModel(CHANGE_COLUMNS, self)
        self.model.set_rows(plan.changes)
        self.table = RowTable(self.model, None, self.tr("Changements"), sortable=False)
        self.table.keep_within_width(2)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setVisible(bool(plan.changes))
        layout.addWidget(self.table, 1)
        if plan.changes:
            note = QLabel(
                self.tr(
                    "Les sollicitations déjà classées gardent leurs thèmes : un thème renommé"
                    " s'affiche sous son nouveau nom, un thème retiré reste dans leur"
                    " historique. Les thèmes et organismes que vous avez ajoutés restent,"
                    " marqués « local »."
                )
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        if plan.applies:
            box, self.apply_button, self.cancel_button = accept_reject_buttons(
                (self.tr("Appliquer"), self.tr("Appliquer les changements"), self.accept),
                (self.tr("Annuler"), self.tr("Annuler sans rien changer"), self.reject),
                default=True,
            )
        else:
            box, self.apply_button, self.cancel_button = accept_reject_buttons(
                (self.tr("Fermer"), self.tr("Fermer"), self.reject),
                (self.tr("Annuler"), self.tr("Annuler"), self.reject),
                default=True,
            )
            self.cancel_button.hide()
        layout.addWidget(box)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        size_in_text(self, 90, 24 if plan.changes else 10)

    def _key_text(self) -> str:
        if self.plan.key_notice:  # French, from the services (as the command line says it)
            return self.plan.key_notice
        return self.tr("Signé par la clé de votre coordination ({words}).").format(
            words=self.plan.fingerprint
        )


def ask_new_key(parent: QWidget, refusal: str) -> str:
    """The six words of a new coordination key, typed as read out by the coordination
    ("" when the hotliner does not have them: the file stays refused)."""
    answer = prompts.ask_text(
        parent,
        QCoreApplication.translate("ReferentielImport", "Référentiel signé par une autre clé"),
        refusal
        + "\n\n"
        + QCoreApplication.translate(
            "ReferentielImport",
            "Si la coordination vous a lu les six mots de sa nouvelle clé, tapez-les ici ;"
            " sinon, annulez.",
        ),
    )
    return (answer or "").strip()


def choose_and_import(context: AppContext, parent: QWidget) -> ImportPlan | None:
    """Ask for the file, preview, apply on « Appliquer »; the applied plan, else None."""
    path = prompts.ask_open_path(
        parent,
        QCoreApplication.translate(
            "ReferentielImport", "Importer le référentiel de la coordination"
        ),
        QCoreApplication.translate("ReferentielImport", "Référentiel Écoute (*{suffix})").format(
            suffix=FILE_SUFFIX
        ),
    )
    if path is None:
        return None
    return preview_and_import(context, parent, path)


def preview_and_import(context: AppContext, parent: QWidget, path: Path) -> ImportPlan | None:
    services = context.services.referentiel
    words = ""
    try:
        plan = services.preview_import(path)
    except OtherKeyError as error:
        words = ask_new_key(parent, str(error))
        if not words:
            return None
        try:
            plan = services.preview_import(path, words)
        except ReferentielError as again:
            prompts.warn(
                parent,
                QCoreApplication.translate("ReferentielImport", "Référentiel refusé"),
                str(again),
            )
            return None
    except ReferentielError as error:
        prompts.warn(
            parent,
            QCoreApplication.translate("ReferentielImport", "Référentiel refusé"),
            str(error),
        )
        return None
    dialog = ReferentielPreviewDialog(plan, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or not plan.applies:
        return None
    try:
        applied = services.import_file(path, previewed=plan.referentiel, new_key_words=words)
    except ReferentielError as error:
        prompts.warn(
            parent,
            QCoreApplication.translate("ReferentielImport", "Référentiel refusé"),
            str(error),
        )
        return None
    prompts.inform(
        parent,
        QCoreApplication.translate("ReferentielImport", "Référentiel installé"),
        QCoreApplication.translate(
            "ReferentielImport", "Référentiel version {number} installé."
        ).format(number=applied.referentiel.version),
    )
    return applied
