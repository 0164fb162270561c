#!/usr/bin/env bash
# Takes every screenshot in this folder of the real window on a 1280x800 virtual screen.
#   bash docs/screenshots/take.sh [SCENE...]      (from the repository root; scenes are listed in scene.py)
# Look at each picture afterwards: a screenshot nobody looked at proves nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
shot=${SCREENSHOT_TOOL:-../shared/tools/screenshot}
scenes=("$@")
[ ${#scenes[@]} -gt 0 ] || scenes=(welcome child-family school-team about-the-child letters letters-before-you-send
  letters-new-case accommodations goals dates-log plan-guide settings about-dialog)
for scene in "${scenes[@]}"; do
  # A window manager (Debian's openbox, where installed) draws title bars as a user sees them.
  "$shot" "docs/screenshots/$scene.png" --wait 8 --size 1280x800 -- bash -c \
    'if command -v openbox >/dev/null; then openbox >/dev/null 2>&1 & sleep 1; fi; exec "$@"' _ \
    .venv/bin/python docs/screenshots/scene.py "$scene" >/dev/null
  # Pictures stay under 300 KB; a busy one is cut to 256 colours, which keeps text sharp.
  if [ "$(stat -c %s "docs/screenshots/$scene.png")" -gt 290000 ]; then
    convert "docs/screenshots/$scene.png" -colors 256 PNG8:"docs/screenshots/$scene.png"
  fi
  echo "docs/screenshots/$scene.png $(stat -c %s "docs/screenshots/$scene.png") bytes"
done
