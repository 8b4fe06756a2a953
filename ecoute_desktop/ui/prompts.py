"""The one seam for message boxes and file dialogs; tests monkeypatch these functions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def _widen(box: QMessageBox, text: str) -> None:
    """Long questions get a wider box (QMessageBox wraps them in a narrow column)."""
    if len(text) <= 200:
        return
    width = box.fontMetrics().averageCharWidth() * 60
    screen = box.screen()
    if screen is not None:  # never wider than most of the screen (small laptop at 200 %)
        width = min(width, int(screen.availableGeometry().width() * 0.7))
    box.setStyleSheet(f"QLabel#qt_msgbox_label {{ min-width: {width}px; }}")


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    _widen(box, text)
    yes = box.addButton("Oui", QMessageBox.ButtonRole.YesRole)
    box.addButton("Non", QMessageBox.ButtonRole.NoRole)
    box.exec()
    return box.clickedButton() is yes


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


def ask_print(parent: QWidget | None, printer: object, page_count: int) -> bool:
    """The system print dialog for `printer` (a QPrinter); True when the user confirms."""
    from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog

    dialog = QPrintDialog(printer, parent)  # type: ignore[arg-type]
    dialog.setMinMax(1, max(1, page_count))
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    """A one-line answer, or None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    answer, ok = QInputDialog.getText(parent, title, label, text=text)
    return answer if ok else None


def ask_passphrase(parent: QWidget | None, title: str, label: str) -> str | None:
    """A passphrase typed in a masked field, or None when cancelled."""
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    answer, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return answer if ok and answer else None


def ask_yes_no_details(parent: QWidget | None, title: str, text: str, details: str) -> bool:
    """Like `ask_yes_no`, with a long list under « Afficher les détails… »."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    _widen(box, text)
    box.setDetailedText(details)
    yes = box.addButton("Oui", QMessageBox.ButtonRole.YesRole)
    box.addButton("Non", QMessageBox.ButtonRole.NoRole)
    box.exec()
    return box.clickedButton() is yes
