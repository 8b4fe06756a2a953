"""One case on its own page: member, 48 h state, next step, notes, themes and orientation."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.domain.deadlines import AckState
from ecoute_desktop.domain.models import Case
from ecoute_desktop.domain.timeutil import utc_now
from ecoute_desktop.ui.case.case_action_bar import CaseActionBar
from ecoute_desktop.ui.case.case_appointment import AppointmentPanel
from ecoute_desktop.ui.case.case_handler import HandlerChoice
from ecoute_desktop.ui.case.case_member import MemberForm, WorkflowPanel
from ecoute_desktop.ui.case.case_notes import NotesPanel
from ecoute_desktop.ui.case.case_privacy import PrivacyMenu
from ecoute_desktop.ui.case.case_satisfaction import SatisfactionPanel
from ecoute_desktop.ui.case.case_tags import OrientationPanel, ThemeTags
from ecoute_desktop.ui.common.context import AppContext
from ecoute_desktop.ui.common.formatting import deadline_text, long_datetime
from ecoute_desktop.ui.common.palette import colours
from ecoute_desktop.ui.common.widget_kit import scrolling

COMPACT_LINES = 30  # below this many text lines of height, the header scrolls away


def _separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    return line


class CaseView(QWidget):
    """Everything about one case; `flush()` keeps a note being typed as a draft."""

    back_requested = Signal()

    def __init__(self, context: AppContext, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.services = context.services
        self.case_id = case_id
        case = self.services.cases.get(case_id)
        self.setAccessibleName(self.tr("Sollicitation {0}").format(case.reference))

        self.back_button = QPushButton(self.tr("← Retour"))
        self.back_button.setAccessibleName(self.tr("Retour à la liste"))
        self.back_button.setToolTip(self.tr("Retour à la liste (Alt+Gauche)"))
        self.back_button.clicked.connect(self.back_requested)
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.deadline_label = QLabel()
        self.deadline_label.setWordWrap(True)
        self.deadline_label.setAccessibleName(self.tr("Délai de 48 heures"))
        self.urgent_box = QCheckBox(self.tr("Urgent"))
        self.urgent_box.setAccessibleName(self.tr("Sollicitation urgente"))
        self.urgent_box.setChecked(case.urgent)
        self.urgent_box.toggled.connect(self._set_urgent)
        self.handler = HandlerChoice(self.services, case_id, self)
        self.handler.changed.connect(self._changed)

        self.member_form = MemberForm(self.services, case, self)
        self.workflow = WorkflowPanel(self.services, self)
        self.notes = NotesPanel(self.services, case_id, self)
        self.themes = ThemeTags(self.services, case_id, case.themes, self)
        self.orientation = OrientationPanel(self.services, case_id, self)
        self.appointment = AppointmentPanel(context, case_id, self)
        self.satisfaction = SatisfactionPanel(self.services, self)
        self.satisfaction.changed.connect(self._changed)
        self.satisfaction.setup_requested.connect(self._edit_templates)
        self.satisfaction.send_requested.connect(self.send_questionnaire)
        self.workflow.book_requested.connect(self.appointment.book)
        self.appointment.changed.connect(self._changed)
        self.appointment.booked.connect(lambda: self.reveal(self.appointment))
        self.member_form.saved.connect(self._changed)
        self.workflow.advanced.connect(self._changed)
        self.notes.notes_changed.connect(self._changed)
        self.themes.themes_changed.connect(self._changed)
        self.orientation.orientations_changed.connect(self._changed)
        self.orientation.recorded_shown.connect(lambda: self.reveal(self.orientation))

        header = QHBoxLayout()
        header.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        # Title and flags sit above the 48 h state on a tall window; on a short one
        # (200 % on a laptop) they scroll with the page and only « Retour » and the
        # 48 h state stay on top: see _fit_header().
        self.flags = QWidget()
        flags = QHBoxLayout(self.flags)
        flags.setContentsMargins(0, 0, 0, 0)
        flags.addWidget(self.urgent_box)
        flags.addSpacing(self.fontMetrics().averageCharWidth() * 3)
        flags.addWidget(self.handler)
        flags.addStretch(1)
        self.titles = QVBoxLayout()
        self.titles.addWidget(self.title_label)
        self.titles.addWidget(self.deadline_label)
        self.titles.addWidget(self.flags)
        header.addLayout(self.titles, 1)
        self.compact = False
        self.privacy = PrivacyMenu(context, case_id, self.flush, self)  # RGPD (issue 7)
        self.privacy.member_erased.connect(self.back_requested)

        left = QVBoxLayout()
        left.addWidget(self.member_form)
        left.addWidget(self.privacy, 0, Qt.AlignmentFlag.AlignLeft)
        left.addWidget(_separator())
        left.addWidget(self.workflow)
        left.addWidget(self.satisfaction)
        left.addWidget(_separator())
        left.addWidget(self.appointment)
        left.addWidget(_separator())
        left.addWidget(self.orientation)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.notes)
        right.addWidget(_separator())
        right.addWidget(self.themes)
        right.addStretch(1)
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.addLayout(left, 2)
        self.columns.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        self.columns.addLayout(right, 3)
        content = QWidget()
        self.page = QVBoxLayout(content)
        self.page.setContentsMargins(0, 0, 0, 0)
        self.page.addLayout(self.columns)
        self.action_bar = CaseActionBar(
            [
                self.workflow.next_button,
                self.appointment.book_button,
                self.satisfaction.send_button,
            ],
            content,
            self.write_note,
            self,
        )
        self.action_bar.hide()  # a short window only: see _fit_header()
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.action_bar)
        self.scroll_area = scrolling(content)
        layout.addWidget(self.scroll_area, 1)
        self.pinned = QVBoxLayout()  # a short window: the new note, always in sight
        layout.addLayout(self.pinned)

        save = QShortcut(QKeySequence.StandardKey.Save, self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(self.notes.save_note)
        back = QShortcut(QKeySequence("Alt+Left"), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.back_requested)
        self._show(case)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Two columns on a wide window; one below the other when text is large."""
        super().resizeEvent(event)
        wide = event.size().width() >= self.fontMetrics().averageCharWidth() * 150
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)
        self._fit_header(event.size().height() < self.fontMetrics().height() * COMPACT_LINES)

    def reveal(self, panel: QWidget) -> None:
        """Scroll the page so `panel` (what just changed, and its next button) is in sight:
        a booking made from « Suivi » shows « Confirmation à l'adhérent… », an orientation
        its contact to read out, even when they sit below the fold."""
        scroll: QScrollArea = self.scroll_area

        def show() -> None:
            content = scroll.widget()
            page = content.layout() if content is not None else None
            if page is not None:
                page.activate()  # the panel's new buttons and lines take their place first
            scroll.ensureWidgetVisible(panel, 0, self.fontMetrics().lineSpacing())

        QTimer.singleShot(0, show)

    def _fit_header(self, compact: bool) -> None:
        """Short window: title and flags move into the scrolling page, the 48 h state
        (with the reference) stays next to « Retour », the next step in the action bar
        and the new note under the page: both in sight without scrolling (issue 20)."""
        if compact == self.compact:
            return
        self.compact = compact
        for widget in (self.title_label, self.flags):
            (self.page if compact else self.titles).removeWidget(widget)
        if compact:
            self.page.insertWidget(0, self.title_label)
            self.page.insertWidget(1, self.flags)
        else:
            self.titles.insertWidget(0, self.title_label)
            self.titles.addWidget(self.flags)
        self._show_deadline(self._case)
        self.action_bar.setVisible(compact)
        self.action_bar.sync()
        self.notes.pin_composer(self.pinned if compact else None)

    def write_note(self) -> None:
        """« Écrire une note »: the whole note editor in sight, the focus in it (Qt's own
        scrolling would only bring its cursor line in)."""
        editor, scroll = self.notes.editor, self.scroll_area
        editor.setFocus()

        def show() -> None:
            content = scroll.widget()
            if content is None or not content.isAncestorOf(editor):
                return  # pinned under the page: already in sight
            top = editor.mapTo(content, QPoint(0, 0)).y()
            margin = self.fontMetrics().lineSpacing()
            bottom = top + editor.height() + margin
            bar = scroll.verticalScrollBar()
            height = scroll.viewport().height()
            if bottom - top > height:  # taller than the page: its top
                bar.setValue(top - margin)
            else:  # as little scrolling as shows all of it
                bar.setValue(min(max(bar.value(), bottom - height), top - margin))

        QTimer.singleShot(0, show)

    @property
    def case(self) -> Case:
        return self._case

    def _show(self, case: Case) -> None:
        self._case = case
        urgent = (
            self.tr(" — <span style='color:{0}'>URGENT</span>").format(colours().late)
            if case.urgent
            else ""
        )
        self.title_label.setText(
            self.tr("<h2>Sollicitation {0} — {1}{2}</h2>").format(
                case.reference, case.member.display_name, urgent
            )
            + self.tr("Reçue le {0}. Étape actuelle : <b>{1}</b>.").format(
                long_datetime(case.received_at), case.status
            )
        )
        self._show_deadline(case)
        self.workflow.show_case(case)
        self.satisfaction.show_case(case)
        self.appointment.refresh()
        self.handler.refresh()
        self.action_bar.sync()

    def _show_deadline(self, case: Case) -> None:
        now = utc_now()
        state = case.ack_state(now)
        text = deadline_text(case.received_at, case.acknowledged_at, now)
        if case.awaits_ack:
            text = self.tr("Accusé de réception à envoyer avant le {0} : {1}.").format(
                long_datetime(case.ack_deadline), text
            )
        else:
            text = self.tr("Délai de 48 h : {0}.").format(text)
        scheme = colours()
        colour = {"LATE": scheme.late, "DUE_SOON": scheme.due_soon}.get(state.name, scheme.on_time)
        weight = "bold" if state is not AckState.ON_TIME else "normal"
        reference = f"<b>{case.reference}</b> — " if self.compact else ""
        self.deadline_label.setText(
            f"{reference}<span style='color:{colour}; font-weight:{weight}'>{text}</span>"
        )

    def _set_urgent(self, urgent: bool) -> None:
        self.services.cases.set_urgent(self.case_id, urgent)
        self._changed()

    def _edit_templates(self) -> None:
        """Where the questionnaire link is entered, next to the confirmation's templates."""
        from ecoute_desktop.ui.settings.templates_dialog import TemplatesDialog

        dialog = TemplatesDialog(self.context, self)
        dialog.show_questionnaire()
        dialog.exec()
        self._show(self.services.cases.get(self.case_id))

    def send_questionnaire(self) -> None:
        """« Envoyer le questionnaire… »: the ready e-mail; marking it sent closes the case."""
        from ecoute_desktop.ui.case import questionnaire_dialog

        questionnaire_dialog.open_questionnaire(self.context, self.case_id, self)
        self._changed()

    def _changed(self) -> None:
        """A panel acted (through the services, which told the other views): show it."""
        self._show(self.services.cases.get(self.case_id))

    def flush(self) -> None:
        self.notes.flush()

    def clear_personal_data(self) -> None:
        self.flush()
        self.back_requested.emit()
