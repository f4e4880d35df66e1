#!/usr/bin/env bash
# Sign the app (or a .dmg). With MACOS_SIGNING_IDENTITY set (a "Developer ID Application:
# ..." certificate in the keychain, see import_certificate.sh), sign for distribution with
# the hardened runtime that notarization requires; without it, sign ad hoc ("-"), which is
# enough for Apple silicon to run the app on the machine that built it, and for testing.
#
#   packaging/macos/sign.sh "dist/Harvest Contacts.app"
set -euo pipefail

target=${1:?usage: sign.sh APP_OR_DMG}
here=$(cd "$(dirname "$0")" && pwd)
identity=${MACOS_SIGNING_IDENTITY:-}

if [ -z "$identity" ]; then
    echo "No MACOS_SIGNING_IDENTITY: signing ad hoc (not for distribution)"
    codesign --force --deep --sign - "$target"
elif [ -d "$target" ]; then
    # --deep signs every nested library and framework with the same identity; the
    # entitlements let Python's ctypes and cffi allocate executable memory.
    codesign --force --deep --timestamp --options runtime \
        --entitlements "$here/entitlements.plist" --sign "$identity" "$target"
else
    codesign --force --timestamp --sign "$identity" "$target"
fi
codesign --verify --strict --verbose=2 "$target"
