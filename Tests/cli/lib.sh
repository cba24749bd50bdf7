# What the command-line contract checks share: the --binary argument, a scratch directory, and `check NAME
# EXPECTED ACTUAL`, which counts and reports; `summary NAME` prints the tally and fails on any failure.
[[ "${1:-}" == "--binary" && -n "${2:-}" ]] || { echo "usage: $0 --binary PATH" >&2; exit 2; }
lantian="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
checks=0
check() { # name expected actual
    checks=$((checks + 1))
    if [[ "$2" == "$3" ]]; then echo "ok: $1"; else echo "FAIL: $1"; diff <(echo "$2") <(echo "$3") || true; failures=$((failures + 1)); fi
}
summary() {
    echo "$1: $((checks - failures)) passed, $failures failed"
    [[ $failures -eq 0 ]]
}
# A first `lantian serve` on $LANTIAN_DATA_DIR and $LANTIAN_PORT, stopped once it answers: the Jincheng plan and the
# bundled station rows loaded, as on a fresh install.
first_start() {
    "$lantian" serve >"$work/serve.log" 2>&1 &
    local server=$!
    python3 - <<'PY'
import os, time, urllib.request
for _ in range(120):
    try:
        urllib.request.urlopen("http://127.0.0.1:%s/healthz" % os.environ["LANTIAN_PORT"], timeout=2)
        break
    except Exception:
        time.sleep(0.5)
PY
    kill "$server"
    wait "$server" 2>/dev/null || true
}
