#!/usr/bin/env python3
"""End-to-end browser test of market supervision (issue 10): the city bureau's spot-check work in the browser.

Runs `lantian serve` on a fresh SQLite data directory with the clock at 2021-12-03. In headless Chromium

- the city bureau's leader imports the registry of sites as WPS writes CSV (GB18030), sees a file with a bad
  county refused whole with its line named, imports the delivery records as an .xlsx workbook (with warnings for
  an "N/A" volume and a refinery not in the registry), and sets up the 2021 fuel sampling plan (600 batches);
- the plan's coverage view lists every registered station as not sampled, with the 29 days left in the year;
- 泽州县's bureau records a diesel batch at 巴公加油站 with the lab's results: sulfur 10.4 mg/kg passes the
  limit of 10 by GB/T 8170's rounded comparison, flash point 55 °C fails its ≥ 60 — the batch is 不合格; the failed batch's page traces its supply (油库 and 批发企业
  upstream, the refinery above them, the stations they also supplied) as a graph and a table; the form offers
  only its own county's stations (the server's refusal of another county is tested in WebTests); the bureau opens a
  case and orders rectification with a deadline; a second batch at another station passes;
- the plan's progress counts 泽州县's two batches (one failed) and its coverage 2 of 3 stations;
- the office's task page t24 shows the batches and the station coverage counted from the records;
- 双随机: the city bureau fixes a draw of three stations (inspector table uploaded, one inspector conflicted with
  巴公加油站) and its seed's source, sees the inputs' SHA-256, enters the seed, and the verification page says the
  re-run agrees; the files downloaded from the page, run through `lantian market draw` with the published seed,
  give the same hash on standard error and byte-identical rows; the home page reminds that the result is due
  public within 20 working days (31 December); once published, the public page shows it without signing in;
- the city bureau starts the 30-day action against black filling stations on 20 November; 泽州县's bureau records
  a mobile tanker with 800 litres seized and transferred to the police; the action's page counts day 14 and writes
  the summary for the bulletin; f133-3's 30 天 shows 14 days run.

With --screenshots DIR it saves the plan's progress with coverage, the failed batch with its trace graph, and the
draw's verification page.

Usage: market_flow.py --binary .build/debug/lantian [--port 8283] [--screenshots docs/screenshots]
"""
import argparse
import os
import subprocess
import sys
import urllib.request

from browser import Browser, Checks, create_users, scratch, serve, stop
from openpyxl import Workbook
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

PASSWORD = "Blue-sky-e2e-2021"

SITES = [
    "编号,名称,类型,县区,地址,沿线道路,持证,经营者",
    "JC-ZZ-001,巴公加油站,加油站,泽州县,泽州县巴公镇207国道旁,G207,是,晋城石油",
    "JC-ZZ-002,北石店加油站,加油站,泽州县,泽州县北石店镇,,是,晋城石油",
    "JC-ZZ-003,晋阳高速泽州服务区加油站,加油站,泽州县,晋阳高速泽州服务区,G55,是,中石化",
    "JC-GP-001,高平北诗加油站,加油站,高平市,高平市北诗镇,S331,是,中石化",
    "JC-GP-002,高平城东加油站,加油站,高平市,高平市城东,,是,中石化",
    "JC-CQ-001,城区凤台加油站,加油站,城区,城区凤台街,,是,中石油",
    "D-01,晋城油库,油库,城区,城区北石店,,是,晋城石油",
    "W-01,泽州成品油批发,批发企业,泽州县,泽州县金村,,是,泽州商贸",
    "C-ZZ-01,泽州洁净煤配送中心,清洁煤供应点,泽州县,泽州县南村镇,,是,泽州煤业",
]

DELIVERIES = [
    ["供货方", "收货方", "日期", "油品", "数量（升）", "单据号"],
    ["R-TY", "D-01", "2021-10-20", "diesel", 200000, "TY-1020"],
    ["R-TY", "W-01", "2021-10-22", "diesel", 80000, "TY-1022"],
    ["D-01", "JC-ZZ-001", "2021-11-01", "diesel", 20000, "D01-1101"],
    ["W-01", "JC-ZZ-001", "2021-11-03", "diesel", 15000, "W01-1103"],
    ["D-01", "JC-GP-001", "2021-11-05", "diesel", 18000, "D01-1105"],
    ["W-01", "JC-ZZ-002", "2021-11-10", "diesel", 9000, "W01-1110"],
    ["D-01", "JC-CQ-001", "2021-11-12", "diesel", "N/A", "D01-1112"],
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--port", type=int, default=8283)
    parser.add_argument("--screenshots")
    args = parser.parse_args()

    data, env, base, log = scratch("lantian-market-", args.port)
    check = Checks()
    sites = os.path.join(data, "加油站名录.csv")
    with open(sites, "wb") as f:
        f.write(("\r\n".join(SITES) + "\r\n").encode("gb18030"))
    bad = os.path.join(data, "名录-错误.csv")
    with open(bad, "wb") as f:
        f.write(("\r\n".join(SITES[:2] + ["JC-XX-009,某加油站,加油站,太原市,,,是,"]) + "\r\n").encode("gb18030"))
    workbook = Workbook()
    for row in DELIVERIES:
        workbook.active.append(row)
    deliveries = os.path.join(data, "购销记录.xlsx")
    workbook.save(deliveries)
    inspectors = os.path.join(data, "执法人员.csv")
    with open(inspectors, "wb") as f:
        f.write("编号,姓名,单位,回避对象\r\nI01,张伟,市局稽查支队,JC-ZZ-001\r\nI02,李娜,市局稽查支队,\r\n"
                "I03,王强,泽州县局,\r\nI04,刘洋,高平市局,\r\nI05,陈静,城区局,\r\n".encode("gb18030"))

    server = serve(args.binary, env, args.port, log, clock="2021-12-03T09:00:00+08:00")
    try:
        create_users(args.binary, env, PASSWORD, [("samr-leader", "unitLeader", "city-samr"),
                                     ("zz-samr", "unitReporter", "zezhou-samr"), ("office1", "officeAdmin", "office")])
        browser = Browser(base, PASSWORD, args.screenshots)
        driver = browser.driver

        submit = browser.submit

        text = browser.text

        def upload(kind, path):
            driver.get(base + "/market/registry")
            form = driver.find_element(By.XPATH, f"//form[input[@name='kind' and @value='{kind}']]")
            form.find_element(By.NAME, "file").send_keys(path)
            submit(form.find_element(By.CSS_SELECTOR, "button"))

        try:
            browser.login("samr-leader")
            check("市场监管" in text("nav.menu"), "the city bureau's menu has 市场监管")
            upload("sites", bad)
            check("未导入任何数据" in text() and "第 3 行，county" in text() and "太原市" in text(),
                  f"a bad county refuses the file with its line: {text()[:300]}")
            check("合计" in text() and text("table tr:nth-child(2)").endswith("0"), "and nothing was stored")
            upload("sites", sites)
            check("已导入 9 行，其中新增 9 条" in text(), f"the GB18030 registry imports: {text()[:200]}")
            check("加油站（点） 2 3 1 0 0 0 0 6" in text().replace("\n", " ").replace("  ", " ")
                  or "6" in text("table tr:nth-child(2) td:last-child"), "six stations registered")
            upload("deliveries", deliveries)
            page = text()
            check("已导入 7 行，其中新增 7 条" in page, f"the .xlsx deliveries import: {page[:200]}")
            check("“N/A”不是数量" in page and "R-TY 不在场所名录中" in page, "with warnings naming their lines")

            driver.get(base + "/market")
            Select(driver.find_element(By.NAME, "family")).select_by_value("fuel")
            driver.find_element(By.XPATH, "//summary[text()='新建抽检计划']").click()
            quotas = {"city-samr": 180, "chengqu-samr": 60, "zezhou-samr": 80, "gaoping-samr": 80,
                      "yangcheng-samr": 70, "lingchuan-samr": 50, "qinshui-samr": 50, "kaifaqu-samr": 30}
            for unit, quota in quotas.items():
                field = driver.find_element(By.NAME, f"quota-{unit}")
                field.clear()
                field.send_keys(str(quota))
            submit(driver.find_element(By.XPATH, "//button[text()='建立计划']"))
            page = text()
            check("计划 600 批次，已抽检 0 批次" in page and "距年底还有 29 天" in page,
                  f"the plan: 600 batches, 29 days left: {page[:200]}")
            check(all(code in text() for code in ["JC-ZZ-001", "JC-GP-002", "JC-CQ-001"]), "every station is listed as not yet sampled")
            plan_url = driver.current_url.split("?")[0]
            browser.logout()

            browser.login("zz-samr")

            def new_check(site, sampled, results, batch):
                driver.get(base + "/market/checks/new")
                Select(driver.find_element(By.NAME, "product")).select_by_value("diesel")
                submit(driver.find_element(By.XPATH, "//button[text()='选择产品']"))
                driver.find_element(By.NAME, "batch").send_keys(batch)
                driver.find_element(By.NAME, "brand").send_keys("晋城石油")
                driver.find_element(By.NAME, "specification").send_keys("0号")
                if site:
                    Select(driver.find_element(By.NAME, "site")).select_by_value(site)
                date = driver.find_element(By.NAME, "sampledOn")
                date.clear()
                date.send_keys(sampled)
                driver.find_element(By.NAME, "testingBody").send_keys("山西省产品质量监督检验研究院")
                for item, value in results.items():
                    driver.find_element(By.NAME, "result-" + item).send_keys(value)
                submit(driver.find_element(By.XPATH, "//button[text()='保存并判定']"))

            sites_offered = [o.get_attribute("value") for o in Select(driver.find_element(By.NAME, "site")).options] \
                if driver.get(base + "/market/checks/new?product=diesel") is None else []
            check("JC-ZZ-001" in sites_offered and "JC-GP-001" not in sites_offered,
                  f"泽州县's bureau is offered its own county's sites only: {sites_offered}")
            new_check("JC-ZZ-001", "2021-11-20",
                      {"sulfur": "10.4", "flash_point": "55", "cetane_number": "51.2", "density_20c": "832.5"},
                      "20211118-0号")
            page = text()
            check("已按抽样日有效的标准版本判定" in page and "不合格" in text("main p"), f"the batch fails: {page[:300]}")
            check("闪点（闭口）：55<60" in page, "flash point 55 fails ≥ 60")
            failed = text("ul.errors")
            check("硫含量" not in failed, f"sulfur 10.4 passes ≤ 10 by the rounded comparison: {failed}")
            graph = driver.find_elements(By.CSS_SELECTOR, "svg.trace-graph g.trace-node")
            check(len(graph) == 7, f"the trace graph: the station and six nodes ({len(graph)})")
            trace = text("table.trace")
            for node, relation in [("D-01", "上游供货"), ("W-01", "上游供货"), ("R-TY", "上游供货"),
                                   ("JC-GP-001", "同批供货"), ("JC-CQ-001", "同批供货"), ("JC-ZZ-002", "同批供货")]:
                check(any(line.startswith(node) and relation in line for line in trace.split("\n")),
                      f"{node} is {relation} in the trace table: {trace}")
            check_url = driver.current_url.split("?")[0]
            if args.screenshots:
                browser.shot("market-check", 2200)
            driver.find_element(By.NAME, "note").send_keys("闪点不合格，承办人：李明")
            submit(driver.find_element(By.XPATH, "//button[text()='立案']"))
            check("已立案" in text() and "当前阶段：立案" in text(), "the case is opened")
            Select(driver.find_element(By.NAME, "stage")).select_by_value("rectifying")
            driver.find_element(By.NAME, "deadline").send_keys("2021-12-20")
            submit(driver.find_element(By.XPATH, "//button[text()='更新案件']"))
            check("当前阶段：责令整改" in text() and "整改期限：2021-12-20" in text(), "rectification ordered")

            new_check("JC-ZZ-002", "2021-11-22", {"sulfur": "8.6", "flash_point": "62"}, "20211120-0号")
            check("合格" in text("main p") and "不合格" not in text("main p"), "a second batch passes")
            browser.logout()

            browser.login("samr-leader")
            driver.get(plan_url)
            row = driver.find_element(By.XPATH, "//tr[td[text()='泽州县市场监管局']]").text
            check(row.split()[1:4] == ["80", "2", "1"], f"泽州县: quota 80, 2 sampled, 1 failed: {row}")
            county = driver.find_element(By.XPATH, "//table[@class='coverage']//tr[td[text()='泽州县']]").text
            check(county.split()[1:3] == ["3", "2"], f"泽州县's coverage: 2 of 3 stations: {county}")
            check("JC-ZZ-001" not in text("main"), "sampled stations leave the list")
            if args.screenshots:
                browser.shot("market-plan", 2000)
            browser.logout()

            browser.login("office1")
            driver.get(base + "/tasks/t24")
            indicators = text("main")
            for line in ["车用汽柴油抽检批次（市、县两级）", "市场监管记录（fuel-batches）"]:
                check(line in indicators, f"t24 shows {line}")
            fuel = driver.find_element(By.XPATH, "//tr[td[contains(text(),'车用汽柴油抽检批次')]]").text
            check(" 2 " in f" {fuel} " and "未接入" not in fuel, f"t24's 600 批次 counts the two records: {fuel}")
            coverage = driver.find_element(By.XPATH, "//tr[td[contains(text(),'加油站（点）抽检年度覆盖率')]]").text
            check("33.33" in coverage, f"station coverage 2 of 6 = 33.33 %: {coverage}")
            driver.get(check_url)
            check("不合格" in text("main p") and not driver.find_elements(By.NAME, "stage"),
                  "the office reads the failed batch but cannot move its case")
            browser.logout()

            browser.login("samr-leader")
            driver.get(base + "/market/draws")
            for name, value in [("title", "2021年12月加油站双随机检查"), ("count", "3"),
                                ("seedSource", "2021年12月10日福彩3D开奖号码")]:
                driver.find_element(By.NAME, name).send_keys(value)
            driver.find_element(By.NAME, "inspectors").send_keys(inspectors)
            submit(driver.find_element(By.XPATH, "//button[text()='固定名录并生成摘要']"))
            published_hash = driver.find_element(By.CSS_SELECTOR, "table.facts code").text
            check(len(published_hash) == 64 and "待取随机数" in text(), f"the inputs' hash first: {published_hash}")
            driver.find_element(By.NAME, "seed").send_keys("357")
            submit(driver.find_element(By.XPATH, "//button[text()='抽取']"))
            check("结果与记录一致" in text(), f"the verification page re-runs the draw: {text()[:300]}")
            rows = driver.find_elements(By.CSS_SELECTOR, "table.draw tr")[1:]
            check(len(rows) == 3, f"three stations drawn: {len(rows)}")
            bagong = [r.text for r in rows if r.text.startswith("JC-ZZ-001")]
            check(all("张伟" not in r for r in bagong), f"the conflicted inspector is never assigned: {bagong}")
            check("应于 2021-12-31 前公开（还有 20 个工作日）" in text(), "due public within 20 working days")
            draw_url = driver.current_url.split("?")[0]
            cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())

            def download(name):
                request = urllib.request.Request(f"{draw_url}/files/{name}", headers={"Cookie": cookie})
                with urllib.request.urlopen(request) as response:
                    return response.read()

            for name in ["objects.csv", "inspectors.csv"]:
                with open(os.path.join(data, name), "wb") as f:
                    f.write(download(name))
            rerun = subprocess.run([args.binary, "market", "draw", "--objects", os.path.join(data, "objects.csv"),
                                    "--inspectors", os.path.join(data, "inspectors.csv"), "--count", "3",
                                    "--per-object", "2", "--seed", "357"], capture_output=True, env=env)
            check(rerun.returncode == 0 and rerun.stdout == download("result.csv"),
                  f"lantian market draw on the published files gives the same rows: {rerun.stdout!r} {rerun.stderr!r}")
            check(published_hash in rerun.stderr.decode(), "and the same inputs hash")
            if args.screenshots:
                browser.shot("market-draw", 2000)
            driver.get(base + "/market")
            check("双随机结果待公开：2021年12月加油站双随机检查" in text(), "the home page reminds the result is due public")
            driver.get(draw_url)
            submit(driver.find_element(By.XPATH, "//button[text()='公开结果']"))
            check("已于 2021-12-03 公开" in text(), "published")
            public_url = driver.find_element(By.LINK_TEXT, "公开页面（无需登录）").get_attribute("href")
            browser.logout()
            driver.get(public_url)
            check("结果与记录一致" in text() and len(driver.find_elements(By.CSS_SELECTOR, "table.draw tr")) == 4,
                  "the public page shows the result without signing in")

            browser.login("samr-leader")
            driver.get(base + "/market")
            driver.find_element(By.XPATH, "//summary[text()='启动专项行动']").click()
            driver.find_element(By.NAME, "start").send_keys("2021-11-20")
            submit(driver.find_element(By.XPATH, "//button[text()='启动']"))
            action_url = driver.current_url.split("?")[0]
            browser.logout()
            browser.login("zz-samr")
            driver.get(action_url)
            Select(driver.find_element(By.NAME, "kind")).select_by_value("mobileTanker")
            driver.find_element(By.NAME, "place").send_keys("G207 巴公段")
            day = driver.find_element(By.NAME, "day")
            day.clear()
            day.send_keys("2021-11-25")
            driver.find_element(By.NAME, "volume").send_keys("800")
            Select(driver.find_element(By.NAME, "police")).select_by_value("yes")
            submit(driver.find_element(By.XPATH, "//button[text()='录入']"))
            summary = text("p.summary")
            check("已开展14天（共30天），共查处1起，其中流动加油车1起" in summary and "查扣油品800升，移送公安机关1起" in summary,
                  f"the action's summary for the bulletin: {summary}")
            browser.logout()
            browser.login("office1")
            driver.get(base + "/tasks/f133-3")
            days = driver.find_element(By.XPATH, "//tr[td[contains(text(),'专项行动天数')]]").text
            check(" 14 " in f" {days} " and "未接入" not in days, f"f133-3 counts the action's days: {days}")
        finally:
            browser.quit()
    finally:
        stop(server, log, data, check)

    sys.exit(check.summary("market e2e"))


if __name__ == "__main__":
    main()
