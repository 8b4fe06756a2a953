"""Under Windows file semantics (an open file cannot be renamed over or deleted), changing the
passphrase, restoring a backup and writing an export work once every handle is closed, wait
for a program that holds the file briefly, and otherwise stop with a French message that
names the file, leaving the database (or the export) exactly as it was; the writer's lock is
a separate file that stays held throughout."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from ecoute_desktop.services.atomic import write_bytes_atomic
from ecoute_desktop.services.backup import ASIDE_MARK, backup_to, restore
from ecoute_desktop.store import Store, StoreError, lockfile
from ecoute_desktop.store.copying import sidecars
from ecoute_desktop.store.errors import FileInUseError
from ecoute_desktop.store.rekey import change_passphrase
from ecoute_desktop.ui.common import prompts
from ecoute_desktop.ui.safety.restore import restore_into_open_app
from ecoute_desktop.ui.safety.safety_settings import PassphraseDialog
from tests.conftest import PASSPHRASE
from tests.desk_support import add_case, isolated_settings, make_context
from tests.safety_helpers import NEW_PASSPHRASE, make_db, openers, snapshot
from tests.windows_semantics import WindowsFiles, open_files

__all__ = ["isolated_settings"]


@pytest.fixture
def closed_db(db_path: Path) -> Path:
    return make_db(db_path, PASSPHRASE, cases=8)


def _leftovers(folder: Path, db: Path) -> list[str]:
    """Files next to the database other than it, its lock and its log (temp copies)."""
    keep = {db.name, lockfile.lock_path_for(db).name, *(p.name for p in sidecars(db))}
    return sorted(p.name for p in folder.iterdir() if p.is_file() and p.name not in keep)


def test_windows_simulation_refuses_to_replace_an_open_database(
    closed_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The simulation itself: a replace onto a file our connection holds is refused."""
    files = WindowsFiles(monkeypatch)
    other = tmp_path / "autre.db"
    other.write_bytes(b"x")
    with Store.open(closed_db, PASSPHRASE) as store:
        assert str(store.path.resolve()) in open_files()
        with pytest.raises(PermissionError):
            other.replace(closed_db)
    other.replace(closed_db)  # closed: allowed
    assert files.refused == [str(closed_db.resolve())]


def test_passphrase_change_from_the_app_closes_every_handle_first(
    qtbot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = WindowsFiles(monkeypatch)
    add_case(store, "Fictif-Avant", datetime(2026, 3, 2, 9, tzinfo=UTC))
    dialog = PassphraseDialog(make_context(store))
    qtbot.addWidget(dialog)
    dialog.old_edit.setText(PASSPHRASE)
    dialog.new_edit.setText(NEW_PASSPHRASE)
    dialog.again_edit.setText(NEW_PASSPHRASE)
    assert dialog.change() is True
    assert files.refused == []
    assert store.db.is_open and store.search("Fictif-Avant")
    assert lockfile.is_held(store.path) and lockfile.lock_path_for(store.path).exists()
    store.close()
    assert openers(store.path, PASSPHRASE, NEW_PASSPHRASE) == [NEW_PASSPHRASE]


def test_passphrase_change_waits_for_a_brief_hold(
    closed_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = WindowsFiles(monkeypatch)
    files.hold(closed_db, times=2)  # an antivirus scanning the file for a moment
    change_passphrase(closed_db, PASSPHRASE, NEW_PASSPHRASE)
    assert len(files.waits) == 2
    assert openers(closed_db, PASSPHRASE, NEW_PASSPHRASE) == [NEW_PASSPHRASE]


def test_passphrase_change_refused_by_a_program_holding_the_file_changes_nothing(
    qtbot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = WindowsFiles(monkeypatch)
    add_case(store, "Fictif-Garde", datetime(2026, 3, 2, 9, tzinfo=UTC))
    files.hold(store.path)
    dialog = PassphraseDialog(make_context(store))
    qtbot.addWidget(dialog)
    dialog.old_edit.setText(PASSPHRASE)
    dialog.new_edit.setText(NEW_PASSPHRASE)
    dialog.again_edit.setText(NEW_PASSPHRASE)
    assert dialog.change() is False
    message = dialog.message.text()
    assert "ouvert par un autre programme" in message and "Rien n'a été modifié" in message
    assert str(store.path.resolve()) in message
    assert store.db.is_open and store.search("Fictif-Garde")  # the app carries on, old key
    assert lockfile.is_held(store.path)
    assert _leftovers(store.path.parent, store.path) == []
    store.close()
    files.release(store.path)
    assert openers(store.path, PASSPHRASE, NEW_PASSPHRASE) == [PASSPHRASE]


def test_restore_from_the_app_closes_every_handle_first(
    qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_case(store, "Fictif-Sauvegarde", datetime(2026, 3, 1, 9, tzinfo=UTC))
    backup = backup_to(store, tmp_path / "cle-usb.db").path
    add_case(store, "Fictif-Apres", datetime(2026, 3, 2, 9, tzinfo=UTC))
    files = WindowsFiles(monkeypatch)
    warnings: list[str] = []
    monkeypatch.setattr(prompts, "ask_open_path", lambda *_: backup)
    monkeypatch.setattr(prompts, "ask_passphrase", lambda *_: PASSPHRASE)
    monkeypatch.setattr(prompts, "confirm_action", lambda *_, **__: True)
    monkeypatch.setattr(prompts, "warn", lambda _p, _t, text: warnings.append(text))
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    aside = restore_into_open_app(parent, make_context(store))
    assert warnings == [] and files.refused == []
    assert aside is not None and ASIDE_MARK in aside.name
    assert store.search("Fictif-Sauvegarde") and not store.search("Fictif-Apres")
    assert lockfile.is_held(store.path)


def test_restore_refused_by_a_program_holding_the_database_changes_nothing(
    qtbot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = backup_to(store, tmp_path / "cle-usb.db").path
    add_case(store, "Fictif-Courant", datetime(2026, 3, 2, 9, tzinfo=UTC))
    files = WindowsFiles(monkeypatch)
    files.hold(store.path)
    warnings: list[str] = []
    monkeypatch.setattr(prompts, "ask_open_path", lambda *_: backup)
    monkeypatch.setattr(prompts, "ask_passphrase", lambda *_: PASSPHRASE)
    monkeypatch.setattr(prompts, "confirm_action", lambda *_, **__: True)
    monkeypatch.setattr(prompts, "warn", lambda _p, _t, text: warnings.append(text))
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    assert restore_into_open_app(parent, make_context(store)) is None
    assert len(warnings) == 1 and "ouvert par un autre programme" in warnings[0]
    assert store.db.is_open and store.search("Fictif-Courant")
    assert _leftovers(store.path.parent, store.path) == []


def test_restore_that_fails_at_the_last_step_puts_the_database_back(
    closed_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = tmp_path / "cle-usb.db"
    with Store.open(closed_db, PASSPHRASE) as opened:
        backup_to(opened, backup)
        opened.cases.delete(opened.cases.all()[0].id)
    before = snapshot(closed_db, PASSPHRASE)
    files = WindowsFiles(monkeypatch)
    files.refuse_when(lambda source, target: target is not None and source.endswith(".restore"))
    with pytest.raises(FileInUseError, match="Rien n'a été modifié"):
        restore(closed_db, backup, PASSPHRASE)
    assert snapshot(closed_db, PASSPHRASE) == before
    assert _leftovers(closed_db.parent, closed_db) == []


def test_restore_that_cannot_put_the_database_back_says_where_it_is(
    closed_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = tmp_path / "cle-usb.db"
    with Store.open(closed_db, PASSPHRASE) as opened:
        backup_to(opened, backup)
        opened.cases.delete(opened.cases.all()[0].id)
    before = snapshot(closed_db, PASSPHRASE)
    files = WindowsFiles(monkeypatch)
    files.refuse_when(lambda source, _t: source.endswith(".restore") or ASIDE_MARK in source)
    with pytest.raises(StoreError) as raised:
        restore(closed_db, backup, PASSPHRASE)
    (aside,) = [p for p in closed_db.parent.iterdir() if ASIDE_MARK in p.name]
    assert str(aside) in str(raised.value) and "intacte" in str(raised.value)
    assert snapshot(aside, PASSPHRASE) == before  # nothing lost: the user can rename it


def test_export_onto_a_file_open_in_a_reader_is_refused_and_left_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    WindowsFiles(monkeypatch)
    target = tmp_path / "rapport-mars.pdf"
    target.write_bytes(b"%PDF-ancien")
    with target.open("rb"), pytest.raises(OSError) as raised:  # the PDF reader holds it
        write_bytes_atomic(target, b"%PDF-nouveau")
    assert isinstance(raised.value, FileInUseError)
    assert raised.value.strerror and "rapport-mars.pdf" in raised.value.strerror
    assert target.read_bytes() == b"%PDF-ancien"
    assert [p.name for p in tmp_path.iterdir()] == ["rapport-mars.pdf"]  # no .part left
    write_bytes_atomic(target, b"%PDF-nouveau")  # reader closed: written
    assert target.read_bytes() == b"%PDF-nouveau"


def test_on_posix_a_permission_error_is_not_taken_for_a_busy_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ecoute_desktop.store import replacing

    monkeypatch.setattr(replacing, "WINDOWS", False)

    def refuse(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(replacing.os, "replace", refuse)
    with pytest.raises(PermissionError) as raised:
        replacing.replace_file(tmp_path / "a", tmp_path / "b")
    assert not isinstance(raised.value, FileInUseError)
