#!/usr/bin/env bash
# The contract of `lantian task show CODE [--as-of DAY] [--format json]` (docs/LEDGER-FORMAT.md): the header and
# columns; a ledger-computed value with its source as of a day (rows dated later not yet counted); a report-fed
# indicator without a value; the JSON form; an unknown task and a bad day refused with exit status 1.
# Usage: Tests/cli/task_show.sh --binary .build/debug/lantian
set -euo pipefail
source "$(dirname "$0")/lib.sh"
export LANTIAN_DATA_DIR="$work/data"
unset DATABASE_URL
root="$(cd "$(dirname "$0")/../.." && pwd)"
"$lantian" plan import "$root/Sources/Seed/Resources/plans/jincheng-2021-2022.yaml" >/dev/null

# Two households of 泽州县 accepted on 10-20 and 10-28 (t11's deadline is 10-31), one converted but not accepted.
printf '%s\n' '县区,乡镇,村,户主,改造方式,替代散煤,状态,验收日期' \
    '泽州县,巴公镇,东四义村,李四,集中供热,2.5,已验收,2021-10-20' \
    '泽州县,南村镇,冶底村,王五,气代煤,3,已验收,2021-10-28' \
    '泽州县,南村镇,冶底村,赵六,气代煤,4,已改造,' >"$work/households.csv"
"$lantian" ledger import --type households "$work/households.csv" >/dev/null

check "t11 as of 2021-11-03: both accepted households, 5.5 t" "$(printf '%s\n' \
    'task,indicator,name,unit,direction,target,current,source,status' \
    't11,households,散煤治理户数,户,atLeast,16000,2,ledger:households,lagging' \
    't11,coal-replaced,替代散煤量,吨,atLeast,48000,5.5,ledger:households,lagging')" \
    "$("$lantian" task show t11 --as-of 2021-11-03)"
check "as of 2021-10-25 the household accepted on 10-28 is not yet counted" \
    "t11,households,散煤治理户数,户,atLeast,16000,1,ledger:households,lagging" \
    "$("$lantian" task show t11 --as-of 2021-10-25 | sed -n 2p)"
check "a report-fed indicator nobody reported: no value" \
    "t24,station-coverage,加油站（点）抽检年度覆盖率,%,atLeast,100,,report,noValue" \
    "$("$lantian" task show t24 --as-of 2021-11-03 | grep station-coverage)"
cat >"$work/read.py" <<'PY'
import json, sys
d = json.load(sys.stdin)
lines = "; ".join("%s %g %s %s" % (i["code"], i["current"], i["source"], i["status"]) for i in d["indicators"])
print(d["task"]["code"], d["asOf"], lines)
PY
check "the JSON form" "t11 2021-10-25 households 1 ledger:households lagging; coal-replaced 2.5 ledger:households lagging" \
    "$("$lantian" task show t11 --as-of 2021-10-25 --format json | python3 "$work/read.py")"

set +e
"$lantian" task show t99 >/dev/null 2>"$work/err"
status=$?
set -e
check "an unknown task: exit status 1" "1" "$status"
check "an unknown task: named" "no task t99 in plan jincheng-2021-2022" "$(cat "$work/err")"
set +e
"$lantian" task show t11 --as-of 2021-13-01 >/dev/null 2>"$work/err"
status=$?
set -e
check "a day that is none: exit status 1" "1" "$status"
summary "task show"
