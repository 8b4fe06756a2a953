"""The questionnaire on a case: the link to send (when configured) and the satisfaction score."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

from ecoute_desktop.domain.models import Case
from ecoute_desktop.domain.workflow import Status
from ecoute_desktop.services.app import Services
from ecoute_desktop.ui.common.flow_layout import FlowLayout
from ecoute_desktop.ui.common.translatable import QT_TRANSLATE_NOOP
from ecoute_desktop.ui.common.widget_kit import emphasize

SCORE_LABELS = {
    5: QT_TRANSLATE_NOOP("SatisfactionPanel", "5 — Très satisfait(e)"),
    4: QT_TRANSLATE_NOOP("SatisfactionPanel", "4 — Satisfait(e)"),
    3: QT_TRANSLATE_NOOP("SatisfactionPanel", "3 — Moyennement"),
    2: QT_TRANSLATE_NOOP("SatisfactionPanel", "2 — Peu satisfait(e)"),
    1: QT_TRANSLATE_NOOP("SatisfactionPanel", "1 — Pas du tout satisfait(e)"),
}


class SatisfactionPanel(QWidget):
    """Shown once the call is held: « Envoyer le questionnaire… » (or the link), then the score."""

    changed = Signal()
    setup_requested = Signal()  # no questionnaire link yet: open the templates to enter it
    send_requested = Signal()  # « Envoyer le questionnaire… »: the ready e-mail

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.case: Case | None = None
        self.link_button = QPushButton(self.tr("Copier le lien du questionnaire"))
        self.link_button.setAccessibleName(
            self.tr("Copier le lien du questionnaire de satisfaction pour cette sollicitation")
        )
        self.link_button.setToolTip(
            self.tr(
                "Le lien contient le code anonyme du questionnaire, jamais la référence"
                " de la sollicitation."
            )
        )
        self.link_button.clicked.connect(self.copy_link)
        self.send_button = QPushButton(self.tr("Envoyer le questionnaire…"))
        self.send_button.setAccessibleName(
            self.tr("Envoyer le questionnaire de satisfaction (message prêt) et clôturer")
        )
        emphasize(self.send_button)
        self.send_button.clicked.connect(self.send_requested)
        self.setup_button = QPushButton(self.tr("Renseigner le lien du questionnaire…"))
        self.setup_button.setAccessibleName(
            self.tr("Renseigner le lien du questionnaire de satisfaction (Framaforms)")
        )
        self.setup_button.setToolTip(
            self.tr("Le lien n'est pas encore enregistré : il se renseigne une fois pour toutes.")
        )
        self.setup_button.clicked.connect(self.setup_requested)
        self.code_label = QLabel()
        self.code_label.setAccessibleName(self.tr("Code anonyme du questionnaire"))
        self.code_label.setToolTip(
            self.tr("À lire à l'adhérent s'il remplit le questionnaire sans le lien.")
        )
        self.label = QLabel(self.tr("Satisfaction :"))
        self.score_combo = QComboBox()
        self.score_combo.setAccessibleName(self.tr("Satisfaction (réponse au questionnaire)"))
        self.score_combo.addItem(self.tr("non renseignée"), None)
        for score, text in SCORE_LABELS.items():
            self.score_combo.addItem(QCoreApplication.translate("SatisfactionPanel", text), score)
        self.label.setBuddy(self.score_combo)
        self.score_combo.activated.connect(lambda _: self.save())
        row = FlowLayout(self)  # wraps at 200 % rather than widening the page sideways
        row.setContentsMargins(0, 0, 0, 0)
        self.score_box = QWidget()  # the label stays with its list
        score_row = QHBoxLayout(self.score_box)
        score_row.setContentsMargins(0, 0, 0, 0)
        score_row.addWidget(self.label)
        score_row.addWidget(self.score_combo)
        for widget in (self.score_box, self.code_label, self.send_button, self.link_button):
            row.addWidget(widget)
        row.addWidget(self.setup_button)

    def show_case(self, case: Case) -> None:
        self.case = case
        sent = case.questionnaire_sent_at is not None or case.status is Status.CLOSED
        held = sent or case.status is Status.CALL_HELD
        configured = bool(self.services.settings.questionnaire_url())
        self.link_button.setVisible(held and configured)
        # after the last call, the questionnaire is what closes the case
        self.send_button.setVisible(held and configured and case.status is Status.CALL_HELD)
        self.setup_button.setVisible(held and not configured)
        self.label.setVisible(sent)
        self.score_combo.setVisible(sent)
        self.score_box.setVisible(sent)
        self.score_combo.setCurrentIndex(self._index(case.satisfaction))
        self.link_button.setText(self.tr("Copier le lien du questionnaire"))
        if case.id is not None and held:
            code = self.services.satisfaction.code_of(case.id)
            self.code_label.setText(self.tr("Code du questionnaire : {0}").format(code))
        self.code_label.setVisible(held)
        self.setVisible(held)

    def set_score(self, score: int | None) -> None:
        """Choose a score (None: « non renseignée ») and save it, as the user does."""
        self.score_combo.setCurrentIndex(self._index(score))
        self.save()

    def _index(self, score: int | None) -> int:
        return 0 if score is None else max(0, self.score_combo.findData(score))

    def save(self) -> None:
        if self.case is None or self.case.id is None:
            return
        score = self.score_combo.currentData()
        if score == self.case.satisfaction:
            return
        self.services.cases.set_satisfaction(self.case.id, score)
        self.changed.emit()

    def link(self) -> str:
        """The questionnaire link for this case: it carries the case's code, not its reference."""
        if self.case is None or self.case.id is None:
            return ""
        return self.services.satisfaction.link_for_case(self.case.id)

    def copy_link(self) -> None:
        from ecoute_desktop.ui.common.clipboard import copy_personal

        link = self.link()
        if link:
            copy_personal(link)
            self.link_button.setText(self.tr("Lien copié ✓"))
