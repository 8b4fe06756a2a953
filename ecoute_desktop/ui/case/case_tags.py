"""Themes as checkable tags, and orientation in two clicks (open the directory, pick an entry)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ecoute_desktop.domain.models import OrientationTarget, Theme
from ecoute_desktop.services.app import Services
from ecoute_desktop.ui.common.flow_layout import FlowLayout
from ecoute_desktop.ui.common.formatting import short_datetime
from ecoute_desktop.ui.common.palette import chip_style, colours, notice_style
from ecoute_desktop.ui.common.widget_kit import emphasize


class ThemeTags(QWidget):
    """One checkable tag per theme; a change is saved at once."""

    themes_changed = Signal()

    def __init__(
        self, services: Services, case_id: int, checked: list[Theme], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.case_id = case_id
        self.buttons: dict[int, QToolButton] = {}
        checked_ids = {t.id for t in checked}
        themes = services.reference.themes(include_retired=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("<h3>Thèmes</h3>")))
        for top in (t for t in themes if t.parent_id is None):
            row = FlowLayout()
            for theme in [top, *(t for t in themes if t.parent_id == top.id)]:
                hidden = (theme.retired or top.retired) and theme.id not in checked_ids
                if hidden:
                    continue
                button = QToolButton()
                button.setText(theme.label)
                button.setCheckable(True)
                button.setChecked(theme.id in checked_ids)
                button.setAccessibleName(self.tr("Thème {0}").format(theme.path))
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
                button.setStyleSheet(chip_style())
                if theme is top:
                    emphasize(button)
                button.toggled.connect(lambda _=False: self._save())
                self.buttons[theme.id] = button
                row.addWidget(button)
            holder = QWidget()
            holder.setLayout(row)
            layout.addWidget(holder)

    def checked_ids(self) -> list[int]:
        return [theme_id for theme_id, b in self.buttons.items() if b.isChecked()]

    def _save(self) -> None:
        self.services.cases.set_themes(self.case_id, self.checked_ids())
        self.themes_changed.emit()


def contact_text(target: OrientationTarget) -> str:
    """What to read out to the member, as rich text."""
    mark = " (niveau national)" if target.needs_national_mark else ""
    lines = [f"<b>{target.label}</b>{mark}"]
    for label, value in (
        ("Contact", target.telephone),
        ("Courriel", target.email),
        ("Adresse ou site", target.website),
        ("Quand orienter", target.details),
    ):
        if value:
            safe = value.replace("&", "&amp;").replace("<", "&lt;")
            lines.append(f"{label} : {safe}" if label else safe)
    if len(lines) == 1:
        lines.append("Coordonnées à compléter dans Paramètres › Annuaire.")
    return "<br>".join(lines)


def directory_button_style() -> str:
    """An entry of the directory: left-aligned text, and (a style sheet replacing the
    style's drawing) a border of 3:1 and a 2 px ring when it has the focus."""
    scheme = colours()
    return (
        f"QPushButton {{ text-align: left; padding: 4px 10px; border: 1px solid {scheme.border};"
        " border-radius: 3px; background: palette(button); }"
        f" QPushButton:focus {{ border: 2px solid {scheme.focus}; padding: 3px 9px; }}"
    )


class DirectoryPopup(QFrame):
    """The directory, one button per entry; a click records the orientation."""

    chosen = Signal(object)

    def __init__(self, targets: list[OrientationTarget], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Annuaire d'orientation"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<b>Orienter vers :</b>")))
        self.buttons: list[QPushButton] = []
        for target in targets:
            text = target.label + (self.tr(" — national") if target.needs_national_mark else "")
            button = QPushButton(text)
            button.setAccessibleName(self.tr("Orienter vers {0}").format(target.label))
            button.setStyleSheet(directory_button_style())
            button.clicked.connect(lambda _=False, t=target: self._choose(t))
            layout.addWidget(button)
            self.buttons.append(button)

    def _choose(self, target: OrientationTarget) -> None:
        self.close()
        self.chosen.emit(target)

    def button_for(self, label: str) -> QPushButton:
        return next(b for b in self.buttons if b.text().startswith(label))


class OrientationPanel(QWidget):
    """« Orienter vers… » (click 1) opens the directory; an entry (click 2) records and shows it."""

    orientations_changed = Signal()
    recorded_shown = Signal()  # the contact to read out is on screen

    def __init__(self, services: Services, case_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.case_id = case_id
        self.popup: DirectoryPopup | None = None
        self.open_button = QPushButton(self.tr("Orienter vers…"))
        self.open_button.setAccessibleName(self.tr("Ouvrir l'annuaire d'orientation"))
        self.open_button.clicked.connect(self.show_directory)
        self.contact_label = QLabel()
        self.contact_label.setWordWrap(True)
        self.contact_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.contact_label.setAccessibleName(self.tr("Coordonnées à lire à l'adhérent"))
        self.contact_label.setStyleSheet(notice_style("QLabel", padding=8))
        self.contact_label.hide()
        self.recorded: OrientationTarget | None = None
        self.undo_button = QPushButton(self.tr("Annuler cette orientation"))
        self.undo_button.setAccessibleName(
            self.tr("Annuler l'orientation qui vient d'être enregistrée")
        )
        self.undo_button.clicked.connect(self.undo)
        self.undo_button.hide()
        self.history_label = QLabel()
        self.history_label.setWordWrap(True)
        self.history_label.setAccessibleName(self.tr("Orientations enregistrées"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("<h3>Orientation</h3>")))
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.contact_label)
        layout.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.history_label)
        self.reload()

    def reload(self) -> None:
        orientations = self.services.cases.get(self.case_id).orientations
        if orientations:
            lines = [
                f"{short_datetime(o.at)} — {o.target.label}"
                + (self.tr(" (national)") if o.target.needs_national_mark else "")
                for o in orientations
            ]
            self.history_label.setText(self.tr("Déjà orienté :<br>") + "<br>".join(lines))
        else:
            self.history_label.setText(self.tr("Aucune orientation pour l'instant."))

    def show_directory(self) -> DirectoryPopup:
        self.popup = DirectoryPopup(self.services.reference.directory(), self)
        self.popup.chosen.connect(self.record)
        self.popup.adjustSize()
        self.popup.move(self.open_button.mapToGlobal(self.open_button.rect().bottomLeft()))
        self.popup.show()
        if self.popup.buttons:
            self.popup.buttons[0].setFocus()
        return self.popup

    def record(self, target: OrientationTarget) -> None:
        self.services.cases.refer(self.case_id, target.id)
        self.contact_label.setText(
            self.tr("Orientation enregistrée. À lire à l'adhérent :<br>") + contact_text(target)
        )
        self.contact_label.show()
        self.recorded = target
        self.undo_button.show()
        self.reload()
        self.orientations_changed.emit()
        self.recorded_shown.emit()

    def undo(self) -> None:
        """The entry just clicked was the wrong one: take that referral back."""
        if self.recorded is None:
            return
        self.services.cases.undo_referral(self.case_id, self.recorded.id)
        self.recorded = None
        self.undo_button.hide()
        self.contact_label.hide()
        self.reload()
        self.orientations_changed.emit()
