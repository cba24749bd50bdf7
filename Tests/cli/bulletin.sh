#!/usr/bin/env bash
# The contract of `lantian bulletin MONTH --format html|docx|pdf --out FILE [--final]` (docs/BULLETIN.md): a
# first `lantian serve` loads the Jincheng plan and the bundled January–March 2022 station rows; January's
# bulletin is then written as HTML (its figures as BulletinTests works them out by hand: 82.5 µg/m³, 2160A and
# 2162A sharing 2nd), as a .docx that is a valid ZIP whose parts are well-formed XML, and as a PDF when
# LibreOffice is installed; --final without a finalised copy, a bad month and a month outside the plan are
# refused with exit status 1 and a message.
# Usage: Tests/cli/bulletin.sh --binary .build/debug/lantian
set -euo pipefail
source "$(dirname "$0")/lib.sh"
export LANTIAN_DATA_DIR="$work/data"
export LANTIAN_PORT=8297
unset DATABASE_URL
first_start

out="$("$lantian" bulletin 2022-01 --format html --out "$work/b.html")"
check "html written" "wrote $work/b.html" "${out% (*}"
check "January's city PM2.5 and the season's" "2" "$(grep -o '82.5 µg/m³' "$work/b.html" | head -2 | wc -l | tr -d ' ')"
check "2160A shares 2nd place" "1" "$(grep -c '<tr data-key="2160A"><td>自来水公司（2160A）</td><td>6.08</td><td>并列2</td>' "$work/b.html")"

"$lantian" bulletin 2022-01 --format docx --out "$work/b.docx" >/dev/null
check "the .docx is a ZIP whose parts are all well-formed XML" "ok 10" "$(python3 - "$work/b.docx" <<'PY'
import sys, zipfile, xml.dom.minidom
z = zipfile.ZipFile(sys.argv[1])
for name in z.namelist():
    xml.dom.minidom.parseString(z.read(name))
print("ok", len(z.namelist()))
PY
)"
if command -v soffice >/dev/null 2>&1; then
    "$lantian" bulletin 2022-01 --format pdf --out "$work/b.pdf" >/dev/null
    check "the PDF starts %PDF" "%PDF" "$(head -c 4 "$work/b.pdf")"
fi

set +e
message="$("$lantian" bulletin 2022-01 --format html --out "$work/f.html" --final 2>&1)"; status=$?
set -e
check "--final without a finalised copy: exit 1" "1" "$status"
check "… and says so" "2022年1月通报尚未定稿（no finalised bulletin for 2022-01）" "$message"
set +e
message="$("$lantian" bulletin 2022-13 --format html --out "$work/x.html" 2>&1)"; status=$?
set -e
check "a month that is no month: exit 1 with the form" "1 month should be YYYY-MM: 2022-13" "$status $message"
set +e
message="$("$lantian" bulletin 2022-06 --format docx --out "$work/x.docx" 2>&1)"; status=$?
set -e
check "a month outside the plan: exit 1" "1 2022年6月不在攻坚期内或尚未开始" "$status $message"
check "nothing written for a refused month" "no" "$([[ -e "$work/x.docx" ]] && echo yes || echo no)"
summary "bulletin"
