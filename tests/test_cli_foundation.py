"""The set-up commands of `ecoute`: init, check and demo.

Pins: `ecoute init` creates an encrypted database with the default taxonomy and directory
(in the user data folder unless --db says otherwise) and never overwrites a file; `ecoute
check` says a sound file is sound and reports a damaged copy in French, with a non-zero exit
and no traceback; `ecoute demo` writes a database that opens with `demo` and holds cases
spread over several months.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ecoute_desktop.cli import main
from ecoute_desktop.domain.timeutil import month_key
from ecoute_desktop.store import Store
from tests.conftest import PASSPHRASE
from tests.safety_helpers import NEW_PASSPHRASE

# The default taxonomy and directory as the issue spells them.
ISSUE_THEMES = {
    "Relationnel": ["Élus", "Hiérarchie", "Collègues", "Équipes"],
    "Management": ["Hiérarchique", "Transversal", "Collectif d'équipe"],
    "Carrière": ["Concours et examens", "Mobilité", "Fin de détachement ou d'emploi fonctionnel"],
    "Juridique": ["Marchés publics", "Statut et droits", "Conflit"],
    "Métier et expertise": [],
    "Ressources mobilisables": [],
    "Questions diverses": [],
}
# `ecoute` run in a fresh interpreter, as from a terminal.
ECOUTE = [
    sys.executable,
    "-c",
    "import sys; from ecoute_desktop.cli import main; sys.exit(main(sys.argv[1:]))",
]
ISSUE_DIRECTORY = [
    "Niveau national AITF",
    "CNFPT",
    "SNDGCT",
    "Centre de gestion",
    "Conseil juridique",
    "Médecine de prévention et psychologue du travail",
    "Réseau de pairs",
    "Autre",
]


def run(monkeypatch, capsys, *argv: str, passphrase: str = PASSPHRASE) -> tuple[int, str, str]:
    monkeypatch.setenv("ECOUTE_PASSPHRASE", passphrase)
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return int(code or 0), out, err


def _assert_default_reference_data(store: Store) -> None:
    themes = store.themes.all()
    tree: dict[str, list[str]] = {}
    for theme in themes:
        if theme.parent_id is None:
            tree[theme.label] = []
        else:
            tree[theme.parent_label].append(theme.label)
    assert tree == ISSUE_THEMES
    assert list(tree) == list(ISSUE_THEMES)  # in the issue's order
    targets = store.directory.all()
    assert [t.label for t in targets] == ISSUE_DIRECTORY
    assert [t.label for t in targets if t.national] == ["Niveau national AITF"]


def test_init_creates_an_encrypted_database_with_the_defaults(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    path = tmp_path / "nouveau" / "ecoute.db"
    code, out, err = run(monkeypatch, capsys, "--db", str(path), "init", passphrase=NEW_PASSPHRASE)
    assert (code, err) == (0, "")
    assert str(path) in out
    with Store.open(path, NEW_PASSPHRASE) as store:
        _assert_default_reference_data(store)
        assert store.cases.count() == 0
        assert store.integrity_problems() == []


def test_init_uses_the_user_data_folder_by_default(tmp_path: Path, monkeypatch, capsys) -> None:
    if sys.platform != "linux":
        pytest.skip("XDG_DATA_HOME is the Linux data folder")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    code, _, _ = run(monkeypatch, capsys, "init", passphrase=NEW_PASSPHRASE)
    assert code == 0
    assert (tmp_path / "xdg" / "Ecoute" / "ecoute.db").is_file()


def test_init_never_overwrites_an_existing_file(tmp_path: Path, monkeypatch, capsys) -> None:
    path = tmp_path / "ecoute.db"
    path.write_bytes(b"un fichier important")
    code, out, err = run(monkeypatch, capsys, "--db", str(path), "init", passphrase=NEW_PASSPHRASE)
    assert code == 1 and out == ""
    assert "existe déjà" in err
    assert path.read_bytes() == b"un fichier important"


def test_check_says_a_sound_database_is_sound(store: Store, monkeypatch, capsys) -> None:
    store.close()
    code, out, _ = run(monkeypatch, capsys, "--db", str(store.path), "check")
    assert code == 0
    assert "saine" in out


def test_check_on_a_missing_file_is_an_error(tmp_path: Path, monkeypatch, capsys) -> None:
    code, _, err = run(monkeypatch, capsys, "--db", str(tmp_path / "absent.db"), "check")
    assert code == 1
    assert "Aucune base Écoute" in err
    assert list(tmp_path.iterdir()) == []


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    result = subprocess.run([*ECOUTE, "demo", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "demo" in result.stdout
    return path


def test_demo_database_opens_with_demo_and_spans_several_months(demo_db: Path) -> None:
    with Store.open(demo_db, "demo") as store:
        cases = store.cases.all()
        assert len(cases) >= 100
        months = {month_key(case.received_at) for case in cases}
        assert len(months) >= 4
        statuses = {case.status for case in cases}
        assert len(statuses) >= 4  # cases at several stages of the workflow
        assert store.integrity_problems() == []


def _flip_bytes_in_middle_page(path: Path) -> None:
    data = bytearray(path.read_bytes())
    pages = len(data) // 4096
    start = (pages // 2) * 4096 + 512
    for offset in range(start, start + 32):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


def test_check_reports_a_damaged_copy_clearly(demo_db: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "abimee.db"
    shutil.copyfile(demo_db, damaged)
    _flip_bytes_in_middle_page(damaged)
    digest = hashlib.sha256(damaged.read_bytes()).hexdigest()
    result = subprocess.run(
        [*ECOUTE, "--db", str(damaged), "check"],
        capture_output=True,
        text=True,
        env={**os.environ, "ECOUTE_PASSPHRASE": "demo"},
    )
    assert result.returncode not in (0, 3)  # damaged, and not mistaken for a bad passphrase
    output = result.stdout + result.stderr
    assert "endommagée" in output.lower()
    assert "Traceback" not in output
    assert "sqlcipher" not in result.stderr.lower()  # no raw SQLCipher log lines
    assert hashlib.sha256(damaged.read_bytes()).hexdigest() == digest  # checked, not changed
