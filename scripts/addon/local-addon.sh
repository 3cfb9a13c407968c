#!/bin/sh
# Assembles a local add-on folder that the Home Assistant Supervisor builds itself (no published image):
#   npm run addon:local -- <folder>      e.g. the `addons` share of the Home Assistant host (Samba or SSH
#                                        add-on): <share>/myelectricaldata, then Add-on store → ⋮ → Check
#                                        for updates → "Local add-ons" → MyElectricalData → Install
# The Supervisor's build context is the add-on folder itself, so the folder holds addon/Dockerfile as its
# Dockerfile, the build context that Dockerfile copies (exactly the paths .dockerignore lets in), the store
# files, and config.yaml without `image:` (with `image:` the Supervisor pulls instead of building).
# The image then builds from these sources (`npm ci`, `npm run build`, better-sqlite3 compiled for the host):
# several minutes and about 1 GB of temporary disk on a Raspberry Pi. The Dockerfile needs BuildKit
# (`FROM --platform=$BUILDPLATFORM`), which the Supervisor builds with since 2026.04.
set -eu
[ $# -eq 1 ] || { echo "usage: local-addon.sh <folder>" >&2; exit 2; }
dest=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$dest"
cd "$root"
sed -n 's#^!##p' .dockerignore | while IFS= read -r path; do
  path=${path%/}
  [ -e "$path" ] || { echo "$path (listed in .dockerignore) does not exist" >&2; exit 1; }
  rm -rf "${dest:?}/$path"
  mkdir -p "$dest/$(dirname "$path")"
  cp -R "$path" "$dest/$path"
done
cp .dockerignore "$dest/.dockerignore"
cp addon/Dockerfile "$dest/Dockerfile"
for file in README.md DOCS.md CHANGELOG.md icon.png logo.png apparmor.txt; do cp "addon/$file" "$dest/$file"; done
rm -rf "${dest:?}/translations" && cp -R addon/translations "$dest/translations"
grep -v '^image: ' addon/config.yaml >"$dest/config.yaml"
echo "local add-on folder ready: $dest (version $(sed -n 's/^version: //p' addon/config.yaml), built by the Supervisor)"
