#!/bin/sh
# Make the macOS disk image of Écoute from dist/Ecoute.app (built by PyInstaller on macOS).
#
#   installers/macos/make_dmg.sh [VERSION]      (from the repository root, on macOS)
#
# Result: dist/Ecoute-<version>-macOS-<arch>.dmg, a compressed read-only image (UDZO)
# holding Ecoute.app and a link to /Applications, so the volunteer drags one onto the
# other. The app is signed ad hoc by PyInstaller, neither signed with a Developer ID nor
# notarised: Gatekeeper asks for « clic droit → Ouvrir » the first time
# (docs/installer-ecoute.md).
set -eu

app=dist/Ecoute.app
version=${1:-$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' ecoute_desktop/__init__.py)}
arch=$(uname -m)
image="dist/Ecoute-$version-macOS-$arch.dmg"

if [ ! -d "$app" ]; then
    echo "Pas de $app : lancez d'abord pyinstaller installers/ecoute.spec." >&2
    exit 1
fi
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
# ditto keeps the bundle's symbolic links, extended attributes and ad hoc signature.
ditto "$app" "$staging/Ecoute.app"
ln -s /Applications "$staging/Applications"
rm -f "$image"
hdiutil create -volname "Écoute" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$image"
hdiutil verify "$image"
echo "$image"
