"""Every main view fits a 1280×720 laptop window at 200 % text, without cut labels.

Pins: with each view shown (and all views built, since the window must fit the widest
of them), the window's minimum size fits 1280×720; no label whose text is wider than
itself unless it wraps; no list of cases scrolls sideways; spin boxes and combo boxes get
wider buttons at 200 % than at 100 % (the proxy style scales them with the text).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QSpinBox,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionSpinBox,
)

from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.services.demo import populate
from ecoute_desktop.store import Store
from ecoute_desktop.ui.common import text_size
from ecoute_desktop.ui.window.main_window import MainWindow
from ecoute_desktop.ui.window.views import VIEWS
from tests.desk_support import isolated_settings, make_context  # noqa: F401

LAPTOP = (1280, 720)
CC, SC = QStyle.ComplexControl, QStyle.SubControl


@pytest.fixture
def window(qtbot, store: Store) -> MainWindow:
    now = utc_now()
    populate(store, 40, (now - timedelta(days=60)).date(), now.date())
    text_size.apply_scale(200, remember=False)
    main = MainWindow(make_context(store))
    qtbot.addWidget(main)
    main.resize(*LAPTOP)
    main.show()
    return main


def _cut_labels(view) -> list[str]:
    cut = []
    for label in view.findChildren(QLabel):
        if not label.isVisible() or label.wordWrap() or not label.text():
            continue
        if label.minimumSizeHint().width() > label.width() + 1:
            cut.append(label.text())
    return cut


def _shown_width(table) -> int:
    model = table.model()
    return sum(
        table.columnWidth(c) for c in range(model.columnCount()) if not table.isColumnHidden(c)
    )


@pytest.mark.parametrize("key", [spec.key for spec in VIEWS])
def test_each_view_fits_a_laptop_at_200_percent(qtbot, window: MainWindow, key: str) -> None:
    for spec in VIEWS:  # the stack is as large as its largest page: build them all
        window.view(spec.key)
    view = window.show_view(key)
    window.context.runner.wait()
    qtbot.wait(1)
    window.resize(*LAPTOP)
    qtbot.wait(1)
    hint = window.minimumSizeHint()
    assert hint.width() <= LAPTOP[0] and hint.height() <= LAPTOP[1], (key, hint)
    assert (window.width(), window.height()) == LAPTOP
    assert _cut_labels(view) == []


def test_case_list_never_scrolls_sideways(qtbot, window: MainWindow) -> None:
    view = window.show_view("cases")
    qtbot.waitUntil(lambda: not view.loading)
    qtbot.wait(1)
    table = view.table
    assert _shown_width(table) <= table.viewport().width()
    headers = [
        table.model().headerData(c, Qt.Orientation.Horizontal)
        for c in range(table.model().columnCount())
        if not table.isColumnHidden(c)
    ]
    for essential in ("Référence", "Reçue le", "Adhérent", "Étape", "Urgent"):
        assert essential in headers
    row = table.model().index(0, 0)
    tip = row.data(Qt.ItemDataRole.ToolTipRole)  # keeps what is elided or hidden
    assert view.model.row_at(0).member_name in tip


@pytest.mark.parametrize("scale", [200, 100])
def test_case_list_keeps_every_date_whole(qtbot, window: MainWindow, scale: int) -> None:
    """« Reçue le » is never elided (it was « 01/12/2…19 h 54 »): other columns give way."""
    window.set_text_scale(scale)
    view = window.show_view("cases")
    qtbot.waitUntil(lambda: not view.loading)
    qtbot.wait(1)
    table = view.table
    assert not table.isColumnHidden(1)
    assert table.sizeHintForColumn(1) <= table.columnWidth(1)
    assert _shown_width(table) <= table.viewport().width()


def test_case_page_fits_a_laptop_at_200_percent(qtbot, window: MainWindow) -> None:
    view = window.show_view("cases")
    qtbot.waitUntil(lambda: not view.loading)
    page = window.open_case(view.model.row_at(0).id)
    qtbot.wait(1)
    hint = window.minimumSizeHint()
    assert hint.width() <= LAPTOP[0] and hint.height() <= LAPTOP[1]
    assert _cut_labels(page) == []


def test_spin_and_combo_buttons_grow_with_the_text(qtbot) -> None:
    def buttons() -> tuple[int, int]:
        spin, combo = QSpinBox(), QComboBox()
        for widget in (spin, combo):
            qtbot.addWidget(widget)
            widget.resize(widget.sizeHint())
        spin_option, combo_option = QStyleOptionSpinBox(), QStyleOptionComboBox()
        spin_option.initFrom(spin)
        combo_option.initFrom(combo)
        style = spin.style()
        up = style.subControlRect(CC.CC_SpinBox, spin_option, SC.SC_SpinBoxUp, spin)
        arrow = style.subControlRect(CC.CC_ComboBox, combo_option, SC.SC_ComboBoxArrow, combo)
        return up.width(), arrow.width()

    text_size.apply_scale(100, remember=False)
    small = buttons()
    text_size.apply_scale(200, remember=False)
    large = buttons()
    assert large[0] >= small[0] * 1.8 and large[1] >= small[1] * 1.8
