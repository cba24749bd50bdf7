#!/usr/bin/env python3
"""End-to-end browser test of ledgers (issue 13): t11's households computed from the 散煤治理 ledger, with the rows.

Runs `lantian serve` on a fresh SQLite data directory with the clock at 2021-11-10 09:00. The demo ledger
Sources/Seed/Resources/ledgers/demo/households.csv (300 fictional households of 泽州县 and 高平市, GB18030 as WPS
writes it) is counted here by hand: accepted (已验收) on or before t11's deadline 2021-10-31. In headless Chromium:

- 泽州县's reporter uploads it and is refused whole, the first 高平市 line named (a county imports its own rows);
- the office uploads it: 300 new rows; again: 300 unchanged;
- t11's households show the computed value with 数据来源 台账 and a link to the rows behind it; the drill-down lists
  exactly the counted rows, by county as worked out here; the CSV export holds them;
- 泽州县's reporter ticks the first two of 泽州县's converted (已改造) households, moves them to 已验收 on 2021-10-30
  with an acceptance form: t11 counts two more; 高平市's rows offer no tick box and no edit;
- 泽州县's reporter edits one household: a coal figure that is no number is refused on the page, a good one saved
  and shown in the row's history with before and after;
- 泽州县's reporter enters dust fall 6.5 (October) and 7.6 (November, over the 7 t limit, marked): t31 shows the
  worst county's mean, 7.05.

With --screenshots DIR it saves the drill-down, a row's history and the dust-fall grid.

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
            form = driver.find_element(By.XPATH, "//form[.//input[@name='file']]")
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
            check(cells[3] == f"{len(counted)} 户" and "台账（散煤治理清单（户），截至 2021-11-10）" in cells[5],
                  f"t11 shows the ledger's {len(counted)} households: {cells}")
            row.find_element(By.LINK_TEXT, "查看明细").click()
            page = text()
            check(f"共 {len(counted)} 行" in page, f"the drill-down lists the {len(counted)} rows")
            check(f"泽州县 {by_county['泽州县']}" in page and f"高平市 {by_county['高平市']}" in page,
                  f"by county {by_county}: {page[:600]}")
            table = driver.find_elements(By.CSS_SELECTOR, "main table tr")
            column = [h.text for h in table[0].find_elements(By.TAG_NAME, "th")].index("户主")
            shown = {r.find_elements(By.TAG_NAME, "td")[column].text for r in table[1:]}
            check(shown == {r["户主"] for r in counted}, "exactly the counted households")
            if args.screenshots:
                browser.shot("ledger-rows", 1300)
            link = driver.find_element(By.LINK_TEXT, "导出 CSV").get_attribute("href")
            cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
            body = urllib.request.urlopen(urllib.request.Request(link, headers={"Cookie": cookies})).read()
            exported = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
            check(len(exported) == len(counted) and {r["户主"] for r in exported} == {r["户主"] for r in counted},
                  f"the export holds the same {len(counted)} rows")
            browser.logout()

            # 泽州县 accepts two converted households with the acceptance form as evidence.
            browser.login("zz-reporter")
            converted = [r for r in rows if r["县区"] == "泽州县" and r["状态"] == "已改造"]
            picked = converted[:2]
            driver.get(base + "/ledgers/households?owner=zezhou&status=%E5%B7%B2%E6%94%B9%E9%80%A0")
            check(f"共 {len(converted)} 行" in text(), f"泽州县 has {len(converted)} converted households")
            for household in picked:
                box = driver.find_element(By.XPATH, f"//tr[td[text()='{household['户主']}']]//input[@type='checkbox']")
                box.click()
            form = driver.find_element(By.XPATH, "//form[.//input[@name='ids[]']]")
            form.find_element(By.XPATH, ".//select[@name='status']/option[@value='已验收']").click()
            form.find_element(By.XPATH, ".//select[@name='dateField']/option[@value='accepted']").click()
            driver.execute_script("arguments[0].value = '2021-10-30'", form.find_element(By.NAME, "date"))
            evidence = os.path.join(data, "验收单.pdf")
            with open(evidence, "wb") as f:
                f.write(b"%PDF-1.4\n%%EOF\n")
            form.find_element(By.NAME, "files[]").send_keys(evidence)
            browser.submit(form.find_element(By.XPATH, ".//button[text()='变更所选行的状态']"))
            check("已变更所选行的状态" in text(), f"the bulk change is saved: {text()[:300]}")
            driver.get(base + "/tasks/t11")
            row = driver.find_element(By.XPATH, "//tr[td[text()='散煤治理户数']]")
            now_counted = row.find_elements(By.TAG_NAME, "td")[3].text
            check(now_counted == f"{len(counted) + 2} 户", f"t11 counts the two accepted: {now_counted}")
            driver.get(base + "/ledgers/households?owner=gaoping")
            gaoping_rows = len(driver.find_elements(By.CSS_SELECTOR, "main table tr")) - 1
            check(gaoping_rows > 0 and not driver.find_elements(By.CSS_SELECTOR, "main table input[type=checkbox]")
                  and len(driver.find_elements(By.LINK_TEXT, "查看")) == gaoping_rows
                  and not driver.find_elements(By.LINK_TEXT, "编辑"), "高平市's rows: no tick box, only 查看")

            # One household edited: a bad figure refused, a good one kept with before and after.
            driver.get(base + "/ledgers/households?owner=zezhou&status=%E5%BE%85%E6%94%B9%E9%80%A0")
            driver.find_element(By.LINK_TEXT, "编辑").click()
            coal = driver.find_element(By.NAME, "f_coal")
            old = coal.get_attribute("value")
            coal.clear()
            coal.send_keys("三吨")
            browser.submit(driver.find_element(By.XPATH, "//button[text()='保存']"))
            check("替代散煤：“三吨”不是数值（吨）" in text(), f"a figure that is no number is refused: {text()[:300]}")
            coal = driver.find_element(By.NAME, "f_coal")
            coal.clear()
            coal.send_keys("4.5")
            browser.submit(driver.find_element(By.XPATH, "//button[text()='保存']"))
            history = text()
            check("已保存" in history and f"替代散煤：{old or '（空）'} → 4.5" in history and "第 2 版" in history,
                  f"the edit is saved with before and after: {history[-500:]}")
            if args.screenshots:
                browser.shot("ledger-row", 1200)

            # Dust fall: 泽州县's October within the limit, November over it.
            driver.get(base + "/measurements/dustfall")
            driver.find_element(By.NAME, "c[zezhou][2021-10]").send_keys("6.5")
            driver.find_element(By.NAME, "c[zezhou][2021-11]").send_keys("7.6")
            browser.submit(driver.find_element(By.XPATH, "//button[text()='保存']"))
            cell = driver.find_element(By.NAME, "c[zezhou][2021-11]").find_element(By.XPATH, "..")
            check("over" in cell.get_attribute("class"), "November's 7.6 is marked over the limit")
            check("t31 降尘量：7.05 吨/(平方公里·月)" in text(), f"t31 from the grid: {text()[:500]}")
            check(not driver.find_elements(By.NAME, "c[gaoping][2021-10]"), "泽州县 cannot enter 高平市's cells")
            if args.screenshots:
                browser.shot("measurement-dustfall", 1300)
            driver.get(base + "/tasks/t31")
            row = driver.find_element(By.XPATH, "//tr[td[text()='降尘量']]")
            check(row.find_elements(By.TAG_NAME, "td")[3].text.startswith("7.05"), "t31's current value is 7.05")
        finally:
            browser.quit()
    finally:
        stop(server, log, data, check)
    return check.summary("ledger flow")


if __name__ == "__main__":
    sys.exit(main())
