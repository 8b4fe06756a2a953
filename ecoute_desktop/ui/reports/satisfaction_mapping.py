"""« Lecture du questionnaire »: the detected mapping of a new form, to confirm or correct once.

Each question column gets a choice: code, rated question (with its scale), option (X),
free text or ignored. Every change re-checks the file at once; « Importer » (Enter)
is offered only while the file reads without error.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.domain.satisfaction import (
    DETECTION_ORDER,
    ROLE_TITLES,
    SCALES,
    ColumnMapping,
    FormMapping,
    Role,
)
from ecoute_desktop.services.satisfaction import ImportPreview, SatisfactionService
from ecoute_desktop.services.satisfaction.summary import plan_notes
from ecoute_desktop.ui.common.dialog_size import fit_to_screen
from ecoute_desktop.ui.common.widget_kit import follow_focus

SHOWN_ERRORS = 8
CHOICE_WIDTH = 30  # characters of a column's choice shown closed


def _choices() -> list[tuple[str, Role, str | None]]:
    """(text, role, scale) offered for every column."""
    result: list[tuple[str, Role, str | None]] = [(ROLE_TITLES[Role.CODE], Role.CODE, None)]
    result += [
        (f"{ROLE_TITLES[Role.RATING]} : {SCALES[key].title}", Role.RATING, key)
        for key in DETECTION_ORDER
    ]
    result += [(ROLE_TITLES[role], role, None) for role in (Role.CHOICE, Role.TEXT, Role.IGNORED)]
    return result


class MappingDialog(QDialog):
    """Shows what was detected; `preview` holds the file checked with the chosen mapping."""

    def __init__(
        self, service: SatisfactionService, preview: ImportPreview, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lecture du questionnaire"))
        self._service = service
        self.preview = preview
        self._choices = _choices()
        layout = preview.layout
        intro = QLabel(
            self.tr(
                "Nouveau formulaire : vérifiez comment chaque colonne sera lue. Ce choix sera"
                " retenu pour les prochains téléchargements de ce formulaire."
            )
        )
        intro.setWordWrap(True)
        form_title = layout.title or self.tr("(sans titre)")
        self.file_label = QLabel(
            self.tr("Formulaire : {0}\nFichier lu comme : {1}, {2} ligne(s) d'en-tête.").format(
                form_title, preview.how, layout.header_rows
            )
        )
        self.file_label.setWordWrap(True)
        self.combos: list[QComboBox] = []
        columns = QWidget()
        grid = QFormLayout(columns)
        # Each question above its choice: a long question wraps over the whole width (beside
        # the choice, Qt gave its wrapped lines one line's height and cut them).
        grid.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for column in preview.mapping.columns:
            combo = QComboBox()
            for text, _, _ in self._choices:
                combo.addItem(text)
            combo.setCurrentIndex(self._index_of(column))
            # As wide as most choices, not the longest scale's title: at 200 % text that
            # made the window wider than a laptop. The open list shows every title whole.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(CHOICE_WIDTH)
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)
            combo.setToolTip(combo.currentText())
            combo.currentTextChanged.connect(combo.setToolTip)
            combo.setAccessibleName(self.tr("Lecture de la colonne « {0} »").format(column.label))
            combo.currentIndexChanged.connect(lambda _=0, c=combo: self._on_changed(c))
            label = QLabel(column.label)
            label.setWordWrap(True)
            label.setBuddy(combo)
            grid.addRow(label, combo)
            self.combos.append(combo)
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls inside
        scroll.setWidget(columns)
        scroll.setWidgetResizable(True)
        follow_focus(scroll)  # the focused control in sight
        bar = scroll.verticalScrollBar().sizeHint().width()
        scroll.setMinimumWidth(columns.sizeHint().width() + bar + 4)  # lists never cut off
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Résultat de la vérification du fichier"))
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("Importer"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setDefault(True)
        self.buttons.addButton(self.tr("Annuler"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(intro)
        box.addWidget(self.file_label)
        box.addWidget(scroll, 1)
        box.addWidget(self.status)
        box.addWidget(self.buttons)
        self._show_plan()
        fit_to_screen(self)

    def _index_of(self, column: ColumnMapping) -> int:
        for index, (_, role, scale) in enumerate(self._choices):
            if role is column.role and (role is not Role.RATING or scale == column.scale):
                return index
        return len(self._choices) - 1

    def choose(self, label: str, text: str) -> None:
        """Pick `text` for the column titled `label`, as the user does with the list."""
        index = [c.label for c in self.preview.mapping.columns].index(label)
        self.combos[index].setCurrentIndex(self.combos[index].findText(text))

    def _on_changed(self, changed: QComboBox) -> None:
        columns = []
        old = self.preview.mapping.columns
        for combo, column in zip(self.combos, old, strict=True):
            _, role, scale = self._choices[combo.currentIndex()]
            question = column.question if role is Role.CHOICE else ""
            columns.append(ColumnMapping(column.label, role, scale, question or column.label))
        mapping = FormMapping(columns)
        if self._choices[changed.currentIndex()][1] is Role.CODE:  # one code column only
            mapping.set_code(self.combos.index(changed))
            for combo, column in zip(self.combos, mapping.columns, strict=True):
                combo.blockSignals(True)
                combo.setCurrentIndex(self._index_of(column))
                combo.blockSignals(False)
        self.preview = self._service.with_mapping(replace(self.preview), mapping)
        self._show_plan()

    def _show_plan(self) -> None:
        plan = self.preview.plan
        if plan.errors:
            lines = [str(e) for e in plan.errors[:SHOWN_ERRORS]]
            if len(plan.errors) > SHOWN_ERRORS:
                lines.append(self.tr("… et {0} autre(s).").format(len(plan.errors) - SHOWN_ERRORS))
            self.status.setText(
                self.tr("Le fichier ne peut pas être importé ainsi :\n{0}").format("\n".join(lines))
            )
        else:
            notes = "".join(f"\n• {note}" for note in plan_notes(plan))
            self.status.setText(
                self.tr(
                    "{0} réponse(s) à enregistrer, dont {1} rattachée(s) à une sollicitation."
                ).format(len(plan.responses), plan.attached)
                + notes
            )
        self.import_button.setEnabled(plan.ok)
