#!/usr/bin/env bash
# Fuzzes the JSON API against its own OpenAPI document with schemathesis.
#
# Starts `lantian serve` on a free loopback port with a fresh SQLite data directory (the Jincheng plan loads),
# creates an office account and a 泽州县 unit leader with the CLI, takes an API token for each, has the leader
# submit a few reports (so that GET /tasks/{code}/reports and the office's accept/returnToUnit return reports),
# then runs schemathesis with the checks not_a_server_error, status_code_conformance,
# response_schema_conformance and negative_data_rejection, as the office. Exits non-zero on any failure.
#
# Usage: Tests/api/fuzz_api.sh --binary .build/debug/lantian [--max-examples 50] [--seed 2021]
#                              [--schema FILE] [--report-dir DIR]
#   --schema FILE    fuzz against this document instead of the one the binary serves (to try an edit of
#                    Sources/Web/API/OpenAPIDocument.swift without a rebuild; extract the JSON string first)
#   --report-dir DIR also write JUnit XML reports there
#
# Installs nothing: CI runs `python3 -m pip install schemathesis` first. Sends traffic to 127.0.0.1 only.
# Takes about 30 s on 2 cores with the defaults; the two schemathesis runs are cut off after 200 s and 60 s.
set -euo pipefail

binary=""
max_examples=50
seed=2021
schema=""
report_dir=""
usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary="${2:?--binary needs a path}"; shift 2 ;;
        --max-examples) max_examples="${2:?--max-examples needs a number}"; shift 2 ;;
        --seed) seed="${2:?--seed needs a number}"; shift 2 ;;
        --schema) schema="${2:?--schema needs a file}"; shift 2 ;;
        --report-dir) report_dir="${2:?--report-dir needs a directory}"; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done
[ -n "$binary" ] || { usage >&2; exit 2; }
[ -x "$binary" ] || { echo "not an executable: $binary" >&2; exit 2; }
binary=$(cd "$(dirname "$binary")" && pwd)/$(basename "$binary")
if [ -n "$schema" ]; then schema=$(cd "$(dirname "$schema")" && pwd)/$(basename "$schema"); fi
if [ -n "$report_dir" ]; then mkdir -p "$report_dir" && report_dir=$(cd "$report_dir" && pwd); fi
command -v schemathesis >/dev/null || {
    echo "schemathesis is not installed (python3 -m pip install schemathesis)" >&2
    exit 2
}
start=$(date +%s)

work=$(mktemp -d -t lantian-fuzz.XXXXXX)
server_pid=""
fuzz_pid=""
cleanup() {
    if [ -n "$fuzz_pid" ] && kill -0 "$fuzz_pid" 2>/dev/null; then
        kill "$fuzz_pid" 2>/dev/null || true
        wait "$fuzz_pid" 2>/dev/null || true
    fi
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
export LANTIAN_DATA_DIR="$work/data" LANTIAN_HOST=127.0.0.1 LANTIAN_PORT="$port"
# Mid-campaign, whatever the real date: tasks in every status, and a season with measured days.
export LANTIAN_CLOCK_START="2022-02-15T10:00:00+08:00"
unset DATABASE_URL
mkdir -p "$LANTIAN_DATA_DIR"

echo "=== lantian serve on $base (data in $LANTIAN_DATA_DIR)"
"$binary" serve >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
    curl -sf "$base/healthz" >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || { echo "the server exited:" >&2; tail -50 "$work/serve.log" >&2; exit 1; }
    sleep 0.5
done
curl -sf "$base/healthz" >/dev/null || { echo "no answer at $base/healthz" >&2; tail -50 "$work/serve.log" >&2; exit 1; }

password="Blue-sky-fuzz-2021"   # must not contain the username
"$binary" user create --username st-office --name st-office --role officeAdmin --unit office \
    --password "$password" >/dev/null
"$binary" user create --username st-leader --name st-leader --role unitLeader --unit zezhou \
    --password "$password" >/dev/null

# Sign in before fuzzing: schemathesis's negative cases against POST /tokens trip the sign-in throttle
# (5 failures per account, 30 per address in 15 minutes), after which every sign-in from 127.0.0.1 gets 429.
token_for() {
    curl -sf -X POST "$base/api/v1/tokens" -H 'Content-Type: application/json' \
        -d "{\"username\":\"$1\",\"password\":\"$password\"}" |
        python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
}
office_token=$(token_for st-office)
leader_token=$(token_for st-leader)

# t11 (散煤治理): 泽州县 is a responsible unit. Submitted reports give the office something to accept or return.
for month in 2021-10 2021-11 2021-12 2022-01; do
    curl -sf -o /dev/null -X POST "$base/api/v1/tasks/t11/reports/zezhou/$month" \
        -H "Authorization: Bearer $leader_token" -H 'Content-Type: application/json' \
        -d '{"action":"approve","reportedStatus":"inProgress","narrative":"fuzz seed","values":{"coal-replaced":120}}'
done

# DELETE /tokens/{id} answers 204 only for a live token: check it here, since fuzzing only finds random ids.
spare_id=$(curl -sf "$base/api/v1/tokens" -H "Authorization: Bearer $leader_token" |
    python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["id"])')
spare_status=$(curl -s -o /dev/null -w '%{http_code}' -X DELETE "$base/api/v1/tokens/$spare_id" \
    -H "Authorization: Bearer $office_token")
[ "$spare_status" = 204 ] || { echo "DELETE /tokens/{id} of a live token: $spare_status, not 204" >&2; exit 1; }

location="$base/api/v1/openapi.json"
url_args=()
if [ -n "$schema" ]; then location="$schema"; url_args=(--url "$base/api/v1"); fi

# One schemathesis run of at most $limit seconds, from $work so that its .hypothesis and .schemathesis folders stay out of the repo.
fuzz() {
    local name=$1 limit=$2
    shift 2
    local report_args=()
    if [ -n "$report_dir" ]; then report_args=(--report junit --report-junit-path "$report_dir/$name.xml"); fi
    echo
    echo "=== schemathesis: $name ($(($(date +%s) - start))s)"
    # In the background and waited for, so that a TERM or INT reaches the traps at once.
    (cd "$work" && exec timeout "$limit" schemathesis run "$location" "${url_args[@]}" \
        -H "Authorization: Bearer $office_token" \
        --checks not_a_server_error,status_code_conformance,response_schema_conformance,negative_data_rejection \
        --max-examples "$max_examples" --seed "$seed" --workers 1 --generation-database none \
        --continue-on-failure --no-color "${report_args[@]}" "$@") &
    fuzz_pid=$!
    local rc=0
    wait "$fuzz_pid" || rc=$?
    fuzz_pid=""
    return "$rc"
}

status=0
# Every operation but DELETE /tokens/{id}: the stateful phase would follow GET /tokens to it and revoke the
# very token the run uses, leaving every later request a 401. POST /tokens is fuzzed too; its 429 is documented.
fuzz api 200 --exclude-name 'DELETE /tokens/{id}' || status=$?
# DELETE /tokens/{id} alone, without links: random ids (404), malformed ids, missing auth.
fuzz token-revoke 60 --include-name 'DELETE /tokens/{id}' || status=$?

echo
echo "=== done in $(($(date +%s) - start))s: schemathesis $([ "$status" = 0 ] && echo passed || echo "FAILED ($status)")"
exit "$status"
