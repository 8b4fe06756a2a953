"""« Aujourd'hui » after an exchange: the same e-mail taken on both laptops is said on one
line, its button (reached from the keyboard) opens the choice, the case chosen is kept and
the other classed as its duplicate, here and, after the next exchange, on the partner's."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from ecoute_desktop.domain.models import Hotliner
from ecoute_desktop.domain.workflow import DropReason, Status
from ecoute_desktop.store import Store
from ecoute_desktop.ui.today.twice_taken_line import KeepOneDialog
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.binome_support import PHRASE, RAW_KEY, exchange
from tests.desk_support import isolated_settings, make_context
from tests.test_binome_twice_taken import take_mail

__all__ = ["isolated_settings"]


def _window(qtbot, path: Path, me: Hotliner, partner: Hotliner) -> MainWindow:
    store = Store.create(path, RAW_KEY)
    store.people.set_binome(store.people.save(me), store.people.save(partner))
    window = MainWindow(make_context(store))
    qtbot.addWidget(window)
    window.show()
    window.context.services.pair.link(PHRASE)
    return window


@pytest.fixture
def windows(qtbot, tmp_path: Path) -> Iterator[tuple[MainWindow, MainWindow]]:
    martine_me, jean_me = Hotliner("Durand", "Martine"), Hotliner("Petit", "Jean")
    me = Hotliner("Durand", "Martine", is_self=True)
    martine = _window(qtbot, tmp_path / "m.db", me, jean_me)
    jean = _window(qtbot, tmp_path / "j.db", Hotliner("Petit", "Jean", is_self=True), martine_me)
    yield martine, jean
    for window in (martine, jean):
        window.context.runner.wait()


def test_today_says_it_and_keeping_one_classes_the_other_on_both(
    qtbot, tmp_path: Path, windows: tuple[MainWindow, MainWindow], monkeypatch
) -> None:
    martine, jean = windows
    ms, js = martine.context.services, jean.context.services
    hers, his = take_mail(ms), take_mail(js)
    her_ref, his_ref = ms.cases.get(hers).reference, js.cases.get(his).reference
    exchange(js, ms, tmp_path, "jean")
    today = martine.show_view("today")
    today.refresh()
    line = today.twice_taken
    assert line.isVisible()
    (button,) = line.buttons
    assert her_ref in button.accessibleName() and his_ref in button.accessibleName()
    texts = " ".join(label.text() for label in line.findChildren(type(today.date_label)))
    assert (
        f"La même demande a été prise sur les deux ordinateurs : {her_ref} et {his_ref}." in texts
    )
    (pair,) = ms.pair.twice_taken()
    his_here = pair.other_than(hers).id  # Jean's case as Martine's base holds it
    seen: list[str] = []

    def keep_jeans(dialog: KeepOneDialog) -> int:
        seen.append(dialog.accessibleName())
        assert dialog.keep_button.isDefault()
        assert dialog.choices[pair.proposed.id].isChecked()
        dialog.choices[his_here].setChecked(True)  # the user chooses Jean's
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(KeepOneDialog, "exec", keep_jeans)
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert seen == ["Une demande prise deux fois"]
    qtbot.waitUntil(lambda: not line.isVisible(), timeout=5000)
    mine = ms.cases.get(hers)
    assert (mine.status, mine.drop_reason) == (Status.DROPPED, DropReason.DUPLICATE)
    assert his_ref in mine.events[-1].comment
    assert ms.cases.get(his_here).status is Status.RECEIVED  # kept, untouched

    exchange(ms, js, tmp_path, "martine")
    jean_today = jean.show_view("today")
    jean_today.refresh()
    assert not jean_today.twice_taken.isVisible()
    assert js.cases.get(his).status is Status.RECEIVED
    (copy,) = [i for i in js.cases.search(her_ref) if i != his]
    assert js.cases.get(copy).drop_reason is DropReason.DUPLICATE
