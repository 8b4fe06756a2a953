"""The views of the main window, in navigation order; each module adds one entry here.

A view factory takes (context, parent) and returns a QWidget. The main window
builds its navigation from VIEWS; a view that needs refreshing when shown may
define `refresh()`; one that shows personal data defines `clear_personal_data()`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from ecoute_desktop.ui.common.context import AppContext

ViewFactory = Callable[[AppContext, QWidget | None], QWidget]


@dataclass(frozen=True)
class ViewSpec:
    key: str
    title: str  # French, shown in the navigation
    module: str  # imported lazily: module path exposing `create_view(context, parent)`


VIEWS: list[ViewSpec] = [
    ViewSpec("today", "Aujourd'hui", "ecoute_desktop.ui.today.today_view"),
    ViewSpec("cases", "Sollicitations", "ecoute_desktop.ui.cases.cases_view"),
    ViewSpec("agenda", "Agenda", "ecoute_desktop.ui.agenda.agenda_view"),
    ViewSpec("reports", "Rapports", "ecoute_desktop.ui.reports.reports_view"),
    ViewSpec("export", "Export anonymisé", "ecoute_desktop.ui.coordination.export_view"),
    ViewSpec("coordination", "Coordination", "ecoute_desktop.ui.coordination.coordination_view"),
    ViewSpec("settings", "Paramètres", "ecoute_desktop.ui.settings.settings_view"),
]
