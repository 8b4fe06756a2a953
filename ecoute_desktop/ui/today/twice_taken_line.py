"""« Aujourd'hui »: the same e-mail taken on both laptops, and the choice of the case to keep.

After an exchange, two cases of one e-mail are one member's one request. A line per pair
says so, with a button that opens `KeepOneDialog`: the case proposed to keep (further
along, then the earlier) is checked; « Classer le doublon » ends the other « sans suite »
as a duplicate naming the kept one (`Services.pair.keep`), on both laptops after the next
exchange (docs/binome.md).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.domain.twice_taken import TakenCase, TwiceTaken
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.dialog_size import fit_to_screen
from ecoute_desktop.ui.common.formatting import short_datetime


class KeepOneDialog(QDialog):
    """Which of the two cases to keep; Enter keeps the one proposed."""

    def __init__(self, pair: TwiceTaken, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pair = pair
        title = self.tr("Une demande prise deux fois")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        intro = QLabel(
            self.tr(
                "La même demande a été prise sur les deux ordinateurs : {0} et {1}. Gardez "
                "celle qui est suivie ; l'autre sera classée sans suite comme doublon. Rien "
                "n'est effacé : elle reste consultable, et votre binôme la verra classée au "
                "prochain échange."
            ).format(*(case.reference for case in pair.cases))
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        box = QGroupBox(self.tr("Sollicitation à garder"))
        box_layout = QVBoxLayout(box)
        self.group = QButtonGroup(self)
        self.choices: dict[int, QRadioButton] = {}
        for case in pair.cases:
            button = QRadioButton(self._choice_text(case))
            button.setAccessibleName(self.tr("Garder {0}").format(case.reference))
            other = pair.other_than(case.id)
            if not other.status.is_open:  # an ended case cannot be classed any more
                button.setEnabled(False)
                button.setToolTip(
                    self.tr("{0} est déjà « {1} » : c'est elle qu'il faut garder.").format(
                        other.reference, other.status
                    )
                )
            self.group.addButton(button, case.id)
            self.choices[case.id] = button
            box_layout.addWidget(button)
        self.choices[pair.proposed.id].setChecked(True)
        self.keep_button = QPushButton(self.tr("Classer le doublon"))
        self.keep_button.setAccessibleName(self.tr("Garder la sollicitation choisie"))
        self.cancel_button = QPushButton(self.tr("Annuler"))
        self.cancel_button.setAccessibleName(self.tr("Annuler"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.cancel_button.setAutoDefault(False)
        self.keep_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(box)
        layout.addWidget(buttons)
        self.choices[pair.proposed.id].setFocus()
        fit_to_screen(self)

    def _choice_text(self, case: TakenCase) -> str:
        text = self.tr("Garder {0} (étape : {1} ; reçue le {2})").format(
            case.reference, case.status, short_datetime(case.received_at)
        )
        if case.id == self.pair.proposed.id:
            text += self.tr(" — conseillé")
        return text

    def kept_id(self) -> int:
        """The id of the case chosen to keep."""
        return self.group.checkedId()


class TwiceTakenLine(QWidget):
    """One line per e-mail taken on both laptops, hidden when there is none."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName(self.tr("Demandes prises deux fois"))
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.pairs: list[TwiceTaken] = []
        self.buttons: list[QPushButton] = []
        self.setVisible(False)

    def refresh(self) -> None:
        services = self.context.services
        if not services.session.is_open:
            return
        self.show_pairs(services.pair.twice_taken())

    def show_pairs(self, pairs: list[TwiceTaken]) -> None:
        self.clear_personal_data()
        self.pairs = pairs
        for pair in pairs:
            first, second = (case.reference for case in pair.cases)
            label = QLabel(
                self.tr(
                    "La même demande a été prise sur les deux ordinateurs : {0} et {1}."
                ).format(first, second)
            )
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            font = label.font()
            font.setBold(True)  # the 48-hour list and the figures show this request twice
            label.setFont(font)
            button = QPushButton(self.tr("Garder l'une des deux…"))
            button.setAccessibleName(
                self.tr("Choisir laquelle garder : {0} ou {1}").format(first, second)
            )
            button.clicked.connect(lambda _=False, p=pair: self.choose(p))
            label.setBuddy(button)
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(label, 1)
            line.addWidget(button)
            self.rows.addWidget(row)
            self.buttons.append(button)
        self.setVisible(bool(pairs))

    def choose(self, pair: TwiceTaken) -> None:
        """The choice, then « Classer le doublon » (the views refresh from the event)."""
        dialog = KeepOneDialog(pair, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            self.context.services.pair.keep(dialog.kept_id())
        except ValueError as error:  # already settled, or an ended case
            prompts.warn(self, self.tr("Doublon"), str(error))
            self.refresh()

    def clear_personal_data(self) -> None:
        while (item := self.rows.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.pairs, self.buttons = [], []
        self.setVisible(False)
