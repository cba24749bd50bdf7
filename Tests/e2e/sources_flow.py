#!/usr/bin/env python3
"""End-to-end browser test of pollution-source monitoring (issue 12): coverage, outlets, data, the week, a check.

Runs `lantian serve` on a fresh SQLite data directory with the clock at 2022-02-18 09:00 (a Friday), the demo
registry of Sources/Seed/Resources/emergency/demo/ and the demo outlets, limits and simulated hours written by
`lantian sources demo` (five networked outlets, 2022-01-01 … 03-31; in the week of 2022-02-14 a falsified segment
at the sinter machine, a night cheat at the power plant, an analyser fault at the coal-chemical boiler, late
uploads at the cement kiln, a start-up over the limit at the coke plant). In headless Chromium:

- 市生态环境局's reporter lists D01, D03 and D11 as key polluters: VOCs 1,020 of 3,840 t/yr (26.6 %) and NOx 4,800
  of 8,890 (54.0 %), below the 65 % floor; Lantian names the fewest additions, D10 and D04 (worked out here: no
  single enterprise adds the 1,476 t of VOCs missing, and of the pairs only D10 + D04 adds both the VOCs and the
  978.5 t of NOx missing); listing them meets the floor (70.8 % and 72.0 %);
- an outlet register naming an enterprise not on the registry is refused with its line; the demo register
  imports, and the two outlets not networked are listed;
- the limits and the hours import (the record and hour counts worked out here from the file); the same file
  again changes nothing; one changed value is recorded as one correction;
- the week of 2022-02-14 ranks the falsified sinter machine first, every demo event is on the list, and a hit's
  chart is an SVG;
- the reporter records an on-site check confirming the fraud with its agency and evidence; the office publishes
  it; the public list shows it without signing in;
- a county reporter sees the coverage but not the suspects (403).

With --screenshots DIR it saves the coverage, the week, a chart and the public list.

Usage: sources_flow.py --binary .build/debug/lantian [--port 8286] [--screenshots docs/screenshots]
"""
import argparse
import csv
import os
import subprocess
import sys
import urllib.error
import urllib.request

from browser import Browser, Checks, create_users, scratch, serve, stop
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

PASSWORD = "Blue-sky-e2e-2021"
DEMO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Sources", "Seed",
                                     "Resources", "emergency", "demo"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--port", type=int, default=8286)
    parser.add_argument("--screenshots")
    args = parser.parse_args()

    data, env, base, log = scratch("lantian-sources-", args.port)
    check = Checks()
    files = os.path.join(data, "demo")
    subprocess.run([args.binary, "sources", "demo", files], check=True, env=env)
    with open(os.path.join(files, "data.csv"), encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    factors = {name.split("-")[0] for name in header[3:]}
    records = len(body)
    hours = sum(1 for row in body for factor in factors
                if any(row[i] for i, name in enumerate(header) if name.split("-")[0] == factor))
    changed = os.path.join(data, "更正.csv")
    first = next(row for row in body if row[0] == "140505D05001" or row[0] == "140581D05001")
    column = header.index("a21026-Avg")
    with open(changed, "w", encoding="utf-8") as f:
        f.write(",".join(header) + "\n" + ",".join(first[:column] + [str(float(first[column]) + 1)] + first[column + 1:]) + "\n")
    bad = os.path.join(data, "排放口-错误.csv")
    with open(bad, "w", encoding="utf-8") as f:
        f.write("企业编号,排放口,MN,监测因子,安装,联网\nD01,烟囱,M1,a21026,是,是\nX99,烟囱,M2,a21026,是,是\n")
    evidence = os.path.join(data, "现场检查笔录.pdf")
    with open(evidence, "wb") as f:
        f.write(b"%PDF-1.4\n%%EOF\n")

    server = serve(args.binary, env, args.port, log, clock="2022-02-18T09:00:00+08:00")
    try:
        create_users(args.binary, env, PASSWORD,
                     [("eeb-reporter", "unitReporter", "city-eeb"), ("office1", "officeAdmin", "office"),
                      ("zz-reporter", "unitReporter", "zezhou")])
        browser = Browser(base, PASSWORD, args.screenshots)
        driver = browser.driver
        submit = browser.submit
        text = browser.text

        upload = browser.upload

        def toggle(enterprise):
            form = driver.find_element(By.XPATH, f"//form[input[@name='enterprise' and @value='{enterprise}']]")
            submit(form.find_element(By.CSS_SELECTOR, "button"))

        try:
            browser.login("eeb-reporter")
            upload("/emergency/registry", "enterprises", os.path.join(DEMO, "enterprises.csv"))
            driver.get(base + "/sources")
            check("污染源监控" in text("nav.menu"), "the menu has 污染源监控")
            for enterprise in ["D01", "D03", "D11"]:
                toggle(enterprise)
            page = text()
            check("26.6%" in page and "54%" in page and "未达到要求" in page, f"the shares of D01, D03, D11: {page[:500]}")
            check("最少再纳入 2 家" in page and "已证明不能更少" in page and "VOCs 70.8%、氮氧化物 72%" in page,
                  f"two additions, proven: {page[:900]}")
            additions = [li.text for li in driver.find_elements(By.CSS_SELECTOR, "main ul li")]
            check(any("D10" in a for a in additions) and any("D04" in a for a in additions),
                  f"the additions are D10 and D04: {additions}")
            if args.screenshots:
                browser.shot("sources-coverage", 1400)
            for enterprise in ["D10", "D04"]:
                toggle(enterprise)
            check("两项均已达到要求" in text(), "listing them meets the floor")

            upload("/sources", "outlets", bad)
            check("未导入任何数据" in text() and "第 3 行，企业编号" in text() and "X99" in text(),
                  f"an unknown enterprise refuses the register: {text()[:400]}")
            check("尚未导入排放口名录" in text(), "and nothing was stored")
            upload("/sources", "outlets", os.path.join(files, "outlets.csv"))
            check("已导入 7 行" in text() and "未联网的排放口（2 个）" in text(), f"the register imports: {text()[:600]}")
            upload("/sources", "limits", os.path.join(files, "limits.csv"))
            check("已导入 16 行" in text(), f"the limits import: {text()[:300]}")
            upload("/sources", "data", os.path.join(files, "data.csv"))
            check(f"已导入 {records} 条记录、{hours} 个小时值（5 台设备）" in text() and "更正已存数值 0 个" in text(),
                  f"the hours import ({records} records, {hours} hours): {text()[:400]}")
            upload("/sources", "data", os.path.join(files, "data.csv"))
            check("更正已存数值 0 个" in text(), "the same file again changes nothing")
            upload("/sources", "data", changed)
            check("已导入 1 条记录" in text() and "更正已存数值 1 个" in text(), f"one changed value: {text()[:400]}")

            driver.get(base + "/sources/suspects")
            page = text()
            check("2022-02-14 至 2022-02-20" in page, "the week of the clock's day")
            titles = [h.text for h in driver.find_elements(By.CSS_SELECTOR, "main .panel h2")]
            check(titles and "140525D01001" in titles[0], f"the falsified sinter machine ranks first: {titles}")
            for mn in ["140502D11001", "140581D10001", "140581D05001", "140524D03001"]:
                check(any(mn in t for t in titles), f"{mn} is on the list")
            for sign in ["数值恒定", "折算值与含氧量不符", "含氧量不随负荷变化", "昼夜规律异常", "生产时零值", "迟报", "超标"]:
                check(sign in page, f"the week shows {sign}")
            if args.screenshots:
                browser.shot("sources-suspects", 2600)
            chart = driver.find_element(By.CSS_SELECTOR, "main .panel ul.small li a")
            chart.click()
            check(len(driver.find_elements(By.CSS_SELECTOR, "main svg polyline")) >= 2, "the hit's chart is drawn")
            if args.screenshots:
                browser.shot("sources-chart", 1000)

            driver.get(base + "/sources/outlets/140525D01001?from=2022-02-14&to=2022-02-20")
            check("数值恒定" in text() and "有效天数" in text(), "the outlet's week")
            driver.find_element(By.NAME, "checkedAt").send_keys("2022-02-16T10:00")
            Select(driver.find_element(By.NAME, "result")).select_by_value("fraud")
            submit(driver.find_element(By.XPATH, "//button[text()='保存检查记录']"))
            check("确认数据造假须写明运维机构" in text() and "须写明检查发现" in text(),
                  f"fraud needs a finding, the agency and evidence: {text()[:300]}")
            driver.find_element(By.NAME, "checkedAt").send_keys("2022-02-16T10:00")
            Select(driver.find_element(By.NAME, "result")).select_by_value("fraud")
            driver.find_element(By.NAME, "note").send_keys("数采仪参数被修改，二氧化硫设定为固定值")
            driver.find_element(By.NAME, "agency").send_keys("示例环保运维有限公司")
            driver.find_element(By.NAME, "persons").send_keys("张某")
            driver.find_element(By.NAME, "files[]").send_keys(evidence)
            submit(driver.find_element(By.XPATH, "//button[text()='保存检查记录']"))
            check("现场检查已记录" in text() and "现场检查笔录.pdf" in text(), f"the check is recorded: {text()[:300]}")
            browser.logout()

            browser.login("office1")
            driver.get(base + "/sources/cases")
            check("数采仪参数被修改" in text(), "the case is on the enforcement list")
            submit(driver.find_element(By.XPATH, "//button[text()='公开']"))
            check("撤回公开" in [b.text for b in driver.find_elements(By.TAG_NAME, "button")], "it is published")
            browser.logout()

            driver.get(base + "/public/monitoring")
            page = text()
            check("示例环保运维有限公司" in page and "张某" in page and "示例钢铁有限公司" in page,
                  f"the public list, anonymous: {page[:400]}")
            if args.screenshots:
                browser.shot("sources-public", 900)

            browser.login("zz-reporter")
            driver.get(base + "/sources")
            check("两项均已达到要求" in text() and "导入排放口名录" not in text(), "a county sees the coverage, no uploads")
            cookies = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
            request = urllib.request.Request(base + "/sources/suspects", headers={"Cookie": cookies})
            try:
                status = urllib.request.urlopen(request).status
            except urllib.error.HTTPError as error:
                status = error.code
            check(status == 403, f"but not the suspects ({status})")
        finally:
            browser.quit()
    finally:
        stop(server, log, data, check)
    return check.summary("sources flow")


if __name__ == "__main__":
    sys.exit(main())
