"""Paramètres › Messagerie: the shared mailbox's server, security, account and folder.

Everything is kept in the encrypted database (password included). « Tester la connexion »
reads the mailbox on the background runner; a certificate the system does not trust
(Proton Mail Bridge's) is shown by its SHA-256 fingerprint and trusted only when the user
says so; a changed one is said, and approving the new one is a second, explicit choice.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.domain.mailbox_settings import (
    DEFAULT_PORTS,
    MAX_INTERVAL,
    SECURITY_LABELS,
    MailboxSettings,
    shown_fingerprint,
)
from ecoute_desktop.services.mailbox import (
    CertificateChanged,
    CertificateUntrusted,
    MailboxError,
    WaitingMessage,
)
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.mailbox import fetch_outcome


class MailboxSettingsPanel(QWidget):
    """The form, « Enregistrer » and « Tester la connexion »."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.host_edit = self._line(self.tr("Serveur IMAP"))
        self.host_edit.setPlaceholderText(self.tr("imap.exemple.fr, ou 127.0.0.1 pour Bridge"))
        self.port_spin = QSpinBox()
        self.port_spin.setRange(1, 65535)
        self.port_spin.setAccessibleName(self.tr("Port"))
        self.security_combo = QComboBox()
        self.security_combo.setAccessibleName(self.tr("Sécurité de la connexion"))
        for code, label in SECURITY_LABELS.items():
            self.security_combo.addItem(label, code)
        self.security_combo.currentIndexChanged.connect(self._security_changed)
        self.user_edit = self._line(self.tr("Identifiant de la boîte"))
        self.password_edit = self._line(self.tr("Mot de passe de la boîte"))
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.folder_edit = self._line(self.tr("Dossier relevé"))
        # Short: a check box does not wrap, and at 200 % a long one scrolled the page sideways.
        self.mark_seen_box = QCheckBox(self.tr("Marquer comme lu une fois pris"))
        self.mark_seen_box.setToolTip(
            self.tr("Marquer comme lu sur le serveur un message pris en sollicitation")
        )
        self.mark_seen_box.setAccessibleName(self.tr("Marquer comme lu sur le serveur"))
        self.interval_spin = QSpinBox()
        self.interval_spin.setRange(0, MAX_INTERVAL)
        self.interval_spin.setSuffix(self.tr(" min"))
        self.interval_spin.setSpecialValueText(self.tr("jamais"))
        self.interval_spin.setAccessibleName(self.tr("Relève automatique (minutes)"))
        self.certificate_label = QLabel()
        self.certificate_label.setWordWrap(True)
        self.certificate_label.setAccessibleName(self.tr("Certificat du serveur"))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName(self.tr("État de la messagerie"))

        form = QFormLayout()
        # At large text the labels go above their fields rather than push them off screen.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("Serveur :"), self.host_edit)
        form.addRow(self.tr("Port :"), self.port_spin)
        form.addRow(self.tr("Sécurité :"), self.security_combo)
        form.addRow(self.tr("Identifiant :"), self.user_edit)
        form.addRow(self.tr("Mot de passe :"), self.password_edit)
        form.addRow(self.tr("Dossier :"), self.folder_edit)
        form.addRow("", self.mark_seen_box)
        form.addRow(self.tr("Relève automatique :"), self.interval_spin)
        form.addRow(self.tr("Certificat :"), self.certificate_label)
        self.save_button = QPushButton(self.tr("Enregistrer"))
        self.save_button.setAccessibleName(self.tr("Enregistrer les réglages de la messagerie"))
        self.save_button.clicked.connect(self.save)
        self.test_button = QPushButton(self.tr("Tester la connexion"))
        self.test_button.setAccessibleName(self.tr("Tester la connexion à la boîte"))
        self.test_button.clicked.connect(self.test_connection)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        hint = QLabel(
            self.tr(
                "Le mot de passe est gardé dans la base chiffrée d'Écoute. Rien n'est effacé"
                " ni déplacé sur le serveur. Sans réseau, le dépôt d'un fichier .eml reste"
                " possible."
            )
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        layout.addWidget(hint)
        layout.addStretch(1)
        for edit in (self.host_edit, self.user_edit, self.password_edit, self.folder_edit):
            edit.returnPressed.connect(self.save)  # Enter saves, as the button does
        self.reload()

    def _line(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        return edit

    def _security_changed(self) -> None:
        """The usual port of the other security, unless the user typed their own."""
        if self.port_spin.value() in DEFAULT_PORTS.values():
            self.port_spin.setValue(DEFAULT_PORTS[str(self.security_combo.currentData())])

    # ---- reading and saving -------------------------------------------------
    def reload(self) -> None:
        if not self.context.services.session.is_open:
            return
        settings = self.context.services.mailbox.settings()
        self.host_edit.setText(settings.host)
        self.security_combo.blockSignals(True)
        self.security_combo.setCurrentIndex(self.security_combo.findData(settings.security))
        self.security_combo.blockSignals(False)
        self.port_spin.setValue(settings.port)
        self.user_edit.setText(settings.user)
        self.password_edit.setText(settings.password)
        self.folder_edit.setText(settings.folder)
        self.mark_seen_box.setChecked(settings.mark_seen)
        self.interval_spin.setValue(settings.interval_minutes)
        self._show_pin(settings)

    def _show_pin(self, settings: MailboxSettings) -> None:
        if settings.pinned_sha256:
            self.certificate_label.setText(
                self.tr("approuvé, empreinte SHA-256 {0}").format(
                    shown_fingerprint(settings.pinned_sha256)
                )
            )
        else:
            self.certificate_label.setText(self.tr("celui que reconnaît le système"))

    def value(self) -> MailboxSettings:
        current = self.context.services.mailbox.settings()
        return replace(
            current,
            host=self.host_edit.text().strip(),
            port=self.port_spin.value(),
            security=str(self.security_combo.currentData()),
            user=self.user_edit.text().strip(),
            password=self.password_edit.text(),
            folder=self.folder_edit.text().strip() or "INBOX",
            mark_seen=self.mark_seen_box.isChecked(),
            interval_minutes=self.interval_spin.value(),
        )

    def save(self) -> bool:
        try:
            saved = self.context.services.mailbox.save_settings(self.value())
        except ValueError as error:
            self.status_label.setText(str(error))
            return False
        self._show_pin(saved)
        self.status_label.setText(self.tr("Réglages de la messagerie enregistrés."))
        return True

    # ---- testing the connection ---------------------------------------------
    def test_connection(self) -> None:
        """Save, then read the mailbox on the background runner."""
        if not self.save():
            return
        self.test_button.setEnabled(False)
        self.status_label.setText(self.tr("Connexion à la boîte…"))
        mailbox = self.context.services.mailbox
        self.context.runner.run(partial(fetch_outcome, mailbox), self._tested, self._refused)

    def _tested(self, messages: list[WaitingMessage] | MailboxError) -> None:
        if isinstance(messages, MailboxError):
            self._refused(messages)
            return
        self.test_button.setEnabled(True)
        self.status_label.setText(
            self.tr("Connexion réussie : {0} message(s) en attente.").format(len(messages))
        )

    def _refused(self, error: BaseException) -> None:
        self.test_button.setEnabled(True)
        if not isinstance(error, MailboxError):
            self.status_label.setText(self.tr("La connexion a échoué ; rien n'a changé."))
            return
        self.status_label.setText(str(error))
        if isinstance(error, CertificateUntrusted | CertificateChanged):
            self.offer_trust(error.fingerprint, changed=isinstance(error, CertificateChanged))

    def offer_trust(self, fingerprint: str, changed: bool) -> bool:
        """Ask before trusting a certificate; the safe answer is the default."""
        shown = shown_fingerprint(fingerprint)
        if changed:
            text = self.tr(
                "Le certificat du serveur a changé. Approuvez le nouveau seulement si vous"
                " savez pourquoi (Proton Mail Bridge réinstallé, par exemple) et si son"
                " empreinte est bien celle que Bridge affiche :\n\n{0}"
            ).format(shown)
        else:
            text = self.tr(
                "Le système ne reconnaît pas le certificat de ce serveur (c'est normal avec"
                " Proton Mail Bridge). Comparez son empreinte SHA-256 avec celle que Bridge"
                " affiche avant de l'approuver :\n\n{0}"
            ).format(shown)
        approve = self.tr("Approuver ce certificat")
        if not prompts.confirm_action(self, self.tr("Certificat du serveur"), text, approve):
            return False
        self.context.services.mailbox.trust_certificate(fingerprint)
        self._show_pin(self.context.services.mailbox.settings())
        self.status_label.setText(self.tr("Certificat approuvé. Testez à nouveau la connexion."))
        return True

    def clear_personal_data(self) -> None:
        self.password_edit.clear()
        self.user_edit.clear()
