#!/usr/bin/env bash
# The contract of `lantian sources import FILE…` (docs/SOURCES.md): one line a file under the header
# file,records,hours,corrections,devices,status; the same file again corrects nothing; a changed value is one
# correction; a file with a bad row is refused whole (exit status 1, the line named) while the others import.
# Usage: Tests/cli/sources_import.sh --binary .build/debug/lantian
set -euo pipefail
source "$(dirname "$0")/lib.sh"
export LANTIAN_DATA_DIR="$work/data"
unset DATABASE_URL

# Two devices, 24 hours each, SO2 and flow: 48 records, 96 hours.
python3 - "$work/day.csv" "$work/changed.csv" "$work/bad.csv" <<'PY'
import sys
head = "MN,DataTime,a21026-Avg,a21026-Flag,a00000-Avg,a00000-Flag"
rows = [f"{mn},20220124{h:02d}0000,{20 + h % 5},N,50000,N" for mn in ["M1", "M2"] for h in range(24)]
open(sys.argv[1], "w").write("\n".join([head] + rows) + "\n")
# Hour 3 of M1 re-sent with a different value: one record, two hours, one correction (SO2; the flow is unchanged).
open(sys.argv[2], "w").write(head + "\nM1,20220124030000,99.5,N,50000,N\n")
open(sys.argv[3], "w").write(head + "\nM1,20220124040000,1,N,50000,N\nM1,20220124050000,n/a?,N,50000,N\n")
PY

header="file,records,hours,corrections,devices,status"
out="$("$lantian" sources import "$work/day.csv")"
check "the header" "$header" "$(echo "$out" | head -1)"
check "the day imports" "$work/day.csv,48,96,0,2,imported" "$(echo "$out" | tail -1)"
out="$("$lantian" sources import "$work/day.csv")"
check "the same file again corrects nothing" "$work/day.csv,48,96,0,2,imported" "$(echo "$out" | tail -1)"
out="$("$lantian" sources import "$work/changed.csv")"
check "a changed value is one correction" "$work/changed.csv,1,2,1,1,imported" "$(echo "$out" | tail -1)"

set +e
out="$("$lantian" sources import "$work/bad.csv" "$work/changed.csv" 2>"$work/err")"
status=$?
set -e
check "a bad file: exit status 1" "1" "$status"
check "the bad file refused, the other imported" "$(printf '%s\n' "$header" "$work/bad.csv,0,0,0,0,refused" \
    "$work/changed.csv,1,2,0,1,imported")" "$out"
check "the bad line named" "yes" "$(grep -q 'line 3, a21026-Avg' "$work/err" && echo yes || cat "$work/err")"
summary "sources import"
