#!/usr/bin/env python3
"""End-to-end browser test of 月度报送 (issue 9): a county reports its whole month on one page.

Runs `lantian serve` twice on one fresh SQLite data directory with LANTIAN_CLOCK_START: on 2021-11-04, when
泽州县's leader submits three October reports through the API; then on 2021-12-03, when in headless Chromium

- the reporter opens 月度报送 for November: all 52 tasks in one table, tab order along each row;
- carries two rows forward (与上月相同), changes one of them ("1.6万" read as 16000) and another, writes every
  other row, attaches one evidence file, presses Enter in a field (saves every changed row), and sends the month to
  the leader together (全部提交审核);
- the leader sends one row back with a comment and passes the rest (通过全部待审核);
- the reporter finds the row sent back first, with the comment;
- the office's dashboard counts 泽州县's November reports in (51/52), and its view of the month shows the row
  still carried forward.

With --screenshots DIR it saves the monthly page as the reporter and the leader see it.

Usage: monthly_flow.py --binary .build/debug/lantian [--port 8282] [--screenshots docs/screenshots]
"""
import argparse
import os
import sys

from browser import Browser, Checks, call, create_users, scratch, serve, stop, wait_replaced
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

PASSWORD = "Blue-sky-e2e-2021"
MONTH = "/units/zezhou/months/2021-11"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--port", type=int, default=8282)
    parser.add_argument("--screenshots")
    args = parser.parse_args()

    data, env, base, log = scratch("lantian-monthly-", args.port)
    check = Checks()

    # 4 November: October's reports on three tasks, submitted by the leader through the API.
    server = serve(args.binary, env, args.port, log, clock="2021-11-04T10:00:00+08:00")
    try:
        create_users(args.binary, env, PASSWORD, [("zz-reporter", "unitReporter", "zezhou"), ("zz-leader", "unitLeader", "zezhou"),
                                     ("office1", "officeAdmin", "office")])
        token = call(base, "POST", "/api/v1/tokens", body={"username": "zz-leader", "password": PASSWORD})["token"]
        for code, values, narrative in [("t11", {"households": 1200}, "十月完成气代煤1200户"),
                                        ("s03-1", {"households": 12000}, "十月累计替代散煤12000户"),
                                        ("s02-3", {"steel-cut": 20}, "十月压减粗钢20万吨")]:
            call(base, "POST", f"/api/v1/tasks/{code}/reports/zezhou/2021-10", token,
                 {"action": "approve", "reportedStatus": "inProgress", "narrative": narrative, "values": values})
    finally:
        server.terminate()
        server.wait(timeout=30)

    # 3 December: November's reports, due on the 5th.
    server = serve(args.binary, env, args.port, log, clock="2021-12-03T09:00:00+08:00")
    try:
        browser = Browser(base, PASSWORD, args.screenshots)
        driver, login, logout = browser.driver, browser.login, browser.logout

        def shot(name, height=2400):
            browser.shot(name, height)

        def submitted(element):
            """Waits for the page that replaces the one `element` is on."""
            wait_replaced(driver, element, 30)
            WebDriverWait(driver, 15).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".notice, .errors")))

        def click(value):
            button = driver.find_element(By.CSS_SELECTOR, f"button[value='{value}']")
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
            button.click()
            submitted(button)

        def rows():
            return [r.get_attribute("id")[4:] for r in driver.find_elements(By.CSS_SELECTOR, "table.monthly tr[id]")]

        def states():
            found = {}
            for row in driver.find_elements(By.CSS_SELECTOR, "table.monthly tr[id]"):
                badges = row.find_elements(By.CSS_SELECTOR, ".badge[class*='r-']")
                found[row.get_attribute("id")[4:]] = badges[0].text if badges else ""
            return found

        def notice():
            found = driver.find_elements(By.CSS_SELECTOR, ".notice")
            return found[0].text if found else driver.find_element(By.CSS_SELECTOR, "main").text[:400]

        try:
            login("zz-reporter")
            driver.find_element(By.LINK_TEXT, "月度报送").click()
            check(driver.current_url.endswith(MONTH), f"月度报送 opens November: {driver.current_url}")
            codes = rows()
            check(len(codes) == 52, f"all 52 of 泽州县's tasks on one page, found {len(codes)}")

            # Tab order follows the row: status, number, narrative, file, the row's own buttons.
            driver.execute_script("document.getElementById('status-s02-3').focus()")
            order = []
            for _ in range(5):
                ActionChains(driver).send_keys(Keys.TAB).perform()
                active = driver.switch_to.active_element
                order.append(active.get_attribute("id") or active.get_attribute("value"))
            check(order == ["value-s02-3-steel-cut", "narrative-s02-3", "evidence-s02-3", "save:s02-3", "carry:s02-3"],
                  f"tab order along the row: {order}")

            click("carry:t11")
            check("已沿用上月报告" in notice(), f"t11 carried forward: {notice()}")
            click("carry:s03-1")
            field = driver.find_element(By.ID, "value-s03-1-households")
            check(field.get_attribute("value") == "12000", "s03-1 carries October's 12000 households")
            field.clear()
            field.send_keys("1.6万")
            driver.find_element(By.ID, "narrative-s03-1").send_keys("；十一月底累计1.6万户")
            driver.find_element(By.CSS_SELECTOR, "#status-s02-3 option[value=done]").click()
            driver.find_element(By.ID, "value-s02-3-steel-cut").send_keys("40.4")
            for code in codes:
                if code in ("t11", "s03-1"):
                    continue
                driver.find_element(By.ID, f"narrative-{code}").send_keys(f"十一月按计划推进（{code}）")
            evidence = os.path.join(data, "搬迁批复.pdf")
            with open(evidence, "wb") as f:
                f.write(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
            driver.find_element(By.ID, "evidence-s01-3").send_keys(evidence)
            # Enter in a field saves every changed row (the form's default button), not the first row's.
            steel = driver.find_element(By.ID, "value-s02-3-steel-cut")
            steel.send_keys(Keys.ENTER)
            submitted(steel)
            check("已保存" in notice(), f"Enter saves the month: {notice()}")
            saved = states()
            check(all(state == "草稿" for state in saved.values()), f"every row saved as a draft: {saved}")
            check(driver.find_element(By.ID, "value-s03-1-households").get_attribute("value") == "16000",
                  "1.6万 is stored as 16000")
            t11 = driver.find_element(By.ID, "row-t11").text
            # The mark, not the button of the same name.
            check("与上月相同（沿用2021年10月" in t11, "t11 is still marked as carried forward")
            check("（沿用" not in driver.find_element(By.ID, "row-s03-1").text, "s03-1, changed, is not")
            check("搬迁批复.pdf" in driver.find_element(By.ID, "row-s01-3").text, "the file is on s01-3's row")
            shot("monthly")

            click("submitAll")
            check("已提交单位负责人审核" in notice(), f"sent to the leader: {notice()}")
            sent = states()
            check(all(state == "待审核" for state in sent.values()), f"all 52 wait for the leader: {sent}")
            logout()

            login("zz-leader")
            driver.get(base + MONTH)
            comment = driver.find_element(By.ID, "comment-s01-3")
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", comment)
            comment.send_keys("请补充搬迁时间表")
            driver.execute_script("window.scrollTo(0, 0)")
            shot("monthly-leader", 1400)
            click("reject:s01-3")
            check("已退回填报员" in notice(), f"s01-3 sent back: {notice()}")
            click("approveAll")
            check("已报送大气办" in notice(), f"the rest passed: {notice()}")
            passed = states()
            check(sum(state == "已报送" for state in passed.values()) == 51, f"51 rows submitted: {passed}")
            logout()

            login("zz-reporter")
            driver.get(base + MONTH)
            check(rows()[0] == "s01-3", f"the row sent back comes first: {rows()[:3]}")
            check("退回意见：请补充搬迁时间表" in driver.find_element(By.ID, "row-s01-3").text, "with the comment")
            driver.get(base + "/my")
            check("已退回 1" in driver.find_element(By.CSS_SELECTOR, "p.due").text, "本单位任务 counts the row sent back")
            logout()

            login("office1")
            county = driver.find_element(By.XPATH, "//tr[td/a[text()='泽州县人民政府']]").text
            check("51/52" in county, f"the dashboard counts 泽州县's November reports in: {county!r}")
            driver.get(base + MONTH)
            check("与上月相同（沿用2021年10月" in driver.find_element(By.ID, "row-t11").text,
                  "the office sees t11 carried forward")
            check(not driver.find_elements(By.CSS_SELECTOR, "button[value=saveAll]"), "the office's view has no form")

            # 通知: the office returns t11's November report; 泽州县's reporter finds it on the home page.
            driver.get(base + "/tasks/t11/reports/zezhou/2021-11")
            driver.find_element(By.ID, "comment").send_keys("请补充验收照片")
            click("returnToUnit")
            logout()
            login("zz-reporter")
            driver.get(base + "/")
            panel = driver.find_element(By.CSS_SELECTOR, "main .panel[role=status]").text
            check("未读通知" in panel and "t11 2021年11月报告被退回" in panel and "请补充验收照片" in panel,
                  f"the return is on 泽州县's home page: {panel[:200]}")
            check("通知（" in driver.find_element(By.CSS_SELECTOR, "header .who").text, "the header counts it")
            shot("notices-home", 1000)
            button = driver.find_element(By.XPATH, "//button[text()='全部标为已读']")
            button.click()
            wait_replaced(driver, button, 30)
            driver.get(base + "/")
            check("未读通知" not in driver.find_element(By.TAG_NAME, "main").text, "marked read, the panel is gone")
        finally:
            browser.quit()
    finally:
        stop(server, log, data, check)

    sys.exit(check.summary("monthly e2e"))


if __name__ == "__main__":
    main()
