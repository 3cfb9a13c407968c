#!/usr/bin/env bash
# Static checks run by .ci/run before the tests (and alone: `bash .ci/checks.sh`): the type check
# (`npm run typecheck`: the program and the status page's browser code) and the linter (`npm run lint`,
# biome: lint rules and formatting). Both run even if the first fails, so one CI run shows every error.
# On failure it prints what failed, then the plain summary line of .ci/run ("0 passed, N failed": no test
# ran, N checks failed) and exits 1.
set -uo pipefail
cd "$(dirname "$0")/.."

failed=()
npm run --silent typecheck || failed+=("type check (npm run typecheck)")
npm run --silent lint || failed+=("lint (npm run lint; npm run format fixes formatting)")

if ((${#failed[@]} > 0)); then
  for check in "${failed[@]}"; do echo "FAILED: $check" >&2; done
  echo "the tests were not run: fix the errors above first" >&2
  echo "0 passed, ${#failed[@]} failed"
  exit 1
fi
echo "type check and lint passed"
