#!/bin/sh
# Build the macOS app bundle and a .dmg to distribute it. Run on a Mac (the oldest macOS you
# support), from the repository root, with the virtual environment set up:
#
#   build_scripts/macos/make_dmg.sh
#
# Output: dist/SayPro-Field-Learning-<version>.dmg holding "SayPro Field Learning.app" and a link
# to /Applications to drag it onto. Profiles live in ~/Library/Application Support/
# saypro-field-learning and survive upgrades (the app backs up and migrates them).
set -eu
cd "$(dirname "$0")/../.."
version=$(.venv/bin/python -c 'import saypro_desktop; print(saypro_desktop.__version__)')
.venv/bin/python build_scripts/build_executable.py --mode onedir
app="dist/onedir/SayPro Field Learning.app"
staging=$(mktemp -d)
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
hdiutil create -volname "SayPro Field Learning" -srcfolder "$staging" -ov -format UDZO \
  "dist/SayPro-Field-Learning-$version.dmg"
rm -rf "$staging"
echo "dist/SayPro-Field-Learning-$version.dmg"
