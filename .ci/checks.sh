#!/usr/bin/env bash
# Static checks run by .ci/run before the tests (and alone: `bash .ci/checks.sh`): the type check
# (`npm run typecheck`: the program and the status page's browser code), the linter (`npm run lint`,
# biome: lint rules and formatting) and the release files (.ci/lint-release.sh: actionlint on the GitHub
# workflows, hadolint on both Dockerfiles) and ruff on the Home Assistant integration (addon/custom_components). All run even if one fails, so one CI run shows every error.
# On failure it prints what failed, then the plain summary line of .ci/run ("0 passed, N failed": no test
# ran, N checks failed) and exits 1.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

failed=()
npm run --silent typecheck || failed+=("type check (npm run typecheck)")
npm run --silent lint || failed+=("lint (npm run lint; npm run format fixes formatting)")
ruff_check() {
  # shellcheck source=tools.sh
  local tests=tests/integration/home-assistant/python config=addon/custom_components/ruff.toml
  source .ci/tools.sh && "$RUFF" check addon/custom_components && "$RUFF" format --check addon/custom_components &&
    "$RUFF" check --config "$config" "$tests" && "$RUFF" format --check --config "$config" "$tests"
}
(ruff_check) || failed+=("Python integration and its tests (ruff check / ruff format --check)")
bash .ci/lint-release.sh || failed+=("workflows and Dockerfiles (bash .ci/lint-release.sh: actionlint, hadolint)")

if ((${#failed[@]} > 0)); then
  for check in "${failed[@]}"; do echo "FAILED: $check" >&2; done
  echo "the tests were not run: fix the errors above first" >&2
  echo "0 passed, ${#failed[@]} failed"
  exit 1
fi
echo "type check, lint, ruff, actionlint and hadolint passed"
