"""Every agenda, import, restore and new-case dialog is usable at 200 % text on a 1280×720 laptop.

Pins, at 200 %: each dialog's minimum size fits what a 1280×720 screen leaves once a task
bar (48 px) and a title bar (32 px) are taken, and is no wider than the 90 % that
`size_in_text` gives it (a label that does not wrap used to widen « Modèles » past it, and
the « Binôme » tab made « Créneaux » 645 px high: its pages now scroll); at that size every
button is inside the dialog and no label is cut; an import reason never wraps inside
« JJ/MM/AAAA » nor leaves « alone at a line end; a clean import's preview is as tall as its
text, not half empty; « Nouvelle sollicitation » scrolls its form and keeps its
messages and buttons in sight.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QDialog, QLabel, QScrollArea, QWidget

from ecoute_desktop.services.app import Services
from ecoute_desktop.services.csv_import import parse_cases_csv
from ecoute_desktop.ui.agenda.booking_dialog import BookingDialog
from ecoute_desktop.ui.agenda.slots_dialog import SlotsDialog
from ecoute_desktop.ui.case.confirmation_dialog import ConfirmationDialog
from ecoute_desktop.ui.case.new_case_dialog import NewCaseDialog
from ecoute_desktop.ui.cases.cases_import import ImportPreviewDialog, unbroken
from ecoute_desktop.ui.cases.import_format import ImportFormatDialog
from ecoute_desktop.ui.common.question_dialog import QuestionDialog
from ecoute_desktop.ui.settings.templates_dialog import TemplatesDialog
from tests.agenda_helpers import add_case
from tests.csv_import_helpers import member, write_csv

LAPTOP_WIDTH = 1280
ROOM = (LAPTOP_WIDTH - 16, 720 - 48 - 32)  # less the frame, a task bar and a title bar
SHARE = int(LAPTOP_WIDTH * 0.9)


@pytest.fixture
def context(slots_context):
    return slots_context  # tests/conftest.py: a pair with slots every day, 8 h–20 h


def _dialogs(context, store, tmp_path: Path) -> list[QDialog]:
    case_id = add_case(store)
    booking = BookingDialog(context, case_id)
    first = booking.free_times()[0]
    Services(store).agenda.book(case_id, first.hotliner_id, first.starts_at, "test")
    clean = write_csv(
        tmp_path / "propre.csv", [member(i, reference=f"2019-{i:04d}") for i in (1, 2)]
    )
    wrong = write_csv(
        tmp_path / "fautif.csv",
        [member(1, date_reception="31/02/2025"), member(2, thematiques="Jardinage")] * 4,
    )
    restore = (
        "Restaurer la sauvegarde du jeudi 26 novembre 2026 à 7 h 59 (dossier « /media/cle-usb/"
        "sauvegardes-du-point-ecoute »), 120 sollicitation(s) ? La base actuelle sera mise de"
        " côté dans le même dossier : rien n'est effacé. " * 3
    )
    return [
        booking,
        SlotsDialog(context),
        ConfirmationDialog(context, case_id),
        TemplatesDialog(context),
        ImportPreviewDialog(parse_cases_csv(clean, store), clean),
        ImportPreviewDialog(parse_cases_csv(wrong, store), wrong),
        ImportFormatDialog(),
        QuestionDialog(None, "Restaurer une sauvegarde", restore, "Restaurer", "Annuler"),
        NewCaseDialog(context),
    ]


def _inside(widget: QWidget, dialog: QDialog) -> bool:
    corner = widget.mapTo(dialog, widget.rect().topLeft())
    return dialog.rect().contains(QRect(corner, widget.size()))


def _scrolls(widget: QWidget) -> bool:
    """In a scroll area: reachable by scrolling even when outside the visible part."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _problems(dialog: QDialog) -> list[str]:
    found = []
    for button in dialog.findChildren(QAbstractButton):
        if button.isVisible() and not _scrolls(button) and not _inside(button, dialog):
            found.append(f"button off the dialog: {button.text()}")
    for label in dialog.findChildren(QLabel):
        shown = label.isVisible() and not label.wordWrap() and label.text()
        if shown and label.minimumSizeHint().width() > label.width() + 1:
            found.append(f"label cut: {label.text()}")
    return found


def test_dialogs_fit_a_laptop_at_200_percent(qtbot, context, store, tmp_path, at_200) -> None:
    for dialog in _dialogs(context, store, tmp_path):
        qtbot.addWidget(dialog)
        name = type(dialog).__name__
        minimum = dialog.minimumSizeHint()
        assert minimum.width() <= SHARE, (name, minimum)
        assert minimum.height() <= ROOM[1], (name, minimum)
        dialog.resize(min(dialog.width(), ROOM[0]), min(dialog.height(), ROOM[1]))
        dialog.show()
        tabs = getattr(dialog, "tabs", None)
        for index in range(tabs.count() if tabs is not None else 1):
            if tabs is not None:
                tabs.setCurrentIndex(index)
            qtbot.wait(1)
            assert dialog.height() <= ROOM[1], name
            assert not _problems(dialog), (name, index, _problems(dialog))
        dialog.close()


def test_clean_import_preview_is_as_tall_as_its_text(qtbot, store, tmp_path, at_200) -> None:
    path = write_csv(tmp_path / "propre.csv", [member(1, reference="2019-0001")])
    dialog = ImportPreviewDialog(parse_cases_csv(path, store), path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.status.isVisible()  # no empty line above the buttons
    assert dialog.height() <= dialog.minimumSizeHint().height() + dialog.fontMetrics().height()
    dialog.set_busy(True)
    assert dialog.status.isVisible()


def test_import_reasons_wrap_between_words_only() -> None:
    shown = unbroken("thème inconnu « Jardinage » (attendu JJ/MM/AAAA ou « Parent/Enfant »)")
    assert "« " not in shown and " »" not in shown
    assert "JJ/\u2060MM/\u2060AAAA" in shown
    assert shown.replace("\u2060", "").replace("\u00a0", " ") == (
        "thème inconnu « Jardinage » (attendu JJ/MM/AAAA ou « Parent/Enfant »)"
    )


def test_new_case_messages_keep_the_buttons_in_sight(qtbot, context, at_200) -> None:
    dialog = NewCaseDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.error_label.isVisible()  # no empty line above the buttons
    dialog.returning_label.setText("Déjà venu : 2026-0001, 2026-0002. " * 4)
    dialog.returning_label.show()
    assert dialog.save() is None  # no name: « Indiquez au moins le nom… » in red
    assert dialog.error_label.isVisible()
    dialog.resize(ROOM[0], ROOM[1])
    qtbot.wait(1)
    assert dialog.minimumSizeHint().height() <= ROOM[1]
    assert dialog.height() <= ROOM[1]
    assert _inside(dialog.save_button, dialog)
    assert not _problems(dialog)
