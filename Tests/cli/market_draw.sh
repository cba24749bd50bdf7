#!/usr/bin/env bash
# The contract of `lantian market draw` (docs/MARKET.md): the same inputs and seed give byte-identical output,
# whatever the order of the files' rows; the inputs' hash on standard error; too few eligible inspectors refused.
# Usage: Tests/cli/market_draw.sh --binary .build/debug/lantian
set -euo pipefail
source "$(dirname "$0")/lib.sh"

printf 'id,name,county,class\nO1,甲加油站,zezhou,\nO2,乙加油站,zezhou,\nO3,丙加油站,gaoping,\nO4,丁加油站,gaoping,\nO5,戊检测机构,chengqu,\n' > "$work/o.csv"
printf 'id,name,unit,conflicts\nI1,张,城区局,O1\nI2,李,城区局,\nI3,王,泽州局,O3;O4\nI4,赵,高平局,\n' > "$work/i.csv"
{ head -1 "$work/o.csv"; tail -n +2 "$work/o.csv" | tac; } > "$work/o-reversed.csv"
{ head -1 "$work/i.csv"; tail -n +2 "$work/i.csv" | tac; } > "$work/i-reversed.csv"
seed="2021-12-01 福彩3D 5 8 1"

first="$("$lantian" market draw --objects "$work/o.csv" --inspectors "$work/i.csv" --count 3 --seed "$seed" 2> "$work/err1")"
again="$("$lantian" market draw --objects "$work/o-reversed.csv" --inspectors "$work/i-reversed.csv" --count 3 --seed "$seed" 2> "$work/err2")"
check "header and six rows" "object,inspector 7" "$(echo "$first" | head -1) $(echo "$first" | wc -l)"
check "byte-identical from reordered files" "$first" "$again"
check "the inputs' hash on standard error, the same" "$(cat "$work/err1")" "$(cat "$work/err2")"
check "the hash is SHA-256 hex" "yes" "$(grep -Eq '^inputs sha256: [0-9a-f]{64}$' "$work/err1" && echo yes || cat "$work/err1")"
check "a conflicted inspector is never assigned" "" "$(echo "$first" | grep -E '^O1,I1$|^O3,I3$|^O4,I3$' || true)"

set +e
out="$("$lantian" market draw --objects "$work/o.csv" --inspectors "$work/i.csv" --count 5 --per-object 4 --seed "$seed" 2> "$work/err")"
status=$?
set -e
check "too few inspectors: exit status 1, nothing on standard output" "1 " "$status $out"
check "too few inspectors: the object named" "yes" "$(grep -q 'object O1 (甲加油站): 3 inspector(s) without a conflict, 4 needed' "$work/err" && echo yes || cat "$work/err")"

summary "market draw"
