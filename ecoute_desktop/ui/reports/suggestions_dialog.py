"""« Suggestions des adhérents »: the questionnaire's free-text answers, newest first.

They stay in the encrypted base. The user ticks some, takes them into the text box,
edits them (removing anything identifying) and adds that text to a comment; nothing
else ever copies them into a report or an export.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.domain.satisfaction import Suggestion
from ecoute_desktop.domain.timeutil import as_paris
from ecoute_desktop.services.formatting import fr_date
from ecoute_desktop.ui.common.dialog_size import fit_to_screen

Index = QModelIndex | QPersistentModelIndex


class SuggestionsModel(QAbstractListModel):
    """The suggestions, each checkable."""

    def __init__(self, suggestions: list[Suggestion], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items = suggestions
        self._checked = [False] * len(suggestions)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            day = fr_date(as_paris(item.submitted_at).date())
            return f"{day} — {item.question} :\n{item.body}"
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = self._checked[index.row()]
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        self._checked[index.row()] = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, index, [role])
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def checked_texts(self) -> list[str]:
        return [item.body for item, on in zip(self._items, self._checked, strict=True) if on]


class SuggestionsDialog(QDialog):
    """Accepted with `chosen_text()`: the edited text to add to the comment."""

    def __init__(self, suggestions: list[Suggestion], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Suggestions des adhérents"))
        self.model = SuggestionsModel(suggestions, self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setAccessibleName(self.tr("Suggestions, les plus récentes d'abord"))
        hint = QLabel(
            self.tr(
                "Réponses libres au questionnaire, les plus récentes d'abord. Cochez celles à"
                " reprendre (Espace), reprenez-les ci-dessous, retirez tout ce qui permettrait"
                " de reconnaître quelqu'un, puis ajoutez le texte au commentaire."
            )
        )
        if not suggestions:
            hint.setText(self.tr("Aucune suggestion n'a encore été importée."))
        hint.setWordWrap(True)
        self.take_button = QPushButton(self.tr("Reprendre les suggestions cochées"))
        self.take_button.clicked.connect(self.take_checked)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(self.tr("Texte à ajouter au commentaire (modifiable)"))
        self.editor.setTabChangesFocus(True)
        editor_label = QLabel(self.tr("&Texte à ajouter (modifiable) :"))
        editor_label.setBuddy(self.editor)
        buttons = QDialogButtonBox()
        self.add_button = buttons.addButton(
            self.tr("Ajouter au commentaire"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Fermer"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.editor.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.view, 2)
        layout.addWidget(self.take_button)
        layout.addWidget(editor_label)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
        self._update()
        fit_to_screen(self)

    def take_checked(self) -> None:
        """Put the ticked suggestions in the text box, one per paragraph, to edit."""
        texts = self.model.checked_texts()
        if texts:
            current = self.editor.toPlainText().strip()
            self.editor.setPlainText("\n\n".join([current, *texts] if current else texts))
            self.editor.setFocus()

    def chosen_text(self) -> str:
        return self.editor.toPlainText().strip()

    def _update(self) -> None:
        self.add_button.setEnabled(bool(self.chosen_text()))
