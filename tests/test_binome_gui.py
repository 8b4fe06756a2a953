"""The pair in the GUI: two bases linked in Paramètres › Binôme (words drawn on one, typed
on the other), an exchange folder, « Échanger avec mon binôme », and the partner's new
request on « Aujourd'hui » with who follows it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ecoute_desktop.domain.models import Case, Hotliner, Member
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.store import Store
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.binome_support import PHRASE, RAW_KEY, exchange
from tests.desk_support import isolated_settings, make_context

__all__ = ["isolated_settings"]


def _window(qtbot, path: Path, me: Hotliner, partner: Hotliner) -> MainWindow:
    store = Store.create(path, RAW_KEY)
    store.people.set_binome(store.people.save(me), store.people.save(partner))
    window = MainWindow(make_context(store))
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def windows(qtbot, tmp_path: Path) -> Iterator[tuple[MainWindow, MainWindow]]:
    martine = _window(
        qtbot,
        tmp_path / "martine.db",
        Hotliner("Durand", "Martine", is_self=True),
        Hotliner("Petit", "Jean"),
    )
    jean = _window(
        qtbot,
        tmp_path / "jean.db",
        Hotliner("Petit", "Jean", is_self=True),
        Hotliner("Durand", "Martine"),
    )
    yield martine, jean
    for window in (martine, jean):
        window.context.runner.wait()


def test_two_bases_linked_exchange_through_a_folder_and_see_the_partners_request(
    qtbot, tmp_path: Path, windows: tuple[MainWindow, MainWindow], monkeypatch
) -> None:
    martine, jean = windows
    folder = tmp_path / "Nextcloud" / "binome"
    folder.mkdir(parents=True)
    said: list[str] = []
    monkeypatch.setattr(prompts, "inform", lambda parent, title, text: said.append(text))
    monkeypatch.setattr(prompts, "ask_directory", lambda *args, **kwargs: folder)
    # Martine draws the phrase; Jean types it back, in capitals and without accents.
    panel = martine.show_view("settings").pair
    qtbot.mouseClick(panel.draw_button, Qt.MouseButton.LeftButton)
    phrase = re.search(r"<b>(.*)</b>", panel.phrase_label.text()).group(1)
    assert len(phrase.split()) == 9
    jean_panel = jean.show_view("settings").pair
    qtbot.keyClicks(jean_panel.phrase_edit, phrase.upper().replace("É", "E").replace("È", "E"))
    qtbot.keyClick(jean_panel.phrase_edit, Qt.Key.Key_Return)
    assert "liée" in jean_panel.message.text(), jean_panel.message.text()
    for settings_panel in (panel, jean_panel):
        qtbot.mouseClick(settings_panel.choose_button, Qt.MouseButton.LeftButton)
        assert settings_panel.folder_edit.text() == str(folder)
    # Jean takes a request, then exchanges (his file goes to the folder).
    services = jean.context.services
    jean_me = services.people.me()
    assert jean_me is not None
    received = utc_now() - timedelta(hours=30)
    services.cases.create(
        Case(
            "",
            received,
            Member("Fictif", "Alix", collectivite="Commune fictive"),
            hotliner_id=jean_me.id,
        )
    )
    jean.exchange_action.trigger()
    assert list(folder.glob("*.ecoute-binome")), said
    # Martine exchanges: the summary names Jean, « Aujourd'hui » shows his request.
    martine.exchange_action.trigger()
    assert said[-1].startswith("1 nouvelle sollicitation de Jean Petit"), said
    today = martine.show_view("today")
    today.refresh()
    rows = [
        [today.to_acknowledge.index(r, c).data() for c in range(today.to_acknowledge.columnCount())]
        for r in range(today.to_acknowledge.rowCount())
    ]
    assert any("Alix FICTIF" in row and "Jean Petit" in row for row in rows), rows
    assert "Dont 1 suivie(s) par votre binôme Jean Petit" in today.ack_title.text()
    assert "Dernier échange" in martine.exchange_action.toolTip()
    assert "dernier échange avec votre binôme" in martine.status_label.text()
    assert datetime.now(UTC) > received


def test_a_case_edited_on_both_laptops_shows_the_other_value(
    qtbot, tmp_path: Path, windows: tuple[MainWindow, MainWindow]
) -> None:
    martine, jean = windows
    for window in (martine, jean):
        window.context.services.pair.link(PHRASE)
    case = martine.context.services.cases.create(
        Case("", utc_now(), Member("Fictif", "Alix", telephone="0600000000"))
    )
    exchange(martine.context.services, jean.context.services, tmp_path, "debut")
    (jean_id,) = jean.context.services.cases.search("Fictif")
    for window, case_id, phone in ((martine, case.id, "0611111111"), (jean, jean_id, "0622222222")):
        services = window.context.services
        edited = services.cases.get(case_id)
        edited.member.telephone = phone
        services.cases.update_member(case_id, edited.member)
    exchange(jean.context.services, martine.context.services, tmp_path, "jean")
    page = martine.open_case(case.id)
    label = page.workflow.both_edits
    kept = martine.context.services.cases.get(case.id).member.telephone
    other = {"0611111111", "0622222222"} - {kept}
    assert label.isVisible()
    assert "Modifié aussi par" in label.text() and other.pop() in label.text(), label.text()


def test_with_a_folder_the_file_is_written_at_lock_and_read_at_unlock(
    qtbot, tmp_path: Path, windows: tuple[MainWindow, MainWindow]
) -> None:
    from ecoute_desktop.ui.safety.locking import AutoLock

    martine, jean = windows
    folder = tmp_path / "partage"
    folder.mkdir()
    for window in (martine, jean):
        window.context.services.pair.link(PHRASE)
        window.context.services.pair.set_folder(str(folder))
    jean.context.services.cases.create(Case("", utc_now(), Member("Fictif", "Alix")))
    locks = []
    for window in (jean, martine):
        lock = AutoLock(window, window.context, idle_ms=3_600_000)
        window.auto_lock = lock
        locks.append(lock)
        lock.lock()
    assert [p.name.startswith("binome-") for p in folder.iterdir()] == [True, True]
    martine_lock = locks[1]
    assert martine_lock.screen is not None
    martine_lock.screen.passphrase_edit.setText(RAW_KEY)
    with qtbot.waitSignal(martine_lock.unlocked, timeout=5000):
        martine_lock.screen.try_unlock()
    martine.context.runner.wait()  # the folder is read on the background runner
    qtbot.waitUntil(lambda: bool(martine.pair_exchange.last_summary), timeout=5000)
    assert martine.context.services.cases.search("Fictif")  # Jean's request came in
    assert "1 nouvelle sollicitation de Jean Petit" in martine.pair_exchange.last_summary
    for lock in locks:
        lock.stop()


def test_without_a_folder_the_exchange_asks_for_the_files(
    tmp_path: Path, windows: tuple[MainWindow, MainWindow], monkeypatch
) -> None:
    martine, jean = windows
    for window in (martine, jean):
        window.context.services.pair.link(PHRASE)
    jean.context.services.cases.create(Case("", utc_now(), Member("Fictif", "Alix")))
    jean_file, martine_file = (
        tmp_path / "de-jean.ecoute-binome",
        tmp_path / "de-martine.ecoute-binome",
    )
    said: list[str] = []
    monkeypatch.setattr(prompts, "inform", lambda parent, title, text: said.append(text))
    monkeypatch.setattr(prompts, "ask_open_path", lambda *args: None)  # nothing came yet
    monkeypatch.setattr(prompts, "ask_save_path", lambda *args: jean_file)
    jean.exchange_action.trigger()
    assert jean_file.exists() and "Envoyez-le à votre binôme" in said[-1]
    monkeypatch.setattr(prompts, "ask_open_path", lambda *args: jean_file)
    monkeypatch.setattr(prompts, "ask_save_path", lambda *args: martine_file)
    martine.exchange_action.trigger()
    assert said[-1].splitlines()[0] == "1 nouvelle sollicitation de Jean Petit"
    assert martine_file.exists()
