#!/usr/bin/env python3
"""End-to-end browser test of ledgers (issue 13): t11's households computed from the 散煤治理 ledger, with the rows.

Runs `lantian serve` on a fresh SQLite data directory with the clock at 2021-11-10 09:00. The demo ledger
Sources/Seed/Resources/ledgers/demo/households.csv (300 fictional households of 泽州县 and 高平市, GB18030 as WPS
writes it) is counted here by hand: accepted (已验收) on or before t11's deadline 2021-10-31. In headless Chromium:

- 泽州县's reporter uploads it and is refused whole, the first 高平市 line named (a county imports its own rows);
- the office uploads it: 300 new rows; again: 300 unchanged;
- t11's households show the computed value with 数据来源 台账 and a link to the rows behind it; the drill-down lists
  exactly the counted rows, by county as worked out here; the CSV export holds them.

With --screenshots DIR it saves the drill-down.

Usage: ledger_flow.py --binary .build/debug/lantian [--port 8288] [--screenshots docs/screenshots]
"""
import argparse
import csv
import io
import os
import sys
import urllib.request

from browser import Browser, Checks, create_users, scratch, serve, stop
from selenium.webdriver.common.by import By

PASSWORD = "Blue-sky-e2e-2021"
DEMO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Sources", "Seed",
                                     "Resources", "ledgers", "demo", "households.csv"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--port", type=int, default=8288)
    parser.add_argument("--screenshots")
    args = parser.parse_args()

    with open(DEMO, encoding="gb18030") as f:
        rows = list(csv.DictReader(f))
    counted = [r for r in rows if r["状态"] == "已验收" and r["验收日期"] and r["验收日期"] <= "2021-10-31"]
    by_county = {c: sum(1 for r in counted if r["县区"] == c) for c in ["泽州县", "高平市"]}
    first_gaoping = next(i for i, r in enumerate(rows) if r["县区"] == "高平市") + 2

    data, env, base, log = scratch("lantian-ledger-", args.port)
    check = Checks()
    server = serve(args.binary, env, args.port, log, clock="2021-11-10T09:00:00+08:00")
    try:
        create_users(args.binary, env, PASSWORD,
                     [("zz-reporter", "unitReporter", "zezhou"), ("office1", "officeAdmin", "office")])
        browser = Browser(base, PASSWORD, args.screenshots)
        driver = browser.driver
        text = browser.text

        def upload():
            driver.get(base + "/ledgers/households")
            form = driver.find_element(By.XPATH, "//form[@enctype='multipart/form-data']")
            form.find_element(By.NAME, "file").send_keys(DEMO)
            browser.submit(form.find_element(By.CSS_SELECTOR, "button"))

        try:
            browser.login("zz-reporter")
            driver.get(base + "/ledgers")
            check("散煤治理清单（户）" in text(), "the ledger types are listed")
            upload()
            check("未导入任何数据" in text() and f"第 {first_gaoping} 行，县区" in text(),
                  f"泽州县 may not import 高平市's rows: {text()[:400]}")
            browser.logout()

            browser.login("office1")
            upload()
            check("新增 300 行，修改 0 行，未变 0 行" in text(), f"the office imports the ledger: {text()[:300]}")
            upload()
            check("新增 0 行，修改 0 行，未变 300 行" in text(), "again: nothing changes")

            driver.get(base + "/tasks/t11")
            row = driver.find_element(By.XPATH, "//tr[td[text()='散煤治理户数']]")
            cells = [c.text for c in row.find_elements(By.TAG_NAME, "td")]
            check(cells[3] == f"{len(counted)} 户" and "台账（households）" in cells[5],
                  f"t11 shows the ledger's {len(counted)} households: {cells}")
            row.find_element(By.LINK_TEXT, "查看明细").click()
            page = text()
            check(f"共 {len(counted)} 行" in page, f"the drill-down lists the {len(counted)} rows")
            check(f"泽州县 {by_county['泽州县']}" in page and f"高平市 {by_county['高平市']}" in page,
                  f"by county {by_county}: {page[:600]}")
            shown = {r.find_elements(By.TAG_NAME, "td")[3].text for r in driver.find_elements(By.CSS_SELECTOR, "main table tr")[1:]}
            check(shown == {r["户主"] for r in counted}, "exactly the counted households")
            if args.screenshots:
                browser.shot("ledger-rows", 1300)
            link = driver.find_element(By.LINK_TEXT, "导出 CSV").get_attribute("href")
            cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
            body = urllib.request.urlopen(urllib.request.Request(link, headers={"Cookie": cookies})).read()
            exported = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
            check(len(exported) == len(counted) and {r["户主"] for r in exported} == {r["户主"] for r in counted},
                  f"the export holds the same {len(counted)} rows")
        finally:
            browser.quit()
    finally:
        stop(server, log, data, check)
    return check.summary("ledger flow")


if __name__ == "__main__":
    sys.exit(main())
