#!/usr/bin/env bash
# The project's test suite: installs what a fresh machine lacks (where it can), then runs every test.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

"$here/tests/install-prerequisites.sh"

dotnet test "$here/JobMarket.Warehouse.sln" -c Release --nologo \
  --logger "console;verbosity=normal" "$@" 2>&1 | tee "$here/.jobmarket/test.log"
status=${PIPESTATUS[0]}
# A closing line CI can read whatever the runner printed.
passed=$(grep -cE '^\s+Passed ' "$here/.jobmarket/test.log" || true)
failed=$(grep -cE '^\s+Failed ' "$here/.jobmarket/test.log" || true)
echo "tests: $passed passed, $failed failed"
exit "$status"
