"""Choosing a new passphrase: typed twice or proposed at random, judged as a cracker would.

Shared by the first-run assistant and the passphrase change dialog: the two fields with
« Afficher », « Proposer une phrase » (draw again as often as wanted), the meter, the time a
cracker needs in words, the advice, and « Fiche de secours (PDF)… » once the phrase is good.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.services.os_errors import error_text
from ecoute_desktop.services.passphrase.recovery_sheet import (
    FILE_ADVICE,
    WARNING,
    recovery_sheet_pdf,
    write_recovery_sheet,
)
from ecoute_desktop.services.passphrase.strength import GOAL_BITS, Verdict, judge

# The first-run assistant shows this first (issue 16): the word list and the time zones
# are loaded when a phrase is drawn or a sheet written, zxcvbn with the first phrase judged.
from ecoute_desktop.ui.common.palette import colours

METER_TOP = GOAL_BITS + 20  # the bar is full a little past the goal
SHEET_NAME = "fiche-de-secours-ecoute.pdf"


def _wrapped(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class NewPassphraseFields(QWidget):
    """`changed` fires on every edit; `is_complete()` says the phrase is good and confirmed."""

    changed = Signal()

    def __init__(
        self,
        db_location: Callable[[], Path],
        user_inputs: Callable[[], Sequence[str]] = list,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._db_location = db_location
        self._user_inputs = user_inputs
        self.verdict: Verdict = judge("")
        self.first_edit, self.second_edit = QLineEdit(), QLineEdit()
        for edit, name in (
            (self.first_edit, self.tr("Phrase de passe")),
            (self.second_edit, self.tr("Phrase de passe, à nouveau")),
        ):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setAccessibleName(name)
            edit.textChanged.connect(self._update)
        self.show_button = QPushButton(self.tr("Afficher"))
        self.show_button.setCheckable(True)
        self.show_button.setAccessibleName(self.tr("Afficher la phrase de passe"))
        self.show_button.toggled.connect(self._toggle_echo)
        self.suggest_button = QPushButton(self.tr("Proposer une phrase"))
        self.suggest_button.setAccessibleName(self.tr("Proposer une phrase tirée au hasard"))
        self.suggest_button.clicked.connect(self.propose)
        self.sheet_button = QPushButton(self.tr("Fiche de secours (PDF)…"))
        self.sheet_button.setAccessibleName(self.tr("Enregistrer la fiche de secours"))
        self.sheet_button.clicked.connect(self.save_sheet)
        for button in (self.show_button, self.suggest_button, self.sheet_button):
            button.setAutoDefault(False)  # Enter goes to the window's own default button
        self.meter = QProgressBar()
        self.meter.setRange(0, METER_TOP)
        self.meter.setTextVisible(False)
        self.meter.setAccessibleName(self.tr("Solidité de la phrase de passe"))
        self.level_label = QLabel()
        self.advice_label = _wrapped()
        self.advice_label.setAccessibleName(self.tr("Avis sur la phrase de passe"))
        self.match_label = _wrapped()
        self.shown_label = _wrapped()  # the whole phrase, large, when shown: to copy it out
        self.shown_label.setAccessibleName(self.tr("Phrase de passe affichée"))
        # By name: the Qt namespace's enums cost ~20 ms to create (see unlock_dialog).
        self.shown_label.setProperty("textInteractionFlags", "TextSelectableByMouse")
        font = self.shown_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.shown_label.setFont(font)
        self.sheet_label = _wrapped(
            self.tr("Fiche de secours : à imprimer et garder chez vous. {0}").format(WARNING)
        )
        self.sheet_label.setAccessibleName(self.tr("Avertissement sur la fiche de secours"))
        entry = QHBoxLayout()
        entry.addWidget(self.first_edit, 1)
        entry.addWidget(self.show_button)
        draw = QHBoxLayout()
        draw.addWidget(self.suggest_button)
        draw.addStretch(1)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Phrase de passe :"), entry)
        form.addRow("", self.shown_label)
        form.addRow("", draw)
        form.addRow(self.tr("Confirmation :"), self.second_edit)
        form.addRow(self.tr("Solidité :"), self.meter)
        form.addRow("", self.level_label)
        sheet = QHBoxLayout()
        sheet.addWidget(self.sheet_button)
        sheet.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.advice_label)
        layout.addWidget(self.match_label)
        layout.addLayout(sheet)
        layout.addWidget(self.sheet_label)
        self._update()

    @property
    def passphrase(self) -> str:
        return self.first_edit.text()

    def propose(self) -> None:
        """Draw a fresh phrase into both fields and show it, to read and copy out."""
        from ecoute_desktop.services.passphrase.drawing import suggest

        phrase = suggest()
        self.first_edit.setText(phrase)
        self.second_edit.setText(phrase)
        self.show_button.setChecked(True)
        for edit in (self.first_edit, self.second_edit):
            edit.setCursorPosition(0)  # the phrase's first words, not its last
        self.first_edit.setFocus()

    def _toggle_echo(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.first_edit.setEchoMode(mode)
        self.second_edit.setEchoMode(mode)
        self.show_button.setText(self.tr("Masquer") if shown else self.tr("Afficher"))
        self._show_phrase()

    def _show_phrase(self) -> None:
        text = self.first_edit.text()
        self.shown_label.setVisible(self.show_button.isChecked() and bool(text))
        self.shown_label.setText(f"<b>{html.escape(text)}</b>" if text else "")

    def _update(self) -> None:
        text = self.first_edit.text()
        self.verdict = judge(text, self._user_inputs())
        self.meter.setValue(min(METER_TOP, round(self.verdict.bits)) if text else 0)
        colour = colours().on_time if self.verdict.acceptable else colours().late
        self.meter.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; }}")
        self.level_label.setText(self.tr("<b>{0}</b>").format(self.verdict.level))
        self.advice_label.setText(self.verdict.advice if text else "")
        second = self.second_edit.text()
        if second and second != text:
            self.match_label.setText(self.tr("Les deux saisies ne sont pas identiques."))
        else:
            self.match_label.clear()
        self.sheet_button.setEnabled(self.is_complete())
        self._show_phrase()
        self.changed.emit()

    def is_complete(self) -> bool:
        return self.verdict.acceptable and self.first_edit.text() == self.second_edit.text()

    def clear(self) -> None:
        for edit in (self.first_edit, self.second_edit):
            edit.clear()

    def save_sheet(self) -> Path | None:
        """Write the « fiche de secours » where the user chooses; say to print, then delete it."""
        from ecoute_desktop.ui.common import prompts

        if not self.is_complete():
            return None
        target = prompts.ask_save_path(
            self,
            self.tr("Enregistrer la fiche de secours"),
            Path.home() / SHEET_NAME,
            self.tr("Document PDF (*.pdf)"),
        )
        if target is None:
            return None
        from ecoute_desktop.domain.timeutil import as_paris, utc_now

        data = recovery_sheet_pdf(self.passphrase, self._db_location(), as_paris(utc_now()))
        try:
            write_recovery_sheet(target, data)
        except OSError as error:
            prompts.warn(self, self.tr("Fiche de secours"), error_text(error))
            return None
        prompts.inform(
            self,
            self.tr("Fiche de secours"),
            self.tr("Fiche enregistrée dans « {0} ». {1}").format(target, FILE_ADVICE),
        )
        return target
