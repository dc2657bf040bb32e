#!/usr/bin/env bash
# Publishes the Functions app and checks that the generated functions.metadata lists every
# function declared in the source ([Function(...)] attributes). Exits non-zero otherwise.
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
configuration="${1:-Release}"
project="$repo_root/functions/MonaSpark.Functions/MonaSpark.Functions.csproj"
out="$repo_root/.tools/functions-publish"
rm -rf "$out"

if ! log="$(dotnet publish "$project" -c "$configuration" -o "$out" --nologo -v quiet 2>&1)"; then
  printf '%s\n' "$log" >&2
  echo "error: dotnet publish of the Functions app failed" >&2
  exit 1
fi

metadata="$out/functions.metadata"
[[ -f "$metadata" ]] || { echo "error: $metadata was not generated" >&2; exit 1; }

# Names declared in code: [Function(nameof(X))] or [Function("X")].
mapfile -t declared < <(grep -rhoE '\[Function\((nameof\([A-Za-z0-9_]+\)|"[^"]+")' "$repo_root/functions" --include='*.cs' \
  | sed -E 's/\[Function\(nameof\(([A-Za-z0-9_]+)\)/\1/; s/\[Function\("([^"]+)"/\1/' | sort -u)
[[ ${#declared[@]} -gt 0 ]] || { echo "error: no [Function] attributes found" >&2; exit 1; }

missing=0
for name in "${declared[@]}"; do
  if ! grep -q "\"name\": *\"$name\"" "$metadata"; then
    echo "error: function '$name' is missing from functions.metadata" >&2
    missing=1
  fi
done
[[ $missing -eq 0 ]] || exit 1
echo "published $(du -sh "$out" | cut -f1): ${#declared[@]} functions in functions.metadata (${declared[*]})"
