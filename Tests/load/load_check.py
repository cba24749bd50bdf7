#!/usr/bin/env python3
"""Bounded load check on loopback: N signed-in users browse the dashboard, their task list and their unit's monthly
page (月度报送) and save progress reports — one at a time, and now and then a whole month on the monthly page —
for a fixed time; then every saved report is counted back through the API ("no lost report").

Starts `lantian serve` itself (fresh SQLite data directory, or the PostgreSQL of --database-url with its schema
emptied), creates the users with `lantian user import`, and prints latency percentiles and throughput.

Usage: load_check.py --binary .build/release/lantian [--database-url postgres://…] [--users 100]
                     [--duration 180] [--think 1.0] [--mix monthly|classic]
"""
import argparse
import http.client
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.parse

PASSWORD = "Blue-sky-load-2021"
# Units that report on tasks: every county, and the departments that lead most tasks.
UNITS = ["zezhou", "gaoping", "yangcheng", "lingchuan", "qinshui", "chengqu", "kaifaqu",
         "city-eeb", "city-miit", "city-energy", "city-samr", "city-transport", "city-urban", "city-ndrc",
         "city-agri", "city-housing"]
MONTHS = ["2021-10", "2021-11", "2021-12", "2022-01", "2022-02", "2022-03"]


class Client:
    def __init__(self, port):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookie = None
        self.csrf = ""

    def request(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        if self.cookie:
            headers["Cookie"] = self.cookie
        started = time.perf_counter()
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        data = response.read()
        elapsed = time.perf_counter() - started
        cookie = response.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";")[0]
        match = re.search(rb'name="_csrf" value="([^"]+)"', data)
        if match:
            self.csrf = match.group(1).decode()
        return response.status, data, elapsed

    def post_form(self, path, fields):
        body = urllib.parse.urlencode([("_csrf", self.csrf)] + fields)
        return self.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})

    def login(self, username):
        self.request("GET", "/login")
        status, _, _ = self.post_form("/login", [("username", username), ("password", PASSWORD)])
        if status != 303:
            raise RuntimeError(f"login of {username} failed: {status}")


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--database-url")
    parser.add_argument("--users", type=int, default=100)
    parser.add_argument("--duration", type=float, default=180)
    parser.add_argument("--think", type=float, default=1.0, help="seconds a user pauses between requests")
    parser.add_argument("--port", type=int, default=8282)
    parser.add_argument("--mix", choices=["monthly", "classic"], default="monthly",
                        help="classic: dashboard, 本单位任务 and single saves only (the mix before 月度报送)")
    args = parser.parse_args()

    data = tempfile.mkdtemp(prefix="lantian-load-")
    env = dict(os.environ, LANTIAN_DATA_DIR=data, LANTIAN_PORT=str(args.port))
    env.pop("DATABASE_URL", None)
    if args.database_url:
        env["DATABASE_URL"] = args.database_url
        subprocess.run(["psql", args.database_url, "-q", "-c", "DROP SCHEMA public CASCADE; CREATE SCHEMA public"],
                       check=True, stdout=subprocess.DEVNULL)
    log = open(os.path.join(data, "serve.log"), "w")
    server = subprocess.Popen([args.binary, "serve"], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.time() + 120
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=2)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    break
            except OSError:
                pass
            if time.time() > deadline:
                raise SystemExit("server did not start")
            time.sleep(0.5)

        users = [(f"load{i:03d}", UNITS[i % len(UNITS)]) for i in range(args.users)]
        csv_path = os.path.join(data, "users.csv")
        with open(csv_path, "w") as f:
            f.write("username,name,role,unit,password\n")
            for username, unit in users:
                f.write(f"{username},{username},unitLeader,{unit},{PASSWORD}\n")
            f.write(f"load-office,load-office,officeAdmin,office,{PASSWORD}\n")
        subprocess.run([args.binary, "user", "import", csv_path], env=env, check=True, stdout=subprocess.DEVNULL)

        office = Client(args.port)
        office.login("load-office")
        tasks = json.loads(office.request("GET", "/api/v1/tasks")[1])
        reporting = {}
        for task in tasks:
            t = task["task"]
            for unit in set(t["lead"] + t["cooperating"] + t["responsible"]):
                reporting.setdefault(unit, []).append((t["code"], [i["code"] for i in t["indicators"]]))

        # Each user of a unit gets its own share of the unit's tasks, so that no two users write one report.
        by_unit = {}
        for username, unit in users:
            by_unit.setdefault(unit, []).append(username)
        assignments = {}
        for unit, names in by_unit.items():
            own = reporting.get(unit, [])
            for index, username in enumerate(names):
                assignments[username] = (unit, own[index::len(names)])

        latencies = {"dashboard": [], "my": [], "save": [], "monthly": [], "month-save": []}
        month_rows = []
        errors = []
        saves = [0]
        lock = threading.Lock()
        # Everyone signs in first (Bcrypt is deliberately slow); the measured phase starts together.
        barrier = threading.Barrier(len(users) + 1)
        stop_at = [0.0]

        def user_loop(username):
            unit, own = assignments[username]
            client = Client(args.port)
            client.login(username)
            barrier.wait()
            rng = random.Random(username)
            time.sleep(rng.uniform(0, args.think))
            step = 0
            # The month this user saves whole on the monthly page: users of one unit take different months.
            whole_month = MONTHS[by_unit[unit].index(username) % len(MONTHS)]
            while time.time() < stop_at[0]:
                step += 1
                if args.mix == "classic":
                    kind = ["dashboard", "my", "save"][step % 3]
                else:
                    kind = ["dashboard", "my", "save", "monthly"][step % 4]
                    if step % 12 == 0:
                        kind = "month-save"
                if kind in ("save", "month-save") and not own:
                    kind = "dashboard"
                try:
                    if kind == "dashboard":
                        status, _, elapsed = client.request("GET", "/")
                        ok = status == 200
                    elif kind == "my":
                        status, _, elapsed = client.request("GET", "/my")
                        ok = status == 200
                    elif kind == "monthly":
                        status, _, elapsed = client.request("GET", f"/units/{unit}/months/{rng.choice(MONTHS)}")
                        ok = status == 200
                    elif kind == "month-save":
                        # Every task of the unit in one form, as the page sends it: one transaction.
                        path = f"/units/{unit}/months/{whole_month}"
                        client.request("GET", path)
                        fields = [("action", "saveAll")]
                        for code, indicators in reporting.get(unit, []):
                            fields += [(f"rows[{code}][reportedStatus]", "inProgress"),
                                       (f"rows[{code}][narrative]", f"{username} 第{step}次整月保存")]
                            fields += [(f"rows[{code}][values][{i}]", str(rng.randint(0, 1000))) for i in indicators]
                        status, _, elapsed = client.post_form(path, fields)
                        ok = status == 303
                    else:
                        code, indicators = rng.choice(own)
                        month = rng.choice(MONTHS)
                        path = f"/tasks/{code}/reports/{unit}/{month}"
                        client.request("GET", path)
                        fields = [("action", "save"), ("reportedStatus", "inProgress"),
                                  ("narrative", f"{username} 第{step}次保存")]
                        fields += [(f"values[{i}]", str(rng.randint(0, 1000))) for i in indicators]
                        status, _, elapsed = client.post_form(path, fields)
                        ok = status == 303
                    with lock:
                        if ok:
                            latencies[kind].append(elapsed)
                            if kind == "save":
                                saves[0] += 1
                            elif kind == "month-save":
                                saves[0] += len(reporting.get(unit, []))
                                month_rows.append(len(reporting.get(unit, [])))
                        else:
                            errors.append(f"{kind} {status}")
                except Exception as error:  # noqa: BLE001 — every failure is counted
                    with lock:
                        errors.append(f"{kind} {error!r}")
                    client = Client(args.port)
                    client.login(username)
                time.sleep(rng.uniform(0.5, 1.5) * args.think)

        threads = [threading.Thread(target=user_loop, args=(name,)) for name, _ in users]
        for thread in threads:
            thread.start()
        stop_at[0] = time.time() + args.duration + 1e9  # set properly once everyone is in
        barrier.wait()
        started = time.time()
        stop_at[0] = started + args.duration
        for thread in threads:
            thread.join()
        wall = time.time() - started

        # No lost report: every save is one revision of one report. Drafts are private to their unit, so each
        # unit's reports are counted by one of its own users.
        stored = 0
        for unit, names in by_unit.items():
            reader = Client(args.port)
            reader.login(names[0])
            for code, _ in reporting.get(unit, []):
                reports = json.loads(reader.request("GET", f"/api/v1/tasks/{code}/reports")[1])
                stored += sum(report["revision"] for report in reports if report["unit"] == unit)

        database = "PostgreSQL" if args.database_url else "SQLite"
        total = sum(len(v) for v in latencies.values())
        print(f"database: {database}; users: {args.users}; duration: {wall:.0f} s; think time: {args.think} s")
        print(f"requests: {total} ok, {len(errors)} errors; throughput {total / wall:.1f} req/s")
        for kind, values in latencies.items():
            ms = [v * 1000 for v in values]
            if ms:
                print(f"  {kind:9s} n={len(ms):6d}  p50={percentile(ms, 50):7.1f} ms  p95={percentile(ms, 95):7.1f} ms"
                      f"  p99={percentile(ms, 99):7.1f} ms  max={max(ms):7.1f} ms  mean={statistics.mean(ms):6.1f} ms")
        if month_rows:
            print(f"month saves: {len(month_rows)}, {min(month_rows)}–{max(month_rows)} rows each "
                  f"(mean {statistics.mean(month_rows):.0f})")
        print(f"report writes acknowledged: {saves[0]}; revisions stored: {stored}; lost: {saves[0] - stored}")
        if errors:
            print("errors (first 10):", errors[:10])
        ok = not errors and saves[0] == stored
        print(f"load: {1 if ok else 0} passed, {0 if ok else 1} failed")
        raise SystemExit(0 if ok else 1)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
        problems = [line for line in open(os.path.join(data, "serve.log"), errors="replace")
                    if " error " in line or "critical" in line]
        if problems:
            print("server errors (first 5):", "".join(problems[:5]))
        if os.environ.get("LANTIAN_KEEP_LOAD_DATA"):
            print("data kept in", data)
        else:
            shutil.rmtree(data, ignore_errors=True)


if __name__ == "__main__":
    main()
