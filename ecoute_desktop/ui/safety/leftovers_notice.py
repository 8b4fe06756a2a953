"""At start, before unlocking: say what an interrupted restore or passphrase change left."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ecoute_desktop.services.leftover_scan import worth_a_look
from ecoute_desktop.store import StoreError


def _title() -> str:
    return QCoreApplication.translate("leftovers", "Opération interrompue")


def tell_leftovers(parent: QWidget | None, path: Path) -> None:
    """Tell the user about leftovers next to `path`; offer a kept base back when it is missing."""
    if not worth_a_look(path):  # the usual case: nothing but the base and its backups
        return
    from ecoute_desktop.services import leftovers

    found = leftovers.tidy(path)
    if not found:
        return
    from ecoute_desktop.ui.common import prompts  # rarely needed: not before the unlock window

    kept = leftovers.kept_bases(found)
    if path.exists() or not kept:
        prompts.inform(parent, _title(), leftovers.notice(found))
        return
    question = QCoreApplication.translate(
        "leftovers",
        "{0}\n\nAucune base n'est à l'emplacement « {1} ». Remettre « {2} » à sa place ?"
        " (Sinon, l'assistant de création d'une nouvelle base s'ouvrira ; le fichier gardé"
        " reste où il est.)",
    ).format(leftovers.notice(found), path, kept[0].name)
    if not prompts.ask_yes_no(parent, _title(), question):
        return
    try:
        leftovers.put_back(path, kept[0])
    except (StoreError, OSError) as error:
        from ecoute_desktop.services.os_errors import error_text

        prompts.warn(parent, _title(), error_text(error))
