"""« Relever la boîte » in the desk, against a real IMAP server (Dovecot).

Ctrl+R lists the three messages waiting (sender, subject, arrival, suggested member);
« Créer la sollicitation » opens the new-case form prefilled, and the case saved is
received at the message's arrival in the mailbox (not at its Date header); the message
then leaves the list. « Ce n'est pas une demande » removes one for good. A stopped server
is said in French in the dialog, and the window stays usable.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ecoute_desktop.ui.case.new_case_dialog import NewCaseDialog
from ecoute_desktop.ui.window.main_window import MainWindow
from tests import imap_server
from tests.desk_support import isolated_settings, make_context  # noqa: F401
from tests.imap_server import MAILBOX_PASSWORD, MAILBOX_USER, Dovecot
from tests.test_mailbox_pickup import ARRIVALS, connected, fill

dovecot = imap_server.dovecot  # the fixtures, shared with the other mailbox tests
imap_certificates = imap_server.imap_certificates


def _window(qtbot, store) -> MainWindow:
    window = MainWindow(make_context(store))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_pick_up_then_create_the_case_received_at_arrival(
    qtbot, qtmodeltester, store, dovecot: Dovecot
) -> None:
    fill(dovecot)
    dovecot.start()
    window = _window(qtbot, store)
    services = window.context.services
    connected(services, dovecot)

    focus = QApplication.focusWidget() or window
    qtbot.keyClick(focus, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = window.pickup_dialog
    assert dialog is not None
    window.context.runner.wait()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3)
    assert dialog.status.text() == "3 messages attendent une réponse."
    senders = [dialog.model.index(r, 0).data() for r in range(3)]
    assert senders[1] == "Marc Le Goff"
    assert "Mairie de Quimperlé" in dialog.model.index(1, 3).data()
    qtmodeltester.check(dialog.model)

    dialog.table.setCurrentIndex(dialog.model.index(1, 0))
    qtbot.mouseClick(dialog.take_button, Qt.MouseButton.LeftButton)
    form = window.new_case_dialogs[-1]
    assert isinstance(form, NewCaseDialog)
    assert form.edits["nom"].text() == "Le Goff"
    qtbot.mouseClick(form.all_checked_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    assert form.created is not None
    case = services.cases.get(int(form.created.id or 0))
    assert case.received_at == ARRIVALS[1]  # the arrival in the mailbox, to the second
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    assert "Le Goff" not in " ".join(dialog.model.index(r, 0).data() for r in range(2))

    dialog.table.setCurrentIndex(dialog.model.index(0, 0))
    qtbot.mouseClick(dialog.dismiss_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 1
    window.context.runner.wait()

    qtbot.mouseClick(dialog.again_button, Qt.MouseButton.LeftButton)
    window.context.runner.wait()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert [m.key for m in dialog.model.rows()] == ["<corpus-05@mail.example.org>"]
    assert services.cases.count() == 1  # one case, the one taken


def test_a_stopped_server_is_said_in_the_dialog(qtbot, store, dovecot: Dovecot) -> None:
    dovecot.start()
    window = _window(qtbot, store)
    connected(window.context.services, dovecot)
    dovecot.stop()
    dialog = window.pick_up_mail()
    window.context.runner.wait()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.status.text().startswith("Impossible de joindre le serveur de messagerie")
    assert not dialog.take_button.isEnabled()
    assert dialog.settings_button.isHidden()  # nothing to change in the settings


def test_not_configured_leads_to_the_settings(qtbot, store) -> None:
    window = _window(qtbot, store)
    dialog = window.pick_up_mail()
    window.context.runner.wait()
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.status.text().startswith("La boîte aux lettres n'est pas configurée")
    qtbot.mouseClick(dialog.settings_button, Qt.MouseButton.LeftButton)
    settings = window.stack.currentWidget()
    assert settings.rubrics.current_title() == "Messagerie"
    window.activateWindow()  # what the window manager does when the dialog hides
    qtbot.waitUntil(settings.mailbox.host_edit.hasFocus)


def test_settings_page_trusts_the_bridge_certificate_on_the_users_word(
    qtbot, store, dovecot: Dovecot, monkeypatch
) -> None:
    from ecoute_desktop.ui.common import prompts
    from ecoute_desktop.ui.mailbox.settings_panel import MailboxSettingsPanel

    fill(dovecot)
    dovecot.start()
    context = make_context(store)
    panel = MailboxSettingsPanel(context)
    qtbot.addWidget(panel)
    panel.host_edit.setText("127.0.0.1")
    panel.port_spin.setValue(dovecot.imaps_port)
    panel.user_edit.setText(MAILBOX_USER)
    panel.password_edit.setText(MAILBOX_PASSWORD)
    shown: list[str] = []
    answers = iter([False, True])

    def answer(parent, title, text, action, *rest) -> bool:
        shown.append(text)
        return next(answers)

    monkeypatch.setattr(prompts, "confirm_action", answer)
    for _ in range(2):
        qtbot.mouseClick(panel.test_button, Qt.MouseButton.LeftButton)
        context.runner.wait()
        qtbot.waitUntil(panel.test_button.isEnabled)
    fingerprint = dovecot.certificate.sha256.upper()
    assert fingerprint[:2] + ":" + fingerprint[2:4] in shown[0]  # shown, as Bridge shows it
    assert context.services.mailbox.settings().pinned_sha256 == dovecot.certificate.sha256
    assert context.services.mailbox.settings().password == MAILBOX_PASSWORD  # in the base
    qtbot.mouseClick(panel.test_button, Qt.MouseButton.LeftButton)
    context.runner.wait()
    qtbot.waitUntil(panel.test_button.isEnabled)
    assert panel.status_label.text() == "Connexion réussie : 3 message(s) en attente."


def test_dashboard_says_how_many_wait_and_since_when(
    qtbot, store, dovecot: Dovecot, imap_certificates
) -> None:
    from ecoute_desktop.ui.common.formatting import short_datetime
    from ecoute_desktop.ui.mailbox.auto_pickup import AutoPickup
    from ecoute_desktop.ui.today.today_view import TodayView

    fill(dovecot)
    dovecot.start()
    context = make_context(store)
    today = TodayView(context)
    qtbot.addWidget(today)
    today.refresh()
    assert not today.mailbox_line.isVisibleTo(today)  # no mailbox: the dashboard as before
    connected(context.services, dovecot, interval_minutes=5)
    auto = AutoPickup(context)
    assert auto.timer.interval() == 5 * 60_000 and auto.timer.isActive()
    assert auto.tick()
    context.runner.wait()
    qtbot.waitUntil(lambda: not auto.busy)
    today.refresh()
    assert today.mailbox_line.isVisibleTo(today)
    assert today.mailbox_line.label.text().startswith(
        f"Boîte aux lettres : 3 message(s) en attente depuis le {short_datetime(ARRIVALS[0])}"
    )

    dovecot.replace_certificate(imap_certificates[1])  # then the automatic pickup stops
    assert auto.tick()
    context.runner.wait()
    qtbot.waitUntil(lambda: not auto.busy)
    assert auto.stopped and not auto.tick()
    assert "Relève arrêtée : le certificat du serveur a changé" in today.mailbox_line.label.text()


def test_enter_in_the_list_opens_the_form_of_the_chosen_message(
    qtbot, store, dovecot: Dovecot
) -> None:
    fill(dovecot)
    dovecot.start()
    window = _window(qtbot, store)
    connected(window.context.services, dovecot)
    dialog = window.pick_up_mail()
    window.context.runner.wait()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert len(window.new_case_dialogs) == 1  # once, not twice
    form = window.new_case_dialogs[0]
    assert isinstance(form, NewCaseDialog)
    assert form.received_at() == ARRIVALS[1]
