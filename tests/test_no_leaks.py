"""Marker strings typed as personal data never appear in plain text in any file a whole
session writes (database folder, backups, temp folder, QSettings, logs), except the
right-of-access PDF the user asked for."""

from __future__ import annotations

import logging
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from ecoute_desktop.cli import main as cli_main
from ecoute_desktop.services import safety_settings
from ecoute_desktop.services.access_export import write_member_pdf
from ecoute_desktop.services.backup import automatic_backup, backup_to
from ecoute_desktop.services.retention import erase_member, purge, purge_preview
from ecoute_desktop.store import Store
from ecoute_desktop.store.rekey import change_passphrase
from ecoute_desktop.ui.common.clipboard import copy_personal
from ecoute_desktop.ui.safety.locking import AutoLock
from ecoute_desktop.ui.window.main_window import MainWindow
from tests.conftest import PASSPHRASE
from tests.desk_support import add_case, isolated_settings, make_context
from tests.safety_helpers import NEW_PASSPHRASE

__all__ = ["isolated_settings"]

MARKERS = ("Quibbleworth", "Zanzibarine", "06 39 98 77 66", "secret-xq@example.org")


def _needles() -> list[bytes]:
    needles = []
    for marker in MARKERS:
        for variant in {marker, marker.lower(), marker.upper()}:
            needles += [variant.encode("utf-8"), variant.encode("utf-16-le")]
    return needles


def _leaks(root: Path, allowed: set[Path]) -> list[str]:
    found = []
    for path in root.rglob("*"):
        if path.is_file() and path not in allowed:
            data = path.read_bytes()
            found += [f"{path.relative_to(root)}" for n in _needles() if n in data]
    return sorted(set(found))


def test_a_whole_session_leaves_no_plaintext_marker(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    temp = tmp_path / "tmp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    db = tmp_path / "data" / "ecoute.db"
    usb = tmp_path / "usb"
    usb.mkdir()
    store = Store.create(db, PASSPHRASE)
    store.settings.set(safety_settings.BACKUP_DIR, str(usb))
    old = add_case(
        store,
        MARKERS[0],
        datetime(2024, 2, 1, 9, tzinfo=UTC),
        note=f"Il parle de {MARKERS[1]}",
        telephone=MARKERS[2],
        email=MARKERS[3],
    )
    recent = add_case(store, MARKERS[0], datetime(2026, 3, 1, 9, tzinfo=UTC), email=MARKERS[3])
    store.notes.save_draft(recent.id, f"brouillon {MARKERS[1]}")  # type: ignore[arg-type]

    # The desk: a case on screen, a note typed, a copy, a lock and an unlock.
    window = MainWindow(make_context(store))
    qtbot.addWidget(window)
    window.show()
    auto_lock = AutoLock(window, window.context, idle_ms=600_000)
    try:
        view = window.open_case(recent.id)  # type: ignore[arg-type]
        qtbot.keyClicks(view.notes.editor, " Quibbleworth encore")  # type: ignore[attr-defined]
        copy_personal(MARKERS[2])
        window.set_text_scale(120)  # something is written to QSettings
        auto_lock.lock()
        auto_lock.screen.passphrase_edit.setText(PASSPHRASE)  # type: ignore[union-attr]
        auto_lock.screen.try_unlock()  # type: ignore[union-attr]
        window.flush_drafts()
        window.close_case()
    finally:
        auto_lock.stop()
        window.context.runner.wait()
    QSettings().sync()

    # Backups, the access PDF the user asked for, the command line, a purge, a rekey.
    automatic_backup(store)
    backup_to(store, usb / "manuelle.db")
    pdf = write_member_pdf(store, recent.id, tmp_path / "acces.pdf")  # type: ignore[arg-type]
    purge(store, purge_preview(store))
    erase_member(store, recent.id)  # type: ignore[arg-type]
    store.close()
    monkeypatch.setenv("ECOUTE_PASSPHRASE", PASSPHRASE)
    assert cli_main(["--db", str(db), "check"]) == 0
    assert cli_main(["--db", str(db), "backup", "-o", str(usb / "cli.db")]) == 0
    change_passphrase(db, PASSPHRASE, NEW_PASSPHRASE)

    assert MARKERS[0].encode() in pdf.read_bytes() or "Quibbleworth" in _pdf_text(pdf)
    assert _leaks(tmp_path, allowed={pdf}) == []
    assert not any(m in r.getMessage() for r in caplog.records for m in MARKERS)
    assert len(list(usb.iterdir())) == 4  # at locking, automatic, manual, CLI: all scanned
    assert list(tmp_path.rglob("Ecoute.conf")) or list(tmp_path.rglob("*.ini"))  # QSettings
    assert old.id is not None


def _pdf_text(pdf: Path) -> str:
    from pypdf import PdfReader

    return "".join(page.extract_text() for page in PdfReader(pdf).pages)
