"""The passphrase field of the unlock window and the lock screen: label, hidden text, error line."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from ecoute_desktop.ui.common.palette import colours


class PassphraseEntry(QWidget):
    """« Phrase de passe : », its field (text hidden) and a red error line, hidden until needed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.edit.setAccessibleName(self.tr("Phrase de passe"))
        self.edit.setPlaceholderText(self.tr("Phrase de passe"))
        label = QLabel(self.tr("&Phrase de passe :"))
        label.setBuddy(self.edit)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {colours().late}; font-weight: bold;")
        self.error_label.setAccessibleName(self.tr("Message d'erreur"))
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (label, self.edit, self.error_label):
            layout.addWidget(widget)

    def passphrase(self, missing: str = "") -> str | None:
        """The typed passphrase; when the field is empty, say so (`missing`) and return None."""
        text = self.edit.text()
        if not text:
            self.show_error(missing or self.tr("Saisissez votre phrase de passe."))
            return None
        return text

    def show_error(self, text: str) -> None:
        """Show `text` under the field and put the cursor back in it, its text selected."""
        self.error_label.setText(text)
        self.error_label.show()
        self.edit.selectAll()
        self.edit.setFocus()
