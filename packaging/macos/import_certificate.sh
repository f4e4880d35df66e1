#!/usr/bin/env bash
# Put the Developer ID certificate from CI secrets into a temporary keychain, so that
# sign.sh finds it. Reads MACOS_CERTIFICATE (the .p12, base64) and MACOS_CERTIFICATE_PASSWORD
# from the environment: never pass them on a command line, where `ps` would show them.
set -euo pipefail

: "${MACOS_CERTIFICATE:?}" "${MACOS_CERTIFICATE_PASSWORD:?}"
keychain="$RUNNER_TEMP/signing.keychain-db"
keychain_password=$(uuidgen)
certificate="$RUNNER_TEMP/certificate.p12"

printf '%s' "$MACOS_CERTIFICATE" | base64 --decode > "$certificate"
security create-keychain -p "$keychain_password" "$keychain"
security set-keychain-settings -lut 21600 "$keychain"
security unlock-keychain -p "$keychain_password" "$keychain"
security import "$certificate" -k "$keychain" -f pkcs12 -T /usr/bin/codesign \
    -P "$MACOS_CERTIFICATE_PASSWORD"
security set-key-partition-list -S apple-tool:,apple: -s -k "$keychain_password" "$keychain"
security list-keychains -d user -s "$keychain" $(security list-keychains -d user | tr -d '"')
rm -f "$certificate"
