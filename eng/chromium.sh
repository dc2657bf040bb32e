#!/usr/bin/env bash
# Debian's Chromium for the Playwright fetcher and the browser tests (PLATFORM.md: Playwright never
# downloads a browser here). Idempotent: installs only when /usr/bin/chromium is missing; prints the version.
set -euo pipefail
if [[ ! -x /usr/bin/chromium ]]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --version
