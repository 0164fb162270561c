#!/usr/bin/env bash
# Builds planwriter.app (PyInstaller, with the .pwcase document type in its Info.plist) and a .dmg disk image.
#
#     packaging/macos/build_dmg.sh            # from the repository root, on a Mac, with the project installed
#     PYTHON=.venv/bin/python packaging/macos/build_dmg.sh
#
# Result: dist/planwriter.app and dist/planwriter-<version>-macos.dmg. Set SKIP_BUILD=1 to package an existing
# dist/planwriter.app. The app is ad-hoc signed only; see docs/packaging.md for signing and notarising.
set -euo pipefail

cd "$(dirname "$0")/../.."
PYTHON="${PYTHON:-python3}"

if [[ "$(uname -s)" != "Darwin" ]]; then
    echo "build_dmg.sh: this script needs macOS (hdiutil, plutil, codesign)" >&2
    exit 1
fi

VERSION="$("$PYTHON" -c 'import re,pathlib; print(re.search(r"__version__\s*=\s*\"([^\"]+)\"", pathlib.Path("planwriter/__init__.py").read_text()).group(1))')"
APP="dist/planwriter.app"
DMG="dist/planwriter-${VERSION}-macos.dmg"

# 1. Freeze, then check the bundle and run its self-test (fails loudly when anything is missing).
if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
    "$PYTHON" packaging/build.py
else
    "$PYTHON" packaging/build.py --skip-build
fi

# 2. The Info.plist must be valid and declare the .pwcase document type.
PLIST="$APP/Contents/Info.plist"
plutil -lint "$PLIST"
/usr/libexec/PlistBuddy -c "Print :CFBundleDocumentTypes:0:LSItemContentTypes:0" "$PLIST" | grep -qx "org.planwriter.pwcase" \
    || { echo "build_dmg.sh: $PLIST does not declare the .pwcase document type" >&2; exit 1; }
/usr/libexec/PlistBuddy -c "Print :UTExportedTypeDeclarations:0:UTTypeTagSpecification:public.filename-extension:0" "$PLIST" \
    | grep -qx "pwcase" || { echo "build_dmg.sh: $PLIST does not export the pwcase type" >&2; exit 1; }
if codesign --verify --deep --strict "$APP"; then
    echo "build_dmg.sh: ad-hoc signature verified"
else
    echo "build_dmg.sh: warning: the app's signature does not verify; Gatekeeper may refuse it" >&2
fi

# 3. The disk image: the app beside a link to /Applications, so users drag it across.
STAGING="$(mktemp -d)"
trap 'rm -rf "$STAGING"' EXIT
cp -R "$APP" "$STAGING/"
ln -s /Applications "$STAGING/Applications"
rm -f "$DMG"
# hdiutil sometimes reports "Resource busy" on CI machines; a second try usually works.
for attempt in 1 2 3; do
    if hdiutil create -volname "planwriter ${VERSION}" -srcfolder "$STAGING" -fs HFS+ -format UDZO -ov "$DMG"; then
        break
    fi
    if [[ "$attempt" == 3 ]]; then
        echo "build_dmg.sh: hdiutil could not create $DMG" >&2
        exit 1
    fi
    sleep 5
done
hdiutil verify "$DMG"
echo "build_dmg.sh: wrote $DMG ($(du -h "$DMG" | cut -f1))"
