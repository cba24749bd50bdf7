#!/usr/bin/env bash
# The contract of `lantian market verdict` (docs/MARKET.md): header and columns, verdicts by each method, and an
# unknown item refused with its line and nothing on standard output.
# Usage: Tests/cli/market_verdict.sh --binary .build/debug/lantian
set -euo pipefail
source "$(dirname "$0")/lib.sh"

cat > "$work/results.csv" <<'CSV'
batch,product,item,value,sampled_on
JC-001,diesel,sulfur,10.4,2021-11-10
JC-001,diesel,flash_point,59.5,2021-11-10
JC-002,gasoline-vib,olefins,16,2021-11-11
JC-002,gasoline-vib,benzene,0.85,2021-11-11
JC-003,def,urea_content,31.75,2021-11-12
JC-003,def,insolubles,25,2021-11-12
CSV

check "standard method (修约值比较法)" "$(printf '%s\n' \
    'batch,product,verdict,failed' \
    'JC-001,diesel,合格,' \
    'JC-002,gasoline-vib,不合格,olefins:16>15' \
    'JC-003,def,不合格,insolubles:25>20')" "$("$lantian" market verdict "$work/results.csv")"

check "--method full (全数值比较法)" "$(printf '%s\n' \
    'batch,product,verdict,failed' \
    'JC-001,diesel,不合格,sulfur:10.4>10;flash_point:59.5<60' \
    'JC-002,gasoline-vib,不合格,benzene:0.85>0.8;olefins:16>15' \
    'JC-003,def,不合格,urea_content:31.75<31.8;insolubles:25>20')" \
    "$("$lantian" market verdict "$work/results.csv" --method full)"

json="$("$lantian" market verdict "$work/results.csv" --format json)"
check "json names the edition" "GB 17930-2016" "$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])[1]["standard"])' "$json")"

printf 'batch,product,item,value\nJC-009,diesel,sulfur,3\nJC-009,diesel,colour,1\n' > "$work/bad.csv"
set +e
out="$("$lantian" market verdict "$work/bad.csv" 2> "$work/err")"
status=$?
set -e
check "unknown item: exit status 1" "1" "$status"
check "unknown item: nothing on standard output" "" "$out"
check "unknown item: the line named" "yes" "$(grep -q 'bad.csv: line 3, item: GB 19147-2016 has no item "colour"' "$work/err" && echo yes || cat "$work/err")"

summary "market verdict"
