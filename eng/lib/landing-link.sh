# shellcheck shell=bash
# Sourced by eng/load-landing.sh and eng/lighthouse.sh (needs curl and jq).
# landing_link BASE_URL: prints the path (/l/{token}) of a current landing link of the host at
# BASE_URL, found through /api/leads and /api/artists/{id} landingUrl (the first lead whose journey
# has sent a link); fails when no artist has one yet.
landing_link() {
  local base="$1" id link
  for id in $(curl -fs "$base/api/leads?top=100" | jq -r '.leads[].artistId'); do
    link=$(curl -fs "$base/api/artists/$id" | jq -r '.landingUrl // empty')
    if [[ -n "$link" ]]; then
      echo "/l/${link##*/l/}"
      return 0
    fi
  done
  return 1
}
