"""Screenshots of the agenda's dialogs and a filled Coordination view, at 100 % and 200 %.

Usage: `QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.screenshots_dialogs [OUT_DIR]
[--scales 100,200] [--sizes 1280x720] [--dark]` (the dialogs are capped to the screen: run under
`xvfb-run -a -s "-screen 0 1280x720x24" env QT_QPA_PLATFORM=xcb …` to see a laptop).
Covers what `tests.screenshots` does not open: « Proposer un RDV », the slots dialog (each
tab), the confirmation and templates dialogs, Coordination with merged and refused
files, and the anonymised export's preview. Look at every PNG: nothing clipped, cramped
or in English.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

Size = tuple[int, int]
HOSTILE = Path(__file__).parent / "data" / "hostile_exports"


def take(
    out: Path, scales: tuple[int, ...] = (100, 200), sizes: tuple[Size, ...] = ((1400, 900),)
) -> list[Path]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

    from ecoute_desktop.services.app import Services
    from ecoute_desktop.services.csv_import import parse_cases_csv
    from ecoute_desktop.services.demo import DEMO_PASSPHRASE, write_demo_database
    from ecoute_desktop.store import Store
    from ecoute_desktop.ui.agenda.booking_dialog import BookingDialog
    from ecoute_desktop.ui.agenda.slots_dialog import SlotsDialog
    from ecoute_desktop.ui.app import make_application
    from ecoute_desktop.ui.case.confirmation_dialog import ConfirmationDialog
    from ecoute_desktop.ui.cases.cases_import import ImportPreviewDialog
    from ecoute_desktop.ui.cases.import_format import ImportFormatDialog
    from ecoute_desktop.ui.common import text_size
    from ecoute_desktop.ui.common.background import BackgroundRunner
    from ecoute_desktop.ui.common.context import AppContext, Events
    from ecoute_desktop.ui.coordination.coordination_view import CoordinationView
    from ecoute_desktop.ui.coordination.export_view import ExportView
    from ecoute_desktop.ui.settings.templates_dialog import TemplatesDialog
    from tests.export_factory import document, record, write

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(out / "qs"))
    app = make_application(["screenshots"])
    out.mkdir(parents=True, exist_ok=True)
    db = out / "demo.db"
    if not db.exists():
        write_demo_database(db)
    store = Store.open(db, DEMO_PASSPHRASE)
    runner = BackgroundRunner()
    context = AppContext(Services(store), runner, Events())
    exports = [
        write(out / "mesange.json", document([record("2026-01") for _ in range(7)], "Mésange")),
        write(out / "pinson.json", document([record("2026-02") for _ in range(2)], "Pinson")),
        HOSTILE / "edited_after_signing.json",
    ]
    plans = _import_files(out)
    booked = next(a for a in store.agenda.between(*_wide()) if a.status.value == "fixé")
    shots: list[Path] = []

    def grab(widget: QWidget, name: str) -> None:
        for _ in range(3):
            app.processEvents()
        runner.wait()
        for _ in range(3):
            app.processEvents()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        shots.append(path)

    for scale, (width, height) in ((s, z) for s in scales for z in sizes):
        text_size.apply_scale(scale, remember=False)
        scale = f"{scale}-{width}x{height}"  # type: ignore[assignment]  # file name prefix
        booking = BookingDialog(context, booked.case_id)
        booking.show()
        grab(booking, f"{scale}-dialogue-rdv")
        booking.close()
        slots = SlotsDialog(context)
        slots.show()
        for index in range(slots.tabs.count()):
            slots.tabs.setCurrentIndex(index)
            grab(slots, f"{scale}-dialogue-creneaux-{index}")
        slots.close()
        confirmation = ConfirmationDialog(context, booked.case_id)
        confirmation.show()
        grab(confirmation, f"{scale}-dialogue-confirmation")
        confirmation.close()
        templates = TemplatesDialog(context)
        templates.show()
        grab(templates, f"{scale}-dialogue-modeles")
        templates.tabs.setCurrentIndex(1)
        grab(templates, f"{scale}-dialogue-modeles-charte")
        templates.close()
        for name, plan_path in plans:
            preview = ImportPreviewDialog(parse_cases_csv(plan_path, store), plan_path)
            preview.show()
            grab(preview, f"{scale}-import-{name}")
            preview.close()
        form = ImportFormatDialog()
        form.show()
        grab(form, f"{scale}-import-format")
        form.close()
        coordination = CoordinationView(context)
        coordination.resize(width - 250, height - 120)  # the window less its navigation
        coordination.show()
        coordination.add_paths(exports)
        grab(coordination, f"{scale}-coordination-fichiers")
        scroll = coordination.findChild(QScrollArea)
        scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
        grab(coordination, f"{scale}-coordination-synthese")
        coordination.close()
        export = ExportView(context)
        export.resize(width - 250, height - 120)
        export.show()
        export.first.set_value("2000-01")
        export.prepare_button.click()
        grab(export, f"{scale}-export-apercu")
        export.close()
    text_size.apply_scale(100, remember=False)
    runner.wait()
    store.close()
    QApplication.processEvents()
    return shots


def _import_files(out: Path) -> list[tuple[str, Path]]:
    """A clean spreadsheet and one whose lines are wrong in many ways (fictitious members)."""
    from tests.csv_import_helpers import member, write_csv

    clean = write_csv(
        out / "tableur.csv", [member(i, reference=f"2019-{i + 1:04d}") for i in range(3)]
    )
    wrong = [
        member(1, date_reception="31/02/2025"),
        member(2, email="sans-arobase", urgent="peut-être"),
        member(3, thematiques="Jardinage;Pêche à la ligne"),
        member(4, nom="", telephone="12"),
        member(5, statut="presque fini", date_cloture="hier"),
    ] * 3
    return [("apercu", clean), ("erreurs", write_csv(out / "fautif.csv", wrong))]


def _wide() -> tuple:
    from datetime import timedelta

    from ecoute_desktop.domain.timeutil import utc_now

    now = utc_now()
    return now - timedelta(days=400), now + timedelta(days=400)


if __name__ == "__main__":
    from tests.screenshots import parse, scheme_from

    for shot in take(*parse(scheme_from(sys.argv[1:]))):
        print(shot)
