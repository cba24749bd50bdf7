#!/usr/bin/env bash
# The contract of `lantian emergency propose` (docs/EMERGENCY.md): header and columns, an hourly orange episode
# with the reason's hours and times, a daily forecast, the national edition's blue, a file with no episode, a bad
# row refused with its line and nothing on standard output.
# Usage: Tests/cli/emergency_propose.sh --binary .build/debug/lantian
set -euo pipefail
source "$(dirname "$0")/lib.sh"

header="level,from,to,hours_over_200,hours_over_300,max_aqi,reason"

# 10 hours at 150, 74 hours above 200 (the first at 2022-01-24T21:00, the hour 20:00–21:00), 10 hours at 150.
python3 - "$work/hourly.csv" <<'PY'
import sys, datetime
start = datetime.datetime(2022, 1, 24, 11)
rows = ["time,aqi"] + [
    (start + datetime.timedelta(hours=i)).strftime("%Y-%m-%dT%H:00") + "," + ("150" if i < 10 or i >= 84 else "240")
    for i in range(94)]
open(sys.argv[1], "w").write("\n".join(rows) + "\n")
PY
check "hourly: one orange episode of 74 hours" \
    "$(printf '%s\n' "$header" 'orange,2022-01-24T20:00,2022-01-27T22:00,74,0,240,AQI > 200 预计持续 74 小时（1月24日20时至1月27日22时），最高 AQI 240 → 橙色')" \
    "$("$lantian" emergency propose "$work/hourly.csv")"

printf 'date,aqi\n2022-01-24,180\n2022-01-25,230\n2022-01-26,260\n2022-01-27,240\n2022-01-28,150\n' > "$work/daily.csv"
check "daily: three periods are 72 hours, orange" \
    "orange,2022-01-25T00:00,2022-01-28T00:00,72,0,260" \
    "$("$lantian" emergency propose "$work/daily.csv" | sed -n 2p | cut -d, -f1-6)"

printf 'date,aqi\n2022-01-24,180\n2022-01-25,230\n2022-01-26,150\n' > "$work/one-day.csv"
check "national-2017: one period above 200 is blue" "blue" \
    "$("$lantian" emergency propose "$work/one-day.csv" --rules national-2017 | sed -n 2p | cut -d, -f1)"
check "shanxi-2020: the same is no warning" "none" \
    "$("$lantian" emergency propose "$work/one-day.csv" | sed -n 2p | cut -d, -f1)"

printf 'date,aqi,sand_dust\n2022-03-14,420,1\n2022-03-15,380,1\n2022-03-16,120,0\n' > "$work/sand.csv"
check "sand-dust only: the header and one none row" \
    "$(printf '%s\n' "$header" 'none,2022-03-14T00:00,2022-03-17T00:00,0,0,120,预报期内 AQI 均未超过 200（沙尘时段不计）→ 不启动预警')" \
    "$("$lantian" emergency propose "$work/sand.csv")"

check "json: the same fields" "orange 74" \
    "$("$lantian" emergency propose "$work/hourly.csv" --format json | python3 -c 'import json,sys; r=json.load(sys.stdin)[0]; print(r["level"], r["hours_over_200"])')"

printf 'time,aqi\n2022-01-24T21:00,230\n2022-01-24T22:00,high\n' > "$work/bad.csv"
set +e
out="$("$lantian" emergency propose "$work/bad.csv" 2> "$work/err")"
status=$?
set -e
check "bad row: exit status 1" "1" "$status"
check "bad row: nothing on standard output" "" "$out"
check "bad row: the line and field named" "yes" "$(grep -q 'bad.csv: line 3, aqi:' "$work/err" && echo yes || cat "$work/err")"

summary "emergency propose"
