"""The 48-hour clock tells the truth (issue 19).

The acknowledgment counts when the confirmation is marked sent, not when its draft is
written; « Aujourd'hui » lists requests due within 12 hours; a desktop notification,
through an injected notifier and a fake clock (no sleeping), warns once of a deadline
within 6 hours, also while the base is locked, names nobody, and a setting turns it off.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ecoute_desktop.domain.deadlines import notification_text
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.domain.workflow import Status
from ecoute_desktop.store import Store
from ecoute_desktop.ui.case import confirmation_dialog
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.settings.settings_view import DisplayPanel
from ecoute_desktop.ui.today.deadline_watcher import DeadlineWatcher
from ecoute_desktop.ui.today.today_view import TodayView
from tests.conftest import PASSPHRASE
from tests.desk_support import add_case, isolated_settings, make_context  # noqa: F401


class FakeClock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_the_acknowledgment_counts_when_marked_sent(
    qtbot, store: Store, tmp_path: Path, monkeypatch
) -> None:
    context = make_context(store)
    case = add_case(store, "Chantebois", utc_now() - timedelta(hours=40), email="c@example.org")
    context.services.cases.set_urgent(case.id, True)  # booked outside any slot
    context.services.agenda.book(case.id, None, utc_now() + timedelta(days=1))
    booked = store.cases.get(case.id)
    assert booked.status is Status.SCHEDULED and booked.acknowledged_at is None
    today = TodayView(context)
    qtbot.addWidget(today)
    today.refresh()
    assert [r.id for r in today.to_acknowledge.rows()] == [case.id]  # booked, not answered
    assert "1 à accuser dans les 12 heures" in today.ack_title.text()

    monkeypatch.setattr(confirmation_dialog, "show_in_system", lambda path: None)
    monkeypatch.setattr(prompts, "ask_save_path", lambda *a: tmp_path / "brouillon.eml")
    dialog = confirmation_dialog.ConfirmationDialog(context, case.id)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.eml_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "brouillon.eml").exists()
    assert store.cases.get(case.id).acknowledged_at is None  # a draft is not a reply
    before = utc_now()
    qtbot.mouseClick(dialog.sent_button, Qt.MouseButton.LeftButton)
    stamped = store.cases.get(case.id).acknowledged_at
    assert stamped is not None and stamped >= before.replace(microsecond=0)
    today.refresh()
    assert today.to_acknowledge.rows() == []


def test_notification_within_6_hours_once_even_locked_and_without_names(
    qtbot, store: Store, db_path: Path
) -> None:
    context = make_context(store)
    received = datetime(2026, 3, 10, 13, 0, tzinfo=UTC)  # 14 h in Paris; due 12 March 14 h
    case = add_case(store, "Rochebrune", received, email="r@example.org")
    clock = FakeClock(received + timedelta(hours=41))  # 7 h left
    shown: list[tuple[str, str]] = []
    watcher = DeadlineWatcher(context.services, clock, lambda t, m: shown.append((t, m)))
    watcher.timer.stop()  # ticks are driven by the test
    assert watcher.check() == "" and shown == []

    context.services.session.disconnect()  # locked: the deadlines read before are kept
    clock.now = received + timedelta(hours=43)  # 5 h left
    watcher.timer.timeout.emit()
    assert [m for _, m in shown] == ["1 demande attend un accusé de réception avant 14 h"]
    for title, text in shown:
        for personal in ("Rochebrune", "Anne", case.reference, "r@example.org"):
            assert personal not in title + text
    clock.now += timedelta(minutes=30)
    watcher.timer.timeout.emit()
    assert len(shown) == 1  # once per deadline

    context.services.session.reconnect(PASSPHRASE)
    add_case(store, "Valcombe", received + timedelta(hours=1))
    context.services.settings.set_deadline_notifications(False)
    clock.now = received + timedelta(hours=44)
    watcher.timer.timeout.emit()
    assert len(shown) == 1  # turned off

    panel = DisplayPanel(context)  # the setting, as the user turns it back on
    qtbot.addWidget(panel)
    assert not panel.notify_box.isChecked()
    panel.notify_box.setChecked(True)
    watcher.timer.timeout.emit()
    assert shown[-1][1] == "2 demandes attendent un accusé de réception, la première avant 14 h"


@pytest.mark.parametrize(
    ("hours_left", "expected"),
    [
        (7, ""),
        (6, "1 demande attend un accusé de réception avant 14 h"),
        (0, ""),  # late: the list says so, the notification is for what can still be done
    ],
)
def test_notification_window(hours_left: int, expected: str) -> None:
    deadline = datetime(2026, 3, 12, 13, 0, tzinfo=UTC)
    assert notification_text([deadline], deadline - timedelta(hours=hours_left)) == expected


def test_a_deadline_after_midnight_says_tomorrow() -> None:
    deadline = datetime(2026, 3, 12, 1, 30, tzinfo=UTC)  # 2 h 30 in Paris
    now = datetime(2026, 3, 11, 21, 0, tzinfo=UTC)  # 22 h in Paris
    assert notification_text([deadline], now).endswith("avant demain 2 h 30")
