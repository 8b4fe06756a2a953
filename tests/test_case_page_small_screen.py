"""A case page at 200 % on a 1280×720 laptop: the title and flags scroll with the page so the
panels get the height, the 48 h state (with the reference) stays on top next to « Retour »,
the new note is pinned under the page;
and in the cases list a long member name gives up its first name for an initial, not its
middle (« S. KERVELEC », not « Sébas…VELEC »), the full name staying in the tooltip."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea, QStyleOptionViewItem

from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.store import Store
from ecoute_desktop.ui.common.name_delegate import initial_name
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.desk_support import add_case, isolated_settings, make_context  # noqa: F401


@pytest.fixture
def window(qtbot, store: Store) -> MainWindow:
    main = MainWindow(make_context(store))
    qtbot.addWidget(main)
    main.resize(1280, 720)
    main.show()
    return main


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def open_case(window: MainWindow, store: Store, scale: int):
    case = add_case(
        store,
        "Le Govelec",
        utc_now() - timedelta(hours=3),
        prenom="Sébastien-Marie",
        collectivite="Communauté de communes de Haute-Sérène",
    )
    window.set_text_scale(scale)
    view = window.open_case(case.id)  # type: ignore[arg-type]
    settle()
    return view, case


def test_at_200_percent_the_header_scrolls_and_the_48h_state_stays(qtbot, window, store) -> None:
    view, case = open_case(window, store, 200)
    scroll = view.findChild(QScrollArea)
    page = scroll.widget()
    assert view.compact
    assert page.isAncestorOf(view.title_label) and page.isAncestorOf(view.urgent_box)
    assert not page.isAncestorOf(view.deadline_label)  # always on screen
    assert view.deadline_label.isVisible()
    assert case.reference in view.deadline_label.text()
    assert "Accusé de réception à envoyer" in view.deadline_label.text()
    # The panels get most of the page (they used to get ~300 of ~580 px): the scrolling
    # page and, pinned under it, the new note (always in sight, issue 20).
    assert not page.isAncestorOf(view.notes.editor) and view.notes.editor.isVisible()
    assert scroll.height() + view.notes.composer.height() >= 0.7 * view.height()
    assert scroll.height() >= 0.4 * view.height()
    # Tab still goes from « Retour » to « Urgent », then « Suivie par ».
    view.back_button.setFocus()
    qtbot.keyClick(view.back_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.urgent_box
    qtbot.keyClick(view.urgent_box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.handler.combo
    # Ticking « Urgent » from inside the page still updates the title.
    view.urgent_box.setChecked(True)
    assert "URGENT" in view.title_label.text()
    window.set_text_scale(100)


def test_at_100_percent_the_header_stays_whole_above_the_page(qtbot, window, store) -> None:
    view, case = open_case(window, store, 100)
    page = view.findChild(QScrollArea).widget()
    assert not view.compact
    for part in (view.title_label, view.deadline_label, view.urgent_box):
        assert not page.isAncestorOf(part)
    assert case.reference not in view.deadline_label.text()  # the title shows it above
    # A short window (or a text-size change) compacts it, a tall one brings it back.
    window.set_text_scale(200)
    settle()
    assert view.compact and page.isAncestorOf(view.title_label)
    window.set_text_scale(100)
    settle()
    assert not view.compact and not page.isAncestorOf(view.title_label)
    view.back_button.setFocus()  # Tab order unchanged by the moves
    qtbot.keyClick(view.back_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.urgent_box
    qtbot.keyClick(view.urgent_box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is view.handler.combo


def test_initial_keeps_the_surname_whole() -> None:
    assert initial_name("Sébastien", "Kervelec") == "S. KERVELEC"
    assert initial_name("Jean-Pierre", "Le Govelec") == "J.-P. LE GOVELEC"
    assert initial_name("Marie  Claire", "Orsenne") == "M. C. ORSENNE"
    assert initial_name("", "Orsenne") == "ORSENNE"


def test_long_names_in_the_list_show_an_initial_when_narrow(window, store) -> None:
    add_case(store, "Le Govelec", utc_now() - timedelta(hours=3), prenom="Sébastien-Marie")
    add_case(store, "Roy", utc_now() - timedelta(hours=4), prenom="Léa")
    window.set_text_scale(200)
    cases = window.show_view("cases")
    window.context.runner.wait()
    settle()
    table = cases.table
    delegate = table.itemDelegateForColumn(2)

    def shown(row: int) -> str:
        index = cases.model.index(row, 2)
        option = QStyleOptionViewItem()
        table.initViewItemOption(option)
        option.rect = table.visualRect(index)
        delegate.initStyleOption(option, index)
        return option.text

    rows = {cases.model.row_at(r).nom: r for r in range(cases.model.rowCount())}
    long_row = rows["Le Govelec"]
    assert shown(long_row) == "S.-M. LE GOVELEC"
    assert shown(rows["Roy"]) == "Léa ROY"  # fits: left whole
    index = cases.model.index(long_row, 2)
    assert index.data() == "Sébastien-Marie LE GOVELEC"  # screen readers, sorting
    assert "Sébastien-Marie LE GOVELEC" in index.data(Qt.ItemDataRole.ToolTipRole)
    window.set_text_scale(100)
    settle()
    assert shown(long_row) == "Sébastien-Marie LE GOVELEC"


def _in_sight(widget, window: MainWindow) -> bool:
    """Wholly inside the window and, if in the scrolling page, inside its viewport."""
    from PySide6.QtCore import QPoint, QRect

    page = window.case_view.scroll_area.viewport()
    if page.isAncestorOf(widget):  # its first lines at least within the page's viewport
        corner = widget.mapTo(page, QPoint(0, 0))
        lines = QRect(corner, widget.size()).intersected(page.rect())
        return lines.height() >= min(widget.height(), widget.fontMetrics().height() * 3)
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size()))


def test_at_200_percent_the_next_step_and_the_note_are_one_press_away(qtbot, window, store) -> None:
    """On a laptop at 200 %, « Suivi » is a screen down: the sticky bar under « Retour »
    shows its next step (the same button: pressing it acts), and « Écrire une note » puts
    the note editor in sight with the focus in it."""
    view, case = open_case(window, store, 200)
    bar = view.action_bar
    assert bar.isVisible() and _in_sight(bar, window)
    assert not _in_sight(view.workflow.next_button, window)  # what the bar is for
    shown = [m for m in bar.mirrors() if m.isVisible()]
    assert [m.text() for m in shown] == ["Accusé de réception envoyé", "Proposer un RDV…"]
    step = shown[0]
    assert step.text() == view.workflow.next_button.text()
    assert all(_in_sight(m, window) for m in shown)
    qtbot.mouseClick(step, Qt.MouseButton.LeftButton)
    settle()
    assert store.cases.get(case.id).status.name == "ACKNOWLEDGED"
    assert bar.mirrors()[0].text() == view.workflow.next_button.text()
    qtbot.mouseClick(bar.note_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _in_sight(view.notes.editor, window))
    assert view.notes.editor.hasFocus()


def test_at_100_percent_the_page_needs_no_bar(qtbot, window, store) -> None:
    window.resize(1366, 768)
    view, _ = open_case(window, store, 100)
    assert not view.action_bar.isVisible()
    assert _in_sight(view.workflow.next_button, window)
