#!/usr/bin/env bash
# Send a signed .dmg to Apple's notary service, wait for the verdict, and staple the ticket
# so Gatekeeper accepts the app offline. Reads APPLE_ID, APPLE_TEAM_ID and
# APPLE_APP_PASSWORD (an app-specific password) from the environment.
#
#   packaging/macos/notarize.sh dist/HarvestContacts-1.0-macos-arm64.dmg
set -euo pipefail

dmg=${1:?usage: notarize.sh DMG}
: "${APPLE_ID:?}" "${APPLE_TEAM_ID:?}" "${APPLE_APP_PASSWORD:?}"

xcrun notarytool submit "$dmg" --wait \
    --apple-id "$APPLE_ID" --team-id "$APPLE_TEAM_ID" --password "$APPLE_APP_PASSWORD"
xcrun stapler staple "$dmg"
xcrun stapler validate "$dmg"
spctl --assess --type open --context context:primary-signature --verbose "$dmg"
