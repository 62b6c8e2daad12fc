#!/bin/sh
# Install SayPro Field Learning for the current user (no root needed), or upgrade it in place.
# Your data is kept: it lives in ~/.local/share/saypro-field-learning, not in the program folder,
# and the new version backs up and upgrades each profile the first time it starts.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${XDG_DATA_HOME:-$HOME/.local/share}
target=$HOME/.local/opt/saypro-field-learning
mkdir -p "$HOME/.local/opt" "$prefix/applications" "$prefix/icons/hicolor/256x256/apps" "$HOME/.local/bin"
rm -rf "$target.new"
cp -R "$here/saypro-field-learning" "$target.new"
rm -rf "$target"
mv "$target.new" "$target"
ln -sf "$target/saypro-desktop" "$HOME/.local/bin/saypro-desktop"
cp "$here/saypro-field-learning.png" "$prefix/icons/hicolor/256x256/apps/saypro-field-learning.png"
sed "s|@EXEC@|$target/saypro-desktop|" "$here/saypro-field-learning.desktop" \
  > "$prefix/applications/saypro-field-learning.desktop"
echo "Installed in $target. Start it from the applications menu or with 'saypro-desktop'."
