"""« Données personnelles » in the case view: the access PDF holds every case of the member;
erasure asks first (saying what is kept), erases the member's identity, notes and the note
being typed in all their cases at once, keeps the anonymous statistics, closes the case."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from ecoute_desktop.services.indicators import month_indicators
from ecoute_desktop.store import Store
from ecoute_desktop.ui.case.case_view import CaseView
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.desk_support import add_case, isolated_settings, make_context, store_of

__all__ = ["isolated_settings"]

MARKER = "Zacharie-Oyonnax"
PHONE = "06 39 98 77 66"


@pytest.fixture
def desk(qtbot, store: Store) -> tuple[MainWindow, CaseView, list[int]]:
    first = add_case(store, MARKER, datetime(2026, 1, 5, 9, tzinfo=UTC),
                     note=f"Premier appel {MARKER}", telephone=PHONE)  # fmt: skip
    second = add_case(store, MARKER, datetime(2026, 3, 2, 9, tzinfo=UTC),
                      note=f"Second appel {MARKER}", telephone=PHONE)  # fmt: skip
    other = add_case(store, "Autre", datetime(2026, 3, 3, 9, tzinfo=UTC), note="Autre note")
    window = MainWindow(make_context(store))
    qtbot.addWidget(window)
    window.show()
    view = window.open_case(second.id)  # type: ignore[arg-type]
    return window, view, [first.id, second.id, other.id]  # type: ignore[list-item]


def test_the_menu_is_in_the_case_header(desk) -> None:
    _, view, _ = desk
    actions = [a.text() for a in view.privacy.menu().actions() if a.text()]
    assert actions == [
        "Exporter tout ce qui concerne cet adhérent (PDF)…",
        "Effacer les données de cet adhérent…",
    ]
    assert view.privacy.isVisible() and view.privacy.accessibleName()


def test_export_writes_everything_about_the_member(
    desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, view, ids = desk
    told: list[str] = []
    monkeypatch.setattr(prompts, "ask_save_path", lambda *_: tmp_path / "acces")
    monkeypatch.setattr(prompts, "inform", lambda _p, _t, text: told.append(text))
    view.notes.editor.setPlainText(f"Brouillon {MARKER}")
    written = view.privacy.export_pdf()
    assert written == tmp_path / "acces.pdf" and str(written) in told[0]
    text = "".join(page.extract_text() for page in PdfReader(written).pages)
    store = store_of(window.context)
    for case_id in ids[:2]:
        assert f"Sollicitation {store.cases.get(case_id).reference}" in text
    assert f"Premier appel {MARKER}" in text and f"Second appel {MARKER}" in text
    assert f"Brouillon {MARKER}" in text  # the note being typed is stored too
    assert "Autre note" not in text
    assert store.cases.get(ids[1]).member.nom == MARKER  # exporting changes nothing


def test_erasure_asks_then_erases_all_the_member_cases(
    qtbot, desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, view, ids = desk
    store = store_of(window.context)
    before = {m: month_indicators(store, m).to_json() for m in ("2026-01", "2026-03")}
    asked: list[str] = []
    answer = [False]
    monkeypatch.setattr(
        prompts, "confirm_action", lambda _p, _t, q, *_: asked.append(q) or answer[0]
    )
    monkeypatch.setattr(prompts, "inform", lambda *_: None)
    qtbot.keyClicks(view.notes.editor, "Tape pendant l'effacement " + MARKER)
    assert view.privacy.erase() == []
    assert store.cases.get(ids[0]).member.nom == MARKER  # refused: nothing erased
    question = asked[0]
    for case_id in ids[:2]:
        assert store.cases.get(case_id).reference in question
    assert store.cases.get(ids[2]).reference not in question
    assert "statistiques anonymes" in question and "irréversible" in question
    answer[0] = True
    with qtbot.waitSignal(view.privacy.member_erased):
        erased = view.privacy.erase()
    assert len(erased) == 2
    assert window.case_view is None  # closed; what was typed did not come back as a draft
    assert store.search(MARKER) == []
    for case_id in ids[:2]:
        case = store.cases.get(case_id)
        assert (case.member.nom, case.member.telephone, case.notes) == ("", "", [])
        assert store.notes.draft(case_id) is None
    assert store.cases.get(ids[2]).member.nom == "Autre"
    after = {m: month_indicators(store, m).to_json() for m in ("2026-01", "2026-03")}
    assert after == before
