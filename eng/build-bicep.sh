#!/usr/bin/env bash
# Builds every Bicep file under infra/ and lints infra/main.bicep with the Bicep CLI from the
# NuGet feed (eng/tools/BicepCli). One line per file; diagnostics are printed under the line.
# Exits non-zero if any file fails to build or lint with errors. Warnings are reported, not fatal.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$repo_root/eng/tools/BicepCli/BicepCli.csproj"

# The csproj is the single place the version is written.
version="$(sed -n 's/.*"Azure\.Bicep\.CommandLine\.linux-x64" Version="\[\([^]]*\)\]".*/\1/p' "$project")"
if [[ -z "$version" ]]; then
  echo "error: no Azure.Bicep.CommandLine.linux-x64 version found in $project" >&2
  exit 1
fi

if ! restore_log="$(dotnet restore "$project" --nologo --verbosity quiet 2>&1)"; then
  printf '%s\n' "$restore_log" >&2
  echo "error: restoring $project failed" >&2
  exit 1
fi

packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
bicep="${packages%/}/azure.bicep.commandline.linux-x64/$version/tools/bicep"
if [[ ! -f "$bicep" ]]; then
  echo "error: Bicep CLI not found at $bicep" >&2
  exit 1
fi
[[ -x "$bicep" ]] || chmod +x "$bicep"

failed=0
warnings=0

# Runs `bicep <verb> <file> [args]`; prints "<status> <verb> <file>" and any diagnostics under it.
check() {
  local verb="$1" file="$2"
  shift 2
  local diagnostics status=ok note=''
  if ! diagnostics="$("$bicep" "$verb" "$file" "$@" 2>&1 >/dev/null)"; then
    status=FAIL
  fi
  if grep -q ': Error ' <<<"$diagnostics"; then
    status=FAIL
  fi
  local count
  count="$(grep -c ': Warning ' <<<"$diagnostics" || true)"
  warnings=$((warnings + count))
  ((count == 0)) || note=" ($count warning(s))"
  [[ "$status" == ok ]] || failed=$((failed + 1))
  printf '%-4s %-5s %s%s\n' "$status" "$verb" "$file" "$note"
  if [[ -n "$diagnostics" ]]; then
    sed "s|$repo_root/||; s|^|     |" <<<"$diagnostics"
  fi
}

cd "$repo_root"
while IFS= read -r file; do
  check build "$file" --stdout
done < <(find infra -name '*.bicep' -type f | sort)

check lint infra/main.bicep

echo "bicep $version: $failed failed, $warnings warning(s)"
((failed == 0))
