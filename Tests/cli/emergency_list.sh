#!/usr/bin/env bash
# The contract of `lantian emergency list` (docs/EMERGENCY.md): the pollutant rows against hand-computed totals,
# the empty line, the proposed additions that close the gap with the least output lost, 保障类 never proposed, a
# measures file replacing the defaults, a bad row refused with its line.
# Usage: Tests/cli/emergency_list.sh --binary .build/debug/lantian
set -euo pipefail
source "$(dirname "$0")/lib.sh"

cat > "$work/e.csv" <<'CSV'
id,name,county,industry,grade,so2,nox,pm,vocs
E1,甲铸造,泽州县,other,B,100,200,50,40
E2,乙焦化,高平市,other,C,50,100,100,0
E3,丙砖瓦,阳城县,other,D,10,20,30,5
E4,丁水泥,陵川县,other,A,200,100,100,100
E5,戊热电,城区,other,保障类,300,300,300,300
CSV
printf 'pollutant,total\nso2,1000\nnox,2000\npm,1500\nvocs,800\n' > "$work/t.csv"
cat > "$work/m.csv" <<'CSV'
industry,grade,level,so2,nox,pm,vocs
*,A,orange,0,0,0,0
*,B,orange,0.2,0.2,0.2,0.2
*,C,orange,0.5,0.5,0.5,0.5
*,D,orange,1,1,1,1
*,B,red,0.3,0.3,0.3,0.3
*,C,red,0.7,0.7,0.7,0.7
*,A,red,0,0,0,0
CSV

# At orange (20 %): E1 cuts 20, 40, 10, 8; E2 25, 50, 50, 0; E3 10, 20, 30, 5; E4 nothing; E5 apart.
# Required 200, 400, 300, 160: everything falls short, and stopping E1, E2, E3 and E4 cannot close it.
out="$("$lantian" emergency list --level orange --enterprises "$work/e.csv" --totals "$work/t.csv" --measures "$work/m.csv" 2> "$work/err")"
check "pollutant rows" "$(printf '%s\n' 'pollutant,total,reduction,share,required,shortfall' \
    'so2,1000.000,55.000,0.055,200.000,145.000' 'nox,2000.000,110.000,0.055,400.000,290.000' \
    'pm,1500.000,90.000,0.060,300.000,210.000' 'vocs,800.000,13.000,0.016,160.000,147.000')" \
    "$(echo "$out" | sed -n 1,5p)"
check "an empty line, then the additions' header" "$(printf '\n%s' 'enterprise,measure,so2,nox,pm,vocs')" \
    "$(echo "$out" | sed -n 6,7p)"
check "保障类 never proposed" "no" "$(echo "$out" | grep -q '^E5,' && echo yes || echo no)"
check "an unclosable gap said on standard error" "yes" "$(grep -q '仍差' "$work/err" && echo yes || cat "$work/err")"

# With a larger E1 the gap closes: required 20 % of 1000 so2 etc.; the proposal's extra cuts must reach it.
cat > "$work/e2.csv" <<'CSV'
id,name,county,industry,grade,so2,nox,pm,vocs,output
E1,甲,泽州县,other,B,500,900,700,400,100
E2,乙,高平市,other,B,300,500,400,200,10
E5,戊热电,城区,other,保障类,300,300,300,300,50
CSV
# E1 and E2 at 20 %: 160, 280, 220, 120 against 200, 400, 300, 160 → short 40, 120, 80, 40.
# E2 to red (30 %, output 10 × 0.1 = 1) adds 30, 50, 40, 20 — not enough; E2 stopped (10 × 0.8 = 8) adds 240,
# 400, 320, 160 — enough; E1 to red (100 × 0.1 = 10) adds 50, 90, 70, 40 — enough on its own but dearer. Least
# output lost: stop E2.
out="$("$lantian" emergency list --level orange --enterprises "$work/e2.csv" --totals "$work/t.csv" --measures "$work/m.csv" 2> "$work/err")"
check "shortfalls" "so2,1000.000,160.000,0.160,200.000,40.000" "$(echo "$out" | sed -n 2p)"
check "the cheapest closing addition" "E2,全面停产,240.000,400.000,320.000,160.000" "$(echo "$out" | sed -n 8,99p)"

check "json: closes the gap" "True E2" \
    "$("$lantian" emergency list --level orange --enterprises "$work/e2.csv" --totals "$work/t.csv" --measures "$work/m.csv" --format json 2>/dev/null | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["closes_gap"], r["additions"][0]["enterprise"])')"

check "the shipped measures without --measures" "so2,1000.000,160.000,0.160,200.000,40.000" \
    "$("$lantian" emergency list --level orange --enterprises "$work/e2.csv" --totals "$work/t.csv" 2>/dev/null | sed -n 2p)"

printf 'id,name,county,industry,grade,so2,nox,pm,vocs\nE1,甲,泽州县,other,Z,1,1,1,1\n' > "$work/bad.csv"
set +e
out="$("$lantian" emergency list --level red --enterprises "$work/bad.csv" --totals "$work/t.csv" 2> "$work/err")"
status=$?
set -e
check "bad row: exit status 1" "1" "$status"
check "bad row: nothing on standard output" "" "$out"
check "bad row: the line and field named" "yes" "$(grep -q 'bad.csv: line 2, grade:' "$work/err" && echo yes || cat "$work/err")"

summary "emergency list"
