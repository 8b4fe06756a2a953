#!/bin/sh
# Installe Écoute pour l'utilisateur courant, sans droits d'administrateur.
#
#   ./install.sh                 installe (ou met à jour) Écoute
#   ./install.sh --desinstaller  retire l'application ; la base et les sauvegardes restent
#
# L'application va dans ~/.local/share/ecoute-desktop, la commande dans ~/.local/bin,
# l'entrée de menu et l'icône dans ~/.local/share. La base chiffrée (par défaut
# ~/.local/share/Ecoute/ecoute.db) et ses sauvegardes ne sont jamais touchées.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-"$HOME/.local/share"}
appdir="$data/ecoute-desktop"
bindir="$HOME/.local/bin"
launcher="$bindir/ecoute-desktop"
desktop="$data/applications/ecoute-desktop.desktop"
metainfo="$data/metainfo/fr.aitf.ecoute.metainfo.xml"

refresh_menus() {
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$data/applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$data/icons/hicolor" 2>/dev/null || true
    fi
}

if [ "${1:-}" = "--desinstaller" ]; then
    rm -rf "$appdir"
    rm -f "$launcher" "$desktop" "$metainfo"
    find "$data/icons/hicolor" -path '*/apps/ecoute.*' -type f -exec rm -f {} + 2>/dev/null || true
    refresh_menus
    echo "Écoute est désinstallé."
    echo "Votre base chiffrée et vos sauvegardes n'ont pas été supprimées"
    echo "(par défaut dans $data/Ecoute)."
    exit 0
fi
if [ -n "${1:-}" ]; then
    echo "Option inconnue : $1 (seule --desinstaller existe)." >&2
    exit 2
fi
if [ ! -x "$here/app/ecoute-desktop" ]; then
    echo "Le dossier app/ manque à côté de install.sh : décompressez l'archive entière." >&2
    exit 1
fi

# The new version goes in beside the old one, then takes its place.
mkdir -p "$data" "$bindir" "$data/applications"
rm -rf "$appdir.new"
cp -R "$here/app" "$appdir.new"
rm -rf "$appdir"
mv "$appdir.new" "$appdir"

cat > "$launcher" <<EOF
#!/bin/sh
exec "$appdir/ecoute-desktop" "\$@"
EOF
chmod 755 "$launcher"

# The menu entry names the program by its full path: ~/.local/bin is not always on PATH.
sed -e "s|^Exec=.*|Exec=\"$appdir/ecoute-desktop\"|" \
    -e "s|^TryExec=.*|TryExec=$appdir/ecoute-desktop|" \
    "$here/share/applications/ecoute-desktop.desktop" > "$desktop"
mkdir -p "$data/metainfo"
cp "$here/share/metainfo/fr.aitf.ecoute.metainfo.xml" "$metainfo"
(cd "$here/share" && find icons -type f) | while read -r icon; do
    mkdir -p "$data/$(dirname "$icon")"
    cp "$here/share/$icon" "$data/$icon"
done
refresh_menus

echo "Écoute est installé : cherchez « Écoute » dans le menu des applications."
echo "(ou lancez $launcher)"
