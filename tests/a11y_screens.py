"""Every view, view tab, case page and dialog of the desk, built in a given state.

`SCREENS` names each screen and builds it (shown, active) from a `Desk`: the main window
on a base with a pair, slots every day, a case at each step and a questionnaire link.
`DIALOG_CLASSES` lists the classes it covers; tests/test_a11y_walk.py checks that every
QDialog subclass of `ecoute_desktop.ui` is among them, so a new dialog joins the walk.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from ecoute_desktop.domain.models import WeeklySlot
from ecoute_desktop.domain.satisfaction import Suggestion
from ecoute_desktop.domain.timeutil import as_paris, utc_now
from ecoute_desktop.domain.who_calls import WhoCalls
from ecoute_desktop.domain.workflow import Status
from ecoute_desktop.services.app import Services
from ecoute_desktop.services.csv_import import parse_cases_csv
from ecoute_desktop.store import Store
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.agenda_helpers import add_pair
from tests.csv_import_helpers import member, write_csv
from tests.desk_support import add_case, make_context

DATA = Path(__file__).parent / "data" / "framaforms"
LAPTOP = (1366, 768)


@dataclass
class Desk:
    qtbot: object
    store: Store
    window: MainWindow
    tmp_path: Path
    cases: dict[str, int]

    @property
    def context(self):
        return self.window.context


def make_desk(qtbot, store: Store, tmp_path: Path) -> Desk:
    me, _ = add_pair(store)
    for weekday in range(7):
        store.agenda.save_slot(WeeklySlot(me.id, weekday, time(8), time(20), date(2020, 1, 1)))
    services = Services(store)
    settings = services.settings
    settings.save_templates(
        *settings.confirmation_templates(),
        settings.charter_template(),
        "https://framaforms.org/satisfaction-ecoute",
    )
    steps = {
        "received": (),
        "scheduled": (Status.ACKNOWLEDGED, Status.SCHEDULED),
        "held": (Status.ACKNOWLEDGED, Status.SCHEDULED, Status.CALL_HELD),
        "closed": (Status.ACKNOWLEDGED, Status.SCHEDULED, Status.CALL_HELD, Status.CLOSED),
    }
    cases = {}
    names = {"received": "Aubrac", "scheduled": "Valbonne", "held": "Orsenne", "closed": "Granmont"}
    for number, (name, path) in enumerate(steps.items()):
        case = add_case(
            store,
            names[name],
            utc_now() - timedelta(hours=3 + number),
            note="Note fictive",
            prenom="Élodie",
            email=f"{name}@example.org",
            telephone="06 39 98 12 34",
            collectivite="Communauté de communes de Haute-Sérène",
        )
        assert case.id is not None
        for step in path:
            if step is Status.SCHEDULED:
                today = as_paris(utc_now()).date()
                free = services.agenda.free_times(today, today + timedelta(days=14), utc_now())
                services.agenda.book_or_move(
                    case.id,
                    free[number].hotliner_id,
                    free[number].starts_at,
                    WhoCalls.HOTLINER_CALLS,
                )
            else:
                services.cases.advance(case.id, step, "Moi")
        cases[name] = case.id
    window = MainWindow(make_context(store))
    qtbot.addWidget(window)
    window.resize(*LAPTOP)
    window.show()
    return Desk(qtbot, store, window, tmp_path, cases)


def shown(desk: Desk, widget: QWidget) -> QWidget:
    """A top-level widget shown and active (the keys and the grabs need it)."""
    if widget.parent() is None:
        desk.qtbot.addWidget(widget)  # type: ignore[attr-defined]
    widget.show()
    widget.activateWindow()
    desk.qtbot.waitUntil(lambda: QApplication.activeWindow() is widget.window())  # type: ignore[attr-defined]
    return widget


def view(key: str, tab: int | None = None) -> Callable[[Desk], QWidget]:
    def build(desk: Desk) -> QWidget:
        desk.window.activateWindow()
        widget = desk.window.show_view(key)
        desk.context.runner.wait()
        if tab is not None:  # Paramètres' rubrics
            widget.rubrics.set_current(tab)  # type: ignore[attr-defined]
        if key == "export":  # with its preview table filled
            widget.prepare_button.click()  # type: ignore[attr-defined]
            desk.qtbot.waitUntil(lambda: widget.model.rowCount() > 0)  # type: ignore[attr-defined]
        QApplication.processEvents()
        return widget

    return build


def _reports_period(desk: Desk) -> QWidget:
    reports = view("reports")(desk)
    # as a click or the arrows do: the chosen button becomes the group's Tab stop
    reports.period.setFocus()  # type: ignore[attr-defined]
    reports.period.setChecked(True)  # type: ignore[attr-defined]
    return reports


def _coordination_merged(desk: Desk) -> QWidget:
    coordination = view("coordination")(desk)
    month = f"{as_paris(utc_now()):%Y-%m}"
    export = desk.tmp_path / "export-mesange.json"
    desk.context.services.documents.write_export(export, month, month, "Mesange")
    refused = desk.tmp_path / "pas-un-export.json"
    refused.write_text("{}", encoding="utf-8")
    coordination.add_paths([export, refused])  # type: ignore[attr-defined]
    desk.qtbot.waitUntil(lambda: coordination.outcome is not None)  # type: ignore[attr-defined]
    QApplication.processEvents()
    return coordination


def case_page(step: str) -> Callable[[Desk], QWidget]:
    def build(desk: Desk) -> QWidget:
        desk.window.activateWindow()
        page = desk.window.open_case(desk.cases[step])
        QApplication.processEvents()
        return page

    return build


def dialog(make: Callable[[Desk], QWidget], tab: int | None = None) -> Callable[[Desk], QWidget]:
    def build(desk: Desk) -> QWidget:
        widget = make(desk)
        if tab is not None:
            widget.tabs.setCurrentIndex(tab)  # type: ignore[attr-defined]
        return shown(desk, widget)

    return build


def _booking(desk: Desk, step: str) -> QWidget:
    from ecoute_desktop.ui.agenda.booking_dialog import BookingDialog

    return BookingDialog(desk.context, desk.cases[step], desk.window)


def _import(desk: Desk, wrong: bool) -> QWidget:
    from ecoute_desktop.ui.cases.cases_import import ImportPreviewDialog

    rows = (
        [member(1, date_reception="31/02/2025"), member(2, thematiques="Jardinage")]
        if wrong
        else [member(i, reference=f"2019-{i:04d}") for i in (1, 2)]
    )
    path = write_csv(desk.tmp_path / ("fautif.csv" if wrong else "propre.csv"), rows)
    return ImportPreviewDialog(parse_cases_csv(path, desk.store), path, desk.window)


def _question(desk: Desk, danger: bool) -> QWidget:
    from ecoute_desktop.ui.common.question_dialog import QuestionDialog

    text = "Classer la sollicitation sans suite ?" if danger else "Garder ce brouillon ?"
    return QuestionDialog(desk.window, "Question", text, "Oui", "Non", danger=danger)


def _keep_one(desk: Desk) -> QWidget:
    from ecoute_desktop.domain.twice_taken import TakenCase, pair_of
    from ecoute_desktop.ui.today.twice_taken_line import KeepOneDialog

    at = utc_now() - timedelta(hours=5)
    pair = pair_of(
        TakenCase(desk.cases["received"], "2026-A-001", Status.RECEIVED, at, at),
        TakenCase(desk.cases["scheduled"], "2026-B-001", Status.SCHEDULED, at, at),
    )
    return KeepOneDialog(pair, desk.window)


def _mapping(desk: Desk) -> QWidget:
    from ecoute_desktop.ui.reports.satisfaction_mapping import MappingDialog

    download = desk.tmp_path / "mars.csv"
    shutil.copy(DATA / "fr-point-virgule.csv", download)
    service = desk.context.services.satisfaction
    return MappingDialog(service, service.preview(download), desk.window)


def _suggestions(desk: Desk) -> QWidget:
    from ecoute_desktop.ui.reports.suggestions_dialog import SuggestionsDialog

    moment = datetime(2026, 3, 2, 9, tzinfo=UTC)
    items = [Suggestion(i, moment, "Une suggestion ?", f"Suggestion fictive {i}") for i in (1, 2)]
    return SuggestionsDialog(items, desk.window)


def _lazy(module: str, name: str, *args: str) -> Callable[[Desk], QWidget]:
    """`module.name(context or case id…, window)` imported when built."""

    def make(desk: Desk) -> QWidget:
        import importlib

        cls = getattr(importlib.import_module(f"ecoute_desktop.ui.{module}"), name)
        values = [desk.context if a == "context" else desk.cases[a] for a in args]
        return cls(*values, desk.window)

    return make


def _unlock(desk: Desk) -> QWidget:
    from ecoute_desktop.ui.safety.unlock_dialog import UnlockDialog

    return UnlockDialog(desk.store.path)


def _lock_screen(desk: Desk) -> QWidget:
    from ecoute_desktop.ui.safety.lock_screen import LockScreen

    return LockScreen(desk.context.services.session, lambda: None)


def _about(desk: Desk) -> QWidget:
    from ecoute_desktop.ui.common.help_dialogs import AboutDialog

    return AboutDialog(desk.store.path, None, desk.window)


def _guide(desk: Desk) -> QWidget:
    from ecoute_desktop.ui.common.help_dialogs import GuideDialog

    return GuideDialog(desk.window)


def _format(desk: Desk) -> QWidget:
    from ecoute_desktop.ui.cases.import_format import ImportFormatDialog

    return ImportFormatDialog(desk.window)


def _directory(desk: Desk) -> QWidget:
    page = case_page("received")(desk)
    popup = page.orientation.show_directory()  # type: ignore[attr-defined]
    desk.qtbot.waitUntil(popup.isVisible)  # type: ignore[attr-defined]
    return popup


def _first_run(desk: Desk) -> QWidget:
    from ecoute_desktop.ui.safety.first_run import FirstRunWizard

    return FirstRunWizard(desk.tmp_path / "nouvelle" / "ecoute.db")


def _pickup_unconfigured(desk: Desk) -> QWidget:
    """The pickup as a new user first sees it: no mailbox set, the way to the settings."""
    from ecoute_desktop.ui.mailbox.pickup_dialog import MailboxPickupDialog

    pickup = MailboxPickupDialog(desk.context, desk.window)
    pickup.pick_up()
    desk.context.runner.wait()
    QApplication.processEvents()
    return pickup


def _referentiel_preview(desk: Desk) -> QWidget:
    """The preview of a coordination's first référentiel on the desk's base."""
    from ecoute_desktop.ui.coordination.referentiel_import import ReferentielPreviewDialog
    from tests.referentiel_helpers import new_base, publish

    coordinator = new_base(desk.tmp_path, "coordination")
    path = publish(coordinator, desk.tmp_path / "v1.ecoute-referentiel")
    coordinator._store.close()
    plan = desk.context.services.referentiel.preview_import(path)
    return ReferentielPreviewDialog(plan, desk.window)


SCREENS: dict[str, Callable[[Desk], QWidget]] = {
    "today": view("today"),
    "cases": view("cases"),
    "agenda": view("agenda"),
    "reports": view("reports"),
    "export": view("export"),
    "reports-period": _reports_period,
    "coordination": view("coordination"),
    "coordination-merged": _coordination_merged,
    **{f"settings-{i}": view("settings", i) for i in range(8)},
    "case-received": case_page("received"),
    "case-scheduled": case_page("scheduled"),
    "case-held": case_page("held"),
    "case-closed": case_page("closed"),
    "directory": _directory,
    "new-case": dialog(_lazy("case.new_case_dialog", "NewCaseDialog", "context")),
    "booking": dialog(lambda d: _booking(d, "received")),
    "booking-move": dialog(lambda d: _booking(d, "scheduled")),
    **{
        f"slots-{i}": dialog(_lazy("agenda.slots_dialog", "SlotsDialog", "context"), i)
        for i in range(4)
    },
    "confirmation": dialog(
        _lazy("case.confirmation_dialog", "ConfirmationDialog", "context", "scheduled")
    ),
    "questionnaire": dialog(
        _lazy("case.questionnaire_dialog", "QuestionnaireDialog", "context", "held")
    ),
    **{
        f"templates-{i}": dialog(
            _lazy("settings.templates_dialog", "TemplatesDialog", "context"), i
        )
        for i in range(3)
    },
    "import-clean": dialog(lambda d: _import(d, wrong=False)),
    "import-errors": dialog(lambda d: _import(d, wrong=True)),
    "import-format": dialog(_format),
    "question": dialog(lambda d: _question(d, danger=False)),
    "question-danger": dialog(lambda d: _question(d, danger=True)),
    "keep-one": dialog(_keep_one),
    "guide": dialog(_guide),
    "about": dialog(_about),
    "passphrase": dialog(_lazy("safety.safety_settings", "PassphraseDialog", "context")),
    "unlock": dialog(_unlock),
    "lock-screen": dialog(_lock_screen),
    "mapping": dialog(_mapping),
    "suggestions": dialog(_suggestions),
    "first-run": dialog(_first_run),
    "mailbox-pickup": dialog(_lazy("mailbox.pickup_dialog", "MailboxPickupDialog", "context")),
    "mailbox-pickup-unconfigured": dialog(_pickup_unconfigured),
    "referentiel-editor": dialog(
        _lazy("coordination.referentiel_panel", "ReferentielEditor", "context")
    ),
    "referentiel-preview": dialog(_referentiel_preview),
}

DIALOG_CLASSES = {
    "BookingDialog",
    "SlotsDialog",
    "ConfirmationDialog",
    "QuestionnaireDialog",
    "MessageDraftDialog",  # through its two subclasses
    "TemplatesDialog",
    "ImportPreviewDialog",
    "ImportFormatDialog",
    "QuestionDialog",
    "_TextDialog",  # through the guide and « À propos »
    "GuideDialog",
    "AboutDialog",
    "PassphraseDialog",
    "UnlockDialog",
    "NewCaseDialog",
    "MappingDialog",
    "SuggestionsDialog",
    "FirstRunWizard",  # its first page (tests/test_first_run_layout.py walks the others)
    "MailboxPickupDialog",  # no mailbox configured: it says so
    "ReferentielEditor",
    "ReferentielPreviewDialog",
    "KeepOneDialog",
}
