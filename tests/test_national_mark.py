"""A national directory entry is marked « national » once, never twice: « Niveau national AITF »
is not followed by « — national », while a national entry whose name does not say so is."""

from __future__ import annotations

from ecoute_desktop.domain.models import OrientationTarget
from ecoute_desktop.ui.case.case_tags import DirectoryPopup, contact_text


def test_mark_only_where_the_name_does_not_say_it() -> None:
    assert not OrientationTarget(1, "Niveau national AITF", national=True).needs_national_mark
    assert OrientationTarget(2, "Fédération des ingénieurs", national=True).needs_national_mark
    assert not OrientationTarget(3, "CNFPT", national=False).needs_national_mark


def test_directory_popup_and_contact_card(qtbot) -> None:
    aitf = OrientationTarget(1, "Niveau national AITF", national=True)
    federation = OrientationTarget(2, "Fédération des ingénieurs", national=True)
    local = OrientationTarget(3, "Centre de gestion")
    popup = DirectoryPopup([aitf, federation, local])
    qtbot.addWidget(popup)
    texts = [button.text() for button in popup.buttons]
    assert texts[0] == "Niveau national AITF"
    assert texts[1].startswith("Fédération des ingénieurs") and "national" in texts[1]
    assert texts[2] == "Centre de gestion"
    assert contact_text(aitf).count("national") == 1
    assert "(niveau national)" in contact_text(federation)
