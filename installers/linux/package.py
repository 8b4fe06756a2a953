"""Package the PyInstaller bundle dist/Ecoute for Linux: a .deb (dpkg-deb) and a .tar.gz.

Run from the repository root after PyInstaller (`make dist` does both):

    python installers/linux/package.py [--dist dist]

* `dist/ecoute_<version>_<arch>.deb`: the bundle under /opt/ecoute, the launcher
  /usr/bin/ecoute-desktop, the desktop entry, hicolor icons (PNG renders and the SVG) and
  the AppStream metainfo. Its Depends are the system libraries the bundle loads that it
  does not carry, found with ldd and mapped to this machine's packages with dpkg -S.
* `dist/ecoute-<version>-linux-<machine>.tar.gz`: the bundle in `app/`, the same desktop
  entry and icons in `share/`, and `install.sh`, which installs for one user, without root.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

from ecoute_desktop import __version__  # noqa: E402

PACKAGE = "ecoute"
APP_ID = "fr.aitf.ecoute"
DESKTOP_ID = "ecoute-desktop"
PROGRAM = "ecoute-desktop"
# To be replaced by the association's contact before the package is published.
MAINTAINER = "Équipe Écoute <ecoute@example.invalid>"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
LAUNCHER = """#!/bin/sh
# Écoute: the application lives in /opt/ecoute (installed by the ecoute package).
exec /opt/ecoute/ecoute-desktop "$@"
"""


def run(*command: str | Path, **kwargs: object) -> str:
    return subprocess.run(
        [str(c) for c in command], check=True, capture_output=True, text=True, **kwargs
    ).stdout


def render_icons(share: Path) -> None:
    """share/icons/hicolor/<n>x<n>/apps/ecoute.png for each size, and scalable/…/ecoute.svg."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from ecoute_desktop.ui.common.app_icon import encoded, icon_path, render

    _app = QGuiApplication.instance() or QGuiApplication(["package"])
    hicolor = share / "icons" / "hicolor"
    for size in ICON_SIZES:
        target = hicolor / f"{size}x{size}" / "apps" / "ecoute.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(encoded(render(size), "png"))
    scalable = hicolor / "scalable" / "apps" / "ecoute.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(icon_path(), scalable)


def stage_share(share: Path, release_date: str) -> None:
    """The desktop entry, the icons and the AppStream metainfo under `share`."""
    applications = share / "applications"
    applications.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(HERE / f"{DESKTOP_ID}.desktop", applications / f"{DESKTOP_ID}.desktop")
    render_icons(share)
    metainfo = (HERE / f"{APP_ID}.metainfo.xml").read_text("utf-8")
    metainfo = metainfo.replace("@VERSION@", __version__).replace("@DATE@", release_date)
    (share / "metainfo").mkdir(parents=True, exist_ok=True)
    (share / "metainfo" / f"{APP_ID}.metainfo.xml").write_text(metainfo, "utf-8")


@functools.cache
def _owning_package(library: Path) -> str | None:
    """The Debian package that installed `library` (usr-merged paths tried both ways)."""
    real = library.resolve()
    candidates = {str(library), str(real)}
    for path in list(candidates):
        if path.startswith("/usr/lib/"):
            candidates.add(path.removeprefix("/usr"))
        elif path.startswith("/lib/"):
            candidates.add("/usr" + path)
    for path in sorted(candidates):
        result = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True)
        if result.returncode == 0:
            return result.stdout.split(":", 1)[0].strip()
    return None


def system_dependencies(bundle: Path) -> tuple[list[str], list[str]]:
    """Packages of the system libraries the bundle's binaries load, and the libraries found
    nowhere (optional plugins: the GTK theme, Wayland EGL), as the bootloader sees them."""
    bundle = bundle.resolve()
    env = dict(os.environ, LD_LIBRARY_PATH=str(bundle / "_internal"))
    libraries = sorted(p for p in bundle.rglob("*.so*") if p.is_file() and not p.is_symlink())
    binaries = [bundle / PROGRAM, *libraries]
    packages: set[str] = set()
    missing: set[str] = set()
    for binary in binaries:
        result = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, env=env)
        for line in result.stdout.splitlines():
            match = re.match(r"\s*(\S+) => (not found|(/\S+))", line)
            if not match:
                continue
            if match.group(2) == "not found":
                missing.add(match.group(1))
                continue
            path = Path(match.group(3))
            if path.is_relative_to(bundle):
                continue
            package = _owning_package(path)
            if package is None:
                missing.add(match.group(1))
            else:
                packages.add(package)
    return sorted(packages), sorted(missing)


def control_file(arch: str, depends: list[str], installed_kib: int) -> str:
    glibc = run("dpkg-query", "-W", "-f", "${Version}", "libc6").split("-")[0]
    depends = [f"libc6 (>= {glibc})" if name == "libc6" else name for name in depends]
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {__version__}\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(depends)}\n"
        "Description: suivi des sollicitations du point d'écoute (chiffré, hors ligne)\n"
        " Écoute est l'application des écoutants du point d'écoute : sollicitations,\n"
        " accusés de réception sous 48 heures, rendez-vous, notes d'appel et\n"
        " indicateurs mensuels, dans une base chiffrée sur l'ordinateur.\n"
    )


def _size_kib(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*")) // 1024 + 1


def build_deb(bundle: Path, dist: Path, staging: Path, release_date: str) -> Path:
    root = staging / "deb"
    shutil.rmtree(root, ignore_errors=True)
    # Hard links, not copies: the staging tree is only read by dpkg-deb. gzip, not xz:
    # xz took 2 min of CPU on 2 cores (72 MB), gzip 30 s (98 MB) — make dist stays short.
    shutil.copytree(bundle, root / "opt" / "ecoute", symlinks=True, copy_function=os.link)
    launcher = root / "usr" / "bin" / PROGRAM
    launcher.parent.mkdir(parents=True)
    launcher.write_text(LAUNCHER, "utf-8")
    launcher.chmod(0o755)
    stage_share(root / "usr" / "share", release_date)
    doc = root / "usr" / "share" / "doc" / PACKAGE
    doc.mkdir(parents=True)
    shutil.copyfile(ROOT / "resources" / "fonts" / "LICENSE", doc / "LICENSE.DejaVu")
    arch = run("dpkg", "--print-architecture").strip()
    depends, missing = system_dependencies(bundle)
    if missing:
        print("Bibliothèques optionnelles absentes ici (greffons non indispensables) :", *missing)
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(control_file(arch, depends, _size_kib(root)), "utf-8")
    for path in root.rglob("*"):
        if path.is_dir():
            path.chmod(0o755)
    target = dist / f"{PACKAGE}_{__version__}_{arch}.deb"
    run("dpkg-deb", "--root-owner-group", "-Zgzip", "-z9", "--build", root, target)
    return target


def build_tarball(bundle: Path, dist: Path, staging: Path, release_date: str) -> Path:
    name = f"{PACKAGE}-{__version__}-linux-{platform.machine()}"
    share = staging / "tar-share"
    shutil.rmtree(share, ignore_errors=True)
    stage_share(share, release_date)
    target = dist / f"{name}.tar.gz"

    def owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    with tarfile.open(target, "w:gz", compresslevel=6) as archive:
        archive.add(HERE / "install.sh", f"{name}/install.sh", filter=owned_by_root)
        archive.add(bundle, f"{name}/app", filter=owned_by_root)
        archive.add(share, f"{name}/share", filter=owned_by_root)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--staging", type=Path, default=ROOT / "build" / "linux-packages")
    args = parser.parse_args(argv)
    bundle = args.dist / "Ecoute"
    if not (bundle / PROGRAM).is_file():
        print(f"Pas de bundle dans {bundle} : lancez d'abord PyInstaller.", file=sys.stderr)
        return 1
    release_date = datetime.date.today().isoformat()
    args.staging.mkdir(parents=True, exist_ok=True)
    for target in (
        build_deb(bundle, args.dist, args.staging, release_date),
        build_tarball(bundle, args.dist, args.staging, release_date),
    ):
        print(
            f"{target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}"
            f" ({target.stat().st_size / 2**20:.0f} Mo)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
