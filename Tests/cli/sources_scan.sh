#!/usr/bin/env bash
# The contract of `lantian sources scan` (docs/SOURCES.md): header and columns on a table and on raw HJ 212
# packets (their CRC computed here, independently, in Python), each rule's hit, a wrong CRC refused with its line
# and nothing on standard output.
# Usage: Tests/cli/sources_scan.sh --binary .build/debug/lantian
set -euo pipefail
source "$(dirname "$0")/lib.sh"

header="mn,factor,rule,from,to,detail"

# Layout (a): a day of hourly SO2 at a coal boiler: 6 identical hours while the flow says it runs, two zeros, a
# missing hour, one hour over the limit after correction to 9 % O2 (40 at 12 % O2 → 40 × 12 / 9 = 53.3 > 50).
python3 - "$work/table.csv" <<'PY'
import sys
rows = ["MN,DataTime,a21026-Avg,a21026-Flag,a00000-Avg,a00000-Flag,a19001-Avg,a19001-Flag"]
so2 = [20, 22, 18, 25, 25, 25, 25, 25, 25, 19, 0, 0, None, 21, 40, 23]
for hour, value in enumerate(so2):
    if value is None:
        rows.append(f"JC-B01,2022-01-24 {hour:02d}:00:00,,,80000,N,12,N")
    else:
        rows.append(f"JC-B01,2022-01-24 {hour:02d}:00:00,{value},N,80000,N,12,N")
open(sys.argv[1], "w").write("\n".join(rows) + "\n")
PY
printf 'mn,factor,limit,o2_ref\nJC-B01,a21026,50,9\n' > "$work/limits.csv"
out="$("$lantian" sources scan "$work/table.csv" --limits "$work/limits.csv")"
check "the header" "$header" "$(echo "$out" | head -1)"
check "the rules that trip, in order" "$(printf '%s\n' \
    'JC-B01,a21026,missing,2022-01-24T12:00,2022-01-24T13:00' \
    'JC-B01,a21026,exceedance,2022-01-24T14:00,2022-01-24T15:00' \
    'JC-B01,a21026,zero_while_running,2022-01-24T10:00,2022-01-24T12:00' \
    'JC-B01,a21026,constant,2022-01-24T03:00,2022-01-24T09:00')" \
    "$(echo "$out" | tail -n +2 | cut -d, -f1-5)"
check "the exceedance explained" "yes" "$(echo "$out" | grep -q '最高 53.333 mg/m³' && echo yes || echo "$out")"

# Layout (b): hourly packets as a logger writes them, one with a wrong length field (tolerated), one flagged D.
python3 - "$work/packets.txt" "$work/bad.txt" <<'PY'
import sys
def crc(data):
    r = 0xFFFF
    for b in data:
        r = (r >> 8) ^ b
        for _ in range(8):
            r = (r >> 1) ^ 0xA001 if r & 1 else r >> 1
    return f"{r:04X}"
def packet(segment, length=None):
    data = segment.encode()
    return f"##{length if length is not None else len(data):04d}{segment}{crc(data)}\r\n"
lines = []
for hour in range(4):
    flag = "D" if hour == 2 else "N"
    seg = (f"QN=202201240{hour}00000;ST=31;CN=2061;PW=123456;MN=JC-K02;Flag=4;"
           f"CP=&&DataTime=20220124{hour:02d}0000;a21002-Avg=80.5,a21002-Flag={flag};a00000-Avg=60000,a00000-Flag=N&&")
    lines.append(packet(seg, length=7 if hour == 1 else None))
open(sys.argv[1], "w").write("".join(lines))
open(sys.argv[2], "w").write(lines[0] + lines[1][:-6] + "0000\r\n")
PY
out="$("$lantian" sources scan "$work/packets.txt" 2> "$work/err")"
check "packets: the D-flagged hour" "JC-K02,a21002,flag_invalid,2022-01-24T02:00,2022-01-24T03:00" \
    "$(echo "$out" | tail -n +2 | cut -d, -f1-5)"
check "packets: the wrong length reported, not refused" "yes" \
    "$(grep -q 'packets.txt: warning: line 2, packet: 长度字段 0007' "$work/err" && echo yes || cat "$work/err")"

set +e
out="$("$lantian" sources scan "$work/bad.txt" 2> "$work/err")"
status=$?
set -e
check "a wrong CRC: exit status 1" "1" "$status"
check "a wrong CRC: nothing on standard output" "" "$out"
check "a wrong CRC: the line named" "yes" "$(grep -q 'bad.txt: line 2, packet: CRC 校验不符' "$work/err" && echo yes || cat "$work/err")"

summary "sources scan"
