"""The one seam for message boxes and file dialogs; tests monkeypatch these functions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

if TYPE_CHECKING:  # QtPrintSupport loads when printing only
    from PySide6.QtPrintSupport import QPrinter


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    """A question that changes nothing irreversible: « Oui » (default) or « Non »."""
    from ecoute_desktop.ui.common.question_dialog import QuestionDialog

    yes = QCoreApplication.translate("prompts", "Oui")
    no = QCoreApplication.translate("prompts", "Non")
    dialog = QuestionDialog(parent, title, text, yes, no)
    return dialog.exec() == QDialog.DialogCode.Accepted


def confirm_action(
    parent: QWidget | None,
    title: str,
    text: str,
    action: str,
    keep: str = "",
    details: str = "",
) -> bool:
    """Confirm an irreversible or risky action (erase, restore, purge, cancel, drop).

    The buttons name what they do (`action`, e.g. « Effacer », and `keep`, « Annuler » by
    default); the safe one is the default and answers Escape, so Enter never confirms.
    `details` (a long list) goes under « Afficher les détails… ».
    """
    from ecoute_desktop.ui.common.question_dialog import QuestionDialog

    cancel = QCoreApplication.translate("prompts", "Annuler")
    dialog = QuestionDialog(
        parent, title, text, action, keep or cancel, danger=True, details=details
    )
    return dialog.exec() == QDialog.DialogCode.Accepted


def ask_save_path(parent: QWidget | None, title: str, suggested: Path, filters: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
    return Path(name) if name else None


def ask_open_paths(parent: QWidget | None, title: str, filters: str) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(parent, title, "", filters)
    return [Path(n) for n in names]


def ask_open_path(parent: QWidget | None, title: str, filters: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, "", filters)
    return Path(name) if name else None


def ask_directory(parent: QWidget | None, title: str, start: Path | None = None) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, title, str(start or ""))
    return Path(name) if name else None


def ask_print(parent: QWidget | None, printer: QPrinter, page_count: int) -> bool:
    """The system print dialog for `printer` (a QPrinter); True when the user confirms."""
    from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog

    dialog = QPrintDialog(printer, parent)
    dialog.setMinMax(1, max(1, page_count))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """A one-line answer, or None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    answer, ok = QInputDialog.getText(parent, title, label, text=text)
    return answer if ok else None


def ask_choice(parent: QWidget | None, title: str, label: str, choices: list[str]) -> str | None:
    """One of `choices` (not editable), or None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    answer, ok = QInputDialog.getItem(parent, title, label, choices, 0, False)
    return answer if ok else None


def ask_passphrase(parent: QWidget | None, title: str, label: str) -> str | None:
    """A passphrase typed in a masked field, or None when cancelled."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    answer, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return answer if ok and answer else None
