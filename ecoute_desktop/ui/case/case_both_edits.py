"""« Modifié aussi par Martine le … »: edits made on both laptops at once (issue 11).

When both partners changed the same field between two exchanges, the latest change is
kept and the other value is shown here, on the case, so nothing typed is lost.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLabel, QWidget

from ecoute_desktop.services.app import Services
from ecoute_desktop.ui.common.field_labels import PERSON_LABELS, field_label
from ecoute_desktop.ui.common.formatting import short_datetime


class BothEditsLabel(QLabel):
    """The values that lost to a concurrent edit of the partner, one per line."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Modifications faites aussi par votre binôme"))
        self.names = {
            "received_at": self.tr("Date de réception"),
            "urgent": self.tr("Urgence"),
            "hotliner": self.tr("Suivie par"),
            "satisfaction": self.tr("Satisfaction"),
            "themes": self.tr("Thèmes"),
            "orientations": self.tr("Orientations"),
            "body": self.tr("Note"),
            "starts_at": self.tr("Rendez-vous"),
            "ends_at": self.tr("Fin du rendez-vous"),
            "who_calls": self.tr("Qui appelle"),
        }

    def _name(self, field: str) -> str:
        key = field.removeprefix("member.")
        return field_label(key) if key in PERSON_LABELS else self.names.get(field, field)

    def show_case(self, case_id: int | None) -> None:
        lines = [] if case_id is None else self.services.pair.conflicts(case_id)
        self.setVisible(bool(lines))
        self.setText(
            "<br>".join(
                self.tr("Modifié aussi par {0} le {1} : {2} « {3} » (valeur non retenue)").format(
                    escape(line.author_name),
                    short_datetime(line.at),
                    self._name(line.field),
                    escape(line.value),
                )
                for line in lines
            )
        )
