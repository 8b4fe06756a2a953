"""What an interrupted restore or passphrase change left is told at the next start, never lost.

The states are those a kill leaves (see tests/test_kill_at_each_file_operation.py),
built here by hand: a second name of the base made just before the final rename, the
hidden copy of the backup, a copy under a new passphrase, and the state an older
Écoute left when killed half-way through a restore (no base, the base kept aside).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ecoute_desktop.cli import main
from ecoute_desktop.services import leftovers
from ecoute_desktop.services.backup import restore
from ecoute_desktop.ui.common import prompts
from tests.safety_helpers import digest, make_db, snapshot

RAW_KEY = "x'" + "7a" * 32 + "'"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="hard links as on POSIX")


@pytest.fixture
def base(tmp_path: Path) -> Path:
    return make_db(tmp_path / "ecoute.db", RAW_KEY, cases=4)


def _check(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], db: Path):
    monkeypatch.setenv("ECOUTE_PASSPHRASE", RAW_KEY)
    code = main(["--db", str(db), "check"])
    return code, capsys.readouterr().err


def test_a_restore_killed_before_its_rename_is_told_and_its_temporary_files_go(
    base: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(base, RAW_KEY)
    second = base.with_name("ecoute.db.avant-restauration-20260301-090000")
    os.link(base, second)
    copy = base.with_name(".ecoute.db.k3x9.restore")
    shutil.copyfile(base, copy)
    code, err = _check(monkeypatch, capsys, base)
    assert code == 0
    assert "restauration a été interrompue" in err
    assert "votre base n'a pas changé" in err
    assert not second.exists() and not copy.exists()
    assert snapshot(base, RAW_KEY) == before


def test_a_kept_base_of_a_finished_restore_is_not_nagged_about(
    base: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = make_db(tmp_path / "sauvegarde.db", RAW_KEY, cases=2)
    kept = restore(base, backup, RAW_KEY)
    assert kept is not None
    code, err = _check(monkeypatch, capsys, base)
    assert (code, err) == (0, "")
    assert kept.exists()


def test_an_old_restore_killed_half_way_points_to_the_base_and_deletes_nothing(
    base: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Écoute ≤ 0.1 moved the base aside, then renamed the copy in: killed between the two."""
    kept = base.with_name("ecoute.db.avant-restauration-20260301-090000")
    base.rename(kept)
    copy = base.with_name(".ecoute.db.k3x9.restore")
    shutil.copyfile(kept, copy)
    code, err = _check(monkeypatch, capsys, base)
    assert code == 1
    assert f"intacte sous le nom « {kept} »" in err
    assert f'restore "{kept}"' in err
    assert kept.exists() and copy.exists()


def test_the_app_offers_the_kept_base_back_instead_of_a_new_one(
    base: Path, qapp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ecoute_desktop.ui.safety.leftovers_notice import tell_leftovers

    before = digest(base)
    kept = base.with_name("ecoute.db.avant-restauration-20260301-090000")
    base.rename(kept)
    asked: list[str] = []
    monkeypatch.setattr(prompts, "ask_yes_no", lambda _p, _t, text: asked.append(text) or False)
    tell_leftovers(None, base)
    assert not base.exists() and kept.exists()  # « Non »: nothing moved
    assert kept.name in asked[0]
    monkeypatch.setattr(prompts, "ask_yes_no", lambda *_args: True)
    tell_leftovers(None, base)
    assert digest(base) == before and not kept.exists()


def test_an_interrupted_passphrase_change_is_told_and_the_base_keeps_its_passphrase(
    base: Path, qapp, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ecoute_desktop.ui.safety.leftovers_notice import tell_leftovers

    copy = base.with_name(".ecoute.db.rekey-0a1b2c3d")
    shutil.copyfile(base, copy)
    told: list[str] = []
    monkeypatch.setattr(prompts, "inform", lambda _p, _t, text: told.append(text))
    tell_leftovers(None, base)
    assert "garde son ancienne phrase de passe" in told[0]
    assert not copy.exists()
    assert snapshot(base, RAW_KEY)


def test_nothing_is_tidied_while_another_ecoute_holds_the_base(base: Path) -> None:
    """A `.restore` file next to a base another process holds is that process's live work."""
    copy = base.with_name(".ecoute.db.k3x9.restore")
    copy.write_bytes(b"")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_LOCK, str(base)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "pris"
    try:
        assert leftovers.tidy(base) == []
        assert copy.exists()
    finally:
        holder.communicate("")
    assert [item.kind for item in leftovers.tidy(base)] == [leftovers.Kind.RESTORE_COPY]
    assert not copy.exists()


HOLD_THE_LOCK = """
import sys
from pathlib import Path
from ecoute_desktop.store import lockfile
lockfile.acquire(Path(sys.argv[1]))
print("pris", flush=True)
sys.stdin.read()
"""


@pytest.mark.parametrize(
    "name",
    [
        ".ecoute.db.k3x9.restore",  # the copy of a backup being restored
        ".ecoute.db.rekey-0a1b2c3d",  # the base under a new passphrase
        ".ecoute.db.k3x9.part",  # a copy cut short
    ],
)
def test_the_start_tells_every_kind_of_leftover(
    base: Path, qapp, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    """The start looks at names first (issue 16): none of the kinds `tidy` knows slips by."""
    from ecoute_desktop.ui.safety.leftovers_notice import tell_leftovers

    left = base.with_name(name)
    left.write_bytes(b"\0" * 4096)
    told: list[str] = []
    monkeypatch.setattr(prompts, "inform", lambda _p, _t, text: told.append(text))
    tell_leftovers(None, base)
    assert len(told) == 1 and "supprimée" in told[0]
    assert not left.exists()


def test_a_start_with_nothing_left_over_reads_names_only(
    base: Path, tmp_path: Path, qapp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The base, its journal files and its backups are not leftovers: the start never
    reaches the classification (nor its imports) for them."""
    from ecoute_desktop.ui.safety.leftovers_notice import tell_leftovers

    for name in ("ecoute.db-wal", "ecoute.db-shm", "autre.db", "ecoute-2026-12-01.db"):
        base.with_name(name).write_bytes(b"")

    def tidy(_path: Path) -> list[leftovers.Leftover]:
        raise AssertionError("the classification ran for a clean folder")

    monkeypatch.setattr(leftovers, "tidy", tidy)
    monkeypatch.setattr(prompts, "inform", lambda *_args: pytest.fail("told of nothing"))
    tell_leftovers(None, base)
    monkeypatch.undo()
    base.with_name(".ecoute.db.k3x9.part").write_bytes(b"")
    with pytest.raises(AssertionError, match="classification ran"):
        monkeypatch.setattr(leftovers, "tidy", tidy)
        tell_leftovers(None, base)
