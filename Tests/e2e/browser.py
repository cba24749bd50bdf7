"""What the browser tests share: starting `lantian serve`, calling the JSON API, and a headless Chromium that
signs in and out as the site's forms expect."""
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait


def wait_for(url, seconds=120):
    """Waits until `url` answers 200."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except Exception:
            time.sleep(0.5)
    raise SystemExit(f"server did not answer at {url} within {seconds}s")


def serve(binary, env, port, log, clock=None):
    """`lantian serve` with `env` (and the training clock at `clock`), once it answers."""
    env = dict(env, LANTIAN_CLOCK_START=clock) if clock else env
    process = subprocess.Popen([binary, "serve"], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_for(f"http://127.0.0.1:{port}/healthz")
    except SystemExit:
        process.terminate()
        raise
    return process


def call(base, method, path, token=None, body=None):
    """One JSON API call; the decoded answer."""
    request = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body else None)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


class Browser:
    """Headless Chromium (Debian's chromium + chromium-driver) on the site at `base`."""

    def __init__(self, base, password, screenshots=None):
        options = Options()
        for flag in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,1000",
                     "--lang=zh-CN", "--hide-scrollbars"]:
            options.add_argument(flag)
        options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
        self.driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                                       options=options)
        self.driver.implicitly_wait(5)
        self.base = base
        self.password = password
        self.screenshots = screenshots

    def login(self, username):
        driver = self.driver
        driver.get(self.base + "/login")
        driver.find_element(By.NAME, "username").send_keys(username)
        driver.find_element(By.NAME, "password").send_keys(self.password)
        driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
        WebDriverWait(driver, 15).until(EC.presence_of_element_located((By.CSS_SELECTOR, "header .who")))

    def logout(self):
        self.driver.find_element(By.CSS_SELECTOR, "header form button").click()
        WebDriverWait(self.driver, 15).until(EC.presence_of_element_located((By.NAME, "username")))

    def shot(self, name, height=4000):
        """The page as PNG under the screenshots directory (when one was given), up to `height` pixels tall."""
        if not self.screenshots:
            return
        os.makedirs(self.screenshots, exist_ok=True)
        full = self.driver.execute_script("return document.body.scrollHeight")
        self.driver.set_window_size(1440, min(max(full, 900), height))
        self.driver.save_screenshot(os.path.join(self.screenshots, name + ".png"))
        self.driver.set_window_size(1440, 1000)

    def submit(self, button):
        """Clicks a button that loads a page, and waits for the new one."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        button.click()
        wait_replaced(self.driver, old)

    def upload(self, page, kind, path):
        """Opens `page` and submits the upload form whose hidden `kind` is `kind` with the file at `path`."""
        self.driver.get(self.base + page)
        form = self.driver.find_element(By.XPATH, f"//form[input[@name='kind' and @value='{kind}']]")
        form.find_element(By.NAME, "file").send_keys(path)
        self.submit(form.find_element(By.CSS_SELECTOR, "button"))

    def text(self, selector="main"):
        """The visible text of the first element `selector` finds."""
        return self.driver.find_element(By.CSS_SELECTOR, selector).text

    def quit(self):
        self.driver.quit()


def create_users(binary, env, password, users):
    """Accounts `(username, role, unit)` through `lantian user create`, each named as its username."""
    for username, role, unit in users:
        subprocess.run([binary, "user", "create", "--username", username, "--name", username, "--role", role,
                        "--unit", unit, "--password", password], env=env, check=True, stdout=subprocess.DEVNULL)


def scratch(prefix, port):
    """A fresh SQLite data directory for `lantian serve` on `port`: (directory, environment, base URL, log file)."""
    data = tempfile.mkdtemp(prefix=prefix)
    env = dict(os.environ, LANTIAN_DATA_DIR=data, LANTIAN_PORT=str(port))
    env.pop("DATABASE_URL", None)
    return data, env, f"http://127.0.0.1:{port}", open(os.path.join(data, "serve.log"), "w")


class Checks:
    """Counts checks and keeps the failures, printing each as it happens."""

    def __init__(self):
        self.count = 0
        self.failures = []

    def __call__(self, condition, message):
        self.count += 1
        if not condition:
            self.failures.append(message)
            print("FAIL:", message)

    def summary(self, name):
        """Prints `name: n passed, m failed`; the exit status for the script."""
        print(f"{name}: {self.count - len(self.failures)} passed, {len(self.failures)} failed")
        return 1 if self.failures else 0


def stop(server, log, data, check):
    """Stops the server, prints the end of its log when a check failed, and removes the data directory."""
    server.terminate()
    server.wait(timeout=30)
    log.close()
    if check.failures:
        print(open(os.path.join(data, "serve.log")).read()[-4000:])
    shutil.rmtree(data, ignore_errors=True)


def wait_replaced(driver, old, seconds=20):
    """Waits until the element `old` (say, the page's `html`) has left the document: Chromium reports a replaced
    page's node either as stale or as "not in the document", and `staleness_of` only catches the first."""
    def replaced(_):
        try:
            old.is_enabled()
            return False
        except WebDriverException:
            return True

    WebDriverWait(driver, seconds).until(replaced)
