#!/usr/bin/env bash
# The one test command: installs and starts what the tests need (Azurite from npm, the Bicep CLI
# from NuGet), builds everything with warnings as errors, builds every Bicep file, publishes the
# Functions app and checks its function list, then runs every test project. Non-zero on any failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
configuration="${CONFIGURATION:-Release}"
results="$(pwd)/.tools/test-results"
rm -rf "$results" && mkdir -p "$results"
started=$SECONDS

echo "==> Azurite (Azure Storage emulator)"
eng/azurite.sh
trap 'eng/azurite.sh stop >/dev/null 2>&1 || true' EXIT

echo "==> Chromium (Debian's, for the scraping browser path and browser tests)"
eng/chromium.sh

echo "==> Bicep"
eng/build-bicep.sh

echo "==> Build ($configuration)"
dotnet build MonaSpark.slnx -c "$configuration" --nologo -v quiet -clp:ErrorsOnly

echo "==> Functions app publish"
eng/publish-functions.sh "$configuration"

echo "==> Tests"
status=0
dotnet test MonaSpark.slnx -c "$configuration" --no-build --nologo \
  --logger "trx" --results-directory "$results" 2>&1 | tee "$results/console.log" || status=$?

# One closing line for CI: totals over every test project.
awk '/^(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$results/console.log"
echo "Test command took $((SECONDS - started)) s"
exit "$status"
