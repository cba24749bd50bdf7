#!/usr/bin/env bash
# The contract of `lantian ledger types` and `lantian ledger import --type CODE FILE [--unit CODE]`
# (docs/LEDGER-FORMAT.md): the header and columns; new, changed and unchanged rows counted by the type's key; a bad
# file refused whole with its line named and nothing stored; a county importing another county's rows refused.
# Usage: Tests/cli/ledger_import.sh --binary .build/debug/lantian
set -euo pipefail
source "$(dirname "$0")/lib.sh"
export LANTIAN_DATA_DIR="$work/data"
unset DATABASE_URL

# Three households of 泽州县 in GB18030, as WPS writes; then one of them accepted; then a bad file.
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
head = "县区,乡镇,村,户主,改造方式,替代散煤,状态,验收日期\r\n"
rows = ["泽州县,巴公镇,东四义村,张三,气代煤,3,已改造,", "泽州县,巴公镇,东四义村,李四,集中供热,2.5,已验收,2021-10-20",
        "泽州县,南村镇,冶底村,王五,气代煤,3,已验收,2021-10-28"]
open(f"{work}/households.csv", "wb").write((head + "\r\n".join(rows) + "\r\n").encode("gb18030"))
rows[0] = "泽州县,巴公镇,东四义村,张三,气代煤,3,已验收,2021-10-30"
open(f"{work}/accepted.csv", "wb").write((head + "\r\n".join(rows) + "\r\n").encode("gb18030"))
open(f"{work}/bad.csv", "w", encoding="utf-8").write(head + "泽州县,巴公镇,东四义村,赵六,煤改柴,3,已验收,2021-10-30\r\n")
PY

check "the types: the header and the households line" "$(printf '%s\n' 'code,name,rows,indicators' \
    'households,散煤治理清单（户）,0,t11.households;t11.coal-replaced;s03-1.households')" \
    "$("$lantian" ledger types | head -2)"
check "seven shipped types, 两高 projects computing none" "8 projects,“两高”项目清单,0," \
    "$("$lantian" ledger types | wc -l | tr -d ' ') $("$lantian" ledger types | grep '^projects,')"
check "three new rows" "$(printf '%s\n' 'file,new,changed,unchanged' "$work/households.csv,3,0,0")" \
    "$("$lantian" ledger import --type households "$work/households.csv")"
check "the same file again" "$work/households.csv,0,0,3" \
    "$("$lantian" ledger import --type households "$work/households.csv" | tail -1)"
check "one household accepted" "$work/accepted.csv,0,1,2" \
    "$("$lantian" ledger import --type households "$work/accepted.csv" | tail -1)"

set +e
out="$("$lantian" ledger import --type households "$work/bad.csv" 2>"$work/err")"
status=$?
set -e
check "a bad file: exit status 1" "1" "$status"
check "nothing imported" "$work/bad.csv,0,0,0" "$(echo "$out" | tail -1)"
check "the bad line named" "yes" "$(grep -q 'line 2, 改造方式' "$work/err" && echo yes || cat "$work/err")"
check "still three rows" "3" "$("$lantian" ledger types | grep '^households,' | cut -d, -f3)"
set +e
"$lantian" ledger import --type households --unit gaoping "$work/households.csv" >/dev/null 2>"$work/err"
status=$?
set -e
check "高平市 may not import 泽州县's rows" "1" "$status"
summary "ledger import"
