#!/usr/bin/env bash
# Release-file linters, run by .ci/checks.sh: actionlint on .github/workflows/*.yml and hadolint on both
# Dockerfiles (settings in .hadolint.yaml). The tools are installed once into a cache folder by
# .ci/tools.sh (about 45 s the first time, nothing afterwards).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=.ci/tools.sh
source .ci/tools.sh
status=0
"$ACTIONLINT" -no-color || status=1
"$HADOLINT" --no-color Dockerfile addon/Dockerfile || status=1
exit "$status"
