#!/usr/bin/env bash
# Uploads a scan report to Tollgate's CI webhook and, when TOLLGATE_GATE is set, asks the promotion gate in the
# same call. Exits 0 when the report was imported and the gate lets the release go, 1 when the gate says no,
# 2 when Tollgate refused the request (the problem document says what to fix). Needs bash 4+, curl, od and openssl.
#
#   tollgate-upload.sh [report-file]     (no file: only ask the gate)
#
# Settings, from the environment:
#   TOLLGATE_URL           Tollgate's address, e.g. https://tollgate.example.com
#   TOLLGATE_TEAM          the team's slug
#   TOLLGATE_SECRET        a signing secret of the team (whsec_...): the request is signed (Standard Webhooks)
#   TOLLGATE_TOKEN         or an API token of the team (tgt_...), sent as a bearer token
#   TOLLGATE_ENVIRONMENT   the environment the scan is about (dev, staging, uat, prod)
#   TOLLGATE_COMPONENT     the repository (URL or name) or the 12-digit AWS account the scan is about
#   TOLLGATE_GATE          optional: the environment to ask the gate about, e.g. prod
#   TOLLGATE_TOOL, TOLLGATE_FORMAT, TOLLGATE_MODE, TOLLGATE_COMMIT, TOLLGATE_BRANCH, TOLLGATE_PIPELINE_URL  optional
#   TOLLGATE_DELIVERY_ID   optional: a retry with the same id imports nothing twice (default: random)
set -euo pipefail

report="${1:-}"
: "${TOLLGATE_URL:?set TOLLGATE_URL to Tollgate's address}"
: "${TOLLGATE_TEAM:?set TOLLGATE_TEAM to the team's slug}"
if [[ -z "${TOLLGATE_SECRET:-}" && -z "${TOLLGATE_TOKEN:-}" ]]; then
  echo "set TOLLGATE_SECRET (signing secret) or TOLLGATE_TOKEN (API token)" >&2
  exit 2
fi
if [[ -z "$report" && -z "${TOLLGATE_GATE:-}" ]]; then
  echo "give a report file, set TOLLGATE_GATE, or both" >&2
  exit 2
fi
if [[ -n "$report" && ! -r "$report" ]]; then
  echo "cannot read the report $report" >&2
  exit 2
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
body="$work/body"
if [[ -n "$report" ]]; then cp "$report" "$body"; else : > "$body"; fi

# RFC 3986 percent-encoding of one query value.
encode() {
  local hex byte out=''
  hex="$(printf '%s' "$1" | od -An -v -tx1 | tr -d ' \n')"
  while [[ -n "$hex" ]]; do
    byte="${hex:0:2}"
    hex="${hex:2}"
    case "$byte" in
      2d|2e|5f|7e|3[0-9]|4[1-9a-f]|5[0-9a]|6[1-9a-f]|7[0-9a]) out+="$(printf "\\x$byte")" ;;
      *) out+="%${byte^^}" ;;
    esac
  done
  printf '%s' "$out"
}

query="team=$(encode "$TOLLGATE_TEAM")"
for pair in environment:TOLLGATE_ENVIRONMENT component:TOLLGATE_COMPONENT gate:TOLLGATE_GATE tool:TOLLGATE_TOOL \
            format:TOLLGATE_FORMAT mode:TOLLGATE_MODE commit:TOLLGATE_COMMIT branch:TOLLGATE_BRANCH \
            pipelineUrl:TOLLGATE_PIPELINE_URL; do
  name="${pair#*:}"
  value="${!name:-}"
  if [[ -n "$value" ]]; then query+="&${pair%%:*}=$(encode "$value")"; fi
done
if [[ -n "$report" ]]; then query+="&fileName=$(encode "$(basename "$report")")"; fi

delivery="${TOLLGATE_DELIVERY_ID:-$(openssl rand -hex 16)}"
headers="$work/headers"
if [[ -n "${TOLLGATE_TOKEN:-}" ]]; then
  printf 'Authorization: Bearer %s\nIdempotency-Key: %s\n' "$TOLLGATE_TOKEN" "$delivery" > "$headers"
else
  # The signature covers the delivery id, the time, the query string as sent and the body's SHA-256, so that a
  # captured request cannot be sent again to another target (docs/ci/README.md, "Signing").
  timestamp="$(date +%s)"
  digest="$(openssl dgst -sha256 -binary < "$body" | openssl base64 -A)"
  key="$(printf '%s' "${TOLLGATE_SECRET#whsec_}" | openssl base64 -d -A | od -An -v -tx1 | tr -d ' \n')"
  signature="$(printf '%s.%s.%s.%s' "$delivery" "$timestamp" "$query" "$digest" \
    | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key" -binary | openssl base64 -A)"
  printf 'webhook-id: %s\nwebhook-timestamp: %s\nwebhook-signature: v1,%s\nContent-Digest: sha-256=:%s:\n' \
    "$delivery" "$timestamp" "$signature" "$digest" > "$headers"
fi

status="$(curl -sS --retry 3 -o "$work/response" -w '%{http_code}' -X POST -H @"$headers" \
  -H 'Content-Type: application/octet-stream' --data-binary @"$body" "$TOLLGATE_URL/api/v1/ci/webhook?$query")"
cat "$work/response"
echo
if [[ "$status" != 200 ]]; then
  echo "Tollgate refused the request (HTTP $status)" >&2
  exit 2
fi
if ! grep -q '"passed":true' "$work/response"; then
  echo "The promotion gate did not pass" >&2
  exit 1
fi
