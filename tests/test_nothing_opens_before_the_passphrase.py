"""Nothing touches a database before its passphrase is given (issue 16).

The unlock window is built and shown for a demo base and for an ordinary base while
every SQLCipher connection is recorded: none is made. The demo hint still shows for the
demo base (recognised by its public salt, the file's first bytes) and not for the other.
Then the passphrase is typed and the base opens (one connection, after).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3

from ecoute_desktop.services.demo import DEMO_PASSPHRASE, DEMO_SALT, write_demo_database
from ecoute_desktop.store import Store
from ecoute_desktop.ui.safety.unlock_dialog import UnlockDialog


@pytest.fixture
def connections(monkeypatch) -> list[str]:
    made: list[str] = []
    real = sqlcipher3.connect

    def recording(database, *args, **kwargs):
        made.append(str(database))
        return real(database, *args, **kwargs)

    monkeypatch.setattr(sqlcipher3, "connect", recording)
    return made


def test_the_unlock_window_opens_nothing_and_still_knows_the_demo(
    qtbot, tmp_path: Path, connections: list[str]
) -> None:
    demo = write_demo_database(tmp_path / "demo.db", count=5, months=1)
    with Store.create(tmp_path / "mine.db", "une phrase de passe assez longue"):
        pass
    assert demo.read_bytes()[:16] == DEMO_SALT
    connections.clear()
    for path, is_demo in ((demo, True), (tmp_path / "mine.db", False)):
        dialog = UnlockDialog(path)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.demo_label.isVisible() is is_demo
        assert not any(str(path) in made for made in connections), connections
    dialog = UnlockDialog(demo)
    qtbot.addWidget(dialog)
    dialog.entry.edit.setText(DEMO_PASSPHRASE)
    assert dialog.try_unlock() and dialog.store is not None
    dialog.store.close()
    assert any(str(demo) in made for made in connections)  # the recorder sees openings
