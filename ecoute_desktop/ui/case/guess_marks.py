"""« à vérifier » marks beside the fields the e-mail reader guessed, until the hotliner confirms."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ecoute_desktop.ui.common.palette import colours, notice_style


def _mark_style() -> str:
    scheme = colours()
    return (
        f"QPushButton {{ background: {scheme.notice_background}; color: {scheme.notice_text};"
        f" border: 1px solid {scheme.notice_border}; border-radius: 4px; padding: 2px 8px; }}"
        f" QPushButton:focus {{ border: 2px solid {scheme.focus}; }}"
    )


class GuessMark(QPushButton):
    """A button « à vérifier »: pressing it (click, Space or Enter) confirms the guess."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        self.pending = False
        self.setStyleSheet(_mark_style())
        self.setToolTip(
            self.tr("Deviné dans le courriel : vérifiez le champ, puis appuyez ici pour confirmer.")
        )
        self.clicked.connect(self.confirm)
        self.hide()

    def flag(self, reason: str = "") -> None:
        """Show the mark; `reason` (the words read) is shown with it."""
        self.pending = True
        text = self.tr("à vérifier")
        self.setText(f"{text} : {reason}" if reason else text)
        self.setAccessibleName(
            self.tr("{0} : à vérifier, appuyer pour confirmer").format(self.label)
        )
        self.show()

    def confirm(self) -> None:
        self.pending = False
        self.hide()


class GuessMarks(QObject):
    """The marks of one form, by field key; `changed` when one is flagged or confirmed."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.marks: dict[str, GuessMark] = {}

    def beside(self, key: str, label: str, field: QWidget, stretch: bool = True) -> QHBoxLayout:
        """`field` with its (hidden) mark on its right, for a form row.

        Without `stretch` (a check box) the mark sits right after the field.
        """
        mark = GuessMark(label)
        mark.clicked.connect(self.changed)
        self.marks[key] = mark
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(field, 1 if stretch else 0)
        row.addWidget(mark)
        if not stretch:
            row.addStretch(1)
        return row

    def flag(self, keys: frozenset[str] | set[str], reasons: dict[str, str] | None = None) -> None:
        """Mark these fields (and only these) « à vérifier »."""
        for key, mark in self.marks.items():
            if key in keys:
                mark.flag((reasons or {}).get(key, ""))
            else:
                mark.confirm()
        self.changed.emit()

    def confirm(self, key: str) -> None:
        """The hotliner changed the field: it is theirs now."""
        mark = self.marks.get(key)
        if mark is not None and mark.pending:
            mark.confirm()
            self.changed.emit()

    def confirm_all(self) -> None:
        for mark in self.marks.values():
            mark.confirm()
        self.changed.emit()

    def pending(self) -> list[str]:
        """Keys still to check, in form order."""
        return [key for key, mark in self.marks.items() if mark.pending]

    def pending_labels(self) -> list[str]:
        return [self.marks[key].label for key in self.pending()]

    def first_pending(self) -> GuessMark | None:
        keys = self.pending()
        return self.marks[keys[0]] if keys else None


class GuessesBanner(QWidget):
    """« Champs devinés dans le courriel… » with « Tout est vérifié », shown while any is left."""

    def __init__(self, marks: GuessMarks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Champs à vérifier"))
        self.setStyleSheet(notice_style("QWidget", border=False))
        text = QLabel(
            self.tr(
                "Certains champs ont été devinés dans le courriel (marqués « à vérifier ») :"
                " vérifiez-les avant d'enregistrer."
            )
        )
        text.setWordWrap(True)
        self.all_checked_button = QPushButton(self.tr("Tout est vérifié"))
        self.all_checked_button.setAccessibleName(self.tr("Tous les champs devinés sont vérifiés"))
        self.all_checked_button.clicked.connect(marks.confirm_all)
        row = QHBoxLayout(self)
        row.addWidget(text, 1)
        row.addWidget(self.all_checked_button)
        self.hide()
        marks.changed.connect(lambda: self.setVisible(bool(marks.pending())))
