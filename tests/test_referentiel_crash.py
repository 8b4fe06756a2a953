"""A référentiel import killed at any point leaves the old version or the new one, whole.

The child (`tests/crash_child.py`, mode « referentiel ») imports a newer version that
renames a theme, adds one and retires a sub-theme; the parent kills it at statements,
commits and SQLite's own steps it reports (`tests/kill_points.py`), then opens the base
as the app would after a crash.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from ecoute_desktop.services.app import Services
from ecoute_desktop.store import Store
from tests.kill_points import Point, run_child, spread
from tests.referentiel_helpers import new_base, publish, theme_id

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.name != "posix", reason="kill -9 is POSIX"),
]
RAW_KEY = "x'" + "6a" * 32 + "'"  # a raw key: no slow key derivation in each child


def _state(path: Path) -> tuple[int, frozenset[str]]:
    with Store.open(path, RAW_KEY) as store:
        assert store.integrity_problems() == []
        services = Services(store)
        return services.referentiel.installed().version, frozenset(
            t.path for t in services.reference.themes()
        )


def test_a_kill_during_an_import_leaves_one_version_whole(tmp_path: Path) -> None:
    coordinator = new_base(tmp_path, "coordination")
    (tmp_path / "envoi").mkdir()
    v1 = publish(coordinator, tmp_path / "envoi" / "v1.ecoute-referentiel")
    template = tmp_path / "modele.db"
    with Store.create(template, RAW_KEY) as store:
        Services(store).referentiel.import_file(v1)
    coordinator.reference.rename_theme(theme_id(coordinator, "Juridique"), "Droit et statut")
    coordinator.reference.add_theme("Santé au travail")
    coordinator.reference.set_theme_retired(theme_id(coordinator, "Carrière/Mobilité"), True)
    v2 = publish(coordinator, tmp_path / "envoi" / "v2.ecoute-referentiel")
    coordinator._store.close()
    before = _state(template)

    work = tmp_path / "base" / "ecoute.db"
    work.parent.mkdir()
    shutil.copy(template, work)
    dry_run = run_child("referentiel", str(work), RAW_KEY, str(v2))
    assert dry_run.returncode == 0, dry_run.stderr
    after = _state(work)
    assert before[0] == 1 and after[0] == 2 and "Droit et statut/Conflit" in after[1]

    commit = dry_run.points.index(Point("sql-COMMIT", 1))
    points = sorted(
        {*spread(dry_run.points[:commit], 10), *dry_run.points[commit : commit + 3]},
        key=dry_run.points.index,
    )
    outcomes = {"old": 0, "new": 0}
    for point in points:
        work.unlink()
        shutil.copy(template, work)
        done = run_child("referentiel", str(work), RAW_KEY, str(v2), kill_at=point)
        assert done.killed, f"the import did not reach {point}"
        found = _state(work)
        assert found in (before, after), f"a kill at {point} left a mixture"
        outcomes["old" if found == before else "new"] += 1
    assert outcomes["old"] and outcomes["new"], outcomes
