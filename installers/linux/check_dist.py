"""Prove what `make dist` built: the bundle, the .deb and the .tar.gz each pass `--self-test`.

Run from the repository root after `installers/linux/package.py`:

    python installers/linux/check_dist.py [--dist dist]

1. dist/Ecoute/ecoute-desktop --self-test, headless: exit 0 and a « ✓ » line for every check;
2. the bundle holds no test code, test data or database (its files and its Python archive);
3. the .deb unpacked with `dpkg -x` into a temporary root: its files, the self-test from
   there, `desktop-file-validate` and `appstreamcli validate --no-net`;
4. the .tar.gz unpacked, `install.sh` run for a throw-away home, the self-test of the
   installed copy, then `install.sh --desinstaller`, which leaves the database alone;
5. copies of the bundle broken on purpose (Qt's French translation removed, then the PDF
   fonts): the self-test fails and names the missing file.
Each step prints one line; the first failure stops with exit status 1.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from ecoute_desktop import __version__  # noqa: E402
from ecoute_desktop.services.self_check import FONTS  # noqa: E402
from ecoute_desktop.ui.self_test import ALL_CHECKS, QT_FRENCH  # noqa: E402

PROGRAM = "ecoute-desktop"
# Module names and file names that only tests have: none may ride in the bundle.
TEST_MODULE = re.compile(
    r"(^|\.)(tests?|conftest|test_\w+)(\.|$)|^(pytest|_pytest|pytestqt|hypothesis|pypdf)(\.|$)"
)
TEST_FILE = re.compile(r"(^|/)(tests?|testing)/|(^|/)(test_[^/]*|conftest)\.pyc?$|\.db$")


class DistError(Exception):
    """A check of the built packages failed (the message says which and why)."""


def self_test(program: Path, env: dict[str, str] | None = None) -> tuple[int, str]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", **(env or {}))
    result = subprocess.run(
        [str(program), "--self-test"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        timeout=300,
    )
    return result.returncode, result.stdout + result.stderr


def require_passing(program: Path, env: dict[str, str] | None = None) -> str:
    status, output = self_test(program, env)
    passed = {line[2:] for line in output.splitlines() if line.startswith("✓ ")}
    missing = [t for t in ALL_CHECKS if not any(p.startswith(t) for p in passed)]
    if status != 0 or missing:
        raise DistError(
            f"{program} --self-test : code {status}, lignes manquantes {missing}\n{output}"
        )
    return f"{len(ALL_CHECKS)} vérifications réussies"


def check_bundle(bundle: Path) -> str:
    return require_passing(bundle / PROGRAM)


def check_no_tests(bundle: Path) -> str:
    from PyInstaller.archive.readers import CArchiveReader

    files = [p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()]
    bad_files = [f for f in files if TEST_FILE.search(f)]
    archive = CArchiveReader(str(bundle / PROGRAM))
    modules: list[str] = []
    for name in archive.toc:
        if name.endswith(".pyz"):
            modules += list(archive.open_embedded_archive(name).toc)
    bad_modules = [m for m in modules if TEST_MODULE.search(m)]
    if bad_files or bad_modules:
        raise DistError(f"tests dans le bundle : {bad_files[:10]} {bad_modules[:10]}")
    return f"{len(files)} fichiers et {len(modules)} modules, aucun de test"


def check_deb(deb: Path, scratch: Path) -> str:
    root = scratch / "deb-root"
    subprocess.run(["dpkg", "-x", str(deb), str(root)], check=True)
    expected = [
        "opt/ecoute/ecoute-desktop",
        "usr/bin/ecoute-desktop",
        "usr/share/applications/ecoute-desktop.desktop",
        "usr/share/icons/hicolor/scalable/apps/ecoute.svg",
        "usr/share/icons/hicolor/48x48/apps/ecoute.png",
        "usr/share/icons/hicolor/256x256/apps/ecoute.png",
        "usr/share/metainfo/fr.aitf.ecoute.metainfo.xml",
    ]
    absent = [path for path in expected if not (root / path).is_file()]
    if absent:
        raise DistError(f"{deb.name} : fichiers absents {absent}")
    if "/opt/ecoute/ecoute-desktop" not in (root / "usr/bin/ecoute-desktop").read_text():
        raise DistError("/usr/bin/ecoute-desktop ne lance pas /opt/ecoute/ecoute-desktop")
    if not os.access(root / "usr/bin/ecoute-desktop", os.X_OK):
        raise DistError("/usr/bin/ecoute-desktop n'est pas exécutable")
    require_passing(root / "opt/ecoute/ecoute-desktop")
    return "dpkg -x, fichiers en place, autotest réussi depuis /opt/ecoute"


def check_metadata(deb_root: Path) -> str:
    desktop = deb_root / "usr/share/applications/ecoute-desktop.desktop"
    metainfo = deb_root / "usr/share/metainfo/fr.aitf.ecoute.metainfo.xml"
    for command in (
        ["desktop-file-validate", str(desktop)],
        ["appstreamcli", "validate", "--no-net", str(metainfo)],
    ):
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0 or "error" in result.stdout.lower().replace("errors: 0", ""):
            raise DistError(f"{' '.join(command)} :\n{result.stdout}{result.stderr}")
    return "desktop-file-validate et appstreamcli validate --no-net sans erreur"


def check_tarball(tarball: Path, scratch: Path) -> str:
    with tarfile.open(tarball) as archive:
        archive.extractall(scratch / "tar", filter="tar")
    (folder,) = (scratch / "tar").iterdir()
    home = scratch / "home"
    database = home / ".local/share/Ecoute/ecoute.db"
    database.parent.mkdir(parents=True)
    database.write_bytes(b"base fictive de la verification")
    env = {"HOME": str(home), "XDG_DATA_HOME": ""}
    environment = {k: v for k, v in dict(os.environ, **env).items() if v}
    subprocess.run([str(folder / "install.sh")], check=True, env=environment, capture_output=True)
    launcher = home / ".local/bin/ecoute-desktop"
    desktop = home / ".local/share/applications/ecoute-desktop.desktop"
    if not desktop.is_file() or str(home) not in desktop.read_text("utf-8"):
        raise DistError("install.sh n'a pas écrit l'entrée de menu vers la copie installée")
    require_passing(launcher, {"HOME": str(home)})
    subprocess.run(
        [str(folder / "install.sh"), "--desinstaller"],
        check=True,
        env=environment,
        capture_output=True,
    )
    if launcher.exists() or (home / ".local/share/ecoute-desktop").exists():
        raise DistError("install.sh --desinstaller a laissé l'application")
    if database.read_bytes() != b"base fictive de la verification":
        raise DistError("install.sh --desinstaller a touché la base")
    return "install.sh pour un utilisateur, autotest réussi, désinstallation sans toucher la base"


def broken_copy(bundle: Path, scratch: Path, name: str, remove: str) -> tuple[int, str]:
    """A copy of the bundle (hard links) without the files matching `remove`."""
    copy = scratch / name
    shutil.copytree(bundle, copy, symlinks=True, copy_function=os.link)
    removed = [p for p in copy.rglob(remove) if p.is_file()]
    if not removed:
        raise DistError(f"aucun fichier « {remove} » dans le bundle à retirer")
    for path in removed:
        path.unlink()
    return self_test(copy / PROGRAM)


def check_broken(bundle: Path, scratch: Path) -> str:
    for name, remove, title, named in (
        ("sans-traduction", "qtbase_fr.qm", QT_FRENCH, "qtbase_fr.qm"),
        ("sans-polices", "DejaVuSans*.ttf", FONTS, "DejaVuSans.ttf"),
    ):
        status, output = broken_copy(bundle, scratch, name, remove)
        failure = [line for line in output.splitlines() if line.startswith(f"✗ {title}")]
        if status == 0 or not failure or named not in failure[0]:
            raise DistError(f"bundle {name} : l'autotest ne le signale pas\n{output}")
    return "sans qtbase_fr.qm puis sans polices : l'autotest échoue et nomme le fichier"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    args = parser.parse_args(argv)
    dist = args.dist.resolve()
    bundle = dist / "Ecoute"
    debs = sorted(dist.glob(f"ecoute_{__version__}_*.deb"))
    tarballs = sorted(dist.glob(f"ecoute-{__version__}-linux-*.tar.gz"))
    if not (bundle / PROGRAM).is_file() or len(debs) != 1 or len(tarballs) != 1:
        print(f"Bundle, .deb ou .tar.gz absent de {dist} : lancez make dist.", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="ecoute-dist-") as folder:
        scratch = Path(folder)
        steps: list[tuple[str, Callable[[], str]]] = [
            ("bundle dist/Ecoute", lambda: check_bundle(bundle)),
            ("pas de tests dans le bundle", lambda: check_no_tests(bundle)),
            (debs[0].name, lambda: check_deb(debs[0], scratch)),
            ("métadonnées du .deb", lambda: check_metadata(scratch / "deb-root")),
            (tarballs[0].name, lambda: check_tarball(tarballs[0], scratch)),
            ("bundles abîmés exprès", lambda: check_broken(bundle, scratch)),
        ]
        for name, step in steps:
            started = time.monotonic()
            try:
                detail = step()
            except (DistError, subprocess.CalledProcessError) as error:
                print(f"✗ {name} : {error}", file=sys.stderr)
                return 1
            print(f"✓ {name} : {detail} ({time.monotonic() - started:.0f} s)", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
