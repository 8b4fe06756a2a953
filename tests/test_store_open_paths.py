"""Opening the database wherever the user keeps it, and saying so when it cannot be written.

Pins: a path with spaces, accents and `#%?` opens; a symbolic link opens the same file and
shares its one-writer lock with the real path (a second process is refused through either);
a database file or folder the user may not write is refused at opening with a French
« lecture seule » message naming the file — not opened only to fail at the first save, and
never reported as a wrong passphrase — and the file stays byte for byte the same; a
passphrase change or a restore through a link replaces the real file and keeps the link.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ecoute_desktop.domain.models import Case, Member
from ecoute_desktop.services.backup import restore
from ecoute_desktop.store import Store, WrongPassphraseError
from ecoute_desktop.store.rekey import change_passphrase
from tests.conftest import PASSPHRASE

# Run as an ordinary user would: root writes through any permission, so as root the
# check runs in a child without the capability to override file permissions.
_CAPSH = shutil.which("capsh")
needs_permissions = pytest.mark.skipif(
    os.name != "posix" or (os.geteuid() == 0 and _CAPSH is None),
    reason="file permissions need a POSIX user without CAP_DAC_OVERRIDE",
)
_CHILD = """
import json, sys
from ecoute_desktop.store import Store
try:
    Store.open(sys.argv[1], sys.argv[2]).close()
    print(json.dumps(["ok", ""]))
except Exception as error:
    print(json.dumps([type(error).__name__, str(error)]))
"""


def _open_as_user(path: Path) -> tuple[str, str]:
    command = [sys.executable, "-c", _CHILD, str(path), PASSPHRASE]
    if os.geteuid() == 0:
        drop = "cap_dac_override,cap_dac_read_search,cap_fowner"
        command = [_CAPSH, f"--drop={drop}", "--", "-c", " ".join(map(_quote, command))]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return tuple(json.loads(done.stdout.strip().splitlines()[-1]))


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\"'\"'") + "'"


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_a_path_with_spaces_and_accents_opens(tmp_path: Path) -> None:
    path = tmp_path / "Mes données à moi" / "base d'écoute #1 %20?.db"
    Store.create(path, PASSPHRASE).close()
    with Store.open(path, PASSPHRASE) as store:
        assert store.integrity_problems() == []


def test_a_symbolic_link_opens_the_same_file_and_shares_its_lock(tmp_path: Path) -> None:
    real = tmp_path / "vraie" / "ecoute.db"
    Store.create(real, PASSPHRASE).close()
    link = tmp_path / "raccourci.db"
    link.symlink_to(real)
    child = (
        "import sys\nfrom ecoute_desktop.store import Store\n"
        "try:\n    Store.open(sys.argv[1], sys.argv[2]).close()\n    print('opened')\n"
        "except Exception as error:\n    print(type(error).__name__)\n"
    )
    with Store.open(link, PASSPHRASE) as store:
        assert store.integrity_problems() == []
        for other in (real, link):
            done = subprocess.run(
                [sys.executable, "-c", child, str(other), PASSPHRASE],
                capture_output=True,
                text=True,
                timeout=120,
            )
            assert done.stdout.strip() == "LockedError", done.stderr
    assert link.is_symlink()


@needs_permissions
def test_a_read_only_database_file_is_refused_at_opening(tmp_path: Path) -> None:
    path = tmp_path / "donnees" / "ecoute.db"
    Store.create(path, PASSPHRASE).close()
    path.chmod(0o400)
    before = _snapshot(path.parent)

    kind, message = _open_as_user(path)

    assert kind == "ReadOnlyError", message
    assert "lecture seule" in message and "ecoute.db" in message
    assert _snapshot(path.parent) == before


@needs_permissions
def test_a_database_in_a_read_only_folder_is_not_called_a_wrong_passphrase(
    tmp_path: Path,
) -> None:
    path = tmp_path / "donnees" / "ecoute.db"
    Store.create(path, PASSPHRASE).close()
    before = _snapshot(path.parent)
    path.parent.chmod(0o500)
    try:
        kind, message = _open_as_user(path)
    finally:
        path.parent.chmod(0o700)

    assert kind == "ReadOnlyError", message
    assert "lecture seule" in message and "donnees" in message
    assert _snapshot(path.parent) == before


def _link_to_new_database(tmp_path: Path, cases: int) -> tuple[Path, Path]:
    real = tmp_path / "vraie" / "ecoute.db"
    with Store.create(real, PASSPHRASE) as store:
        for number in range(cases):
            store.cases.create(
                Case("", datetime(2026, 3, 2, 9, number, tzinfo=UTC), Member(f"Fictif{number}"))
            )
    link = tmp_path / "raccourci.db"
    link.symlink_to(real)
    return real, link


def test_changing_the_passphrase_through_a_link_re_encrypts_the_real_file(tmp_path: Path) -> None:
    real, link = _link_to_new_database(tmp_path, cases=2)
    new = "Xk9#mQ2$vL7@pR4!wZ8%"

    change_passphrase(link, PASSPHRASE, new)

    assert link.is_symlink() and link.resolve() == real.resolve()
    with Store.open(real, new) as store:
        assert store.cases.count() == 2
    with pytest.raises(WrongPassphraseError):
        Store.open(real, PASSPHRASE)


def test_restoring_through_a_link_replaces_the_real_file(tmp_path: Path) -> None:
    real, link = _link_to_new_database(tmp_path, cases=1)
    backup = tmp_path / "sauvegarde.db"
    with Store.create(backup, PASSPHRASE) as store:
        store.cases.create(Case("", datetime(2026, 3, 2, 9, 0, tzinfo=UTC), Member("A")))
        store.cases.create(Case("", datetime(2026, 3, 2, 9, 5, tzinfo=UTC), Member("B")))

    aside = restore(link, backup, PASSPHRASE)

    assert link.is_symlink() and link.resolve() == real.resolve()
    with Store.open(real, PASSPHRASE) as store:
        assert store.cases.count() == 2
    assert aside is not None and aside.parent == real.parent
