#!/usr/bin/env bash
# Wrap `Harvest Contacts.app` in a compressed disk image with a link to /Applications, so
# a user installs by dragging the app onto the link. macOS only (hdiutil).
#
#   packaging/macos/make_dmg.sh "dist/Harvest Contacts.app" dist/HarvestContacts-1.0-macos-arm64.dmg
set -euo pipefail

app=${1:?usage: make_dmg.sh APP DMG}
dmg=${2:?usage: make_dmg.sh APP DMG}
volume="Harvest Contacts"

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
# ditto keeps the code signature, symbolic links and extended attributes intact.
ditto "$app" "$staging/$(basename "$app")"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
# hdiutil now and then fails with "Resource busy" on CI machines: try three times.
for attempt in 1 2 3; do
    if hdiutil create -volname "$volume" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"; then
        break
    fi
    [ "$attempt" = 3 ] && exit 1
    sleep 5
done
hdiutil verify "$dmg"
