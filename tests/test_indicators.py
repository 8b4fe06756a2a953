"""Monthly indicators on a hand-checked example, from the domain, the store and `ecoute indicators`.

Pins: every indicator counts the cohort of cases received in the period (Paris days), whatever
the date of their later steps; month boundaries follow Paris time; an acknowledgment exactly
48 h after receipt counts as within 48 h and one a minute later does not; sub-themes of one
top theme count once per case; a case referred twice to one body counts once. The expected
figures below were computed by hand, not by the code.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from ecoute_desktop.cli import main
from ecoute_desktop.domain.aggregation import compute_indicators
from ecoute_desktop.domain.indicators import INDICATOR_KEYS
from ecoute_desktop.domain.models import (
    Case,
    Member,
    Orientation,
    OrientationTarget,
    Theme,
)
from ecoute_desktop.domain.taxonomy import DEFAULT_DIRECTORY, DEFAULT_THEMES
from ecoute_desktop.domain.timeutil import PARIS
from ecoute_desktop.domain.workflow import DropReason, Status
from ecoute_desktop.services.indicators import month_indicators, period_indicators
from ecoute_desktop.store import Store
from tests.conftest import PASSPHRASE

THEME_TOPS = [label for label, _ in DEFAULT_THEMES]
TARGET_LABELS = [entry.label for entry in DEFAULT_DIRECTORY]
NATIONAL = "Niveau national AITF"


def paris(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=PARIS)


def build_cases(
    theme: Callable[[str], Theme], target: Callable[[str], OrientationTarget]
) -> list[Case]:
    """Eight cases around March 2026 (clocks go forward in Paris on Sunday 29 March)."""

    def new(ref: str, received: datetime, urgent: bool = False, themes: tuple = ()) -> Case:
        case = Case(ref, received, Member("Fictif", "Cas"), urgent=urgent)
        case.themes = [theme(path) for path in themes]
        return case

    def refer(case: Case, label: str, at: datetime) -> None:
        case.orientations.append(Orientation(target(label), at))

    # A: 1 March 00:30 Paris = 28 Feb 23:30 UTC: a March case; acknowledged exactly 48 h later.
    a = new("2026-0101", paris(3, 1, 0, 30), themes=("Relationnel/Élus", "Relationnel/Hiérarchie"))
    a.advance(Status.ACKNOWLEDGED, a.received_at + timedelta(hours=48), "T")
    # B: 28 Feb 23:30 Paris: February, outside the period (though acknowledged in March).
    b = new("2026-0102", paris(2, 28, 23, 30), urgent=True, themes=("Questions diverses",))
    b.advance(Status.ACKNOWLEDGED, b.received_at + timedelta(hours=1), "T")
    refer(b, "Réseau de pairs", paris(3, 2, 10))
    # C: 31 March 23:30 Paris = 21:30 UTC: March; urgent; acknowledged 48 h 01 later (late).
    c = new("2026-0103", paris(3, 31, 23, 30), urgent=True, themes=("Juridique/Conflit",))
    c.advance(Status.ACKNOWLEDGED, c.received_at + timedelta(hours=48, minutes=1), "T")
    refer(c, NATIONAL, paris(4, 2, 22))
    # D: 1 April 00:15 Paris = 31 March 22:15 UTC: April, outside the period.
    d = new("2026-0104", paris(4, 1, 0, 15), themes=("Métier et expertise",))
    refer(d, NATIONAL, paris(4, 1, 9))
    # E: 10 March; acknowledged after 2 h; call held; closed (questionnaire sent);
    # Carrière/Mobilité + Carrière itself; CNFPT twice and the national level once.
    e = new("2026-0105", paris(3, 10, 9), themes=("Carrière/Mobilité", "Carrière"))
    e.advance(Status.ACKNOWLEDGED, paris(3, 10, 11), "T")
    e.advance(Status.SCHEDULED, paris(3, 11, 9), "T")
    e.advance(Status.CALL_HELD, paris(3, 15, 10), "T")
    refer(e, "CNFPT", paris(3, 15, 10, 30))
    refer(e, "CNFPT", paris(3, 16, 10))
    refer(e, NATIONAL, paris(3, 16, 11))
    e.advance(Status.CLOSED, paris(3, 20, 10), "T")
    # F: 15 March; never acknowledged; dropped (injoignable): not "closed".
    f = new("2026-0106", paris(3, 15, 14), themes=("Management/Transversal",))
    f.advance(Status.DROPPED, paris(3, 16, 10), "T", DropReason.UNREACHABLE)
    # G: Saturday 28 March 10:00 (UTC+1), acknowledged Monday 30 March 10:30 (UTC+2):
    # 48 h 30 on the wall clock but 47 h 30 really: on time. Call held in April: still counts.
    g = new(
        "2026-0107",
        paris(3, 28, 10),
        urgent=True,
        themes=("Relationnel/Collègues", "Juridique/Statut et droits"),
    )
    g.advance(Status.ACKNOWLEDGED, paris(3, 30, 10, 30), "T")
    g.advance(Status.SCHEDULED, paris(3, 30, 11), "T")
    g.advance(Status.CALL_HELD, paris(4, 3, 15), "T")
    refer(g, "CNFPT", paris(4, 3, 15, 30))
    # H: 20 March 08:00; acknowledged 30 h later; no theme.
    h = new("2026-0108", paris(3, 20, 8))
    h.advance(Status.ACKNOWLEDGED, h.received_at + timedelta(hours=30), "T")
    return [a, b, c, d, e, f, g, h]


# In March 2026: A, C, E, F, G, H (B is February, D is April).
EXPECTED_MARCH = {
    "period": {"from": "2026-03-01", "to": "2026-03-31"},
    "requests": 6,
    "urgent": 2,  # C, G
    "acknowledged": 5,  # A, C, E, G, H
    "acknowledged_within_48h": 4,  # A (48 h exactly), E (2 h), G (47 h 30), H (30 h); not C
    "median_ack_hours": 47.5,  # delays 2, 30, 47.5, 48, 48.0167 → middle one
    "calls_held": 2,  # E, G (G's call was in April: the cohort is by receipt)
    "cases_with_call": 2,  # E, G: one call each
    "questionnaires_sent": 1,  # E
    "closed": 1,  # E; F was dropped, not closed
    "national_referrals": 2,  # C, E (G went to the CNFPT only; D is April)
    "themes": {
        "Juridique": 2,  # C, G
        "Relationnel": 2,  # A (two sub-themes, once), G
        "Carrière": 1,  # E (sub-theme and top theme, once)
        "Management": 1,  # F
        "Métier et expertise": 0,  # only D, which is April
        "Questions diverses": 0,  # only B, which is February
        "Ressources mobilisables": 0,
    },
    "orientations": {
        "CNFPT": 2,  # E (twice, counted once), G
        "Niveau national AITF": 2,  # C, E
        "Autre": 0,
        "Centre de gestion": 0,
        "Conseil juridique": 0,
        "Médecine de prévention et psychologue du travail": 0,
        "Réseau de pairs": 0,  # only B, which is February
        "SNDGCT": 0,
    },
    "satisfaction": {"responses": 0, "questions": {}},  # no questionnaire answer imported
    # receipt to first call: E 10 Mar 9 h → 15 Mar 10 h = 121 h; G 28 Mar 10 h (UTC+1) →
    # 3 Apr 15 h (UTC+2) = 148 h real (149 on the wall clock): median (121 + 148) / 2
    "median_hours_to_call": 134.5,
    "closed_without_call": {  # F, dropped before any call
        "ne répond pas": 1,
        "a renoncé": 0,
        "a trouvé une autre aide": 0,
        "autre": 0,
        "hors du champ du point d'écoute": 0,
        "non précisé": 0,
    },
}


def _plain_lookups() -> tuple[Callable[[str], Theme], Callable[[str], OrientationTarget]]:
    themes: dict[str, Theme] = {}
    for top_id, (label, children) in enumerate(DEFAULT_THEMES, start=1):
        themes[label] = Theme(top_id, label)
        for child_id, child in enumerate(children, start=100 * top_id):
            themes[f"{label}/{child}"] = Theme(child_id, child, top_id, label)
    targets = {
        entry.label: OrientationTarget(i, entry.label, entry.national)
        for i, entry in enumerate(DEFAULT_DIRECTORY, start=1)
    }
    return themes.__getitem__, targets.__getitem__


def test_hand_checked_month_from_the_domain() -> None:
    cases = build_cases(*_plain_lookups())
    result = compute_indicators(
        cases, date(2026, 3, 1), date(2026, 3, 31), THEME_TOPS, TARGET_LABELS
    )
    assert result.to_json() == EXPECTED_MARCH
    assert list(result.to_json()) == list(INDICATOR_KEYS)
    # Counts come first, then labels in alphabetical order.
    assert list(result.themes)[:4] == ["Juridique", "Relationnel", "Carrière", "Management"]


def test_neighbouring_months_get_their_own_cases() -> None:
    cases = build_cases(*_plain_lookups())
    february = compute_indicators(cases, date(2026, 2, 1), date(2026, 2, 28))
    assert (february.requests, february.urgent, february.median_ack_hours) == (1, 1, 1.0)
    assert february.themes == {"Questions diverses": 1}
    april = compute_indicators(cases, date(2026, 4, 1), date(2026, 4, 30))
    assert (april.requests, april.national_referrals, april.acknowledged) == (1, 1, 0)
    assert april.median_ack_hours is None


@pytest.fixture
def march_store(store: Store) -> Store:
    """The eight cases, saved in an encrypted database with the default taxonomy."""
    themes = {t.path: t for t in store.themes.all()}
    targets = {t.label: t for t in store.directory.all()}
    for case in build_cases(themes.__getitem__, targets.__getitem__):
        store.cases.create(case)
    return store


def test_hand_checked_month_from_the_database(march_store: Store) -> None:
    assert month_indicators(march_store, "2026-03").to_json() == EXPECTED_MARCH
    last_days = period_indicators(march_store, date(2026, 3, 28), date(2026, 3, 31))
    assert (last_days.requests, last_days.urgent) == (2, 2)  # G and C


def _run_cli(monkeypatch, capsys, passphrase: str, *argv: str) -> tuple[int, str, str]:
    monkeypatch.setenv("ECOUTE_PASSPHRASE", passphrase)
    try:
        code = main(list(argv))
    except SystemExit as exit_:  # argparse usage errors
        code = exit_.code
    out, err = capsys.readouterr()
    return int(code), out, err


def test_cli_month_prints_the_hand_checked_json(march_store: Store, monkeypatch, capsys) -> None:
    path = str(march_store.path)
    code, out, err = _run_cli(
        monkeypatch, capsys, PASSPHRASE, "--db", path, "indicators", "--month", "2026-03", "--json"
    )
    assert (code, err) == (0, "")
    printed = json.loads(out)
    assert tuple(printed) == INDICATOR_KEYS
    assert printed == EXPECTED_MARCH


def test_cli_from_to_covers_whole_paris_days(march_store: Store, monkeypatch, capsys) -> None:
    argv = ("--db", str(march_store.path), "indicators", "--json")
    code, out, _ = _run_cli(
        monkeypatch, capsys, PASSPHRASE, *argv, "--from", "2026-03-01", "--to", "2026-03-31"
    )
    assert code == 0 and json.loads(out) == EXPECTED_MARCH
    code, out, _ = _run_cli(
        monkeypatch, capsys, PASSPHRASE, *argv, "--from", "2026-02-28", "--to", "2026-03-01"
    )
    printed = json.loads(out)
    assert printed["period"] == {"from": "2026-02-28", "to": "2026-03-01"}
    assert (printed["requests"], printed["urgent"]) == (2, 1)  # B and A


def test_cli_wrong_passphrase_exits_3(march_store: Store, monkeypatch, capsys) -> None:
    path = str(march_store.path)
    code, out, err = _run_cli(
        monkeypatch, capsys, "mauvaise", "--db", path, "indicators", "--month", "2026-03", "--json"
    )
    assert code == 3 and out == ""
    assert "Phrase de passe incorrecte" in err


@pytest.mark.parametrize(
    "options",
    [
        ("--json",),  # no period
        ("--month", "2026-13", "--json"),
        ("--month", "mars", "--json"),
        ("--from", "2026-03-01", "--json"),  # --to missing
        ("--from", "2026-03-31", "--to", "2026-03-01", "--json"),  # reversed
        ("--from", "01/03/2026", "--to", "2026-03-31", "--json"),
        ("--month", "2026-03", "--from", "2026-03-01", "--to", "2026-03-31", "--json"),
        ("--month", "2026-03"),  # --json is required
        ("--month", "2026-03", "--to", "2026-03-15", "--json"),  # --to would be ignored
    ],
)
def test_cli_usage_errors_exit_2(tmp_path: Path, monkeypatch, capsys, options) -> None:
    with Store.create(tmp_path / "u.db", PASSPHRASE):
        pass
    code, out, err = _run_cli(
        monkeypatch, capsys, PASSPHRASE, "--db", str(tmp_path / "u.db"), "indicators", *options
    )
    assert code == 2 and out == ""
    assert err.strip()
    assert "Traceback" not in err
