#!/usr/bin/env python3
"""Screenshots for docs/screenshots: a demo instance with sample October reports.

Runs `lantian serve` twice on a fresh data directory with LANTIAN_CLOCK_START (the training-instance clock):
first on 2021-11-05 22:00, when a sample of units report October's progress through the API (sample figures,
not the real campaign's), then on 2021-11-08, when the office looks at the dashboard. Saves PNGs of the
dashboard, the task list, a task page and a report form.

Usage: screenshots.py --binary .build/debug/lantian --out docs/screenshots
"""
import argparse
import os
import random
import shutil
import subprocess
import tempfile

from browser import Browser, call
from browser import serve as start

PASSWORD = "Blue-sky-demo-2021"
UNITS = ["zezhou", "gaoping", "yangcheng", "lingchuan", "qinshui", "chengqu", "kaifaqu", "city-eeb", "city-miit",
         "city-energy", "city-samr", "city-transport", "city-urban", "city-ndrc", "city-agri", "city-housing",
         "city-approval", "city-traffic-police", "city-police", "city-commerce", "office", "city-supervision",
         "jinneng-equipment", "emergency-hq", "chengqu-samr", "zezhou-samr", "gaoping-samr", "yangcheng-samr",
         "lingchuan-samr", "qinshui-samr", "kaifaqu-samr"]


def serve(binary, env, clock, port):
    return start(binary, env, port, subprocess.DEVNULL, clock=clock)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--port", type=int, default=8383)
    args = parser.parse_args()
    data = tempfile.mkdtemp(prefix="lantian-shots-")
    env = dict(os.environ, LANTIAN_DATA_DIR=data, LANTIAN_PORT=str(args.port))
    env.pop("DATABASE_URL", None)
    base = f"http://127.0.0.1:{args.port}"
    rng = random.Random(2021)

    server = serve(args.binary, env, "2021-11-05T22:00:00+08:00", args.port)
    try:
        # users.csv: a leader for every unit that reports, and the office.
        units = [u for u in UNITS]
        path = os.path.join(data, "users.csv")
        with open(path, "w") as f:
            f.write("username,name,role,unit,password\n")
            for unit in units:
                f.write(f"{unit}-leader,{unit}负责人,unitLeader,{unit},{PASSWORD}\n")
            f.write(f"office1,张明,officeAdmin,office,{PASSWORD}\n")
        result = subprocess.run([args.binary, "user", "import", path], env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(result.stderr)
        tokens = {}
        for unit in units:
            try:
                tokens[unit] = call(base, "POST", "/api/v1/tokens", body={"username": f"{unit}-leader", "password": PASSWORD})["token"]
            except Exception:
                pass
        tasks = call(base, "GET", "/api/v1/tasks", tokens["office"])
        for task in tasks:
            t = task["task"]
            deadline_share = 1.0 if t["deadline"] <= "2021-10-31" else 31 / max(31, (
                (int(t["deadline"][:4]) - 2021) * 365 + (int(t["deadline"][5:7]) - 10) * 30.5 + int(t["deadline"][8:10])))
            for unit in sorted(set(t["lead"] + t["responsible"])):
                if unit not in tokens or rng.random() < 0.15:
                    continue  # some units miss the deadline
                values = {}
                for item in task["indicators"]:
                    indicator = item["indicator"]
                    target = indicator["target"]
                    if indicator["direction"] == "atMost":
                        value = target * rng.uniform(0.6, 1.05)
                    else:
                        value = target * min(1, deadline_share * rng.uniform(0.5, 1.6))
                    whole = indicator["unit"] != "%" and float(target).is_integer()
                    values[indicator["code"]] = float(round(value)) if whole else round(value, 1)
                done = unit in t["lead"] and all(
                    (values[i["indicator"]["code"]] >= i["indicator"]["target"]) if i["indicator"]["direction"] == "atLeast"
                    else (values[i["indicator"]["code"]] <= i["indicator"]["target"]) for i in task["indicators"]
                ) and deadline_share == 1.0
                body = {"action": "approve", "reportedStatus": "done" if done else "inProgress",
                        "narrative": "10月份工作进展（演示数据）。", "values": values}
                try:
                    call(base, "POST", f"/api/v1/tasks/{t['code']}/reports/{unit}/2021-10", tokens[unit], body)
                except Exception as error:
                    print("skip", t["code"], unit, error)
    finally:
        server.terminate()
        server.wait()

    server = serve(args.binary, env, "2021-11-08T09:30:00+08:00", args.port)
    try:
        browser = Browser(base, PASSWORD, args.out)
        driver, login, logout = browser.driver, browser.login, browser.logout

        def shot(name, height=None):
            full = driver.execute_script("return document.body.scrollHeight")
            browser.shot(name, height or min(full, 2400))

        login("office1")
        shot("dashboard", 1800)
        driver.get(base + "/tasks?county=zezhou")
        shot("tasks", 1600)
        driver.get(base + "/tasks/t11")
        shot("task")
        logout()
        login("zezhou-leader")
        driver.get(base + "/my")
        shot("my-tasks", 1400)
        driver.get(base + "/tasks/t15/reports/zezhou/2021-11")
        shot("report-form")
        browser.quit()
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
