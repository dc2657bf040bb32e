#!/usr/bin/env bash
# Lighthouse scores of the landing page and the onboarding form, mobile and desktop, on loopback:
# builds the local host (Release), runs the demo briefly on a fresh data directory (journeys send
# their first messages, so artists have landing links), serves it with the public rate limit raised,
# finds a landing link (eng/lib/landing-link.sh, as eng/load-landing.sh does), and audits {link} and
# {link}/form with Debian's Chromium. Prints a table of scores and the audits that lose points, keeps
# the JSON reports in a temp directory (printed), and exits 1 when performance < 98 or accessibility
# < 95 on any page. Lighthouse is installed under .tools/lighthouse on first use (npm, pinned: 13.x
# needs Node 22). Needs node/npm, curl, jq and /usr/bin/chromium (eng/chromium.sh). Not part of the
# test run. Settings: RUNS (3 per page and preset; the median run counts), PORT (5098), DEMO_FOR
# (60s, as eng/load-landing.sh), CHROME_PATH, MIN_PERFORMANCE (98), MIN_ACCESSIBILITY (95).
set -euo pipefail

version="12.2.3"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="$root/.tools/lighthouse"
port="${PORT:-5098}"
demo_for="${DEMO_FOR:-60s}"
runs="${RUNS:-3}"
min_performance="${MIN_PERFORMANCE:-98}"
min_accessibility="${MIN_ACCESSIBILITY:-95}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
base="http://127.0.0.1:$port"

for tool in node npm curl jq dotnet; do
  command -v "$tool" >/dev/null || { echo "lighthouse: $tool is needed" >&2; exit 2; }
done
[[ -x "$CHROME_PATH" ]] || { echo "lighthouse: no browser at $CHROME_PATH (eng/chromium.sh installs Debian's)" >&2; exit 2; }
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "lighthouse: port $port is already in use (set PORT)" >&2
  exit 2
fi

# Installed once, quietly; --prefix keeps node_modules out of the repo root and no lock file is written.
bin="$prefix/node_modules/.bin/lighthouse"
if [[ ! -x "$bin" ]] || ! grep -q "\"version\": \"$version\"" "$prefix/node_modules/lighthouse/package.json" 2>/dev/null; then
  mkdir -p "$prefix"
  npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    --prefix "$prefix" "lighthouse@$version" >/dev/null
fi

reports="$(mktemp -d -t lighthouse.XXXXXX)"
data="$(mktemp -d)"
# shellcheck disable=SC2317 # run by the EXIT trap
cleanup() {
  if [[ -n "${server:-}" ]]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$data"
}
trap cleanup EXIT

if ! dotnet build "$root/src/LocalHost" -c Release --nologo -v quiet >"$reports/build.log" 2>&1; then
  cat "$reports/build.log" >&2
  exit 2
fi
if ! dotnet run --project "$root/src/LocalHost" -c Release --no-build -- demo --for "$demo_for" --data "$data" >"$reports/demo.log" 2>&1; then
  echo "lighthouse: the demo failed; see $reports/demo.log" >&2
  exit 2
fi

ASPNETCORE_URLS="$base" MonaSpark__LocalHost__PublicRequestsPerMinute=100000000 \
  dotnet run --project "$root/src/LocalHost" -c Release --no-build -- serve --data "$data" >"$reports/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  curl -fs "$base/healthz" >/dev/null && break
  kill -0 "$server" 2>/dev/null || { echo "lighthouse: the host exited; see $reports/serve.log" >&2; exit 2; }
  sleep 0.5
done

# shellcheck source-path=SCRIPTDIR source=lib/landing-link.sh
source "$root/eng/lib/landing-link.sh"
# Links exist once the demo's pipeline has drained and journeys have sent their first messages: on a
# busy machine that can take most of the demo's minute, so give the served host a few more seconds.
path=""
for _ in $(seq 1 5); do
  path=$(landing_link "$base") && break
  sleep 3
done
[[ -n "$path" ]] || { echo "lighthouse: no artist has a landing link yet (the machine is busy? try DEMO_FOR=120s)" >&2; exit 2; }

# RUNS reports per page and preset, interleaved so that a burst of load on the machine hits every page
# alike; the run with the median performance score stands for each (Lighthouse's own advice).
load_before=$(cut -d' ' -f1 /proc/loadavg)
for run in $(seq 1 "$runs"); do
  for page in landing form; do
    url="$base$path"
    [[ "$page" == form ]] && url="$url/form"
    for preset in mobile desktop; do
      args=()
      [[ "$preset" == desktop ]] && args+=(--preset=desktop)
      node "$bin" "$url" "${args[@]}" --quiet --output=json --output-path="$reports/$page-$preset-$run.json" \
        --only-categories=performance,accessibility,best-practices,seo \
        --chrome-flags="--headless=new --no-sandbox" 2>"$reports/$page-$preset-$run.log" || true
    done
  done
done
load_after=$(cut -d' ' -f1 /proc/loadavg)

echo "Lighthouse $version, $("$CHROME_PATH" --version 2>/dev/null), GET ${path}[/form], median of $runs run(s)"
printf '%-8s %-8s %4s %4s %4s %4s %7s %7s %6s %6s  %s\n' page preset perf a11y bp seo FCP LCP TBT CLS "perf of each run"
failed=0
medians=()
for page in landing form; do
  for preset in mobile desktop; do
    files=()
    for run in $(seq 1 "$runs"); do
      report="$reports/$page-$preset-$run.json"
      if jq -e '.categories.performance.score != null and .categories.accessibility.score != null' "$report" >/dev/null 2>&1; then
        files+=("$report")
      else
        echo "$page $preset: run $run failed (see $reports/$page-$preset-$run.log)"
        failed=1
      fi
    done
    ((${#files[@]})) || continue
    # The lower middle run when the count is even.
    row=$(jq -s -r '
      def pct: .score * 100 | round | tostring;
      def ms: if . == null then "-" else round | tostring end;
      (to_entries | sort_by(.value.categories.performance.score)) as $sorted
      | $sorted[(($sorted | length) - 1) / 2 | floor] as $median | $median.value as $m
      | [ ($median.key | tostring),
          ($m.categories.performance | pct), ($m.categories.accessibility | pct),
          ($m.categories["best-practices"] | pct), ($m.categories.seo | pct),
          ($m.audits["first-contentful-paint"].numericValue | ms), ($m.audits["largest-contentful-paint"].numericValue | ms),
          ($m.audits["total-blocking-time"].numericValue | ms),
          ($m.audits["cumulative-layout-shift"].numericValue | if . == null then "-" else . * 1000 | round / 1000 | tostring end),
          ([ .[] | .categories.performance.score * 100 | round | tostring ] | join(" ")) ]
      | @tsv' "${files[@]}")
    IFS=$'\t' read -r median perf a11y bp seo fcp lcp tbt cls each <<<"$row"
    medians+=("${files[$median]}")
    printf '%-8s %-8s %4s %4s %4s %4s %5sms %5sms %4sms %6s  %s\n' "$page" "$preset" "$perf" "$a11y" "$bp" "$seo" "$fcp" "$lcp" "$tbt" "$cls" "$each"
    if ((perf < min_performance || a11y < min_accessibility)); then
      failed=1
    fi
  done
done

echo
echo "Audits that lose points in the median runs (score, weight in the category):"
for report in "${medians[@]}"; do
  jq -r --arg name "$(basename "$report" .json | sed 's/-[0-9]*$//')" '. as $r
    | .categories[] | select(.id == "performance" or .id == "accessibility") | .id as $c
    | .auditRefs[] | select(.weight > 0) | .weight as $w
    | $r.audits[.id] | select(.score != null and .score < 1)
    | "  \($name)  \($c)  \(.id)  \(.score)  w\($w * 100 | round / 100): \(.title)\(if .displayValue then " [\(.displayValue)]" else "" end)"' "$report"
  jq -r --arg name "$(basename "$report" .json | sed 's/-[0-9]*$//')" '. as $r
    | [ .categories[] | select(.id == "best-practices" or .id == "seo") | .auditRefs[] | select(.weight > 0)
        | $r.audits[.id] | select(.score != null and .score < 1) | .id ]
    | select(length > 0) | "  \($name)  best-practices/seo: \(join(", "))"' "$report"
done
# Lighthouse 12 cannot read some trace events of newer Chromium builds: a few diagnostics (LCP element,
# layout shifts, render-blocking resources) then report an error. They carry no weight in the scores.
errored=""
((${#medians[@]} == 0)) || errored=$(jq -s -r '[.[].audits[] | select(.scoreDisplayMode == "error") | .id] | unique | join(", ")' "${medians[@]}" 2>/dev/null || true)
[[ -z "$errored" ]] || echo "  (not measured, no weight in the scores: $errored)"
echo
echo "Reports: $reports (took ${SECONDS}s; load average $load_before -> $load_after on $(nproc) cores)"
if awk -v a="$load_before" -v b="$load_after" -v n="$(nproc)" 'BEGIN { exit !(a > n || b > n) }'; then
  echo "lighthouse: the machine was busy: TBT and the performance scores swing with CPU contention (rerun when it is idle)" >&2
fi
if ((failed)); then
  echo "lighthouse: below the bar (performance >= $min_performance, accessibility >= $min_accessibility on every page)" >&2
fi
exit "$failed"
