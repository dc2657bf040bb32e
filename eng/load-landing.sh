#!/usr/bin/env bash
# Load test of the landing page on loopback (issue 6): runs the demo for a minute on a fresh data
# directory (journeys send their first messages, so artists have landing links), serves it with the
# public rate limit raised, finds a current landing link through /api/artists/{id}, then drives
# GET /l/{token} with wrk and prints its requests per second and latency percentiles.
# Needs wrk (Debian: apt-get install wrk) and jq. Not part of the test run.
set -euo pipefail

duration="${1:-20s}"
connections="${2:-32}"
root="$(cd "$(dirname "$0")/.." && pwd)"
data="$(mktemp -d)"
port="${PORT:-5099}"
trap 'kill "${server:-0}" 2>/dev/null || true; rm -rf "$data"' EXIT

for tool in wrk jq curl; do
  command -v "$tool" >/dev/null || { echo "load-landing: $tool is needed" >&2; exit 2; }
done

dotnet build "$root/src/LocalHost" -c Release --nologo -v quiet >/dev/null
dotnet run --project "$root/src/LocalHost" -c Release --no-build -- demo --for 60s --data "$data" >/dev/null

ASPNETCORE_URLS="http://127.0.0.1:$port" MonaSpark__LocalHost__PublicRequestsPerMinute=100000000 \
  dotnet run --project "$root/src/LocalHost" -c Release --no-build -- serve --data "$data" >/dev/null 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done

# shellcheck source-path=SCRIPTDIR source=lib/landing-link.sh
source "$root/eng/lib/landing-link.sh"
path=$(landing_link "http://127.0.0.1:$port") || { echo "load-landing: no artist has a landing link" >&2; exit 1; }
echo "GET $path, $connections connections, $duration"
curl -fs -o /dev/null -w "status %{http_code}, %{size_download} bytes\n" "http://127.0.0.1:$port$path"
wrk -t2 -c"$connections" -d"$duration" --latency "http://127.0.0.1:$port$path"
