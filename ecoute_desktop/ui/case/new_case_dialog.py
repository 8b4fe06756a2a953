"""« Nouvelle sollicitation »: a plain form, prefilled from an email dropped or pasted on it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QTime, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.domain.models import MEMBER_FIELDS, CallNote, Case, Member
from ecoute_desktop.domain.timeutil import PARIS, as_paris, as_utc, utc_now
from ecoute_desktop.services.email_intake import EmailRequest, parse_eml, parse_text
from ecoute_desktop.store.timestamps import from_db, to_db
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.dialog_size import fit_to_screen
from ecoute_desktop.ui.common.field_labels import field_label
from ecoute_desktop.ui.common.formatting import CLOCK_FORMAT, short_date
from ecoute_desktop.ui.common.widget_kit import accept_reject_buttons, scrolling

FIELDS = MEMBER_FIELDS[:4]  # telephone and email have their own widgets


class NewCaseDialog(QDialog):
    """Create a case; `created` holds it after a successful save."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        request: EmailRequest | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.created: Case | None = None
        self._email_received_at: datetime | None = None
        self.setWindowTitle(self.tr("Nouvelle sollicitation"))
        self.setAccessibleName(self.tr("Nouvelle sollicitation"))
        self.setAcceptDrops(True)

        self.received_edit = QDateTimeEdit()
        self.received_edit.setDisplayFormat(CLOCK_FORMAT)
        self.received_edit.setCalendarPopup(True)
        self.received_edit.setAccessibleName(self.tr("Reçue le (heure de Paris)"))
        self.urgent_box = QCheckBox(self.tr("Demande urgente"))
        self.urgent_box.setAccessibleName(self.tr("Demande urgente"))
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.addRow(self.tr("Reçue le :"), self.received_edit)
        form.addRow("", self.urgent_box)
        for key in FIELDS:
            edit = QLineEdit()
            edit.setAccessibleName(field_label(key))
            form.addRow(field_label(key) + " :", edit)
            self.edits[key] = edit
        self.phone_combo = QComboBox()
        self.phone_combo.setEditable(True)
        self.phone_combo.setAccessibleName(self.tr("Téléphone"))
        self.email_edit = QLineEdit()
        self.email_edit.setAccessibleName(self.tr("Courriel"))
        form.addRow(self.tr("Téléphone :"), self.phone_combo)
        form.addRow(self.tr("Courriel :"), self.email_edit)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName(self.tr("Première note (texte du courriel)"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMinimumHeight(self.fontMetrics().height() * 3)  # fits 720 px at 200 %
        form.addRow(self.tr("Première note :"), self.note_edit)
        self.returning_label = QLabel()
        self.returning_label.setWordWrap(True)
        self.returning_label.setAccessibleName(self.tr("Adhérent déjà connu"))
        self.returning_label.setStyleSheet("QLabel { background: #fff8d6; padding: 6px; }")
        self.returning_label.hide()
        self.returning_label.linkActivated.connect(self._open_earlier)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()  # shown with a message: no empty line above the buttons

        paste = QPushButton(self.tr("Coller un courriel"))
        paste.setAccessibleName(self.tr("Coller le texte d'un courriel"))
        paste.clicked.connect(self.paste_email)
        open_file = QPushButton(self.tr("Ouvrir un fichier .eml…"))
        open_file.setAccessibleName(self.tr("Ouvrir un fichier de courriel"))
        open_file.clicked.connect(self._ask_eml)
        intake = QHBoxLayout()
        intake.addWidget(paste)
        intake.addWidget(open_file)
        intake.addStretch(1)
        save = self.tr("Enregistrer la sollicitation")
        buttons, self.save_button, _ = accept_reject_buttons(
            (save, save, self.save), (self.tr("Annuler"), self.tr("Annuler"), self.reject)
        )

        hint = QLabel(
            self.tr(
                "Déposez ici le courriel de l'adhérent (fichier .eml) ou collez son texte :"
                " le formulaire se remplit, et tout reste modifiable."
            )
        )
        hint.setWordWrap(True)
        # At 200 % on a 1280×720 laptop the whole dialog is the screen's height: the form
        # scrolls, while the hint, the draft banner, the messages and the buttons stay in
        # sight (the wrapped hint stays out: the scroll area would count its preferred size).
        page = QWidget()
        page.setLayout(form)
        form.setContentsMargins(0, 0, 0, 0)
        self.form_scroll = scrolling(page)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        self.draft_banner = self._draft_banner() if request is None else None
        if self.draft_banner is not None:
            layout.addWidget(self.draft_banner)
        layout.addLayout(intake)
        layout.addWidget(self.form_scroll, 1)
        layout.addWidget(self.returning_label)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)
        fit_to_screen(self)

        self._match_timer = QTimer(self)
        self._match_timer.setSingleShot(True)
        self._match_timer.setInterval(400)
        self._match_timer.timeout.connect(self.check_returning)
        self.phone_combo.editTextChanged.connect(lambda _: self._match_timer.start())
        self.email_edit.textChanged.connect(lambda _: self._match_timer.start())
        self.finished.connect(self._match_timer.stop)  # closed (by the lock): no more lookups
        self._set_received(utc_now())
        if request is not None:
            self.fill(request)
        self.edits["nom"].setFocus()  # typing starts in the name, not on « Enregistrer »

    # ---- prefilling -----------------------------------------------------
    def _set_received(self, moment: datetime) -> None:
        local = as_paris(moment)
        self.received_edit.setDate(QDate(local.year, local.month, local.day))
        self.received_edit.setTime(QTime(local.hour, local.minute))

    def received_at(self) -> datetime:
        """The widget's Paris time in UTC; the email's exact Date when left unchanged."""
        day = self.received_edit.date().toPython()
        clock = self.received_edit.time().toPython()
        chosen = as_utc(datetime.combine(day, clock.replace(second=0), tzinfo=PARIS))
        original = self._email_received_at
        if original is not None and as_utc(original).replace(second=0) == chosen:
            return as_utc(original)
        return chosen

    def fill(self, request: EmailRequest) -> None:
        """Prefill from an email; fields the user already typed are replaced."""
        if request.received_at is not None:
            self._email_received_at = request.received_at
            self._set_received(request.received_at)
        self.edits["nom"].setText(request.nom)
        self.edits["prenom"].setText(request.prenom)
        self.email_edit.setText(request.email)
        self.phone_combo.clear()
        self.phone_combo.addItems(request.phones)
        self.phone_combo.setCurrentIndex(0 if request.phones else -1)
        if not request.phones:
            self.phone_combo.setEditText("")
        self.note_edit.setPlainText(request.first_note)
        self.check_returning()

    def paste_email(self) -> None:
        text = QGuiApplication.clipboard().text()
        if text.strip():
            self.fill(parse_text(text))

    def _say(self, message: str) -> None:
        """Show `message` in red above the buttons."""
        self.error_label.setText(message)
        self.error_label.show()

    def load_eml(self, path: Path) -> None:
        try:
            self.fill(parse_eml(Path(path).read_bytes()))
        except OSError:
            self._say(self.tr("Le fichier « {0} » ne peut pas être lu.").format(Path(path).name))

    def _ask_eml(self) -> None:
        path = prompts.ask_open_path(self, self.tr("Courriel"), self.tr("Courriels (*.eml)"))
        if path is not None:
            self.load_eml(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasText():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        data = event.mimeData()
        emls = [u.toLocalFile() for u in data.urls() if u.toLocalFile().lower().endswith(".eml")]
        if emls:
            self.load_eml(Path(emls[0]))
        elif data.hasText():
            self.fill(parse_text(data.text()))
        event.acceptProposedAction()

    # ---- drafts kept at locking (issue 7) -------------------------------------
    def draft_state(self) -> dict[str, Any] | None:
        """The form's content (to keep encrypted when Écoute locks); None when empty."""
        texts = {key: edit.text() for key, edit in self.edits.items()}
        phones = [self.phone_combo.itemText(i) for i in range(self.phone_combo.count())]
        state: dict[str, Any] = {
            **texts,
            "telephone": self.phone_combo.currentText(),
            "phones": phones,
            "email": self.email_edit.text(),
            "note": self.note_edit.toPlainText(),
        }
        if not any(str(v).strip() for v in state.values() if isinstance(v, str)):
            return None
        state["urgent"] = self.urgent_box.isChecked()
        state["received_at"] = to_db(self.received_at())
        state["email_received_at"] = to_db(self._email_received_at)
        return state

    def restore_state(self, state: dict[str, Any]) -> None:
        """Put a kept draft back in the form."""
        for key, edit in self.edits.items():
            edit.setText(str(state.get(key, "")))
        self.phone_combo.clear()
        self.phone_combo.addItems([str(p) for p in state.get("phones", [])])
        self.phone_combo.setEditText(str(state.get("telephone", "")))
        self.email_edit.setText(str(state.get("email", "")))
        self.note_edit.setPlainText(str(state.get("note", "")))
        self.urgent_box.setChecked(bool(state.get("urgent")))
        self._email_received_at = from_db(state.get("email_received_at"))
        received = from_db(state.get("received_at"))
        if received is not None:
            self._set_received(received)
        if self.draft_banner is not None:
            self.draft_banner.hide()
        self.check_returning()

    def _draft_banner(self) -> QWidget | None:
        """« Une sollicitation commencée le … » with Reprendre / Abandonner, if one is kept."""
        drafts = self.context.services.settings.new_case_drafts()
        if not drafts:
            return None
        banner = QWidget()
        banner.setAccessibleName(self.tr("Sollicitation commencée"))
        banner.setStyleSheet("QWidget { background: #fff8d6; }")
        saved = from_db(drafts[0].get("saved_at"))
        self.draft_label = QLabel(
            self.tr(
                "Une sollicitation commencée le {0} n'a pas été enregistrée (Écoute s'est"
                " verrouillée pendant la saisie)."
            ).format(short_date(saved) if saved else "?")
        )
        self.draft_label.setWordWrap(True)
        self.resume_button = QPushButton(self.tr("Reprendre"))
        self.resume_button.setAccessibleName(self.tr("Reprendre la sollicitation commencée"))
        self.resume_button.clicked.connect(self.resume_draft)
        self.discard_button = QPushButton(self.tr("Abandonner"))
        self.discard_button.setAccessibleName(self.tr("Abandonner la sollicitation commencée"))
        self.discard_button.clicked.connect(self.discard_draft)
        row = QHBoxLayout(banner)
        row.addWidget(self.draft_label, 1)
        row.addWidget(self.resume_button)
        row.addWidget(self.discard_button)
        return banner

    def resume_draft(self) -> None:
        taken = self.context.services.settings.take_new_case_drafts(0)
        if taken:
            self.restore_state(taken[0])

    def discard_draft(self) -> None:
        self.context.services.settings.take_new_case_drafts(0)
        if self.draft_banner is not None:
            self.draft_banner.hide()

    # ---- returning member ---------------------------------------------------
    def check_returning(self) -> list[int]:
        self._match_timer.stop()
        if not self.context.services.session.is_open:  # locked meanwhile: look again on unlock
            return []
        matches = self.context.services.cases.matching_contacts(
            self.phone_combo.currentText(), self.email_edit.text()
        )
        if not matches:
            self.returning_label.hide()
            return []
        links = ", ".join(
            f"<a href='{case_id}'>{reference}</a> (reçue le {short_date(received)})"
            for case_id, reference, received in matches[:5]
        )
        self.returning_label.setText(
            self.tr("Adhérent déjà connu : même téléphone ou courriel que {0}.").format(links)
        )
        self.returning_label.show()
        return [m[0] for m in matches]

    def _open_earlier(self, link: str) -> None:
        self.context.events.open_case.emit(int(link))

    # ---- saving ---------------------------------------------------------
    def save(self) -> Case | None:
        nom = self.edits["nom"].text().strip()
        if not nom:
            self._say(self.tr("Indiquez au moins le nom de l'adhérent."))
            self.edits["nom"].setFocus()
            return None
        services = self.context.services
        me = services.people.me()
        member = Member(
            nom=nom,
            prenom=self.edits["prenom"].text().strip(),
            fonction=self.edits["fonction"].text().strip(),
            collectivite=self.edits["collectivite"].text().strip(),
            telephone=self.phone_combo.currentText().strip(),
            email=self.email_edit.text().strip(),
        )
        received = self.received_at()
        case = Case("", received, member, urgent=self.urgent_box.isChecked())
        case.hotliner_id = me.id if me else None
        body = self.note_edit.toPlainText().strip()
        if body:
            at = received if self._email_received_at is not None else utc_now()
            case.notes.append(CallNote(body, at, at))
        self.created = services.cases.create(case)
        self.accept()
        self.context.events.open_case.emit(self.created.id)
        return self.created
