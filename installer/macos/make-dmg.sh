#!/usr/bin/env bash
# Make a drag-to-Applications disk image of the frozen .app (macOS only: hdiutil).
#   installer/macos/make-dmg.sh "dist/Ban Bien Tap.app" dist/portal-desk-<version>-macos.dmg <version>
# installer/build runs it after PyInstaller's BUNDLE step. The .app is not signed or notarised
# here: sign it first (codesign --deep --options runtime) when a Developer ID is available,
# otherwise Gatekeeper asks the person to open it with right-click → Open the first time.
set -euo pipefail

app=${1:?the .app bundle}
target=${2:?the .dmg to write}
version=${3:?the version (desktop.__version__)}
volume="Bàn biên tập ${version}"

if ! command -v hdiutil >/dev/null; then
    echo "hdiutil not found: disk images are made on macOS" >&2
    exit 1
fi
[ -d "$app" ] || { echo "no such app bundle: $app" >&2; exit 1; }

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"

rm -f "$target"
hdiutil create -volname "$volume" -srcfolder "$staging" -fs HFS+ -format UDZO \
    -imagekey zlib-level=9 -ov "$target"
hdiutil verify "$target"
echo "built: $target"
