"""The member's details on a case (editable) and the workflow panel with its history."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.domain.models import MEMBER_FIELDS, Case, Member
from ecoute_desktop.domain.workflow import (
    DROP_CHOICES,
    NEXT_STEP_LABELS,
    Status,
    StatusEvent,
    next_step,
)
from ecoute_desktop.services.app import Services
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.common.case_table import RowTable
from ecoute_desktop.ui.common.field_labels import field_label
from ecoute_desktop.ui.common.formatting import short_datetime
from ecoute_desktop.ui.common.table_model import Column, RowTableModel
from ecoute_desktop.ui.common.widget_kit import emphasize


class MemberForm(QWidget):
    """Name, job, employer and contact details; « Enregistrer » when something changed."""

    saved = Signal()

    def __init__(self, services: Services, case: Case, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        assert case.id is not None  # a stored case
        self.case_id = case.id
        self.edits: dict[str, QLineEdit] = {}
        self.save_button = QPushButton(self.tr("Enregistrer les coordonnées"))
        form = QFormLayout()
        for key in MEMBER_FIELDS:
            edit = QLineEdit(getattr(case.member, key))
            edit.setAccessibleName(field_label(key))
            edit.textEdited.connect(lambda _: self.save_button.setEnabled(True))
            form.addRow(field_label(key) + " :", edit)
            self.edits[key] = edit
        self.save_button.setAccessibleName(self.tr("Enregistrer les coordonnées de l'adhérent"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("<h3>Adhérent</h3>")))
        layout.addLayout(form)
        layout.addWidget(self.save_button)

    def member(self) -> Member:
        text = {key: edit.text().strip() for key, edit in self.edits.items()}
        return Member(
            nom=text["nom"],
            prenom=text["prenom"],
            fonction=text["fonction"],
            collectivite=text["collectivite"],
            telephone=text["telephone"],
            email=text["email"],
        )

    def save(self) -> None:
        member = self.member()
        if not member.nom:
            prompts.warn(self, self.tr("Nom manquant"), self.tr("Le nom ne peut pas être vide."))
            return
        self.services.cases.update_member(self.case_id, member)
        self.save_button.setEnabled(False)
        self.saved.emit()


class WorkflowPanel(QWidget):
    """One obvious next-step button, « Sans suite » with its reason, and the history."""

    advanced = Signal()
    book_requested = Signal()  # « RDV fixé » goes through the booking dialog

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.case: Case | None = None
        self.next_button = QPushButton()
        emphasize(self.next_button)
        self.next_button.clicked.connect(self.advance)
        self.reason_combo = QComboBox()
        self.reason_combo.setAccessibleName(self.tr("Motif du classement sans suite"))
        for reason in DROP_CHOICES:
            self.reason_combo.addItem(str(reason), reason)
        self.drop_button = QPushButton(self.tr("Classer sans suite"))
        self.drop_button.setAccessibleName(self.tr("Classer la sollicitation sans suite"))
        self.drop_button.clicked.connect(self.drop)
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.history = RowTableModel[StatusEvent](
            [
                Column(self.tr("Date"), lambda e: short_datetime(e.at)),
                Column(self.tr("Étape"), lambda e: f"{e.from_status} → {e.to_status}"),
                Column(self.tr("Par"), lambda e: e.by),
                Column(
                    self.tr("Motif"),
                    lambda e: " : ".join(p for p in (str(e.reason or ""), e.comment) if p),
                    tooltip=lambda e: e.comment,
                ),
            ],
            self,
        )
        self.history_table = RowTable(
            self.history, None, self.tr("Historique des étapes"), sortable=False
        )
        drop_row = QHBoxLayout()
        self.drop_label = QLabel(self.tr("Motif :"))
        self.drop_label.setBuddy(self.reason_combo)
        drop_row.addWidget(self.drop_label)
        drop_row.addWidget(self.reason_combo)
        drop_row.addWidget(self.drop_button)
        drop_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("<h3>Suivi</h3>")))
        layout.addWidget(self.next_button)
        layout.addWidget(self.done_label)
        layout.addLayout(drop_row)
        self.history_title = QLabel()
        layout.addWidget(self.history_title)
        layout.addWidget(self.history_table)
        from ecoute_desktop.ui.case.case_both_edits import BothEditsLabel  # issue 11

        self.both_edits = BothEditsLabel(services)
        layout.addWidget(self.both_edits)

    def show_case(self, case: Case) -> None:
        self.case = case
        target = next_step(case.status)
        self.next_button.setVisible(target is not None)
        if target is not None:
            self.next_button.setText(NEXT_STEP_LABELS[target])
            self.next_button.setAccessibleName(
                self.tr("Étape suivante : {0}").format(NEXT_STEP_LABELS[target])
            )
        is_open = case.status.is_open
        for widget in (self.drop_label, self.drop_button, self.reason_combo):
            widget.setVisible(is_open)
        if not is_open:
            reason = f" ({case.drop_reason})" if case.drop_reason else ""
            self.done_label.setText(
                self.tr("Sollicitation {0}{1} le {2}.").format(
                    case.status, reason, short_datetime(case.closed_at)
                )
            )
        else:
            self.done_label.clear()
        self.history.set_rows(case.events)
        self.history_table.setColumnHidden(3, not any(e.reason for e in case.events))
        self.history_table.fit_to_contents()
        self.history_table.setVisible(bool(case.events))
        self.history_title.setText(
            self.tr("Historique des étapes :") if case.events else self.tr("Aucune étape franchie.")
        )
        self.both_edits.show_case(case.id)

    def advance(self) -> None:
        if self.case is None or self.case.id is None:
            return
        target = next_step(self.case.status)
        if target is None:
            return
        if target is Status.SCHEDULED:
            self.book_requested.emit()
            return
        self.services.cases.advance(self.case.id, target)
        self.advanced.emit()

    def drop(self) -> None:
        if self.case is None or self.case.id is None or not self.case.status.is_open:
            return
        reason = self.reason_combo.currentData()
        if not prompts.confirm_action(
            self,
            self.tr("Classer sans suite"),
            self.tr("Classer la sollicitation {0} sans suite (motif : {1}) ?").format(
                self.case.reference, reason
            ),
            self.tr("Classer sans suite"),
        ):
            return
        self.services.cases.drop(self.case.id, reason)
        self.advanced.emit()
