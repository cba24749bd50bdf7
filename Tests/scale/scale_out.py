#!/usr/bin/env python3
"""Scale-out check: two `lantian serve` instances on one PostgreSQL database behind nginx (round-robin).

Empties the database's public schema, starts instance A (it migrates and loads the Jincheng plan), then
instance B, then nginx in front of both. Through the balancer a 泽州县 leader signs in and keeps the session on
both instances; the office warms both instances' caches; the leader submits a report, which lands on one
instance; the other instance shows it (report page, task status, dashboard) to the office at once.

Usage: scale_out.py --binary .build/debug/lantian --database-url postgres://lantian:lantian@127.0.0.1:5432/db
Needs nginx (Debian's package) and psql on PATH. Talks to 127.0.0.1 only. Prints "N passed, M failed".
"""
import argparse
import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

PASSWORD = "Blue-sky-scale-2021"
TASK = "s04-1"  # 泽州县完成10台燃煤小锅炉淘汰: 泽州县人民政府 leads it alone.
REPORT = f"/tasks/{TASK}/reports/zezhou/2021-10"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, seconds=180):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except Exception:
            time.sleep(0.5)
    raise SystemExit(f"no answer at {url} within {seconds}s")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


class Client:
    """A browser: one cookie jar, the page's form token, no automatic redirects."""

    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())
        self.csrf = ""

    def request(self, url, fields=None):
        data = urllib.parse.urlencode(fields).encode() if fields is not None else None
        try:
            response = self.opener.open(urllib.request.Request(url, data=data), timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        body = response.read().decode("utf-8", "replace")
        token = re.search(r'name="_csrf" value="([^"]+)"', body)
        if token:
            self.csrf = token.group(1)
        return response.status, dict(response.headers), body

    def get(self, url):
        return self.request(url)

    def post(self, url, fields):
        return self.request(url, [("_csrf", self.csrf)] + fields)

    def login(self, base, username):
        self.get(base + "/login")
        status, headers, _ = self.post(base + "/login", [("username", username), ("password", PASSWORD)])
        if status == 303:
            self.get(base + headers.get("Location", "/"))
        return status


def done_count(body):
    """The dashboard's 已完成 card."""
    found = re.search(r'class="card s-done"[^>]*><div class="n">(\d+)</div>', body)
    return int(found.group(1)) if found else None


def badge(body):
    found = re.search(r'<div class="panel"><p><span class="badge s-\w+">([^<]+)</span>', body)
    if found:
        return found.group(1)
    found = re.search(r'class="badge s-\w+">([^<]+)<', body)
    return found.group(1) if found else None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--database-url", required=True)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    url = urllib.parse.urlparse(args.database_url)

    work = tempfile.mkdtemp(prefix="lantian-scale-")
    env_psql = dict(os.environ, PGPASSWORD=url.password or "")
    subprocess.run(
        ["psql", "-q", "-h", url.hostname, "-p", str(url.port or 5432), "-U", url.username, url.path.lstrip("/"),
         "-c", "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"],
        env=env_psql, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    ports = [free_port(), free_port()]
    balancer_port = free_port()
    processes = []
    failures = []
    passed = 0

    def check(condition, message):
        nonlocal passed
        if condition:
            passed += 1
        else:
            failures.append(message)
            print("FAIL:", message)

    def serve(name, port):
        env = dict(os.environ, DATABASE_URL=args.database_url, LANTIAN_PORT=str(port),
                   LANTIAN_DATA_DIR=os.path.join(work, "shared-data"), LANTIAN_TRUST_PROXY="1")
        log = open(os.path.join(work, f"{name}.log"), "w")
        process = subprocess.Popen([binary, "serve"], env=env, stdout=log, stderr=subprocess.STDOUT)
        processes.append(process)
        wait_for(f"http://127.0.0.1:{port}/healthz")
        return env

    try:
        # A first, alone: it creates the schema and loads the plan; B then finds both.
        env = serve("a", ports[0])
        serve("b", ports[1])
        for username, role, unit in [("zz-leader", "unitLeader", "zezhou"), ("office1", "officeAdmin", "office")]:
            subprocess.run(
                [binary, "user", "create", "--username", username, "--name", username, "--role", role,
                 "--unit", unit, "--password", PASSWORD], env=env, check=True, stdout=subprocess.DEVNULL)

        conf = os.path.join(work, "nginx.conf")
        with open(conf, "w") as f:
            f.write(f"""
worker_processes 1;
daemon off;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {work}/body; proxy_temp_path {work}/proxy; fastcgi_temp_path {work}/fastcgi;
    uwsgi_temp_path {work}/uwsgi; scgi_temp_path {work}/scgi;
    upstream lantian {{ server 127.0.0.1:{ports[0]}; server 127.0.0.1:{ports[1]}; }}
    server {{
        listen 127.0.0.1:{balancer_port};
        client_max_body_size 210m;
        location / {{
            proxy_pass http://lantian;
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            add_header X-Upstream $upstream_addr always;
        }}
    }}
}}
""")
        processes.append(subprocess.Popen(["nginx", "-c", conf, "-p", work], stdout=subprocess.DEVNULL,
                                          stderr=subprocess.STDOUT))
        balancer = f"http://127.0.0.1:{balancer_port}"
        wait_for(balancer + "/healthz", 30)
        direct = [f"http://127.0.0.1:{port}" for port in ports]

        # One session, every instance: sign in through the balancer, then pages alternate between A and B.
        leader = Client()
        check(leader.login(balancer, "zz-leader") == 303, "the leader signs in through the balancer")
        upstreams = set()
        signed_in = True
        for _ in range(6):
            status, headers, _ = leader.get(balancer + "/my")
            upstreams.add(headers.get("X-Upstream"))
            signed_in = signed_in and status == 200
        check(len(upstreams) == 2, f"round-robin reaches both instances: {sorted(map(str, upstreams))}")
        check(signed_in, "the session holds on both instances")

        # The office warms both instances' caches.
        office = Client()
        office.login(balancer, "office1")
        before = [badge(office.get(base + f"/tasks/{TASK}")[2]) for base in direct]
        done_before = [done_count(office.get(base + "/")[2]) for base in direct]
        check(None not in done_before and done_before[0] == done_before[1], f"both dashboards agree: {done_before}")
        check(before == ["逾期未完成", "逾期未完成"], f"before the report the task is overdue on both: {before}")

        # The leader submits through the balancer; the answer names the instance that took it.
        leader.get(balancer + REPORT)
        status, headers, _ = leader.post(balancer + REPORT, [
            ("action", "approve"), ("reportedStatus", "done"), ("values[boilers-retired]", "10"),
            ("values[boilers-below-35]", "0"), ("narrative", "周村镇10台燃煤小锅炉已全部拆除（扩展测试）。")])
        check(status == 303, f"the report is submitted (status {status})")
        took = headers.get("X-Upstream", "")
        other = direct[1] if took.endswith(f":{ports[0]}") else direct[0]
        check(took != "", "the balancer names the instance that stored the report")

        # The other instance shows it at once: report, task status, dashboard.
        status, _, body = office.get(other + REPORT)
        check(status == 200 and "扩展测试" in body, "the other instance shows the submitted report")
        after = [badge(office.get(base + f"/tasks/{TASK}")[2]) for base in direct]
        check(after == ["已完成", "已完成"], f"after the report the task is done on both: {after}")
        done_after = [done_count(office.get(base + "/")[2]) for base in direct]
        check(done_after == [done_before[0] + 1] * 2,
              f"both dashboards count one more task done: {done_before} → {done_after}")

        # A unit the office adds on A is in B's plan at once (B's cached plan reloads).
        office.get(direct[0] + "/admin/units")
        status, _, _ = office.post(direct[0] + "/admin/units", [
            ("code", "scale-unit"), ("name", "扩展测试局"), ("kind", "department")])
        check(status in (200, 303), f"the office adds a unit on A (status {status})")
        status, _, body = office.get(direct[1] + "/api/v1/units")  # the loaded plan's units
        check(status == 200 and "扩展测试局" in body, "B's plan has the unit added on A")

        # Signing out on one instance ends the session on the other.
        leader.post(direct[0] + "/logout", [])
        status, _, _ = leader.get(direct[1] + "/my")
        check(status == 303, "signed out on A, B no longer knows the session")
    finally:
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        if failures:
            for name in ["a.log", "b.log", "nginx-error.log"]:
                path = os.path.join(work, name)
                if os.path.exists(path):
                    print(f"--- {name}")
                    print(open(path).read()[-3000:])
        shutil.rmtree(work, ignore_errors=True)

    print(f"scale-out: {passed} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
