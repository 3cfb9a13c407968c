#!/bin/sh
# Copies the only packages the esbuild bundle loads at run time (better-sqlite3, kept external because it
# is a native module, and what it requires) from an installed node_modules into <dest>/node_modules,
# without sources, build intermediates or the bundled SQLite sources (28 MB -> about 2 MB).
# Used by both Dockerfiles on the image's own libc (musl), and by tests/addon/ on the host.
#   runtime-modules.sh <node_modules> <dest>
set -eu
src=$1
dest=$2/node_modules
mkdir -p "$dest/better-sqlite3/build/Release"
cp -R "$src/bindings" "$src/file-uri-to-path" "$dest/"
cp -R "$src/better-sqlite3/package.json" "$src/better-sqlite3/lib" "$dest/better-sqlite3/"
cp "$src/better-sqlite3/build/Release/better_sqlite3.node" "$dest/better-sqlite3/build/Release/"
