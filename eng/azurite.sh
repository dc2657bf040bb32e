#!/usr/bin/env bash
# Starts Azurite (the Azure Storage emulator) in memory for the Azure adapter tests, installing
# it under .tools/azurite on first use; `eng/azurite.sh stop` stops the instance it started.
# Tests read AZURITE_CONNECTION_STRING (default UseDevelopmentStorage=true: ports 10000-10002).
set -euo pipefail

version="3.37.0"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
prefix="$repo_root/.tools/azurite"
pid_file="$prefix/azurite.pid"
ports=(10000 10001 10002)

listening() {
  # bash's /dev/tcp avoids depending on nc or ss being installed.
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

all_listening() {
  local port
  for port in "${ports[@]}"; do
    listening "$port" || return 1
  done
}

stop() {
  if [[ ! -f "$pid_file" ]]; then
    echo "azurite: not started by this script (no $pid_file)"
    return 0
  fi
  local pid
  pid="$(<"$pid_file")"
  # Only the process this script started: a recycled pid belonging to something else is left alone.
  if kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q azurite; then
    kill "$pid"
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
  fi
  rm -f "$pid_file"
  echo "azurite: stopped (pid $pid)"
}

start() {
  local bin="$prefix/node_modules/.bin/azurite"
  if [[ ! -x "$bin" ]] || ! grep -q "\"version\": \"$version\"" "$prefix/node_modules/azurite/package.json" 2>/dev/null; then
    mkdir -p "$prefix"
    # --prefix keeps node_modules out of the repo root; no lock file is written anywhere.
    npm install --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
      --prefix "$prefix" "azurite@$version" >/dev/null
  fi

  if all_listening; then
    echo "azurite: already listening on 127.0.0.1:${ports[0]}-${ports[2]}"
    return 0
  fi

  cd "$repo_root"
  nohup node "$bin" --inMemoryPersistence --skipApiVersionCheck --silent \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    >"$prefix/azurite.log" 2>&1 &
  local pid=$!
  echo "$pid" >"$pid_file"

  for _ in $(seq 1 300); do
    if all_listening; then
      echo "azurite $version: listening on 127.0.0.1:${ports[0]}-${ports[2]} (pid $pid)"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "error: azurite exited at start; see $prefix/azurite.log" >&2
      rm -f "$pid_file"
      return 1
    fi
    sleep 0.1
  done

  echo "error: azurite did not listen on ports ${ports[*]} within 30 s; see $prefix/azurite.log" >&2
  return 1
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *)
    echo "usage: $0 [start|stop]" >&2
    exit 2
    ;;
esac
