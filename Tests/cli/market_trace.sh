#!/usr/bin/env bash
# The contract of `lantian market trace` (docs/MARKET.md): header and rows on a diamond, a cycle reported on
# standard error, a bad row refused with its line and nothing on standard output.
# Usage: Tests/cli/market_trace.sh --binary .build/debug/lantian
set -euo pipefail
source "$(dirname "$0")/lib.sh"

cat > "$work/deliveries.csv" <<'CSV'
from,to,date,product,volume
D1,S,2021-11-05,diesel,20
D2,S,2021-11-06,diesel,15
R,D1,2021-11-01,diesel,100
R,D2,2021-11-02,diesel,100
R,D3,2021-11-03,diesel,100
D1,S9,2021-11-20,diesel,10
S,R,2021-10-15,diesel,1
CSV

check "a diamond" "$(printf '%s\n' 'node,relation,path' 'D1,upstream,S<-D1' 'D2,upstream,S<-D2' 'R,upstream,S<-D1<-R' \
    'S9,co-supplied,S<-D1->S9' 'D3,co-supplied,S<-D1<-R->D3')" \
    "$("$lantian" market trace --deliveries "$work/deliveries.csv" --station S --product diesel --since 2021-10-01 2> "$work/err")"
check "the cycle on standard error" "yes" \
    "$(grep -q 'cycle in the deliveries, not followed: S -> R -> D1 -> S (line 8)' "$work/err" && echo yes || cat "$work/err")"

printf 'from,to,date,product,volume\nA,B,2021-11-31,diesel,5\n' > "$work/bad.csv"
set +e
out="$("$lantian" market trace --deliveries "$work/bad.csv" --station B --product diesel --since 2021-10-01 2> "$work/err")"
status=$?
set -e
check "bad row: exit status 1" "1" "$status"
check "bad row: nothing on standard output" "" "$out"
check "bad row: the line named" "yes" "$(grep -q 'bad.csv: line 2, date:' "$work/err" && echo yes || cat "$work/err")"

summary "market trace"
