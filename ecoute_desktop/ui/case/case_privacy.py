"""« Données personnelles » in the case view: right of access (PDF) and right to erasure.

The member is the one of the open case; their other cases are those with the same phone
number or e-mail (`services.retention.member_cases`), covered by both actions at once.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from ecoute_desktop.store import StoreError
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.widget_kit import wait_cursor


class PrivacyMenu(QToolButton):
    """A button with a menu; `member_erased` asks the case view to close."""

    member_erased = Signal()

    def __init__(
        self,
        context: AppContext,
        case_id: int,
        flush: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.case_id = case_id
        self._flush = flush
        self.setText(self.tr("Données personnelles ▾"))
        self.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
        self.setAccessibleName(self.tr("Données personnelles de l'adhérent"))
        self.setToolTip(self.tr("Droit d'accès et droit à l'effacement (RGPD)"))
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self)
        menu.setAccessibleName(self.tr("Données personnelles"))
        self.export_action = QAction(
            self.tr("Exporter tout ce qui concerne cet adhérent (PDF)…"), self
        )
        self.erase_action = QAction(self.tr("Effacer les données de cet adhérent…"), self)
        self.export_action.triggered.connect(self.export_pdf)
        self.erase_action.triggered.connect(self.erase)
        menu.addAction(self.export_action)
        menu.addSeparator()
        menu.addAction(self.erase_action)
        self.setMenu(menu)

    def _references(self) -> list[str]:
        return self.context.services.cases.member_references(self.case_id)

    def export_pdf(self) -> Path | None:
        """Right of access: everything stored about the member, to a PDF the user chooses."""
        cases = self.context.services.cases
        self._flush()  # a note being typed is part of what is stored (as a draft)
        reference = cases.get(self.case_id).reference
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        target = prompts.ask_save_path(
            self,
            self.tr("Exporter les données de l'adhérent"),
            Path(documents or Path.home()) / f"droit-d-acces-{reference}.pdf",
            self.tr("Document PDF (*.pdf)"),
        )
        if target is None:
            return None
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        with wait_cursor():
            try:
                written = cases.write_member_pdf(self.case_id, target)
            except (OSError, StoreError) as error:
                prompts.warn(
                    self,
                    self.tr("Export impossible"),
                    self.tr("Le PDF n'a pas pu être écrit dans « {0} » ({1}).").format(
                        target, type(error).__name__
                    ),
                )
                return None
        prompts.inform(
            self,
            self.tr("Données exportées"),
            self.tr(
                "Le PDF « {0} » contient tout ce qu'Écoute conserve sur cet adhérent"
                " ({1} sollicitation(s)). Il n'est pas chiffré : remettez-le à l'adhérent,"
                " puis supprimez-le de l'ordinateur."
            ).format(written, len(self._references())),
        )
        return written

    def erase(self) -> list[str]:
        """Right to erasure: after a clear confirmation, erase the member's data at once."""
        cases = self.context.services.cases
        references = self._references()
        member = cases.get(self.case_id).member
        question = self.tr(
            "Effacer définitivement les données de {0} ?\n\n"
            "Sollicitation(s) concernée(s) (même téléphone ou courriel) : {1}.\n\n"
            "Effacés : nom, prénom, fonction, collectivité, téléphone, courriel, notes"
            " d'appel, brouillons et commentaires de l'historique.\n"
            "Gardés, sans rien qui identifie l'adhérent : référence, dates, étapes,"
            " thématiques et orientations ; les statistiques anonymes ne changent pas.\n\n"
            "C'est irréversible. Les sauvegardes déjà faites gardent ces données jusqu'à"
            " leur remplacement par de plus récentes."
        ).format(member.display_name or self.tr("cet adhérent"), ", ".join(references))
        if not prompts.confirm_action(
            self, self.tr("Effacer les données de cet adhérent"), question, self.tr("Effacer")
        ):
            return []
        self._flush()  # nothing typed may come back as a draft after the erasure
        self.context.runner.wait()
        erased = cases.erase_member(self.case_id)
        prompts.inform(
            self,
            self.tr("Données effacées"),
            self.tr(
                "Les données personnelles de {0} sollicitation(s) ont été effacées."
                " Les statistiques anonymes sont conservées."
            ).format(len(erased)),
        )
        self.member_erased.emit()
        return erased
