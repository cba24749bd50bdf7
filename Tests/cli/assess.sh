#!/usr/bin/env bash
# The contract of `lantian assess --from DAY --to DAY [--format csv|json]` (docs/ASSESSMENT.md): after a first
# `lantian serve` (the Jincheng plan and the bundled 2022 station rows, no reports), January 2022 scored with the
# shipped scheme: the header; one line a unit, ranks never falling; December's reports, due 5 January, all missing,
# so every unit asked scores 0 of 15 for timeliness; 城区 the only county with stations: full air-rank points
# (10 of 10), no year-earlier data so no improvement part; no warnings or quotas; the JSON form with the same
# units; a period the wrong way round and a day that is no day refused with exit status 1.
# Usage: Tests/cli/assess.sh --binary .build/debug/lantian
set -euo pipefail
source "$(dirname "$0")/lib.sh"
export LANTIAN_DATA_DIR="$work/data"
export LANTIAN_PORT=8298
unset DATABASE_URL
first_start

"$lantian" assess --from 2022-01-01 --to 2022-01-31 >"$work/a.csv"
check "the header" "unit,score,rank,parts" "$(head -1 "$work/a.csv")"
check "ranks never fall down the list" "ok" "$(python3 - "$work/a.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
ranks = [int(r["rank"]) for r in rows]
scores = [float(r["score"]) for r in rows]
assert len(rows) > 20, len(rows)
assert ranks == sorted(ranks) and scores == sorted(scores, reverse=True)
# Equal scores share a rank; the next rank skips the shared places.
for i, r in enumerate(rows):
    first = next(j for j, s in enumerate(rows) if s["score"] == r["score"])
    assert ranks[i] == first + 1, (i, r)
print("ok")
PY
)"
check "December's reports all missing: timeliness 0 of 15 wherever asked" "0" \
    "$(grep -c 'timeliness:[1-9]' "$work/a.csv" || true)"
chengqu="$(grep '^chengqu,' "$work/a.csv" | cut -d, -f4)"
check "城区: full air-rank points, no improvement part, no warnings, no quota" \
    "air-improvement:n/a/20;air-rank:10.0/10;warnings:n/a/10;spot-checks:n/a/5" "${chengqu#*timeliness:0.0/15;}"
check "JSON: a part that does not apply has points null, with its reason" "None 非县区或无监测数据，不计分" \
    "$("$lantian" assess --from 2022-01-01 --to 2022-01-31 --format json | python3 -c '
import json, sys
u = next(u for u in json.load(sys.stdin) if u["unit"] == "city-eeb")
p = next(p for p in u["parts"] if p["code"] == "air-rank")
print(p["points"], p["reason"])')"
check "the JSON form: the same units in the same order" "$(cut -d, -f1 "$work/a.csv" | tail -n +2 | tr '\n' ' ')" \
    "$("$lantian" assess --from 2022-01-01 --to 2022-01-31 --format json | python3 -c '
import json, sys
print(" ".join(u["unit"] for u in json.load(sys.stdin)), end=" ")')"
set +e
message="$("$lantian" assess --from 2022-02-01 --to 2022-01-01 2>&1)"; status=$?
set -e
check "a period the wrong way round: exit 1" "1 起始日期不能晚于截止日期" "$status $message"
set +e
message="$("$lantian" assess --from 2022-02-30 --to 2022-03-01 2>&1)"; status=$?
set -e
check "a day that is no day: exit 1" "1 --from and --to should be days, YYYY-MM-DD" "$status $message"
summary "assess"
