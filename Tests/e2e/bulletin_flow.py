#!/usr/bin/env python3
"""End-to-end browser test of the dispatch bulletin (issue 14).

Runs `lantian serve` on a fresh SQLite data directory with the clock at 2022-02-10 09:00 (the bundled January–March
2022 station rows loaded at first start). In headless Chromium:

- the office opens 调度通报: January is a draft; its page shows the city's January PM2.5 (82.5 µg/m³, worked out by
  hand in BulletinTests) and the station ranking with 2160A and 2162A sharing 2nd place;
- a county reporter sees no January bulletin in the list and a 404 on its draft;
- the office writes the opening and the requirements, saves, and finalises with 晋市气防办〔2022〕3号 on 2022-02-08;
  a number that is no number is refused on the page with the reason, the typed number kept;
- the Word download is a .docx whose text carries the number and the figure; LibreOffice (when installed, as in
  CI) renders it to PDF, and pdftoppm renders its first page;
- the county reporter now reads the finalised bulletin and downloads it;
- nobody signed in: the bulletin is not public until the office publishes it; then the public front page shows the
  two targets, the season's charts and the bulletin, the public task list shows statuses without 未报送, and the
  bulletin reads as finalised; public pages are cacheable and set no cookie;
- the office's assessment for January scores every county and department, explains 泽州县's parts and links them
  to its tasks and reports; the campaign's dossier downloads as a ZIP whose entries all check out.

With --screenshots DIR it saves the bulletin page, the printable copy, the .docx's first page as LibreOffice
renders it, the public front page and task list, and the assessment page.

Usage: bulletin_flow.py --binary .build/debug/lantian [--port 8289] [--screenshots docs/screenshots]
"""
import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request
import zipfile

from browser import Browser, Checks, create_users, scratch, serve, stop
from selenium.webdriver.common.by import By

PASSWORD = "Blue-sky-e2e-2021"


def download(browser, path):
    """GET `path` with the browser's session cookie: (status, headers, bytes)."""
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in browser.driver.get_cookies())
    request = urllib.request.Request(browser.base + path, headers={"Cookie": cookies})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--port", type=int, default=8289)
    parser.add_argument("--screenshots")
    args = parser.parse_args()

    data, env, base, log = scratch("lantian-bulletin-", args.port)
    check = Checks()
    server = serve(args.binary, env, args.port, log, clock="2022-02-10T09:00:00+08:00")
    try:
        create_users(args.binary, env, PASSWORD,
                     [("zz-reporter", "unitReporter", "zezhou"), ("office1", "officeAdmin", "office")])
        office = Browser(base, PASSWORD, args.screenshots)
        driver = office.driver
        office.login("office1")
        driver.get(base + "/bulletins")
        check("2022年1月" in office.text() and "草稿" in office.text() or "未起草" in office.text(),
              "the office's list offers January")
        driver.find_element(By.LINK_TEXT, "2022年1月").click()
        page = office.text()
        check("全市PM2.5平均浓度为82.5 µg/m³" in page, "January's city PM2.5 is 82.5 µg/m³")
        row = driver.find_element(By.CSS_SELECTOR, "table[data-table=stations] tr[data-key='2160A']").text
        check("6.08 并列2" in row, f"2160A shares 2nd place: {row}")
        row = driver.find_element(By.CSS_SELECTOR, "table[data-table=stations] tr[data-key='2162A']").text
        check("6.08 并列2" in row, f"2162A shares 2nd place: {row}")

        county = Browser(base, PASSWORD)
        county.login("zz-reporter")
        county.driver.get(base + "/bulletins")
        check("2022年1月" not in county.text(), "a county sees no draft in the list")
        status, _, _ = download(county, "/bulletins/2022-01")
        check(status == 404, f"a county gets 404 on the draft ({status})")

        driver.find_element(By.NAME, "opening").send_keys("现将2022年1月全市大气污染防治攻坚工作情况通报如下。")
        driver.find_element(By.NAME, "requirements").send_keys("各县（市、区）要对照滞后任务逐项整改。")
        office.submit(driver.find_element(By.XPATH, "//button[text()='保存草稿']"))
        check("现将2022年1月全市大气污染防治攻坚工作情况通报如下。" in office.text(), "the opening is saved and shown")

        number = driver.find_element(By.NAME, "number")
        number.clear()
        number.send_keys("第三号")
        office.submit(driver.find_element(By.XPATH, "//button[text()='定稿']"))
        check("发文字号应写作" in office.text(), "a bad number is refused with the reason")
        check(driver.find_element(By.NAME, "number").get_attribute("value") == "第三号", "the typed number is kept")
        number = driver.find_element(By.NAME, "number")
        number.clear()
        number.send_keys("晋市气防办〔2022〕3号")
        issued = driver.find_element(By.NAME, "issuedOn")
        issued.clear()
        issued.send_keys("2022-02-08")
        office.submit(driver.find_element(By.XPATH, "//button[text()='定稿']"))
        page = office.text()
        check("通报已定稿" in page and "晋市气防办〔2022〕3号" in page, "finalised with its number")
        check("编辑草稿" not in page, "a final bulletin has no editor")
        office.shot("bulletin-2022-01", height=2600)

        status, headers, docx = download(office, "/bulletins/2022-01/docx")
        check(status == 200 and "wordprocessingml" in headers.get("content-type", ""), "the .docx downloads")
        with zipfile.ZipFile(io.BytesIO(docx)) as z:
            text = z.read("word/document.xml").decode()
        check("晋市气防办〔2022〕3号" in text and "82.5 µg/m³" in text, "the .docx carries the number and the figure")
        if shutil.which("soffice"):
            status, headers, pdf = download(office, "/bulletins/2022-01/pdf")
            check(status == 200 and pdf.startswith(b"%PDF"), f"LibreOffice renders the PDF ({status})")
            if args.screenshots and shutil.which("pdftoppm"):
                folder = tempfile.mkdtemp()
                path = os.path.join(folder, "b.pdf")
                open(path, "wb").write(pdf)
                subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", path,
                                os.path.join(args.screenshots, "bulletin-docx-page1")], check=True)
                produced = [f for f in os.listdir(args.screenshots) if f.startswith("bulletin-docx-page1")]
                for name in produced:
                    os.replace(os.path.join(args.screenshots, name),
                               os.path.join(args.screenshots, "bulletin-docx-page1.png"))
        driver.get(base + "/bulletins/2022-01/print")
        office.shot("bulletin-print", height=2000)

        county.driver.get(base + "/bulletins")
        check("晋市气防办〔2022〕3号" in county.text(), "the county's list now shows the finalised bulletin")
        county.driver.get(base + "/bulletins/2022-01")
        check("82.5 µg/m³" in county.text() and "编辑草稿" not in county.text()
              and "在公开页面发布" not in county.text(), "the county reads the final bulletin, without office forms")
        status, _, _ = download(county, "/bulletins/2022-01/docx")
        check(status == 200, "the county downloads it")
        county.quit()

        # The public pages: nothing of January until the office publishes it, then the frozen copy, anonymous.
        public = Browser(base, PASSWORD, args.screenshots)
        public.driver.get(base + "/public/bulletins")
        check("晋市气防办〔2022〕3号" not in public.text(), "an unpublished final bulletin is not public")
        status, _, _ = download(public, "/public/bulletins/2022-01")
        check(status == 404, f"nor is its page ({status})")
        driver.get(base + "/bulletins/2022-01")
        office.submit(driver.find_element(By.XPATH, "//button[starts-with(text(), '在公开页面发布')]"))
        check("通报已在公开页面发布" in office.text(), "the office publishes it")
        public.driver.get(base + "/public")
        page = public.text()
        check("≤ 48.7 µg/m³" in page and "≤ 7 天" in page, "the public front page shows the two targets")
        check(len(public.driver.find_elements(By.CSS_SELECTOR, "main svg")) >= 4, "and the season's charts")
        check("晋市气防办〔2022〕3号" in page, "and the published bulletin")
        check("退出" not in public.text("body") and "登录" in public.text("nav"), "nobody is signed in")
        public.shot("public-home", height=2400)
        public.driver.find_element(By.LINK_TEXT, "攻坚任务进展").click()
        page = public.text()
        check("遏制“两高”项目盲目发展" in page and "未报送" not in page, "the tasks with their public status")
        public.shot("public-tasks", height=1600)
        # Through the front page's link, as a visitor goes.
        public.driver.get(base + "/public")
        public.driver.find_element(By.CSS_SELECTOR, "a[href='/public/bulletins/2022-01']").click()
        page = public.text("body")
        check("全市PM2.5平均浓度为82.5 µg/m³" in page and "各县（市、区）要对照滞后任务逐项整改。" in page,
              "the published bulletin reads as finalised")
        status, headers, _ = download(public, "/public")
        check(status == 200 and headers.get("cache-control", "").startswith("public")
              and "set-cookie" not in headers, f"public pages are cacheable and set no cookie ({headers})")
        public.quit()

        # 考核: January's scores, each unit's parts explained, facts linked to their pages.
        driver.get(base + "/assessment?from=2022-01-01&to=2022-01-31")
        page = office.text()
        check("得分与排名" in page and "量化问责名单" in page, "the office's assessment page")
        rows = driver.find_elements(By.CSS_SELECTOR, "table[data-table=scores] tr[data-unit]")
        check(len(rows) >= 10, f"every county and department is scored ({len(rows)})")
        zezhou = driver.find_element(By.ID, "unit-zezhou")
        check("报送及时" in zezhou.text and "任务完成" in zezhou.text, "泽州县's parts are explained")
        links = zezhou.find_elements(By.CSS_SELECTOR, "a[href^='/tasks/']")
        check(len(links) > 0, "and linked to its tasks and reports")
        office.shot("assessment-2022-01", height=2400)

        # 考核资料: the whole campaign's dossier, linked from the page, is a ZIP whose every entry checks out.
        link = driver.find_element(By.LINK_TEXT, "下载全部考核资料（ZIP）").get_attribute("href")
        status, headers, body = download(office, link.replace(base, ""))
        check(status == 200 and headers.get("content-type") == "application/zip", f"the dossier downloads ({status})")
        with zipfile.ZipFile(io.BytesIO(body)) as z:
            check(z.testzip() is None, "every entry's CRC checks")
            index = z.read("index.html").decode()
            check("月度报告（报送大气办的每一版）" in index and "任务状态（各月末）" in index, "its index lists the reports")
            check("晋市气防办〔2022〕3号" in index, "and the bulletins")
        office.quit()
    finally:
        stop(server, log, data, check)
    print(f"bulletin flow: {check.count - len(check.failures)} of {check.count} checks passed")
    sys.exit(1 if check.failures else 0)


if __name__ == "__main__":
    main()
