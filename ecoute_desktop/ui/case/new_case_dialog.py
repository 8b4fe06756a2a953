"""« Nouvelle sollicitation »: a plain form, prefilled from an email dropped or pasted on it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QDate, Qt, QTime, QTimer
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

from ecoute_desktop.domain.models import MEMBER_FIELDS, Case, Member
from ecoute_desktop.domain.timeutil import PARIS, as_paris, as_utc, utc_now
from ecoute_desktop.domain.utc_text import parse_utc_text as from_db
from ecoute_desktop.domain.utc_text import utc_text as to_db
from ecoute_desktop.services.intake import IntakeRefused, IntakeRequest, read_pasted, read_request
from ecoute_desktop.services.intake.taking import NewRequest
from ecoute_desktop.ui.case.guess_marks import GuessesBanner, GuessMarks
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.dialog_size import fit_to_screen
from ecoute_desktop.ui.common.field_labels import field_label
from ecoute_desktop.ui.common.formatting import CLOCK_FORMAT, short_date
from ecoute_desktop.ui.common.palette import colours, notice_style
from ecoute_desktop.ui.common.widget_kit import accept_reject_buttons, scrolling, tab_leaves

FIELDS = MEMBER_FIELDS[:4]  # telephone and email have their own widgets


class NewCaseDialog(QDialog):
    """Create a case; `created` holds it after a successful save."""

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        request: IntakeRequest | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.intake = context.services.intake
        self.created: Case | None = None
        self._email_received_at: datetime | None = None
        self._message_key = ""  # the e-mail's Message-ID (or header hash): one case per e-mail
        self.marks = GuessMarks(self)
        self.setWindowTitle(self.tr("Nouvelle sollicitation"))
        self.setAccessibleName(self.tr("Nouvelle sollicitation"))
        self.setAcceptDrops(True)

        self.received_edit = QDateTimeEdit()
        self.received_edit.setDisplayFormat(CLOCK_FORMAT)
        self.received_edit.setCalendarPopup(True)
        tab_leaves(self.received_edit)
        self.received_edit.setAccessibleName(self.tr("Reçue le (heure de Paris)"))
        self.urgent_box = QCheckBox(self.tr("Demande urgente"))
        self.urgent_box.setAccessibleName(self.tr("Demande urgente"))
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.addRow(self.tr("Reçue le :"), self.received_edit)
        form.addRow(
            "",
            self.marks.beside("urgent", self.tr("Demande urgente"), self.urgent_box, stretch=False),
        )
        self.urgent_box.clicked.connect(lambda: self.marks.confirm("urgent"))
        for key in FIELDS:
            edit = QLineEdit()
            edit.setAccessibleName(field_label(key))
            form.addRow(field_label(key) + " :", self.marks.beside(key, field_label(key), edit))
            edit.textEdited.connect(lambda _, key=key: self.marks.confirm(key))
            self.edits[key] = edit
        self.phone_combo = QComboBox()
        self.phone_combo.setEditable(True)
        self.phone_combo.setAccessibleName(self.tr("Téléphone"))
        self.email_edit = QLineEdit()
        self.email_edit.setAccessibleName(self.tr("Courriel"))
        phone_row = self.marks.beside("telephone", self.tr("Téléphone"), self.phone_combo)
        form.addRow(self.tr("Téléphone :"), phone_row)
        phone_label = form.labelForField(phone_row)
        if isinstance(phone_label, QLabel):  # a row of field and mark: name the field itself
            phone_label.setBuddy(self.phone_combo)
        self.phone_combo.activated.connect(lambda _: self.marks.confirm("telephone"))
        phone_line = self.phone_combo.lineEdit()
        if phone_line is not None:  # editable: it has one
            phone_line.textEdited.connect(lambda _: self.marks.confirm("telephone"))
        form.addRow(self.tr("Courriel :"), self.email_edit)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName(self.tr("Première note (texte du courriel)"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMinimumHeight(self.fontMetrics().height() * 3)  # fits 720 px at 200 %
        form.addRow(self.tr("Première note :"), self.note_edit)
        self.returning_label = QLabel()
        self.returning_label.setWordWrap(True)
        self.returning_label.setAccessibleName(self.tr("Adhérent déjà connu"))
        self.returning_label.setStyleSheet(notice_style("QLabel", padding=6))
        self.returning_label.hide()
        self.returning_label.linkActivated.connect(self._open_earlier)
        # Tab reaches its links, Enter follows the one in focus (not only the mouse).
        self.returning_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.error_label = QLabel()
        self.error_label.setStyleSheet(f"color: {colours().late};")
        self.error_label.setWordWrap(True)
        self.error_label.hide()  # shown with a message: no empty line above the buttons
        self.error_label.linkActivated.connect(self._open_earlier)

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
        self.guesses_banner = GuessesBanner(self.marks)
        self.all_checked_button = self.guesses_banner.all_checked_button
        layout.addWidget(self.guesses_banner)
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
        # toPython() gives a date and a time; PySide6's stubs say `object`
        day = cast(date, self.received_edit.date().toPython())
        clock = cast(time, self.received_edit.time().toPython())
        chosen = as_utc(datetime.combine(day, clock.replace(second=0), tzinfo=PARIS))
        original = self._email_received_at
        if original is not None and as_utc(original).replace(second=0) == chosen:
            return as_utc(original)
        return chosen

    def fill(self, request: IntakeRequest) -> None:
        """Prefill from an email; fields the user already typed are replaced.

        What was guessed from the text (fonction, collectivité, téléphone, urgence…) is
        marked « à vérifier » until the hotliner confirms or changes it.
        """
        if request.received_at is not None:
            self._email_received_at = request.received_at
            self._set_received(request.received_at)
        self._message_key = request.dedupe_key
        for key in FIELDS:
            self.edits[key].setText(getattr(request, key))
        self.urgent_box.setChecked(request.urgent)
        self.email_edit.setText(request.email)
        self.phone_combo.clear()
        self.phone_combo.addItems(request.phones)
        self.phone_combo.setCurrentIndex(0 if request.phones else -1)
        if not request.phones:
            self.phone_combo.setEditText("")
        self.note_edit.setPlainText(request.first_note)
        self.marks.flag(request.guessed, {"urgent": request.urgent_reason})
        self.error_label.hide()
        self.check_returning()
        self._say_if_taken()

    def _say_if_taken(self) -> bool:
        """Say so when this e-mail already gave a case (nothing will be created twice)."""
        earlier = self.intake.already_taken(self._message_key)
        if earlier is None:
            return False
        self._say(
            self.tr(
                "Ce courriel a déjà été enregistré : sollicitation <a href='{0}'>{1}</a>."
                " Rien ne sera créé une seconde fois."
            ).format(earlier.case_id, earlier.reference),
            rich=True,
        )
        return True

    def paste_email(self) -> None:
        text = QGuiApplication.clipboard().text()
        if text.strip():
            self._fill_or_say(lambda: read_pasted(text))

    def _say(self, message: str, rich: bool = False) -> None:
        """Show `message` in red above the buttons (`rich`: it holds a link)."""
        text_format = Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText
        self.error_label.setTextFormat(text_format)
        self.error_label.setText(message)
        self.error_label.show()

    def load_eml(self, path: Path) -> None:
        try:
            data = Path(path).read_bytes()
        except OSError:
            self._say(self.tr("Le fichier « {0} » ne peut pas être lu.").format(Path(path).name))
            return
        self._fill_or_say(lambda: read_request(data), Path(path).name)

    def _fill_or_say(self, read: Callable[[], IntakeRequest], name: str = "") -> None:
        """Fill from what `read` returns, or say in French why the message was refused."""
        try:
            request = read()
        except IntakeRefused as refusal:
            where = f"« {name} » : " if name else ""
            self._say(self.tr("Courriel refusé : {0}{1}").format(where, refusal))
            return
        self.fill(request)

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
            self._fill_or_say(lambda: read_pasted(data.text()))
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
        state["message_id"] = self._message_key
        state["to_check"] = self.marks.pending()
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
        self._message_key = str(state.get("message_id") or "")
        self.marks.flag({str(k) for k in state.get("to_check") or []})
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
        banner.setStyleSheet(notice_style("QWidget", border=False))
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

    def _open_earlier(self, link: str) -> None:  # also the link of « déjà enregistré »
        self.context.events.open_case.emit(int(link))

    # ---- saving ---------------------------------------------------------
    def save(self) -> Case | None:
        nom = self.edits["nom"].text().strip()
        if not nom:
            self._say(self.tr("Indiquez au moins le nom de l'adhérent."))
            self.edits["nom"].setFocus()
            return None
        to_check = self.marks.first_pending()
        if to_check is not None:
            self._say(
                self.tr(
                    "Vérifiez les champs devinés dans le courriel ({0}) : corrigez-les ou"
                    " appuyez sur « à vérifier » pour les confirmer."
                ).format(", ".join(self.marks.pending_labels()))
            )
            to_check.setFocus()
            return None
        if self._say_if_taken():
            return None
        member = Member(
            nom=nom,
            prenom=self.edits["prenom"].text().strip(),
            fonction=self.edits["fonction"].text().strip(),
            collectivite=self.edits["collectivite"].text().strip(),
            telephone=self.phone_combo.currentText().strip(),
            email=self.email_edit.text().strip(),
        )
        received = self.received_at()
        new = NewRequest(
            member=member,
            received_at=received,
            urgent=self.urgent_box.isChecked(),
            first_note=self.note_edit.toPlainText(),
            note_at=received if self._email_received_at is not None else utc_now(),
            message_id=self._message_key,
        )
        taken = self.intake.create_case_from_request(new)
        self.created = self.context.services.cases.get(taken.case_id)
        self.accept()
        self.context.events.open_case.emit(taken.case_id)
        return self.created
